import Foundation

/// Arranges cases into the board's columns: filter, the end columns' window, oldest first.
public struct BoardColumns: Equatable, Sendable {
    public var columns: [Stage: [CaseSummary]]

    public init(cases: [CaseSummary], today: Day, closedWindowDays: Int?, filter: String = "") {
        var arranged = ArrangedColumns(cases: cases, today: today, closedWindowDays: closedWindowDays)
        self = arranged.filtered(by: filter)
    }

    /// Columns already arranged (see `ArrangedColumns`).
    init(arranged columns: [Stage: [CaseSummary]]) {
        self.columns = columns
    }

    public subscript(stage: Stage) -> [CaseSummary] { columns[stage] ?? [] }

    public var total: Int { columns.values.reduce(0) { $0 + $1.count } }

    /// Filter on family name, kenmerk, medewerker, address and children's first names, ignoring
    /// case and accents, or a child's whole BSN: the plain definition that the fast search
    /// (ArrangedColumns) agrees with.
    static func matches(_ summary: CaseSummary, family: FamilySearch = FamilySearch(), _ filter: String) -> Bool {
        let needle = searchForm(filter)
        let fields = [summary.familyName, summary.kenmerk, summary.medewerker, family.address] + family.childFirstNames
        return fields.contains { searchForm($0).contains(needle) } || CardSearch.wholeBSN(filter).map(family.childBSNs.contains) == true
    }

    /// Text as it is searched: lowercased and without accents, so that a name typed on a keyboard
    /// without them is found (Şahin by `sahin`; the Turkish dotless ı as i).
    public static func searchForm(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).replacingOccurrences(of: "ı", with: "i")
    }
}
