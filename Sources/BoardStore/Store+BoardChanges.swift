import BoardCore

/// Bringing a running board up to date by what changed, instead of reading every card again
/// (22,000 at 100,000 families: a third of a second on a server, where a colleague's change must
/// show within half of one).
extension Store {
    /// How many changes since the last load are read as changes; beyond it (an import, a board
    /// left open for a day) the whole board is read again, which then costs about as much.
    static let boardChangesLimit = 200

    /// The board's changes after event `eventID` (see `BoardChanges`): the families named by the
    /// changes in the log after it (openings and inzage exports are not changes), and their cards
    /// now, read in one snapshot together with the newest event, from which the next ask starts.
    ///
    /// Nil when the changes are no reload of families: more than `limit` of them, or one about no
    /// family (the staff list, whose names are on the cards; the settings; sealed records); then
    /// the whole board is read again.
    ///
    /// Nothing committed later is missed: event ids follow commit order on both stores. SQLite
    /// writes one transaction at a time; on the server the writers take turns under the store's
    /// write lock, held to their commit, and number each event as the successor of the tip they
    /// read under it (EventLog.append), not from a sequence drawn before another writer commits.
    /// So an event that this snapshot does not see gets a higher id than every event it does.
    public func boardChanges(after eventID: Int64, today: Day, closedWindowDays: Int?) throws -> BoardChanges? {
        try boardChanges(after: eventID, today: today, closedWindowDays: closedWindowDays, limit: Self.boardChangesLimit)
    }

    func boardChanges(after eventID: Int64, today: Day, closedWindowDays: Int?, limit: Int) throws -> BoardChanges? {
        let since = closedWindowDays.map { today.adding(days: -$0).iso }
        return try read { db in
            let changed = try db.rows(sql: """
                SELECT e.family_id, c.family_id FROM event e LEFT JOIN "case" c ON c.id = e.case_id
                WHERE e.id > ? AND e.kind NOT IN ('geopend', 'inzage_geexporteerd') ORDER BY e.id LIMIT ?
                """, arguments: [eventID, limit + 1])
            guard changed.count <= limit else { return nil }
            var families = Set<FamilyID>()
            for row in changed {
                let named = [row[0] as FamilyID?, row[1] as FamilyID?].compactMap { $0 }
                guard !named.isEmpty else { return nil }
                families.formUnion(named)
            }
            let lastEvent = try db.value(Int64.self, sql: "SELECT COALESCE(MAX(id), 0) FROM event") ?? 0
            guard !families.isEmpty else { return BoardChanges(families: [], cards: [], lastEvent: lastEvent) }
            let ids = families.sorted()
            let cards = try Self.cards(db, where: "c.family_id IN (\(Array(repeating: "?", count: ids.count).joined(separator: ","))) AND \(Self.boardCondition(since: since))",
                                       arguments: ids.map { $0 } + (since.map { [$0] } ?? []))
            return BoardChanges(families: families, cards: cards, lastEvent: lastEvent)
        }
    }
}
