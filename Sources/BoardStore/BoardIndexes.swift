import GRDB

/// Indexes that keep loading the board fast in a large store (measured with `beschermbord bench`).
enum BoardIndexes {
    static let migrationName = "v7-board-load-indexes"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            -- The card's child count and youngest child from the index alone, without reading the
            -- child rows (two of the board query's correlated subqueries); replaces child_by_family.
            CREATE INDEX child_by_family_birth ON child(family_id, birth_date);
            DROP INDEX IF EXISTS child_by_family;
            -- The highest kenmerk number of a year (the suggestion for a new report) without reading
            -- the year's kenmerken: the longest, then the highest, is the last entry of the year.
            CREATE INDEX case_by_kenmerk_number ON "case"(substr(kenmerk, 1, 5), length(kenmerk), kenmerk);
            """)
    }
}
