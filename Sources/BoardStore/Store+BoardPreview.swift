import BoardCore
import GRDB

extension Store {
    /// The first frame's worth of the board (see `BoardPreview`): the first `perColumn` cards of
    /// every column in the board's order and every column's count, all from the indexes of
    /// `BoardIndexes.migrateFirstFrame`, in one read. At 100,000 families this reads a few
    /// hundred cards instead of 25,000.
    ///
    /// On a file, `INDEXED BY` makes each query fail rather than quietly read the table if the index
    /// stops fitting it (without statistics SQLite walked case_by_stage through every closed case).
    public func boardPreview(today: Day, closedWindowDays: Int, perColumn: Int) throws -> BoardPreview {
        let since = today.adding(days: -closedWindowDays).iso
        return try read { db in
            let open = try Self.countsPerStage(db, sql: """
                SELECT stage, COUNT(*) FROM "case"\(db.dialect.indexedBy("case_open_in_board_order"))
                WHERE closed_on IS NULL GROUP BY stage
                """, arguments: [])
            let closed = try Self.countsPerStage(db, sql: """
                SELECT stage, COUNT(*) FROM "case"\(db.dialect.indexedBy("case_closed_in_board_order"))
                WHERE closed_on >= ? GROUP BY stage
                """, arguments: [since])
            var ids: [Int64] = []
            for stage in Stage.allCases {
                if open[stage, default: 0] > 0 {
                    ids += try db.values(Int64.self, sql: """
                        SELECT id FROM "case"\(db.dialect.indexedBy("case_open_in_board_order"))
                        WHERE stage = ? AND closed_on IS NULL ORDER BY stage_since, reported_on, kenmerk LIMIT ?
                        """, arguments: [stage.rawValue, perColumn])
                }
                if closed[stage, default: 0] > 0 {
                    ids += try db.values(Int64.self, sql: """
                        SELECT id FROM "case"\(db.dialect.indexedBy("case_closed_in_board_order"))
                        WHERE closed_on >= ? AND stage = ? ORDER BY stage_since, reported_on, kenmerk LIMIT ?
                        """, arguments: [since, stage.rawValue, perColumn])
                }
            }
            let cards = ids.isEmpty ? [] : try Self.cards(db, where: "c.id IN (\(Array(repeating: "?", count: ids.count).joined(separator: ",")))",
                                                          arguments: ids.map { $0 })
            return BoardPreview(cards: cards, columnCounts: open.merging(closed, uniquingKeysWith: +), openCounts: open)
        }
    }

    private static func countsPerStage(_ db: any StoreDatabase, sql: String, arguments: SQLArguments) throws -> [Stage: Int] {
        var counts: [Stage: Int] = [:]
        for row in try db.rows(sql: sql, arguments: arguments) {
            // A stage this version does not know is shown in Aangemeld, as `summary(from:)` does.
            counts[Stage(rawValue: row[0]) ?? .aangemeld, default: 0] += row[1] as Int
        }
        return counts
    }
}
