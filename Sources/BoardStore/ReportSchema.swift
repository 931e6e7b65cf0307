import GRDB

/// The index the cohort report reads moves through: only the `verplaatst` and `gecorrigeerd`
/// events (about a tenth of the log; openings dominate it), by case in order of recording.
enum ReportSchema {
    static let migrationName = "v5-report-moves-index"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX event_moves_by_case ON event(case_id, id) WHERE kind IN ('verplaatst', 'gecorrigeerd')
            """)
    }

    static let coveringName = "v10-report-moves-covering"

    /// The same index, now holding what the report reads of each move (kind, from, to, day): the
    /// report read every move's row from the log, one random page each (a year of a store of
    /// 100,000 families: 85,000 moves among 2 million events, most of a second). `stageBefore`
    /// reads the last move of a case from it too. (Named v10: main has a v9 of its own.)
    static func cover(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX event_moves_covering ON event(case_id, id, kind, from_stage, to_stage, day)
                WHERE kind IN ('verplaatst', 'gecorrigeerd');
            DROP INDEX event_moves_by_case;
            """)
    }
}
