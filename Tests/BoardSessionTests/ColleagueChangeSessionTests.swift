import BoardCore
import BoardSession
import BoardStore
import BoardUI
import Testing

/// Two people on one store: a colleague's change is named when the board reloads, and a save
/// it refused is loaded again with one key and goes through (issue 18, point 13).
@Suite struct ColleagueChangeSessionTests {
    let today = Clock.today()

    @Test func aReloadNamesTheColleagueAndWhatTheyChanged() throws {
        let store = try TestStore()
        try store.addReport("2026-0001", family: "Jansen", reportedOn: today.adding(days: -2))
        try store.store.addStaff(StaffMember(name: "bram", displayName: "Bram de Boer", role: .medewerker))
        let core = SessionCore(store: store.store, width: 80, height: 24, clock: TestClock(day: today))
        core.start()
        #expect(core.state.message == nil)

        let colleague = try store.open(as: "bram")
        let id = try #require(core.state.cases.first).id
        try colleague.move(MoveRequest(caseID: id, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: today), today: today)
        core.reloadIfChanged()
        #expect(core.state.message?.text == "Intussen gewijzigd door Bram de Boer: 2026-0001 · Verplaatst → Onderzoek.")
        #expect(core.render().screen.text.contains("Intussen gewijzigd door Bram de Boer"))
    }

    /// A reload after colleagues' changes reads only the changed families' cards, and gives the
    /// board that reading every card gives; showing all closed cases (another window) and a new
    /// day read the whole board again.
    @Test func aReloadAfterChangesGivesTheWholeBoardAlsoForAnotherWindowAndDay() throws {
        let store = try TestStore()
        try store.store.addStaff(StaffMember(name: "bram", displayName: "Bram de Boer", role: .medewerker))
        let moved = try store.addReport("2026-0001", family: "Jansen", reportedOn: today.adding(days: -90))
        let closed = try store.addReport("2026-0002", family: "Bakker", reportedOn: today.adding(days: -90))
        let recent = try store.addReport("2026-0003", family: "Smit", reportedOn: today.adding(days: -90))
        let clock = TestClock(day: today)
        let core = SessionCore(store: store.store, width: 120, height: 30, clock: clock)
        core.start()
        func whole(_ window: Int?, on day: Day) throws -> [CaseSummary] {
            try store.store.boardCases(today: day, closedWindowDays: window).sorted { $0.id < $1.id }
        }
        let window = try store.store.norms().closedWindowDays

        let colleague = try store.open(as: "bram")
        try colleague.move(MoveRequest(caseID: moved, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: today.adding(days: -1)), today: today)
        try colleague.move(MoveRequest(caseID: closed, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: today.adding(days: -80)), today: today)
        try colleague.move(MoveRequest(caseID: closed, expectedVersion: 2, from: .onderzoek, to: .veiligheidGewaarborgd, day: today.adding(days: -70),
                                       text: "afspraken nagekomen"), today: today)
        try colleague.move(MoveRequest(caseID: recent, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: today.adding(days: -5)), today: today)
        try colleague.move(MoveRequest(caseID: recent, expectedVersion: 2, from: .onderzoek, to: .veiligheidGewaarborgd, day: today.adding(days: -1),
                                       text: "afspraken nagekomen"), today: today)
        try store.addReport("2026-0004", family: "Mulder", reportedOn: today, by: colleague)
        core.reloadIfChanged()
        #expect(core.state.cases.sorted { $0.id < $1.id } == (try whole(window, on: today)))
        #expect(!core.state.cases.contains { $0.id == closed } && core.state.cases.contains { $0.id == recent },
                "closed before the window, and within it")

        core.dispatch(.key(.character("c")))
        #expect(core.state.cases.sorted { $0.id < $1.id } == (try whole(nil, on: today)))
        core.dispatch(.key(.character("c")))
        clock.day = today.adding(days: 60)
        core.reloadIfChanged()
        #expect(core.state.cases.sorted { $0.id < $1.id } == (try whole(window, on: today.adding(days: 60))))
        #expect(!core.state.cases.contains { $0.id == recent }, "out of the window on the new day")
    }

    @Test func aMoveRefusedByAColleaguesMoveIsLoadedAgainWithCtrlRAndSaved() throws {
        let store = try TestStore()
        try store.addReport("2026-0001", family: "Jansen", reportedOn: today.adding(days: -2))
        try store.store.addStaff(StaffMember(name: "bram", displayName: "Bram de Boer", role: .medewerker))
        let core = SessionCore(store: store.store, width: 80, height: 24, clock: TestClock(day: today))
        core.start()
        core.dispatch(.key(.character(">")))
        guard case .move(let opened)? = core.state.dialog else { Issue.record("no move form"); return }
        #expect(opened.summary.stage == .aangemeld)

        // Bram moves the case while the form is open; saving is refused and says who.
        let colleague = try store.open(as: "bram")
        try colleague.move(MoveRequest(caseID: opened.summary.id, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: today), today: today)
        core.dispatch(.key(.control("s")))
        #expect(core.state.dialog?.form.isChangedMeanwhile == true)
        // By the name people read, as the notice of a colleague's change names them.
        #expect(core.render().screen.text.contains("intussen gewijzigd door Bram de Boer"), "\(core.render().screen.text)")

        core.dispatch(.key(.control("r")))
        guard case .move(let reloaded)? = core.state.dialog else { Issue.record("the form closed"); return }
        #expect(reloaded.summary.stage == .onderzoek && reloaded.summary.version == 2)
        #expect(reloaded.form.notice?.hasPrefix("Geladen zoals de zaak nu is") == true)
        #expect(reloaded.targets == [.veiligheidGewaarborgd, .beschermtafel])
        for key: Key in [.up, .right, .control("s")] { core.dispatch(.key(key)) }
        #expect(core.state.dialog == nil, "\(String(describing: core.state.dialog?.form.error))")
        #expect(try store.open().details(of: opened.summary.id, logOpening: false).summary.stage == .beschermtafel)
    }
}
