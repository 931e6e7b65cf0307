/// The board's columns before the filter, arranged once: the end columns' window applied and
/// every column sorted oldest first. The first filter adds every card's search text (family name,
/// kenmerk, medewerker, address, children's first names), lowercased and without accents into one
/// contiguous buffer per column.
///
/// Filtering as you type then only selects from it: no sorting, no lowercasing and no String
/// searching per key. With 25,000 cards on the board (a store of 100,000 families) that is the
/// difference between most of a second and a millisecond or two per key.
public struct ArrangedColumns: Equatable, Sendable {
    /// Every column, unfiltered.
    public private(set) var all: BoardColumns
    /// Made by the first filter, not at every load: most loads are never filtered.
    private var search: [Stage: SearchColumn]?
    /// The cards' families as `/` finds them besides the cards (CardSearch.swift); read only once
    /// a filter is typed, so not part of a card.
    private let families: [FamilyID: FamilySearch]

    public static let empty = ArrangedColumns(cases: [], today: Day(ordinal: 0), closedWindowDays: nil)

    public init(cases: [CaseSummary], today: Day, closedWindowDays: Int?, families: [FamilyID: FamilySearch] = [:]) {
        self.families = families
        // Sort keys per column, by the cards' positions in `cases`: each card is copied once, into
        // its place, and its day numbers are computed once rather than in every comparison.
        var keys = [[SortKey]](repeating: [], count: Stage.allCases.count)
        for (index, summary) in cases.enumerated() {
            if let closed = summary.closedDay, let window = closedWindowDays, closed.days(until: today) > window { continue }
            keys[Self.position(summary.stage)].append(SortKey(since: summary.stageSince.ordinal, reported: summary.reportedOn.ordinal, index: index))
        }
        var columns: [Stage: [CaseSummary]] = [:]
        for (position, stage) in Stage.allCases.enumerated() {
            columns[stage] = Self.oldestFirst(keys[position], cases)
        }
        all = BoardColumns(arranged: columns)
        search = nil
    }

    private struct SortKey {
        var since: Int
        var reported: Int
        var index: Int
    }

    private static func position(_ stage: Stage) -> Int {
        switch stage {
        case .aangemeld: return 0
        case .onderzoek: return 1
        case .beschermtafel: return 2
        case .veiligheidGewaarborgd: return 3
        case .rvkOnderzoek: return 4
        }
    }

    public static func == (lhs: ArrangedColumns, rhs: ArrangedColumns) -> Bool { lhs.all == rhs.all }

    /// The columns with only the cards whose family name, kenmerk, medewerker, address or a
    /// child's first name contains `filter`, ignoring case, accents and surrounding spaces
    /// (`ozturk` finds Öztürk), or with a child whose whole BSN it is; in the same order.
    public mutating func filtered(by filter: String) -> BoardColumns {
        var needle: [UInt8] = []
        _ = SearchColumn.appendSearchForm(filter.trimmingWhitespace(), to: &needle)
        let needleText = String(decoding: needle, as: UTF8.self)
        guard !needle.isEmpty else { return all }
        if search == nil {
            var made: [Stage: SearchColumn] = [:]
            for stage in Stage.allCases { made[stage] = SearchColumn(all[stage], families: families) }
            search = made
        }
        let search = self.search ?? [:]
        let pattern = SearchPattern(needleText)
        let bsn = CardSearch.wholeBSN(filter)
        var columns: [Stage: [CaseSummary]] = [:]
        for stage in Stage.allCases {
            let cards = all[stage]
            guard let column = search[stage] else { columns[stage] = []; continue }
            var kept: [CaseSummary] = []
            if let bsn {
                var found = Set<Int>()
                column.forEachMatch(of: pattern) { found.insert($0) }
                kept = cards.indices.filter { found.contains($0) || families[cards[$0].familyID]?.childBSNs.contains(bsn) == true }.map { cards[$0] }
            } else {
                column.forEachMatch(of: pattern) { kept.append(cards[$0]) }
            }
            columns[stage] = kept
        }
        return BoardColumns(arranged: columns)
    }

