import BoardCore
import Testing
@testable import BoardUI

/// Issue 18, points 4 to 6 on the screens: people by their display names, `m` with the staff list,
/// the medewerker chosen from the list, and overdracht.
@Suite("People on the screens")
struct PeopleScreenTests {
    static let staff = [StaffMember(name: "anouk", displayName: "Anouk de Wit", role: .teamleider),
                        StaffMember(name: "farslan", displayName: "Fatma Arslan", role: .medewerker),
                        StaffMember(name: "fdegroot", displayName: "Fleur de Groot", role: .medewerker),
                        StaffMember(name: "karim", displayName: "Karim Benali", role: .medewerker)]

    static func state(cases: [CaseSummary] = MyCasesTests.cases) -> AppState {
        var state = Fixture.state(cases: cases)
        _ = state.update(.staffLoaded(staff))
        return state
    }

    @Test func mineMeansTheLoginAndTheDisplayName() {
        var state = Self.state()
        Fixture.press([.character("m")], on: &state)
        let shown = Set(state.columns.columns.values.flatMap { $0.map(\.medewerker) })
        #expect(shown == ["Anouk de Wit", "anouk"])
        #expect(state.columns.total == 6)
        #expect(AppView.render(state).screen.lines[0].contains("Anouk de Wit"), "the title bar names the user as the team knows her")
    }

    @Test func timelineJournalAndAssessmentNameTheDisplayName() {
        var state = DossierFixture.state(width: 120, section: .zaak)
        _ = state.update(.staffLoaded(Self.staff))
        var text = AppView.render(state).screen.lines.joined(separator: "\n")
        #expect(text.contains("Verplaatst → Beschermtafel · Anouk de Wit"))
        #expect(text.contains("Karim Benali  scherm Gezin"))
        Fixture.press([.character("4")], on: &state)
        text = AppView.render(state).screen.lines.joined(separator: "\n")
        #expect(text.contains("· Karim Benali · correctie op notitie 1"))
        Fixture.press([.character("3")], on: &state)
        text = AppView.render(state).screen.lines.joined(separator: "\n")
        #expect(text.contains("vastgelegd door Anouk de Wit"))
    }

    @Test func theNewReportNamesItsMedewerkerFromTheStaffList() {
        var state = Self.state()
        Fixture.press([.character("a")], on: &state)
        guard case .newReport(let opened)? = state.dialog else { Issue.record("no form"); return }
        #expect(opened["medewerker"] == "Anouk de Wit", "the user as the team knows her")
        var keys: [Key] = [.tab, .tab, .tab] + Fixture.type("Çelik") + [.tab, .tab]
        keys += [.control("u")] + Fixture.type("Fatma Arsaln")
        keys += [.tab] + Fixture.type("Zoë") + [.tab] + Fixture.type("29-02-2020")
        #expect(!Fixture.press(keys + [.control("s")], on: &state).contains { if case .addReport = $0 { true } else { false } })
        guard case .newReport(let refused)? = state.dialog else { Issue.record("form closed"); return }
        #expect(refused.fields[refused.index(of: "medewerker")!].error == "‘Fatma Arsaln’ staat niet in de lijst van medewerkers; bedoel je Fatma Arslan?")
        #expect(refused.fields[refused.focus].id == "medewerker")
        // Tab completes: `f` is shared by two names, `fa` is one.
        Fixture.press([.control("u"), .character("f"), .tab], on: &state)
        #expect(state.dialog?.form["medewerker"] == "F", "as much as Fatma Arslan and Fleur de Groot share")
        #expect(AppView.render(state).screen.lines.joined().contains("Fatma Arslan · Fleur de Groot (Tab vult aan)"))
        Fixture.press([.character("a"), .tab], on: &state)
        #expect(state.dialog?.form["medewerker"] == "Fatma Arslan")
        #expect(state.dialog?.form.fields[state.dialog!.form.focus].id == "medewerker", "a completing Tab stays in the field")
        let effects = Fixture.press([.control("s")], on: &state)
        guard case .addReport(let report)? = effects.first(where: { if case .addReport = $0 { true } else { false } }) else {
            Issue.record("not saved: \(String(describing: state.dialog?.form.error))"); return
        }
        #expect(report.medewerker == "farslan", "the case stores who it is: the login")
    }

    @Test func overdrachtChoosesFromTheStaffListAndNeedsAReason() {
        var state = DossierFixture.state(section: .zaak)
        _ = state.update(.staffLoaded(Self.staff))
        Fixture.press([.character("o")], on: &state)
        guard case .dossier(let form)? = state.dialog, form.kind == .handOver else { Issue.record("no overdracht form"); return }
        #expect(form.form.title == "Zaak overdragen (nu: Anouk de Wit)")
        Fixture.press(Fixture.type("Karim Benaly") + [.control("s")], on: &state)
        let refused = state.dialog!.form
        #expect(refused.fields[refused.index(of: "naar")!].error == "‘Karim Benaly’ staat niet in de lijst van medewerkers; bedoel je Karim Benali?")
        #expect(refused.fields[refused.index(of: "reden")!].error == "De reden is verplicht")
        Fixture.press([.control("u")] + Fixture.type("kar") + [.tab, .tab] + Fixture.type("Verhuizing naar Kogerveld") + [.control("s")], on: &state)
        #expect(state.dialog?.form.error == nil)
        let summary = DossierFixture.summary
        let expected = Effect.apply(.handOver(summary.id, expectedVersion: summary.version, to: "karim", reason: "Verhuizing naar Kogerveld"))
        var again = DossierFixture.state(section: .zaak)
        _ = again.update(.staffLoaded(Self.staff))
        let effects = Fixture.press([.character("o")] + Fixture.type("kar") + [.tab, .tab] + Fixture.type("Verhuizing naar Kogerveld") + [.control("s")], on: &again)
        #expect(effects == [expected])
    }
}
