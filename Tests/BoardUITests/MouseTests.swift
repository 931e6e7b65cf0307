import BoardCore
import Testing
@testable import BoardUI

/// The mouse at the beamer: a click picks a card or a field, a double click opens, the wheel scrolls.
@Suite struct MouseTests {
    /// Where `text` is drawn on the state's screen.
    static func position(of text: String, in state: AppState) -> (x: Int, y: Int)? {
        for (y, line) in AppView.render(state).screen.lines.enumerated() {
            if let range = line.range(of: text) { return (line.distance(from: line.startIndex, to: range.lowerBound), y) }
        }
        return nil
    }

    @Test func aClickSelectsTheCardUnderItAndADoubleClickOpensIt() throws {
        var state = Fixture.state()
        let card = try #require(Self.position(of: "van den Berg", in: state))
        #expect(state.update(.mouse(Mouse(.click, x: card.x, y: card.y))).isEmpty)
        #expect(state.focusedStage == .onderzoek && state.selectedCase?.id == 3)
        #expect(state.update(.mouse(Mouse(.doubleClick, x: card.x, y: card.y + 1))) == [.openFamily(3, section: "Gezin")])
    }

    @Test func aClickBetweenCardsOrOnTheBordersDoesNothing() throws {
        var state = Fixture.state()
        let before = state
        let card = try #require(Self.position(of: "van den Berg", in: state))
        _ = state.update(.mouse(Mouse(.click, x: card.x, y: card.y + 3)))
        _ = state.update(.mouse(Mouse(.click, x: card.x, y: 0)))
        _ = state.update(.mouse(Mouse(.click, x: card.x, y: state.height - 1)))
        #expect(state.focusedStage == before.focusedStage && state.selection == before.selection)
    }

    @Test func theWheelMovesTheSelectionOnTheBoardAndScrollsAPage() {
        var state = Fixture.state()
        let first = state.selectedCase?.id
        _ = state.update(.mouse(Mouse(.wheelDown, x: 5, y: 5)))
        #expect(state.selectedCase?.id != first && state.selectedCase?.stage == .aangemeld)
        _ = state.update(.mouse(Mouse(.wheelUp, x: 5, y: 5)))
        #expect(state.selectedCase?.id == first)

        var family = DossierFixture.state(section: .zaak)
        _ = family.update(.mouse(Mouse(.wheelDown, x: 10, y: 10)))
        #expect(family.openFamily?.scroll == AppState.wheelRows)
    }

    @Test func aClickOnAFieldOfAFormFocusesIt() throws {
        var state = Fixture.state(width: 100, height: 30)
        Fixture.press([.character("a")], on: &state)
        let label = try #require(Self.position(of: "Wijk", in: state))
        _ = state.update(.mouse(Mouse(.click, x: label.x + 20, y: label.y)))
        let form = try #require(state.dialog?.form)
        #expect(form.fields[form.focus].id == "wijk")
    }

    @Test func theLockedScreenTakesNoMouse() {
        var state = Fixture.state()
        _ = state.update(.idleLimit(seconds: 60))
        _ = state.update(.tick(now: 0))
        _ = state.update(.tick(now: 61))
        #expect(state.lock.isLocked)
        _ = state.update(.mouse(Mouse(.doubleClick, x: 5, y: 3)))
        #expect(state.lock.phase == .locked && state.isOnBoard)
    }
}
