extension CaseStore {
    /// A store that cannot tell openings from changes reloads on every write.
    public func boardChangeToken() throws -> Int64 { try changeToken() }

    public var name: String { location.split(separator: "/").last.map(String.init) ?? location }
}

extension Store {
    /// Changes whenever anyone changes what the board shows. On a file: the last event that is
    /// not an access; on a server: what the server announced (ServerChangeListener.swift).
    public func boardChangeToken() throws -> Int64 {
        try backend.boardChangeToken()
    }

    /// The last event that is not an access (an opening or an inzage export). A colleague who opens
    /// a family must not make every running board reload all its cards; the scan walks back from
    /// the newest event and stops at the first change, so it stays cheap however long the log is.
    static func lastBoardChange(_ db: any StoreDatabase) throws -> Int64 {
        try db.value(Int64.self, sql: """
            SELECT COALESCE((SELECT id FROM event WHERE kind NOT IN ('geopend', 'inzage_geexporteerd') ORDER BY id DESC LIMIT 1), 0)
            """) ?? 0
    }
}
