import GRDB

/// The schema for several users, the tamper-evident log and retention (registered in `Schema`).
enum TrustSchema {
    static let migrationName = "v3-staff-chain-retention"

    static func migrate(_ db: Database) throws {
        // The staff list. Everyone who changed something before the list existed keeps working
        // as medewerker; the first user to open the store becomes teamleider (see Roles.swift).
        try db.execute(sql: """
            CREATE TABLE medewerkers (
                name TEXT PRIMARY KEY,
                display_name TEXT NOT NULL,
                role TEXT NOT NULL CHECK (role IN ('medewerker', 'jeugdbeschermer', 'teamleider')),
                added_at TEXT NOT NULL,
                added_by TEXT NOT NULL
            );
            INSERT INTO medewerkers (name, display_name, role, added_at, added_by)
                SELECT user, user, 'medewerker', MIN(recorded_at), 'bijwerken'
                FROM event WHERE kind NOT IN ('geopend', 'inzage_geexporteerd') GROUP BY user;
            """)

        // The hash chain over the log (see EventChain), and indexes to read the log per family
        // and per user (NEN 7513).
        try db.execute(sql: """
            ALTER TABLE event ADD COLUMN hash BLOB;
            ALTER TABLE event ADD COLUMN salt BLOB;
            ALTER TABLE event ADD COLUMN detail_digest BLOB;
            CREATE INDEX event_by_family ON event(family_id, id);
            CREATE INDEX event_by_user ON event(user, id);
            """)
        try EventLog.backfill(db)

        // Retention: when a family's personal data was erased.
        try db.execute(sql: "ALTER TABLE family ADD COLUMN erased_on TEXT")

        // Every change of a case raises its version, so that a colleague's stale edit is refused
        // (`changedMeanwhile`). The store's own paths raise it themselves; this catches any path
        // that forgets.
        try db.execute(sql: """
            CREATE TRIGGER case_version_follows_change AFTER UPDATE ON "case"
            WHEN NEW.version = OLD.version
            BEGIN
                UPDATE "case" SET version = OLD.version + 1 WHERE id = NEW.id;
            END;
            """)
    }

    static let lighterIndexesName = "v6-lighter-event-indexes"

    /// Two indexes over the whole log cost every appended event (the demo writes two million):
    /// the log per family needs an index only for the family's own events (those of its cases are
    /// found through `event_by_case`), and the log per user is read rarely enough to scan.
    static func lighterIndexes(_ db: Database) throws {
        try db.execute(sql: """
            DROP INDEX IF EXISTS event_by_user;
            DROP INDEX IF EXISTS event_by_family;
            CREATE INDEX event_of_family ON event(family_id, id) WHERE case_id IS NULL;
            """)
    }
}
