import BoardCore
import Testing
@testable import BoardUI

/// While the server store cannot be reached the status line keeps saying so, whatever key is
/// pressed and whatever message comes and goes meanwhile, until the connection is back.
@Suite struct ConnectionLostTests {
    func statusLine(_ state: AppState) -> String { AppView.render(state).screen.text }

    @Test func theLostConnectionStaysOnTheStatusLineUntilItIsBack() {
        var state = Fixture.state()
        _ = state.update(.connectionLost(true))
        #expect(statusLine(state).contains(AppState.connectionLostText))
        _ = Fixture.press([.down, .right, .left], on: &state)
        #expect(state.message?.text == AppState.connectionLostText, "a key does not hide it")
        #expect(statusLine(state).contains(AppState.connectionLostText))

        // Another message may stand in front of it for a key; then it returns.
        state.message = StatusMessage(text: "Dit gezin heeft geen eerdere zaak.", isError: false)
        _ = Fixture.press([.down], on: &state)
        #expect(state.message?.text == AppState.connectionLostText)

        _ = state.update(.connectionLost(false))
        #expect(state.message?.text == "Verbinding met de server hersteld.")
        _ = Fixture.press([.down], on: &state)
        #expect(state.message == nil, "once back, the board's messages come and go as ever")
    }
}
