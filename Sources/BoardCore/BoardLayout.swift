/// Arranges cases into the board's columns: filter, the end columns' window, oldest first.
public struct BoardColumns: Equatable, Sendable {
    public var columns: [Stage: [CaseSummary]]

    public init(cases: [CaseSummary], today: Day, closedWindowDays: Int?, filter: String = "") {
        let needle = filter.trimmingWhitespace().lowercased()
        var columns: [Stage: [CaseSummary]] = [:]
        for stage in Stage.allCases { columns[stage] = [] }
        for summary in cases {
            if let closed = summary.closedDay, let window = closedWindowDays, closed.days(until: today) > window { continue }
            if !needle.isEmpty && !BoardColumns.matches(summary, needle) { continue }
            columns[summary.stage, default: []].append(summary)
        }
        for stage in Stage.allCases {
            columns[stage]?.sort { ($0.stageSince, $0.reportedOn, $0.kenmerk) < ($1.stageSince, $1.reportedOn, $1.kenmerk) }
        }
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

private func < (lhs: (Day, Day, String), rhs: (Day, Day, String)) -> Bool {
    if lhs.0 != rhs.0 { return lhs.0 < rhs.0 }
    if lhs.1 != rhs.1 { return lhs.1 < rhs.1 }
    return lhs.2 < rhs.2
}
