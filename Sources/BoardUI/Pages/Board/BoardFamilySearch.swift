import BoardCore

/// The board's `/` beyond the cards' own lines (CardSearch in BoardCore): the families' children,
/// addresses and BSNs arrive once a filter is typed, kept beside the cards rather than on them.
extension AppState {
    mutating func receiveFamilySearch(_ found: [FamilyID: FamilySearch]) {
        familySearch = found
        arrange()
        if !filter.isEmpty { selectAfterFilter() }
    }
}
