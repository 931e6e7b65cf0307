import BoardCore
import GRDB

extension Store {
    /// The first frame's worth of the board (see `BoardPreview`): the first `perColumn` cards of
    /// every column in the board's order and every column's count, all from the indexes of
    /// `BoardIndexes.migrateFirstFrame`, in one read of two statements (on a server each statement
    /// is a round trip). At 100,000 families this reads a few hundred cards instead of 25,000.
    ///
    /// On a file, `INDEXED BY` makes each query fail rather than quietly read the table if the index
    /// stops fitting it (without statistics SQLite walked case_by_stage through every closed case).
    /// The server has no such hint and made that very choice for a closed column (170 ms at
    /// 100,000 families): there the closed window is read once, into a table of its own
    /// (`MATERIALIZED`), and each closed column's first cards are taken from it (20 ms; on a
    /// file the same costs 19 ms against 4 ms for walking the index per column).
    public func boardPreview(today: Day, closedWindowDays: Int, perColumn: Int) throws -> BoardPreview {
        let since = today.adding(days: -closedWindowDays).iso
        let openIndex = "\"case\"\(dialect.indexedBy("case_open_in_board_order"))"
        let closedIndex = "\"case\"\(dialect.indexedBy("case_closed_in_board_order"))"
        return try read { db in
            var open: [Stage: Int] = [:]
            var closed: [Stage: Int] = [:]
            for row in try db.rows(sql: """
                SELECT 1, stage, COUNT(*) FROM \(openIndex) WHERE closed_on IS NULL GROUP BY stage
                UNION ALL
                SELECT 0, stage, COUNT(*) FROM \(closedIndex) WHERE closed_on >= ? GROUP BY stage
                """, arguments: [since]) {
                // A stage this version does not know is shown in Aangemeld, as `summary(from:)` does.
                let stage = Stage(rawValue: row[1]) ?? .aangemeld
                if (row[0] as Int) == 1 { open[stage, default: 0] += row[2] as Int } else { closed[stage, default: 0] += row[2] as Int }
            }
            let onServer = db.dialect == .postgres
            var firstCards: [String] = []
            var arguments: SQLArguments = onServer ? [since] : []
            for stage in Stage.allCases where open[stage, default: 0] > 0 {
                firstCards.append("SELECT id FROM \(openIndex) WHERE stage = ? AND closed_on IS NULL")
                arguments += [stage.rawValue, perColumn]
            }
            for stage in Stage.allCases where closed[stage, default: 0] > 0 {
                firstCards.append(onServer ? "SELECT id FROM recently_closed WHERE stage = ?"
                                           : "SELECT id FROM \(closedIndex) WHERE closed_on >= ? AND stage = ?")
                arguments += (onServer ? [] : [since]) + [stage.rawValue, perColumn]
            }
            guard !firstCards.isEmpty else { return BoardPreview(cards: [], columnCounts: [:], openCounts: [:]) }
            let columns = firstCards.enumerated().map { number, select in
                "SELECT id FROM (\(select) ORDER BY stage_since, reported_on, kenmerk LIMIT ?) AS column\(number)"
            }
            let cards = try Self.cards(db, with: onServer ? """
                WITH recently_closed AS MATERIALIZED (SELECT id, stage, stage_since, reported_on, kenmerk FROM "case" WHERE closed_on >= ?)
                """ : "", where: "c.id IN (\(columns.joined(separator: "\nUNION ALL\n")))", arguments: arguments)
            return BoardPreview(cards: cards, columnCounts: open.merging(closed, uniquingKeysWith: +), openCounts: open)
        }
    }
}
