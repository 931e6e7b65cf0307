import GRDB

extension CaseStore {
    /// A store that cannot tell openings from changes reloads on every write.
    public func boardChangeToken() throws -> Int64 { try changeToken() }
}

extension SQLiteCaseStore {
    /// The last event that is not an access (an opening or an inzage export). A colleague who opens
    /// a family must not make every running board reload all its cards; the scan walks back from
    /// the newest event and stops at the first change, so it stays cheap however long the log is.
    public func boardChangeToken() throws -> Int64 {
        try read { db in
            try db.value(Int64.self, sql: """
                SELECT COALESCE((SELECT id FROM event WHERE kind NOT IN ('geopend', 'inzage_geexporteerd') ORDER BY id DESC LIMIT 1), 0)
                """) ?? 0
        }
    }
}
