import GRDB

/// The store's schema as named, append-only migrations. Never edit a shipped migration: add one.
enum Schema {
    /// `PRAGMA application_id`: marks a file as a Beschermbord store ('BBRD').
    static let applicationID: Int32 = 0x4242_5244

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-families-cases-events") { db in
            try db.execute(sql: """
                CREATE TABLE family (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    wijk TEXT NOT NULL DEFAULT ''
                );
                CREATE TABLE child (
                    id INTEGER PRIMARY KEY,
                    family_id INTEGER NOT NULL REFERENCES family(id),
                    first_name TEXT NOT NULL,
                    birth_date TEXT NOT NULL
                );
                CREATE INDEX child_by_family ON child(family_id);
                CREATE TABLE "case" (
                    id INTEGER PRIMARY KEY,
                    kenmerk TEXT NOT NULL UNIQUE,
                    family_id INTEGER NOT NULL REFERENCES family(id),
                    source TEXT NOT NULL,
                    reported_on TEXT NOT NULL,
                    stage TEXT NOT NULL,
                    stage_since TEXT NOT NULL,
                    medewerker TEXT NOT NULL DEFAULT '',
                    version INTEGER NOT NULL DEFAULT 1
                );
                CREATE INDEX case_by_stage ON "case"(stage, stage_since);
                CREATE INDEX case_by_family ON "case"(family_id);
                CREATE TABLE event (
                    id INTEGER PRIMARY KEY,
                    case_id INTEGER REFERENCES "case"(id),
                    family_id INTEGER REFERENCES family(id),
                    recorded_at TEXT NOT NULL,
                    user TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    from_stage TEXT,
                    to_stage TEXT,
                    day TEXT NOT NULL,
                    detail TEXT NOT NULL DEFAULT ''
                );
                CREATE INDEX event_by_case ON event(case_id, id);
                CREATE TABLE setting (
                    key TEXT PRIMARY KEY,
                    value TEXT NOT NULL
                );
                PRAGMA application_id = \(applicationID);
                """)
        }
        return migrator
    }
}
