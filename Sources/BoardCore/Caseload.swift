/// The caseload view (`w` on the board): per medewerker the open cases in each open column.
public struct CaseloadRow: Equatable, Sendable {
    public var medewerker: String
    /// Open cases per column, in `Caseload.columns` order.
    public var counts: [Int]
    public var overdue: Int

    public var total: Int { counts.reduce(0, +) }
}

public enum Caseload {
    /// The columns where a case is still the wijkteam's work.
    public static let columns: [Stage] = [.aangemeld, .onderzoek, .beschermtafel]

    /// One row per medewerker with at least one open case, busiest first, then by name.
    public static func rows(_ cases: [CaseSummary], norms: Norms, today: Day) -> [CaseloadRow] {
        var rows: [String: CaseloadRow] = [:]
        for summary in cases where summary.closedDay == nil {
            guard let column = columns.firstIndex(of: summary.stage) else { continue }
            var row = rows[summary.medewerker] ?? CaseloadRow(medewerker: summary.medewerker, counts: columns.map { _ in 0 }, overdue: 0)
            row.counts[column] += 1
            if norms.isOverdue(summary, today: today) { row.overdue += 1 }
            rows[summary.medewerker] = row
        }
        return rows.values.sorted { $0.total != $1.total ? $0.total > $1.total : $0.medewerker < $1.medewerker }
    }

    /// The sums of `rows`, as a row of its own (named `name`).
    public static func totals(_ rows: [CaseloadRow], name: String) -> CaseloadRow {
        CaseloadRow(medewerker: name, counts: columns.indices.map { column in rows.map { $0.counts[column] }.reduce(0, +) },
                    overdue: rows.map(\.overdue).reduce(0, +))
    }
}
