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
}
