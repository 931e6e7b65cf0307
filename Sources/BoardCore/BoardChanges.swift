/// What changed on the board since it last loaded, as the store's log tells it: the families
/// whose cards changed, and those families' cards as they are now. Put in place of theirs, they
/// give the board a whole reload would read, without reading again the 20,000 cards of a large
/// store that did not change.
public struct BoardChanges: Equatable, Sendable {
    /// The families a change since the last load was about.
    public var families: Set<FamilyID>
    /// Their cards now: open cases and those closed within the board's window.
    public var cards: [CaseSummary]
    /// The newest event the changes were read up to: the next ask starts after it.
    public var lastEvent: Int64

    public init(families: Set<FamilyID>, cards: [CaseSummary], lastEvent: Int64) {
        self.families = families
        self.cards = cards
        self.lastEvent = lastEvent
    }

    /// `cases` with the changed families' cards replaced by their cards now: a family's card
    /// that closed out of the window, or was erased, is gone; a new report's card is there.
    public func applied(to cases: [CaseSummary]) -> [CaseSummary] {
        guard !families.isEmpty else { return cases }
        return cases.filter { !families.contains($0.familyID) } + cards
    }
}
