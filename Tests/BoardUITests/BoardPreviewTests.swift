import BoardCore
import Testing
@testable import BoardUI

/// The first frame is drawn from a preview (each column's first cards and every column's count):
/// it must be the frame of the whole board, so that nothing jumps when the rest has loaded.
@Suite struct BoardPreviewTests {
    /// More cards than fit in every column, ties on the day, closed cases inside and outside the
    /// window, and Onderzoek over its WIP limit.
    static let cases: [CaseSummary] = {
        var cases = (1...9).map { Fixture.summary(Int64($0), "2026-\(2000 - $0)", "Aanmelding \($0)", stage: .aangemeld, since: 3) }
        cases += (10...40).map { Fixture.summary(Int64($0), "2026-\(1000 + $0)", "Onderzoek \($0)", stage: .onderzoek, since: 60 - $0) }
        cases += (41...52).map { number in
            var summary = Fixture.summary(Int64(number), "2025-\(number)", "Veilig \(number)", stage: .veiligheidGewaarborgd, since: (number - 41) * 4)
            summary.closedOn = summary.stageSince
            return summary
        }
        return cases
    }()

    static var norms: Norms {
        var norms = Norms.standard
        norms.wipLimits[.onderzoek] = 20
        return norms
    }

    /// What a store gives for `perColumn` cards per column (the store's side is checked in BoardStoreTests).
    static func preview(of whole: AppState, perColumn: Int) -> BoardPreview {
        var counts: [Stage: Int] = [:], open: [Stage: Int] = [:]
        for stage in Stage.allCases {
            counts[stage] = whole.cards(in: stage).count
            open[stage] = whole.cases.filter { $0.stage == stage && $0.closedDay == nil }.count
        }
        let first = Stage.allCases.flatMap { whole.cards(in: $0).prefix(perColumn) }
        return BoardPreview(cards: first.reversed(), columnCounts: counts, openCounts: open)
    }

    static func states(width: Int, height: Int, meeting: Bool) -> (whole: AppState, previewed: AppState) {
        var whole = AppState(today: Fixture.today, storeName: "bord.sqlite", user: "anouk", width: width, height: height)
        whole.isMeeting = meeting
        var previewed = whole
        _ = whole.update(.loaded(cases: cases, norms: norms, suggestedKenmerk: "2026-0103"))
        _ = previewed.update(.previewLoaded(preview(of: whole, perColumn: height), norms: norms, suggestedKenmerk: "2026-0103"))
        return (whole, previewed)
    }

    @Test(arguments: [(80, 24, false), (160, 50, false), (80, 24, true)])
    func firstFrameIsTheWholeBoardsFrame(width: Int, height: Int, meeting: Bool) {
        let (whole, previewed) = Self.states(width: width, height: height, meeting: meeting)
        #expect(previewed.cases.count < whole.cases.count, "the preview has fewer cards")
        let frame = AppView.render(previewed)
        #expect(frame == AppView.render(whole))
        let text = frame.screen.text
        // Meeting mode puts its notice where the count stands.
        #expect(meeting || text.contains("48 zaken"), "open cards and the closed window, not the closed cases outside it")
        #expect(text.contains("31/20!"), "the WIP load comes from the open counts")
        #expect(text.contains("meer"), "the scroll hint counts the cards not loaded yet")
    }

    @Test func theWholeBoardReplacesThePreview() {
        var (whole, previewed) = Self.states(width: 80, height: 24, meeting: false)
        _ = previewed.update(.loaded(cases: Self.cases, norms: Self.norms, suggestedKenmerk: "2026-0103"))
        #expect(previewed.previewCounts == nil)
        #expect(previewed.cases == whole.cases)
        // A preview arriving after a load (never sent, but harmless) changes nothing.
        let loaded = whole
        _ = whole.update(.previewLoaded(Self.preview(of: whole, perColumn: 1), norms: Self.norms, suggestedKenmerk: "x"))
        #expect(whole == loaded)
        Fixture.press([.right, .character("G")], on: &previewed)
        #expect(previewed.selectedCase?.kenmerk == "2026-1040", "keys move over the whole column")
    }
}
