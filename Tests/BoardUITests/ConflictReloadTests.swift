import BoardCore
import Testing
@testable import BoardUI

/// A save refused because a colleague changed the case: Ctrl-R loads the case as it is now and
/// keeps what the user typed beside the colleague's values; a reload names what colleagues
/// changed (issue 18, point 13).
@Suite struct ConflictReloadTests {
    static let refusal = "Zaak 2026-0050 is intussen gewijzigd door karim (gezinsgegevens gewijzigd, 2026-11-20 09:00 UTC). Er is niets opgeslagen; bekijk de nieuwe stand en probeer het opnieuw."

    func form(_ state: AppState) -> Form { state.dialog?.form ?? Form(title: "geen", fields: []) }

    func focus(_ id: String, _ state: inout AppState) { state.dialog!.form.focus = state.dialog!.form.index(of: id)! }

    @Test func ctrlRLoadsTheColleaguesValuesAndKeepsWhatWasTypedBesideThem() {
        var state = DossierFixture.state(section: .gezin)
        Fixture.press([.character("e")], on: &state)
        focus("adres", &state)
        Fixture.press([.control("u")] + Fixture.type("Peperstraat 14, Zaandam") + [.tab, .control("u")] + Fixture.type("Kogerveld"), on: &state)
        #expect(Fixture.press([.control("s")], on: &state).count == 1)
        #expect(!state.activeKeys.contains { $0.keys == [.control("r")] && $0.disabledReason == nil }, "no reload before a colleague's change")

        _ = state.update(.changedMeanwhile(Self.refusal))
        #expect(form(state).error == Self.refusal + " Ctrl-R laadt de zaak zoals die nu is; wat je typte blijft bewaard.")
        #expect(AppView.render(state).screen.lines.last?.contains("Ctrl-R stand van nu") == true)
        #expect(Fixture.press([.control("r")], on: &state) == [.refreshFamily(5)])

        // Karim changed the name and the wijk; the address he left alone.
        var changed = DossierFixture.dossier
        changed.family.name = "El Amrani-Bakker"
        changed.family.wijk = "Rosmolenwijk"
        changed.viewed.summary.version = 4
        changed.cases[0].version = 4
        _ = state.update(.dossierLoaded(changed))
        let reloaded = form(state)
        #expect(reloaded["naam"] == "El Amrani-Bakker", "left alone by the user: the colleague's value")
        #expect(reloaded["adres"] == "Peperstraat 14, Zaandam", "left alone by the colleague: what the user typed")
        #expect(reloaded["wijk"] == "Rosmolenwijk" && reloaded.fields[reloaded.index(of: "wijk")!].typed == "Kogerveld", "both: side by side")
        #expect(reloaded.error == nil && !reloaded.isChangedMeanwhile)
        let text = AppView.render(state).screen.text
        #expect(text.contains("jij typte: ‘Kogerveld’ · Ctrl-Y zet het terug"), "\(text)")
        #expect(text.contains("Geladen zoals de zaak nu is."))

        Fixture.press([.control("y")], on: &state)
        #expect(form(state)["wijk"] == "Kogerveld" && form(state).fields[form(state).index(of: "wijk")!].typed == nil)
        let effects = Fixture.press([.control("s")], on: &state)
        #expect(effects == [.apply(.editFamily(5, seen: SeenCase(caseID: 5, version: 4), name: "El Amrani-Bakker",
                                               address: "Peperstraat 14, Zaandam", wijk: "Kogerveld"))])
    }

    @Test func aMoveIsRebuiltOnTheColumnTheColleagueMovedTheCaseTo() {
        var state = Fixture.state()
        let jansen = Fixture.cases[0]
        state.openMoveDialog(for: jansen, direction: .forward, cameFrom: nil)
        #expect(Fixture.press([.control("s")], on: &state).count == 1)
        _ = state.update(.changedMeanwhile("Zaak 2026-0101 is intussen gewijzigd door karim (verplaatst naar Onderzoek, 2026-11-20 09:00 UTC)."))
        #expect(Fixture.press([.control("r")], on: &state) == [.reload])
        #expect(AppView.render(state).screen.text.contains("De zaak wordt geladen zoals die nu is…"))

        var moved = Fixture.cases
        moved[0].stage = .onderzoek
        moved[0].stageSince = Fixture.today
        moved[0].version = 2
        _ = state.update(.loaded(cases: moved, norms: .standard, suggestedKenmerk: "2026-0103"))
        guard case .move(let dialog)? = state.dialog else { Issue.record("no move form"); return }
        #expect(dialog.summary.stage == .onderzoek && dialog.summary.version == 2)
        #expect(dialog.targets == [.veiligheidGewaarborgd, .beschermtafel])
        state.dialog!.form.focus = 0
        guard case .move(let request)? = Fixture.press([.right, .control("s")], on: &state).first else { Issue.record("not saved"); return }
        #expect(request.to == .beschermtafel)
        #expect(request.from == .onderzoek && request.expectedVersion == 2)
    }

    @Test func aPersonsCorrectionIsRebuiltOnThePersonAsTheyReadNow() {
        var state = DossierFixture.state(section: .gezin)
        Fixture.press([.down, .down, .enter], on: &state)
        focus("telefoon", &state)
        Fixture.press([.control("u")] + Fixture.type("06-87654321") + [.tab] + Fixture.type("nieuw nummer"), on: &state)
        #expect(Fixture.press([.control("s")], on: &state).count == 1)
        _ = state.update(.changedMeanwhile(Self.refusal))
        #expect(Fixture.press([.control("r")], on: &state) == [.refreshFamily(5)])
        var changed = DossierFixture.dossier
        changed.caregivers[0].name = "Samira El Amrani-Bakker"
        changed.viewed.summary.version = 4
        changed.cases[0].version = 4
        _ = state.update(.dossierLoaded(changed))
        #expect(form(state)["naam"] == "Samira El Amrani-Bakker" && form(state)["telefoon"] == "06-87654321" && form(state)["reden"] == "nieuw nummer")
        guard case .apply(.correctPerson(_, let seen, .caregiver(let corrected), _))? = Fixture.press([.control("s")], on: &state).first else {
            Issue.record("not saved: \(String(describing: state.dialog?.form.fields.compactMap(\.error)))"); return
        }
        #expect(seen.version == 4 && corrected.name == "Samira El Amrani-Bakker" && corrected.phone == "06-87654321")

        // Removed by the colleague meanwhile: said, and the form stays as typed.
        state.dialog = nil
        Fixture.press([.enter], on: &state)
        state.dialog!.form["reden"] = "x"
        state.dialog!.form.isChangedMeanwhile = true
        Fixture.press([.control("r")], on: &state)
        var removed = changed
        removed.caregivers = []
        _ = state.update(.dossierLoaded(removed))
        #expect(form(state).error?.hasPrefix("Deze persoon staat niet meer bij dit gezin") == true)
        #expect(form(state)["reden"] == "x")
    }

    @Test func withoutAFormTheRefusalIsSaidOnThePage() {
        var state = Fixture.state()
        _ = state.update(.changedMeanwhile("Zaak 2026-0101 is intussen gewijzigd door karim."))
        #expect(state.message == StatusMessage(text: "Zaak 2026-0101 is intussen gewijzigd door karim.", isError: true))
    }

    @Test func aReloadNamesWhatAColleagueChanged() {
        var state = Fixture.state()
        _ = state.update(.staffLoaded([StaffMember(name: "karim", displayName: "Karim Benali", role: .medewerker)]))
        _ = state.update(.colleaguesChanged([ColleagueChange(user: "karim", kind: .verplaatst, kenmerk: "2026-0101", toStage: .onderzoek),
                                             ColleagueChange(user: "karim", kind: .notitie, kenmerk: "2026-0090", toStage: nil)]))
        #expect(state.message == StatusMessage(text: "Intussen gewijzigd door Karim Benali: 2026-0101 · Verplaatst → Onderzoek (en nog 1 wijziging).",
                                               isError: false))
        #expect(AppView.render(state).screen.text.contains("Intussen gewijzigd door Karim Benali: 2026-0101 · Verplaatst → Onderzoek"))

        // The user's own confirmation stays first; an error is not replaced.
        _ = state.update(.saved(message: "Zaak verplaatst naar Onderzoek.", select: nil))
        _ = state.update(.colleaguesChanged([ColleagueChange(user: "karim", kind: .kindToegevoegd, kenmerk: "2026-0090", toStage: nil)]))
        #expect(state.message?.text == "Zaak verplaatst naar Onderzoek. Intussen gewijzigd door Karim Benali: 2026-0090 · Kind toegevoegd.")
        _ = state.update(.failed("Opslaan is mislukt."))
        _ = state.update(.colleaguesChanged([ColleagueChange(user: "karim", kind: .notitie, kenmerk: "2026-0090", toStage: nil)]))
        #expect(state.message?.text == "Opslaan is mislukt.")
    }
}
