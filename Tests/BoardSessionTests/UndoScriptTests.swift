import BoardCore
import BoardSession
import BoardStore
import BoardUI
import Foundation
import Testing

/// `U` played as a user would (issue 18, point 15): a move, its undo after the question, the
/// refusal of a second undo, and the timeline that tells it; the store keeps every event and
/// `check` finds it whole.
@Suite struct UndoScriptTests {
    let today = Clock.today()

    @Test func aMoveIsUndoneAfterJAndTheTimelineTellsIt() throws {
        let store = try TestStore()
        let id = try store.addReport("2026-0042", family: "Jansen", reportedOn: today.adding(days: -3))
        let terminal = ScriptedTerminal([
            .character(">"), .key(.enter),
            .check { #expect($0.text.contains("Zaak verplaatst naar Onderzoek."), "\($0.text)") },
            .character("U"),
            .check { screen in
                #expect(screen.text.contains("Zaak 2026-0042 terug naar Aangemeld? j = ja, n = nee"), "\(screen.text)")
                #expect(screen.text.contains("j ja"), "the key bar offers the answers:\n\(screen.text)")
            },
            .character("n"),
            .check { #expect($0.text.contains("Niets ongedaan gemaakt."), "\($0.text)") },
            .character("U"), .character("j"),
            .check { #expect($0.text.contains("Ongedaan gemaakt: zaak 2026-0042 staat weer in Aangemeld."), "\($0.text)") },
            .character("U"),
            .check { #expect($0.text.contains("Niets om ongedaan te maken: de laatste wijziging van deze zaak is al ongedaan gemaakt."), "\($0.text)") },
            .key(.enter), .character("2"),
        ])
        SessionLoop(store: store.store, terminal: terminal, clock: TestClock(day: today)).run()

        #expect(terminal.text.contains("Ongedaan gemaakt → Aangemeld · anouk"), "\(terminal.text)")
        #expect(terminal.text.contains("Verplaatst → Onderzoek (ongedaan gemaakt) · anouk"), "\(terminal.text)")
        let details = try store.open().details(of: id, logOpening: false)
        #expect(details.summary.stage == .aangemeld)
        #expect(details.events.filter { $0.kind == .verplaatst }.count == 1, "the undone move stays in the log")
        #expect(details.events.filter { $0.kind == .ongedaanGemaakt }.count == 1, "one undo: the n and the refused second U wrote nothing")
        #expect(try IntegrityCheck.run(path: store.path).isHealthy)
    }
}
