import GRDB

/// The secondary indexes of the tables an import fills, and the trigger that keeps
/// `family_children`, set aside during a large import and built again at its end, in the same
/// transaction (so a rollback brings them back untouched, and other users never see the store
/// without them).
///
/// Why: SQLite keeps an index up to date by putting each new row's entry in its place, at random
/// over the index's pages, for every index and every row; building an index afterwards sorts all
/// entries once. Measured with SQLite alone (the import's statements from C, 10,000 rows into a new
/// store): ~62 µs per row with the eleven indexes and the trigger in place, ~17 µs without them
/// plus ~19 µs to build them afterwards. Building, though, reads the whole table, including what
/// was there before, so it only pays when the import is large next to the store (`pays`).
///
/// The definitions are read from the store itself and executed again as they were, so an index
/// that a later migration adds is set aside and rebuilt too. The import's own writes read none of
/// what is set aside: they look rows up by id, by kenmerk (a UNIQUE constraint, whose index is not
/// a definition of its own and stays) and in `table_record` (not one of these tables).
struct DeferredIndexes {
    static let tables = ["family", "child", "case", "event"]

    /// The `CREATE` statements, in the store's order.
    private let definitions: [String]
    /// `family_children` is refreshed for the families after this one: the ones the import adds.
    private let lastFamilyBefore: Int64

    /// Whether setting aside pays: whether the import adds at least as many cases as the store holds.
    static func pays(expectedRows: Int, storedCases: Int) -> Bool {
        expectedRows > 0 && expectedRows >= storedCases
    }

    /// Drops the indexes and the trigger; `rebuild` must follow in the same transaction.
    static func setAside(_ db: Database) throws -> DeferredIndexes {
        let tableList = tables.map { "'\($0)'" }.joined(separator: ", ")
        let rows = try Row.fetchAll(db, sql: """
            SELECT type, name, sql FROM sqlite_master
            WHERE (type = 'index' AND tbl_name IN (\(tableList)) AND sql IS NOT NULL) OR (type = 'trigger' AND name = ?)
            """, arguments: [FamilyChildSummary.insertTrigger])
        for row in rows {
            let type: String = row["type"]
            let name: String = row["name"]
            try db.execute(sql: "DROP \(type == "trigger" ? "TRIGGER" : "INDEX") \(name.quotedDatabaseIdentifier)")
        }
        let lastFamily = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM family") ?? 0
        return DeferredIndexes(definitions: rows.map { $0["sql"] }, lastFamilyBefore: lastFamily)
    }

    /// Builds what was set aside and gives the added families their `family_children` rows.
    func rebuild(_ db: Database) throws {
        for sql in definitions { try db.execute(sql: sql) }
        try FamilyChildSummary.refresh(db, familiesAfter: lastFamilyBefore)
    }
}
