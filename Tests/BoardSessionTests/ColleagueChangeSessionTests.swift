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
