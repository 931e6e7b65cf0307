import BoardCore
@testable import BoardUI
import Testing

/// The board's `/` finds a child's first name, the address or a whole BSN (issue 18, point 1):
/// read once a filter is typed, and the card says what found it, marked.
@Suite struct BoardFamilySearchTests {
    static let found: [FamilyID: FamilySearch] = [
        1: FamilySearch(address: "Meeuwenlaan 102, Zaandam", childFirstNames: ["Zoë", "Daan"], childBSNs: ["", ""]),
        5: FamilySearch(address: "Dorpsstraat 1, Wormer", childFirstNames: ["Sem"], childBSNs: ["123456782"]),
    ]

    /// The role of the first cell of `text` on the board's cards (not the filter line at the bottom).
    static func role(of text: String, in state: AppState) -> Role? {
        let screen = AppView.render(state).screen
        for y in 0..<(screen.height - 2) {
            let line = Array(screen.line(y))
            if let start = (0...max(0, line.count - text.count)).first(where: { String(line[$0..<min(line.count, $0 + text.count)]) == text }) {
                return screen[start, y].role
            }
        }
        return nil
    }

    @Test func slashReadsTheFamiliesOnceAndFindsAChildByName() {
        var state = Fixture.state()
        #expect(Fixture.press([.character("/")], on: &state) == [.loadFamilySearch])
        _ = state.update(.familySearchLoaded(Self.found))
        Fixture.press(Fixture.type("daan"), on: &state)
        #expect(state.columns.total == 1 && state.selectedCase?.id == 1)
        #expect(AppView.render(state).screen.text.contains("kind: Daan"))
        #expect(Self.role(of: "Daan", in: state) == .searchMatch)
        #expect(Self.role(of: "2026-0101", in: state) != .searchMatch, "only what was found is marked")

        // Kept with Enter, a second `/` reads nothing again; a reload keeps finding and reads afresh.
        #expect(Fixture.press([.enter, .character("/")], on: &state).isEmpty)
        let effects = state.update(.loaded(cases: Fixture.cases, norms: .standard, suggestedKenmerk: "2026-0103"))
        #expect(effects.contains(.loadFamilySearch))
        #expect(state.columns.total == 1, "the child is still found until the fresh reading arrives")
    }

    @Test func theAddressIsFoundAndMarkedOnTheCard() {
        var state = Fixture.state(width: 120)
        Fixture.press([.character("/")], on: &state)
        _ = state.update(.familySearchLoaded(Self.found))
        Fixture.press(Fixture.type("meeuwen"), on: &state)
        #expect(state.columns.total == 1)
        #expect(Self.role(of: "Meeuwen", in: state) == .searchMatch)
    }

    @Test func aWholeBSNFindsTheChildWithoutShowingTheNumber() {
        var state = Fixture.state()
        Fixture.press([.character("/")], on: &state)
        _ = state.update(.familySearchLoaded(Self.found))
        Fixture.press(Fixture.type("12345678"), on: &state)
        #expect(state.columns.total == 0, "part of a BSN finds nothing")
        Fixture.press(Fixture.type("2"), on: &state)
        #expect(state.columns.total == 1 && state.selectedCase?.id == 5)
        #expect(Self.role(of: "BSN van Sem", in: state) == .searchMatch)
        #expect(Self.role(of: "123456782", in: state) == nil, "the number is not on the card")
    }

    @Test func inMeetingModeTheCardNamesNoChildAndNoAddress() {
        var state = Fixture.state()
        Fixture.press([.character("M"), .character("/")], on: &state)
        _ = state.update(.familySearchLoaded(Self.found))
        Fixture.press(Fixture.type("daan"), on: &state)
        #expect(state.columns.total == 1, "the filter still finds")
        let text = AppView.render(state).screen.text
        #expect(!text.contains("Daan") && !text.contains("kind:"), "\(text)")
        Fixture.press([.control("u")] + Fixture.type("meeuwen"), on: &state)
        #expect(!AppView.render(state).screen.text.contains("Meeuwen"))
    }
}
