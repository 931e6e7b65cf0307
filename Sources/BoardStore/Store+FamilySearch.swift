import BoardCore

extension Store {
    /// The address, children's first names and BSNs of every family with a card on the board
    /// (the same window as `boardCases`), for the board's `/` (CardSearch in BoardCore). Read when
    /// a filter is first typed, not with the board: at 10,000 families this read takes about two
    /// thirds of the board's own load again, and most loads are never filtered.
    public func familySearch(today: Day, closedWindowDays: Int?) throws -> [FamilyID: FamilySearch] {
        let since = closedWindowDays.map { today.adding(days: -$0).iso }
        let window = since == nil ? "" : "WHERE c.closed_on IS NULL OR c.closed_on >= ?"
        return try read { db in
            var found: [FamilyID: FamilySearch] = [:]
            try db.forEachRow(sql: """
                SELECT f.id, f.address, ch.first_name, ch.bsn FROM family f LEFT JOIN child ch ON ch.family_id = f.id
                WHERE f.id IN (SELECT c.family_id FROM "case" c \(window))
                ORDER BY f.id, ch.birth_date, ch.id
                """, arguments: since.map { [$0] } ?? []) { row in
                let family: FamilyID = row[0]
                var search = found[family] ?? FamilySearch(address: row[1])
                if let name = row[2] as String? {
                    search.childFirstNames.append(name)
                    search.childBSNs.append(row[3])
                }
                found[family] = search
            }
            return found
        }
    }
}
