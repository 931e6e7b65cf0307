import BoardCore
import BoardSession
import BoardStore
import BoardUI
import Testing

/// The session loop in process: key scripts on a scripted terminal, against a real store in a
/// temporary file. Each test asserts the screen the user would see and what the store holds.
@Suite struct SessionScriptTests {
    /// The session's day: the machine's, because the store checks dates against it too.
    let today = Clock.today()

    @Test func aReportTypedIntoTheFormIsOnTheBoardAndInTheStore() throws {
        let store = try TestStore()
        var script: [ScriptedTerminal.Step] = [.character("a"), .check { #expect($0.text.contains("Nieuwe aanmelding")) }]
        script += [.key(.control("u"))]
        script += ScriptedTerminal.Step.typed("E2E-0001") + [.key(.tab), .key(.tab), .key(.tab)]
        script += ScriptedTerminal.Step.typed("Testgezin Zoë") + [.key(.tab)]
        script += ScriptedTerminal.Step.typed("Poelenburg") + [.key(.tab), .key(.tab)]
        script += ScriptedTerminal.Step.typed("Sem") + [.key(.tab)]
        script += ScriptedTerminal.Step.typed("01-02-2018") + [.key(.control("s"))]
        let terminal = ScriptedTerminal(script)
        SessionLoop(store: store.store, terminal: terminal, clock: TestClock(day: today)).run()

        #expect(terminal.ranOut)
        #expect(terminal.text.contains("Aanmelding E2E-0001 (Testgezin Zoë) opgeslagen in Aangemeld."), "\(terminal.text)")
        #expect(terminal.text.contains("▶E2E-0001"), "the new case is selected:\n\(terminal.text)")
        let stored = try store.open().boardCases(today: today, closedWindowDays: nil)
        let added = try #require(stored.first { $0.kenmerk == "E2E-0001" })
        #expect(added.familyName == "Testgezin Zoë")
        #expect(added.wijk == "Poelenburg")
        #expect(added.stage == .aangemeld)
        #expect(added.childCount == 1)
        #expect(added.reportedOn == today)
    }

    @Test func greaterThanMovesTheCaseAndTheStoreLogsTheMove() throws {
        let store = try TestStore()
        let id = try store.addReport("2026-0001", family: "Jansen", reportedOn: today.adding(days: -3))
        let terminal = ScriptedTerminal([.character(">"), .check { #expect($0.text.contains("Start onderzoek"), "\($0.text)") },
                                         .key(.enter)])
        SessionLoop(store: store.store, terminal: terminal, clock: TestClock(day: today)).run()

        #expect(terminal.text.contains("Zaak verplaatst naar Onderzoek."), "\(terminal.text)")
        let details = try store.open().details(of: id, logOpening: false)
        #expect(details.summary.stage == .onderzoek)
        let move = try #require(details.events.last)
        #expect(move.kind == .verplaatst)
        #expect(move.fromStage == .aangemeld && move.toStage == .onderzoek)
        #expect(move.user == TestStore.user)
        #expect(move.day == today)
    }

    @Test func enterOpensTheFamilyAndTheOpeningIsLogged() throws {
        let store = try TestStore()
        let id = try store.addReport("2026-0002", family: "Özdemir", reportedOn: today.adding(days: -1))
        #expect(try store.open().details(of: id, logOpening: false).events.allSatisfy { $0.kind != .geopend })
        let terminal = ScriptedTerminal([.key(.enter)])
        SessionLoop(store: store.store, terminal: terminal, clock: TestClock(day: today)).run()

        #expect(terminal.text.contains("Özdemir"))
        #expect(terminal.text.contains("Daan"), "the family screen lists the children:\n\(terminal.text)")
        let opened = try store.open().details(of: id, logOpening: false).events.filter { $0.kind == .geopend }
        #expect(opened.count == 1)
        #expect(opened.first?.user == TestStore.user)
        #expect(opened.first?.detail == "scherm Gezin")
    }

    @Test func aColleaguesReportShowsAtTheNextPollNotBefore() throws {
        let store = try TestStore()
        try store.addReport("2026-0003", family: "Jansen", reportedOn: today.adding(days: -2))
        try store.store.addStaff(StaffMember(name: "bram", displayName: "Bram", role: .medewerker))
        let colleague = try store.open(as: "bram")
        let terminal = ScriptedTerminal([
            .meanwhile {
                #expect(throws: Never.self) { try store.addReport("2026-0004", family: "Collega-gezin", reportedOn: today, by: colleague) }
            },
            // A key that reads nothing from the store: the board does not know of the report yet.
            .character("j"),
            .check { #expect(!$0.text.contains("Collega-gezin"), "before the poll") },
            .timeout,
        ])
        SessionLoop(store: store.store, terminal: terminal, clock: TestClock(day: today)).run()

        #expect(terminal.text.contains("Collega-gezin"), "\(terminal.text)")
        #expect(terminal.screen.lines[0].contains("2 zaken"), "\(terminal.screen.lines[0])")
    }

    @Test func qQuitsAndNoLaterKeyIsRead() throws {
        let store = try TestStore()
        let terminal = ScriptedTerminal([.character("q"), .character("a")])
        let loop = SessionLoop(store: store.store, terminal: terminal, clock: TestClock(day: today))
        loop.run()

        #expect(loop.core.state.wantsQuit)
        #expect(!terminal.ranOut)
        #expect(terminal.unreadSteps == 1)
    }

    @Test func atMidnightTheBoardMovesToTheNewDay() throws {
        let store = try TestStore()
        try store.addReport("2026-0005", family: "Jansen", reportedOn: today.adding(days: -2))
        let clock = TestClock(day: today)
        let tomorrow = today.adding(days: 1)
        let terminal = ScriptedTerminal([
            .check { #expect($0.lines[0].contains(today.dutch)) },
            .meanwhile { clock.day = tomorrow },
            // No key, no write: only the day changed.
            .timeout,
        ])
        SessionLoop(store: store.store, terminal: terminal, clock: clock).run()

        #expect(terminal.screen.lines[0].contains(tomorrow.dutch), "\(terminal.screen.lines[0])")
        #expect(!terminal.screen.lines[0].contains(today.dutch))
    }
}
