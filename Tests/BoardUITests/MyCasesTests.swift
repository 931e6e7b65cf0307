import BoardCore
import Testing
@testable import BoardUI

/// Issue 18, point 4: `m` on the board shows only the cases of the user at the keyboard.
@Suite("Board: mijn zaken")
struct MyCasesTests {
    static var cases: [CaseSummary] {
        var mine = Fixture.summary(20, "2026-0120", "Visser", stage: .onderzoek, since: 3)
        mine.medewerker = "anouk"
        return Fixture.cases + [mine]
    }

    @Test func mShowsOnlyTheUsersCasesAndTurnsOffAgain() {
        var state = Fixture.state(cases: Self.cases)
        Fixture.press([.character("m")], on: &state)
        #expect(state.columns.columns.values.flatMap { $0.map(\.kenmerk) } == ["2026-0120"])
        #expect(state.message?.text == "Alleen mijn zaken (m toont weer alles).")
        #expect(state.selectedCase?.kenmerk == "2026-0120", "the selection lands on a card in view")
        state.message = nil
        #expect(AppView.render(state).screen.lines[22].contains("alleen mijn zaken (m)"), "the status row says so")
        Fixture.press([.character("m")], on: &state)
        #expect(state.columns.total == 8)
        Fixture.press([.character("m"), .escape], on: &state)
        #expect(state.columns.total == 8, "Esc clears it with the other filters")
    }

    @Test func mCombinesWithTheOtherFilters() {
        var state = Fixture.state(cases: Self.cases)
        Fixture.press([.character("m"), .character("o")], on: &state)
        #expect(state.columns.total == 0, "none of the user's cases is over its norm")
        Fixture.press([.character("o"), .character("/")] + Fixture.type("viss") + [.enter], on: &state)
        #expect(state.columns.total == 1)
    }
}
