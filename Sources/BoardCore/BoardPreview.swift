/// Enough of the board for its first frame, read before the whole of it: the first cards of every
/// column in the board's order, and how many cards each column holds. A store of 100,000 families
/// has some 25,000 cards on the board; reading them all is most of a start, while the first frame
/// shows a few dozen.
public struct BoardPreview: Equatable, Sendable {
    /// At least the first `perColumn` cards of every column (open ones and those of the closed
    /// window), in no particular order: arranging them puts them in the board's order.
    public var cards: [CaseSummary]
    /// The cards each column holds: its open cases plus those closed within the window.
    public var columnCounts: [Stage: Int]
    /// The open cases per stage: the load that the WIP limits are about.
    public var openCounts: [Stage: Int]

    public init(cards: [CaseSummary], columnCounts: [Stage: Int], openCounts: [Stage: Int]) {
        self.cards = cards
        self.columnCounts = columnCounts
        self.openCounts = openCounts
    }
}
