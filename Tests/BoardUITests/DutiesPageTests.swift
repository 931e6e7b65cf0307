import BoardCore
import Testing
@testable import BoardUI

/// `T`: the Termijnen page, the card's mark and recording a duty as done.
@Suite struct DutiesPageTests {
    static let today = Fixture.today

    /// Reported `daysAgo` days ago by Veilig Thuis, no terugmelding recorded yet.
    static func fromVeiligThuis(_ id: CaseID, _ kenmerk: String, _ family: String, reportedDaysAgo: Int, medewerker: String) -> CaseSummary {
        var summary = Fixture.summary(id, kenmerk, family, stage: .onderzoek, since: 1, medewerker: medewerker)
        summary.reportedOn = today.adding(days: -reportedDaysAgo)
        summary.dutiesDone = []
        return summary
    }

    /// Anouk (the user, login `anouk`) has one late and one due; Karim one late; Sanne's is not due yet.
    static let cases: [CaseSummary] = [
        fromVeiligThuis(11, "2026-0201", "Jansen", reportedDaysAgo: 30, medewerker: "Karim Benali"),
        fromVeiligThuis(12, "2026-0202", "de Vries", reportedDaysAgo: 11, medewerker: "Anouk de Wit"),
        fromVeiligThuis(13, "2026-0203", "Özdemir", reportedDaysAgo: 20, medewerker: "anouk"),
        fromVeiligThuis(14, "2026-0204", "Bakker", reportedDaysAgo: 1, medewerker: "Sanne Kuipers"),
    ]

    static func state(meeting: Bool = false) -> AppState {
        var state = Fixture.state(cases: cases)
        _ = state.update(.staffLoaded([StaffMember(name: "anouk", displayName: "Anouk de Wit", role: .medewerker)]))
        if meeting { Fixture.press([.character("M")], on: &state) }
        Fixture.press([.character("T")], on: &state)
        return state
    }

    @Test func itListsMyDutiesFirstThenTheColleagues() {
        let state = Self.state()
        let screen = try! #require(state.pages.last?.dutiesScreen)
        #expect(screen.items.map(\.summary.id) == [13, 12, 11], "mine (by login or display name) by due date, then the rest")
        let lines = AppView.render(state).screen.lines
        let text = lines.joined(separator: "\n")
        for expected in ["Termijnen · 2 te laat, 1 binnen 7 dagen", "Mijn zaken", "Zaken van collega's", "terugmelding VT"] {
            #expect(text.contains(expected), "‘\(expected)’ missing:\n\(text)")
        }
        let order = ["2026-0203", "2026-0202", "Zaken van collega's", "2026-0201"].map { key in lines.firstIndex { $0.contains(key) } ?? -1 }
        #expect(order == order.sorted() && !order.contains(-1), "\(text)")
        let karim = try! #require(lines.first { $0.contains("2026-0201") })
        #expect(karim.contains("Jansen") && karim.contains("te laat") && karim.contains("Karim"), "kenmerk, family, lateness in words, who: \(karim)")
        #expect(!text.contains("2026-0204"), "not due within the week")
        #expect(lines.count == 24 && lines.allSatisfy { DisplayWidth.of($0) <= 80 })
    }

    @Test func meetingModeShowsInitials() {
        let text = AppView.render(Self.state(meeting: true)).screen.text
        #expect(!text.contains("Jansen") && !text.contains("Özdemir"), "\(text)")
        #expect(text.contains("J.") && text.contains("2026-0201"))
    }

