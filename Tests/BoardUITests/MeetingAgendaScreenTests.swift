import BoardCore
import Testing
@testable import BoardUI

/// The weekly meeting on the board: the agenda with n/p and decisions, the choice filters, the
/// caseload, WIP limits in the column headers and card ageing.
@Suite struct MeetingAgendaScreenTests {
    /// With no earlier meeting: Jansen is new, Wang and Özdemir are over the norm (the oldest
    /// first), El Amrani waits for the Beschermtafel.
    static let agendaOrder: [CaseID] = [1, 4, 2, 5]

    static func agendaState() -> AppState {
        var state = Fixture.state(width: 120, height: 40)
        let effects = Fixture.press([.character("A")], on: &state)
        #expect(effects == [.loadMeeting], "A asks the store about earlier meetings first")
        _ = state.update(.meetingLoaded(MeetingRecord(lastMeeting: nil, decidedToday: [])))
        return state
    }

    /// The family screen of a case on the agenda, as the store would send it.
    static func dossier(of id: CaseID) -> Dossier {
        let summary = Fixture.cases.first { $0.id == id }!
        var dossier = DossierFixture.dossier
        dossier.family.id = summary.familyID
        dossier.family.name = summary.familyName
        dossier.cases = [summary]
        dossier.viewed.summary = summary
        return dossier
    }

    var agenda: (AppState) -> AgendaScreen? = { $0.openAgenda }

    @Test func theAgendaListsTheCasesInOrderAndCountsWhatIsDone() {
        let state = Self.agendaState()
        let screen = try! #require(state.openAgenda)
        #expect(screen.items.map(\.summary.id) == Self.agendaOrder)
        let text = AppView.render(state).screen.text
        for expected in ["Agenda teamoverleg · 0 van 4", "0 van 4 besproken", "geen eerder overleg vastgelegd", "Nieuwe aanmelding",
                         "Over de norm", "Naar de Beschermtafel", "2026-0101", "Jansen", "B besluit"] {
            #expect(text.contains(expected), "‘\(expected)’ missing:\n\(text)")
        }
    }

    @Test func nAndPStepThroughTheFamilyScreensAndLogEachOpening() {
        var state = Self.agendaState()
        #expect(Fixture.press([.character("n")], on: &state) == [.openFamily(1, section: "Agenda")], "from the list, n opens the selected case")
        _ = state.update(.dossierLoaded(Self.dossier(of: 1)))
        #expect(state.openFamily?.bindings(in: state).contains { $0.action == .agenda(.next) } == true)

        #expect(Fixture.press([.character("n")], on: &state) == [.openFamily(4, section: "Agenda")])
        #expect(state.openFamily == nil, "the previous family screen is closed before the next opens")
        _ = state.update(.dossierLoaded(Self.dossier(of: 4)))
        #expect(state.openAgenda?.selected == 1)
        #expect(state.pages.count == 2, "agenda and one family screen, never a pile of them")

        #expect(Fixture.press([.character("p")], on: &state) == [.openFamily(1, section: "Agenda")])
        _ = state.update(.dossierLoaded(Self.dossier(of: 1)))
        #expect(Fixture.press([.character("p")], on: &state).isEmpty)
        #expect(state.message?.text == "Dit is de eerste zaak op de agenda.")
    }

    @Test func theEndOfTheAgendaSaysHowManyWereDiscussed() {
        var state = Self.agendaState()
        Fixture.press([.character("j"), .character("j"), .character("j"), .character("n")], on: &state)
        _ = state.update(.dossierLoaded(Self.dossier(of: 5)))
        #expect(Fixture.press([.character("n")], on: &state).isEmpty)
        #expect(state.message?.text == "Einde van de agenda: 0 van 4 besproken.")
        #expect(state.openFamily != nil, "the last family screen stays open")
    }

    @Test func bRecordsTheDecisionWithWhoAndByWhen() {
        var state = Self.agendaState()
        Fixture.press([.character("n")], on: &state)
        _ = state.update(.dossierLoaded(Self.dossier(of: 1)))
        Fixture.press([.character("B")], on: &state)
        guard case .dossier(let form)? = state.dialog, form.kind == .meetingDecision else {
            Issue.record("B opens the decision form")
            return
        }
        #expect(form.form["wie"] == "Anouk de Wit", "the case's medewerker acts unless the meeting says otherwise")
        let effects = Fixture.press(Fixture.type("Huisbezoek met VT") + [.control("s")], on: &state)
        let decision = MeetingDecision(decision: "Huisbezoek met VT", actor: "Anouk de Wit", due: Fixture.today.adding(days: 7))
        #expect(effects == [.apply(.recordMeetingDecision(1, decision))])

        // The save went through: the form closes, the board reloads, and with it the agenda asks what is done now.
        #expect(state.update(.saved(message: "Besluit vastgelegd in het journaal.", select: 1)).contains(.reload))
        #expect(state.update(.loaded(cases: Fixture.cases, norms: .standard, suggestedKenmerk: "2026-0103")) == [.loadMeeting])
        _ = state.update(.meetingLoaded(MeetingRecord(lastMeeting: nil, decidedToday: [1])))
        #expect(state.openAgenda?.doneCount == 1)
        Fixture.press([.escape], on: &state)
        let text = AppView.render(state).screen.text
        #expect(text.contains("1 van 4 besproken"))
        #expect(text.contains("✓ 2026-0101"), "done is marked with a character, not only a colour")
    }

