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

    /// Filter on family name, kenmerk and medewerker, case-insensitive.
    static func matches(_ summary: CaseSummary, _ needle: String) -> Bool {
        summary.familyName.lowercased().contains(needle)
            || summary.kenmerk.lowercased().contains(needle)
            || summary.medewerker.lowercased().contains(needle)
    }
}
