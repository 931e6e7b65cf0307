import BoardCore
import Testing
@testable import BoardUI

/// `N`: the team's norms beside how the board stands against them.
@Suite struct NormsPageTests {
    static func state(width: Int = 80, height: Int = 24) -> AppState {
        var state = Fixture.state(width: width, height: height)
        var norms = Norms.standard
        norms.wipLimits[.onderzoek] = 1
        norms.weeksInOnderzoek = 8
        _ = state.update(.loaded(cases: Fixture.cases, norms: norms, suggestedKenmerk: "2026-0100"))
        Fixture.press([.character("N")], on: &state)
        return state
    }

    @Test func itCountsTheOpenColumnsAgainstTheNorms() {
        let state = Self.state()
        let lines = AppView.render(state).screen.lines
        let onderzoek = Fixture.cases.filter { $0.stage == .onderzoek && $0.closedDay == nil }
        let overdue = onderzoek.filter { state.norms.isOverdue($0, today: Fixture.today) }.count
        #expect(onderzoek.count > 1, "the fixture is over the limit of 1")
        let row = lines.first { $0.contains("Onderzoek") } ?? ""
        let cells = row.replacingOccurrences(of: "│", with: "").split(separator: " ").map(String.init)
        #expect(cells == ["Onderzoek", "8", "weken", "1", "\(onderzoek.count)!", "\(overdue)"], "\(row)")
        #expect(lines.contains { $0.contains("Aangemeld") && $0.contains("5 werkdagen") && $0.contains("geen") })
        #expect(lines.contains { $0.contains("30 dagen op het bord") })
        #expect(!lines.joined().contains("…"), "nothing cut at 80 columns")
    }

    @Test func escAndNGoBackToTheBoard() {
        for key in [Key.escape, .character("N")] {
            var state = Self.state()
            #expect(state.pages == [.norms(NormsScreen())])
            Fixture.press([key], on: &state)
            #expect(state.isOnBoard)
        }
    }

    @Test func everyLineShowsOnTheSmallestBoard() {
        let state = Self.state(width: AppState.minimumWidth, height: AppState.minimumHeight)
        let text = AppView.render(state).screen.text
        #expect(text.contains("Beschermtafel"))
        #expect(text.contains("Wijzigen: beschermbord"), "the last line is in view: \(text)")
    }
}