    /// By day entered in the column, then report date, then kenmerk (and position, for equal ones).
    private static func oldestFirst(_ keys: [SortKey], _ cards: [CaseSummary]) -> [CaseSummary] {
        var keys = keys
        keys.sort { lhs, rhs in
            if lhs.since != rhs.since { return lhs.since < rhs.since }
            if lhs.reported != rhs.reported { return lhs.reported < rhs.reported }
            let left = cards[lhs.index].kenmerk, right = cards[rhs.index].kenmerk
            return left != right ? left < right : lhs.index < rhs.index
        }
        return keys.map { cards[$0.index] }
    }
}

/// The lowercased search text of one column's cards: the searched fields of each card, separated
/// by a NUL byte so that no match spans two fields, back to back in one buffer.
struct SearchColumn: Equatable, Sendable {
    var bytes: [UInt8] = []
    /// Where each card's text ends in `bytes` (it starts where the previous one ends).
    var ends: [Int] = []
    /// Cards whose text has a character of more than one scalar (a letter with a separate accent):
    /// compared as Swift strings, with canonical equivalence, instead of byte by byte.
    var complex: [Int: String] = [:]

    init(_ cards: [CaseSummary], families: [FamilyID: FamilySearch]) {
        ends.reserveCapacity(cards.count)
        bytes.reserveCapacity(cards.count * 48)
        for (index, card) in cards.enumerated() {
            let start = bytes.count
            var simple = true
            let family = families[card.familyID]
            for (number, field) in ([card.familyName, card.kenmerk, card.medewerker, family?.address ?? ""] + (family?.childFirstNames ?? [])).enumerated() {
                if number > 0 { bytes.append(0) }
                simple = Self.appendSearchForm(field, to: &bytes) && simple
            }
            ends.append(bytes.count)
            if !simple {
                let text = String(decoding: bytes[start...], as: UTF8.self)
                if !SearchPattern.isByteComparable(text) { complex[index] = text }
            }
        }
    }

    /// Appends `text` as it is searched (`BoardColumns.searchForm`): ASCII byte by byte, anything
    /// else through Foundation's folding. Returns whether it was all ASCII.
    static func appendSearchForm(_ text: String, to bytes: inout [UInt8]) -> Bool {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else {
            bytes.append(contentsOf: BoardColumns.searchForm(text).utf8)
            return false
        }
        for byte in utf8 { bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) }
        return true
    }

    /// Calls `body` with the index of every card whose text contains the pattern, in order.
    func forEachMatch(of pattern: SearchPattern, _ body: (Int) -> Void) {
        if pattern.bytes.contains(0) { return }
        guard pattern.isByteComparable else {
            var start = 0
            for (index, end) in ends.enumerated() {
                let text = complex[index] ?? String(decoding: bytes[start..<end], as: UTF8.self)
                if text.contains(pattern.text) { body(index) }
                start = end
            }
            return
        }
        bytes.withUnsafeBufferPointer { hay in
            pattern.bytes.withUnsafeBufferPointer { needle in
                var start = 0
                for (index, end) in ends.enumerated() {
                    let found: Bool
                    if !complex.isEmpty, let text = complex[index] {
                        found = text.contains(pattern.text)
                    } else {
                        found = Self.contains(hay, from: start, to: end, needle)
                    }
                    if found { body(index) }
                    start = end
                }
            }
        }
    }

    static func contains(_ hay: UnsafeBufferPointer<UInt8>, from: Int, to: Int, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = needle.count
        guard count > 0 else { return true }
        guard to - from >= count else { return false }
        let first = needle[0]
        var position = from
        let last = to - count
        while position <= last {
            if hay[position] == first {
                var matched = 1
                while matched < count && hay[position + matched] == needle[matched] { matched += 1 }
                if matched == count { return true }
            }
            position += 1
        }
        return false
    }
}

/// A lowercased filter, as text and as UTF-8 bytes.
struct SearchPattern {
    var text: String
    var bytes: [UInt8]
    /// Whether a byte search finds exactly what `String.contains` finds: every character is one
    /// Unicode scalar (no separate combining accents).
    var isByteComparable: Bool

    init(_ text: String) {
        self.text = text
        bytes = Array(text.utf8)
        isByteComparable = Self.isByteComparable(text)
    }

    static func isByteComparable(_ text: String) -> Bool {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return true }
        return text.unicodeScalars.count == text.count
    }
}
