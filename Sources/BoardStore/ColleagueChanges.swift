import BoardCore

/// A store that can say which changes others made after a point in its log: a running board
/// names them when it reloads (the change token is that point).
public protocol ColleagueChangeLog {
    /// Changes (openings and inzage exports left out) after event `eventID` by anyone but the
    /// store's user, newest first, at most `limit`.
    func colleagueChanges(after eventID: Int64, limit: Int) throws -> [ColleagueChange]
}

extension Store: ColleagueChangeLog {
    public func colleagueChanges(after eventID: Int64, limit: Int) throws -> [ColleagueChange] {
        try read { db in
            try db.rows(sql: """
                SELECT e.user, e.kind, e.to_stage, c.kenmerk FROM event e LEFT JOIN "case" c ON c.id = e.case_id
                WHERE e.id > ? AND e.user != ? AND e.kind NOT IN ('geopend', 'inzage_geexporteerd')
                ORDER BY e.id DESC LIMIT ?
                """, arguments: [eventID, user, max(0, limit)]).map { row in
                ColleagueChange(user: row["user"], kind: (row["kind"] as String?).flatMap(EventKind.init(rawValue:)),
                                kenmerk: row["kenmerk"], toStage: (row["to_stage"] as String?).flatMap(Stage.init(rawValue:)))
            }
        }
    }
}
