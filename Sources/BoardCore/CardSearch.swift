/// A family as the board's `/` searches it besides a card's own lines: its address, its children's
/// first names (oldest first) and their BSNs, one per child (empty when not recorded).
public struct FamilySearch: Equatable, Sendable {
    public var address: String
    public var childFirstNames: [String]
    public var childBSNs: [String]

    public init(address: String = "", childFirstNames: [String] = [], childBSNs: [String] = []) {
        self.address = address
        self.childFirstNames = childFirstNames
        self.childBSNs = childBSNs
    }
}

/// What the board's `/` finds on a card besides its own lines (kenmerk, family name, medewerker):
/// a child's first name or the family's address, ignoring case and accents as the rest does, and
/// a BSN only when the whole number is typed, so that a few digits never point at a child.
public enum CardSearch {
    /// Why a card is in view when none of its own lines holds the filter; the card says it in
    /// place of its children's line.
    public enum HiddenMatch: Equatable, Sendable {
        case child(String)
        case address(String)
        /// The whole BSN of this child was typed.
        case bsn(ofChild: String)
    }

    /// The filter as a whole BSN: nine digits, spaces around it ignored.
    public static func wholeBSN(_ filter: String) -> String? {
        let text = filter.trimmingWhitespace()
        return text.count == 9 && text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) ? text : nil
    }

    /// What found `summary` (of `family`) outside its own lines; nil when one of them holds the
    /// filter, or nothing does.
    public static func hiddenMatch(_ summary: CaseSummary, family: FamilySearch, filter: String) -> HiddenMatch? {
        let text = filter.trimmingWhitespace()
        guard !text.isEmpty, ![summary.kenmerk, summary.familyName, summary.medewerker].contains(where: { TextSearch.contains(text, in: $0) })
        else { return nil }
        if let name = family.childFirstNames.first(where: { TextSearch.contains(text, in: $0) }) { return .child(name) }
        if TextSearch.contains(text, in: family.address) { return .address(family.address) }
        if let bsn = wholeBSN(text), let index = family.childBSNs.firstIndex(of: bsn) {
            return .bsn(ofChild: index < family.childFirstNames.count ? family.childFirstNames[index] : "")
        }
        return nil
    }
}