    @Test func enterRecordsWhatWasDoneThroughAForm() {
        var state = Self.state()
        Fixture.press([.enter], on: &state)
        guard case .dossier(let form)? = state.dialog, case .dutyDone(let duty) = form.kind else {
            Issue.record("Enter opens the form of the selected duty")
            return
        }
        #expect(duty.kind == .terugmeldingVeiligThuis && form.caseSummary.id == 13)
        #expect(form.form["datum"] == Self.today.dutch)
        #expect(form.form.title.contains("Terugmelding aan Veilig Thuis"))

        var empty = form
        empty.form["datum"] = "31-02-2026"
        guard case .failure(let problems) = DossierForms.change(from: empty, today: Self.today, norms: .standard) else {
            Issue.record("an impossible date and no text are refused")
            return
        }
        #expect(problems.fields.map(\.0) == ["datum", "wat"])

        var filled = form
        filled.form["wat"] = "Gebeld met Veilig Thuis"
        let change = DossierForms.change(from: filled, today: Self.today, norms: .standard)
        #expect(change == .success(.recordDuty(13, DutyRecord(kind: .terugmeldingVeiligThuis, day: Self.today, what: "Gebeld met Veilig Thuis"))))
    }

    @Test func oOpensTheFamilyOfTheSelectedDuty() {
        var state = Self.state()
        Fixture.press([.down], on: &state)
        #expect(Fixture.press([.character("o")], on: &state) == [.openFamily(12, section: "Termijnen")])
    }

    @Test func aRecordedDutyLeavesTheListAfterTheReload() {
        var state = Self.state()
        var cases = Self.cases
        cases[2].dutiesDone = [.terugmeldingVeiligThuis]
        _ = state.update(.loaded(cases: cases, norms: .standard, suggestedKenmerk: "2026-0300"))
        #expect(state.pages.last?.dutiesScreen?.items.map(\.summary.id) == [12, 11])
    }

    @Test func anEvaluationIsRecordedInThePlan() {
        var planned = Self.cases[3]
        planned.planNextEvaluation = Self.today.adding(days: 2)
        planned.dutiesDone = [.terugmeldingVeiligThuis]
        var state = Fixture.state(cases: [planned])
        Fixture.press([.character("T")], on: &state)
        #expect(Fixture.press([.enter], on: &state) == [.openPlan(planned.id)])
        #expect(state.dialog == nil)
    }

    @Test func theCardShowsTheNearestDutyWithoutColour() {
        let board = AppView.render(Fixture.state(cases: Self.cases)).screen.text
        #expect(board.contains("T!"), "a late duty: \(board)")
        var soon = Self.cases[1]
        soon.id = 1
        let one = AppView.render(Fixture.state(cases: [soon])).screen.text
        #expect(one.contains("T3d"), "due in 3 days: \(one)")
        #expect(!AppView.render(Fixture.state(cases: [Self.cases[3]])).screen.text.contains("T1"), "not within the look-ahead: no mark")
    }

    @Test func theAgendaNamesTheDutyAndTheNormsPageTheNorms() {
        var state = Fixture.state(cases: Self.cases)
        Fixture.press([.character("A")], on: &state)
        _ = state.update(.meetingLoaded(MeetingRecord(lastMeeting: Self.today.adding(days: -7), decidedToday: [])))
        let agenda = AppView.render(state).screen.text
        #expect(agenda.contains("Termijn verstreken") && agenda.contains("Termijn deze week"), "\(agenda)")
        #expect(agenda.contains("2026-0202  de Vries · terugmelding VT 23-11"), "\(agenda)")

        var norms = Norms.standard
        norms.werkdagenTerugmeldingVT = 5
        norms.dagenStartRvK = 14
        var page = Fixture.state()
        _ = page.update(.loaded(cases: Fixture.cases, norms: norms, suggestedKenmerk: "2026-0300"))
        Fixture.press([.character("N")], on: &page)
        let text = AppView.render(page).screen.text
        #expect(text.contains("terugmelding aan Veilig Thuis 5 werkdagen") && text.contains("start RvK-onderzoek 14 dagen"), "\(text)")
    }

    @Test func tAndEscGoBackAndHelpNamesTheKey() {
        for key in [Key.escape, .character("T")] {
            var state = Self.state()
            Fixture.press([key], on: &state)
            #expect(state.isOnBoard)
        }
        #expect(Fixture.state().boardBindings.contains { $0.keys == [.character("T")] && $0.description.hasPrefix("termijnen") })
    }
}