    @Test func aDecisionNeedsTextAndADateFromToday() {
        var state = Self.agendaState()
        Fixture.press([.character("B")], on: &state)
        Fixture.press([.tab, .tab, .control("u")] + Fixture.type(Fixture.today.adding(days: -1).dutch) + [.control("s")], on: &state)
        guard case .dossier(let form)? = state.dialog else {
            Issue.record("the form stays open with its errors")
            return
        }
        #expect(form.form.fields.first { $0.id == "besluit" }?.error == "Het besluit is verplicht")
        #expect(form.form.fields.first { $0.id == "uiterlijk" }?.error?.contains("vandaag") == true)
    }

    @Test func onAFamilyScreenFromTheAgendaTheFamilyKeysMoveToCapitals() {
        var state = Self.agendaState()
        Fixture.press([.character("n")], on: &state)
        _ = state.update(.dossierLoaded(Self.dossier(of: 1)))
        var narrow = state
        narrow.width = 80
        narrow.height = 24
        let bar = AppView.render(narrow).screen.lines[23]
        #expect(bar.hasPrefix(" n volgende  p vorige  B besluit") && bar.hasSuffix("? hulp"),
                "with more keys than room, help keeps its place at the end: \(bar)")
        Fixture.press([.character("4"), .character("N")], on: &state)
        guard case .dossier(let form)? = state.dialog, case .addNote = form.kind else {
            Issue.record("N adds a note in the Journaal while n steps through the agenda")
            return
        }
        let keys = state.openFamily?.bindings(in: state) ?? []
        #expect(KeyMap.action(for: .character("n"), in: keys) == .agenda(.next))
        #expect(KeyMap.action(for: .character("N"), in: keys) == .form(.addNote(refersTo: nil)))
        #expect(KeyMap.action(for: .character("P"), in: keys) == .openPlan)
    }

    @Test func theAgendaFollowsReloadsWithoutReshuffling() {
        var state = Self.agendaState()
        var moved = Fixture.cases
        moved[0].stage = .onderzoek
        #expect(state.update(.loaded(cases: moved, norms: .standard, suggestedKenmerk: "2026-0103")) == [.loadMeeting],
                "a colleague's decision shows in the done count too")
        var board = Fixture.state()
        #expect(board.update(.loaded(cases: moved, norms: .standard, suggestedKenmerk: "2026-0103")).isEmpty, "no agenda, no question")
        #expect(state.openAgenda?.items.map(\.summary.id) == Self.agendaOrder)
        #expect(state.openAgenda?.items[0].summary.stage == .onderzoek)
    }

    /// The log's head stands on the agenda's lower border, so that it lands in the minutes, and
    /// follows the refresh after a decision.
    @Test func theAgendaShowsTheHeadOfTheLogForTheMinutes() {
        var state = Fixture.state(width: 120, height: 40)
        Fixture.press([.character("A")], on: &state)
        let head = ChainHead(id: 12345, hash: "9f3a1b2c4d5e6f7081920a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f")
        _ = state.update(.meetingLoaded(MeetingRecord(lastMeeting: nil, decidedToday: [], chainHead: head)))
        var lines = AppView.render(state).screen.text.split(separator: "\n").map(String.init)
        let border = lines.firstIndex { $0.contains("ketenkop 12345 · 9f3a1b2c4d5e6f70") }
        #expect(border != nil && lines[border!].hasPrefix("└─ ketenkop"), "on the lower border:\n\(lines.joined(separator: "\n"))")
        _ = state.update(.meetingLoaded(MeetingRecord(lastMeeting: nil, decidedToday: [1], chainHead: ChainHead(id: 12350, hash: String(repeating: "ab", count: 32)))))
        lines = AppView.render(state).screen.text.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("ketenkop 12350 · abababababababab") })
        #expect(!lines.contains { $0.contains("12345") })
    }

    @Test func anEmptyAgendaSaysSo() {
        var state = Fixture.state(width: 120, height: 40, cases: [Fixture.summary(6, "2026-0040", "de Vries", stage: .veiligheidGewaarborgd, since: 5)])
        Fixture.press([.character("A")], on: &state)
        _ = state.update(.meetingLoaded(MeetingRecord(lastMeeting: Fixture.today.adding(days: -7), decidedToday: [])))
        Fixture.press([.character("n")], on: &state)
        #expect(state.message?.text.hasPrefix("De agenda is leeg") == true)
        #expect(AppView.render(state).screen.text.contains("vorig overleg 13-11-2026"))
    }

    // MARK: Filters and caseload

    @Test func fFiltersOnMedewerkerAndEscClearsEveryFilter() {
        var state = Fixture.state(width: 120, height: 40)
        Fixture.press([.character("f"), .character("K"), .control("s")], on: &state)
        #expect(state.facets == BoardFacets(medewerker: "Karim Benali"))
        #expect(state.columns.total == 1)
        Fixture.press([.character("o")], on: &state)
        state.message = nil
        let text = AppView.render(state).screen.text
        #expect(text.contains("medewerker Karim Benali") && text.contains("Esc wist de filters"), "\(text)")
        Fixture.press([.escape], on: &state)
        #expect(state.facets.isEmpty && !state.showsOnlyOverdue)
        #expect(state.columns.total == Fixture.state(width: 120, height: 40).columns.total)
    }

    @Test func filtersOnWijkAndSource() {
        var cases = Fixture.cases
        cases[0].wijk = "Rosmolenwijk"
        cases[1].source = .jeugdteam
        var state = Fixture.state(width: 120, height: 40, cases: cases)
        Fixture.press([.character("f"), .tab, .character("R"), .control("s")], on: &state)
        #expect(state.columns.total == 1 && state.cards(in: .aangemeld).first?.id == 1)
        Fixture.press([.character("f"), .tab, .character("a"), .tab, .character("J"), .character("J"), .control("s")], on: &state)
        #expect(state.facets == BoardFacets(source: .jeugdteam))
        #expect(state.cards(in: .aangemeld).map(\.id) == [2])
    }

    @Test func theCaseloadCountsPerMedewerkerAndEnterFilters() {
        var state = Fixture.state(width: 120, height: 40)
        Fixture.press([.character("w")], on: &state)
        let text = AppView.render(state).screen.text
        #expect(text.contains("Werkvoorraad · 5 open zaken bij 3 medewerkers"), "\(text)")
        let anouk = try! #require(text.split(separator: "\n").first { $0.contains("▶ Anouk de Wit") })
        #expect(anouk.replacingOccurrences(of: "│", with: "").split(separator: " ").suffix(5) == ["1", "1", "1", "3", "0"], "\(anouk)")
        Fixture.press([.enter], on: &state)
        #expect(state.isOnBoard)
        #expect(state.facets.medewerker == "Anouk de Wit")
        #expect(Stage.allCases.flatMap { state.cards(in: $0) }.allSatisfy { $0.medewerker == "Anouk de Wit" })
    }

    // MARK: WIP limits and ageing

    @Test func aColumnOverItsWIPLimitSaysSoInItsHeader() {
        var state = Fixture.state(width: 120, height: 40)
        var norms = Norms.standard
        norms.wipLimits = [.aangemeld: 1, .onderzoek: 5]
        _ = state.update(.loaded(cases: Fixture.cases, norms: norms, suggestedKenmerk: "2026-0103"))
        let screen = AppView.render(state).screen
        let header = screen.lines[1]
        #expect(header.contains("Aangemeld 2/1!"), "over the limit, readable without colour: \(header)")
        #expect(header.contains("Onderzoek 2/5") && !header.contains("2/5!"))
        let x = Array(header).firstIndex(of: "2")!
        #expect(screen[x, 1].role == .columnHeaderOverLimit)

        // At 80 columns the name shortens so that the limit and the `!` stay.
        var narrow = Fixture.state()
        _ = narrow.update(.loaded(cases: Fixture.cases, norms: norms, suggestedKenmerk: "2026-0103"))
        let narrowHeader = AppView.render(narrow).screen.lines[1]
        #expect(narrowHeader.contains("Aangem. 2/1!") && narrowHeader.contains("Onderz. 2/5"), "\(narrowHeader)")

        // Under a filter the header shows the cards in view and the column's whole load.
        Fixture.press([.character("/")] + Fixture.type("Jansen") + [.enter], on: &state)
        #expect(AppView.render(state).screen.lines[1].contains("Aangemeld 1 · 2/1!"))
    }

    @Test func daysInAColumnAgeByTheThemesThresholds() {
        var state = Fixture.state(width: 120, height: 40)
        state.ageing = CardAgeing(ageingDays: 4, oldDays: 30)
        #expect(CardAgeing(ageingDays: 4, oldDays: 30).level(days: 3) == .fresh)
        let screen = AppView.render(state).screen
        /// The role of the first cell of `text` on the cards' first row (kenmerken only: no wide characters before it).
        func role(of text: String) -> Role? {
            let row = screen.lines[2]
            guard let range = row.range(of: text) else { return nil }
            return screen[row.distance(from: row.startIndex, to: range.lowerBound), 2].role
        }
        #expect(role(of: "40d") == .cardOld, "El Amrani: 40 days at the table")
        #expect(role(of: "12d") == .cardAgeing, "Yılmaz: 12 days in RvK-onderzoek without an outcome")
        #expect(role(of: " 5d") == .normal, "de Vries: closed cases do not age")
        #expect(role(of: "!80d") == .overdue, "overdue wins over ageing")
    }
}
