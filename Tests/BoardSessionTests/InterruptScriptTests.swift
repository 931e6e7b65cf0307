import BoardCore
import BoardSession
import BoardStore
import BoardUI
import Foundation
import Testing

/// Ctrl-C reaches the loop as SIGINT (the terminal keeps the tty's signal keys). With typed text in
/// a form it asks what Esc asks; otherwise, and when asked again at that question, it stops.
@Suite struct InterruptScriptTests {
    let today = Clock.today()
    static let question = "Wat je typte weggooien? j = ja, andere toets = nee"
    static var interrupt: ScriptedTerminal.Step { .input(.signal(SIGINT)) }

    @Test func ctrlCWithTypedTextAsksFirstAndAnyOtherKeyKeepsTheText() throws {
        let store = try TestStore()
        var script: [ScriptedTerminal.Step] = [.character("a"), .key(.control("u"))]
        script += ScriptedTerminal.Step.typed("E2E-0009")
        script += [
            Self.interrupt,
            .check { #expect($0.text.contains(Self.question), "Ctrl-C asks as Esc does:\n\($0.text)") },
            .character("n"),
            .check { screen in
                #expect(!screen.text.contains(Self.question))
                #expect(screen.text.contains("Nieuwe aanmelding"), "the form is still open")
                #expect(screen.text.contains("E2E-0009"), "with what was typed:\n\(screen.text)")
            },
            .key(.escape), .character("j"),
            .check { #expect(!$0.text.contains("Nieuwe aanmelding"), "j at Esc's question discards, as before") },
            .character("q"),
        ]
        let terminal = ScriptedTerminal(script)
        let loop = SessionLoop(store: store.store, terminal: terminal, clock: TestClock(day: today))
        loop.run()

        #expect(loop.core.state.wantsQuit, "only q ended the session")
        #expect(!terminal.ranOut)
    }

    @Test func jAtTheQuestionDiscardsTheFormAndTheBoardGoesOn() throws {
        let store = try TestStore()
        let terminal = ScriptedTerminal([.character("a")] + ScriptedTerminal.Step.typed("x") + [
            Self.interrupt, .character("j"),
            .check { screen in
                #expect(!screen.text.contains("Nieuwe aanmelding"), "\(screen.text)")
                #expect(screen.text.contains("Aangemeld"), "the board is in front again")
            },
            .character("q"),
        ])
        let loop = SessionLoop(store: store.store, terminal: terminal, clock: TestClock(day: today))
        loop.run()

        #expect(loop.core.state.wantsQuit)
        #expect(try store.open().boardCases(today: today, closedWindowDays: nil).isEmpty, "nothing was saved")
    }

    @Test func aSecondCtrlCAtTheQuestionStops() throws {
        let store = try TestStore()
        let terminal = ScriptedTerminal([.character("a")] + ScriptedTerminal.Step.typed("x") + [Self.interrupt, Self.interrupt, .character("a")])
        SessionLoop(store: store.store, terminal: terminal, clock: TestClock(day: today)).run()

        #expect(!terminal.ranOut)
        #expect(terminal.unreadSteps == 1, "no key after the second Ctrl-C is read")
    }

    @Test func ctrlCOnAnUntouchedFormStopsAsBefore() throws {
        let store = try TestStore()
        let terminal = ScriptedTerminal([.character("a"), Self.interrupt, .character("a")])
        SessionLoop(store: store.store, terminal: terminal, clock: TestClock(day: today)).run()

        #expect(!terminal.ranOut)
        #expect(terminal.unreadSteps == 1)
    }
}
