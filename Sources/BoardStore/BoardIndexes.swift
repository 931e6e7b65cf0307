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

    static let firstFrameMigrationName = "v12-board-first-frame-indexes"

    /// The first frame from indexes alone (`Store.boardPreview`): each column's count and
    /// its first cards in the board's order (day entered the column, report date, kenmerk).
    static func migrateFirstFrame(_ db: Database) throws {
        try db.execute(sql: """
            -- Open cases per column, already in the board's order.
            CREATE INDEX case_open_in_board_order ON "case"(stage, stage_since, reported_on, kenmerk)
                WHERE closed_on IS NULL;
            -- The closed window: the cases closed since a day, with what counting and ordering
            -- them needs; replaces case_by_closed, of which it is a widening.
            CREATE INDEX case_closed_in_board_order ON "case"(closed_on, stage, stage_since, reported_on, kenmerk);
            DROP INDEX IF EXISTS case_by_closed;
            """)
    }
}

/// Each family's child count and youngest child, kept up to date by triggers, so that loading the
/// board reads them with the family rather than searching the children twice per card (those two
/// correlated subqueries were a third of loading a board of 25,000 cards).
///
/// The table has no `family_id` column on purpose: it is derived data, not something recorded
/// about the family, so the inzage export (which takes every table with a `family_id`) leaves it
/// out. Every change to `child` (insert, update, delete, by any code path) recomputes the row of
/// the family concerned, so it always equals what the subqueries gave.
enum FamilyChildSummary {
    static let migrationName = "v8-family-child-summary"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE family_children (
                id INTEGER PRIMARY KEY,
                child_count INTEGER NOT NULL DEFAULT 0,
                youngest_birth_date TEXT
            );
            INSERT INTO family_children (id, child_count, youngest_birth_date)
                SELECT family_id, COUNT(*), MAX(birth_date) FROM child GROUP BY family_id;
            CREATE TRIGGER family_children_after_insert AFTER INSERT ON child BEGIN
                INSERT OR REPLACE INTO family_children (id, child_count, youngest_birth_date)
                    SELECT NEW.family_id, COUNT(*), MAX(birth_date) FROM child WHERE family_id = NEW.family_id;
            END;
            CREATE TRIGGER family_children_after_delete AFTER DELETE ON child BEGIN
                INSERT OR REPLACE INTO family_children (id, child_count, youngest_birth_date)
                    SELECT OLD.family_id, COUNT(*), MAX(birth_date) FROM child WHERE family_id = OLD.family_id;
            END;
            CREATE TRIGGER family_children_after_update AFTER UPDATE OF family_id, birth_date ON child BEGIN
                INSERT OR REPLACE INTO family_children (id, child_count, youngest_birth_date)
                    SELECT OLD.family_id, COUNT(*), MAX(birth_date) FROM child WHERE family_id = OLD.family_id;
                INSERT OR REPLACE INTO family_children (id, child_count, youngest_birth_date)
                    SELECT NEW.family_id, COUNT(*), MAX(birth_date) FROM child WHERE family_id = NEW.family_id;
            END;
            CREATE TRIGGER family_children_after_family_delete AFTER DELETE ON family BEGIN
                DELETE FROM family_children WHERE id = OLD.id;
            END;
            """)
    }

    static let linearMigrationName = "v13-family-children-linear"

    /// The triggers of `migrate` count the family's children again on every change of one child,
    /// so a report of n children cost n²/2 steps: 20,000 children took 13 seconds, 100,000 six
    /// minutes, with the store locked for every colleague. These change the count by one and take
    /// the youngest from the new child, or from the family's last entry in `child_by_family_birth`
    /// (one index step), so a child costs the same in any family. Same names: `DeferredIndexes`
    /// still finds the insert trigger.
    static func migrateLinear(_ db: Database) throws {
        try db.execute(sql: """
            DROP TRIGGER family_children_after_insert;
            DROP TRIGGER family_children_after_delete;
            DROP TRIGGER family_children_after_update;
            CREATE TRIGGER family_children_after_insert AFTER INSERT ON child BEGIN
                INSERT INTO family_children (id, child_count, youngest_birth_date) VALUES (NEW.family_id, 1, NEW.birth_date)
                    ON CONFLICT (id) DO UPDATE SET child_count = child_count + 1,
                        youngest_birth_date = max(coalesce(youngest_birth_date, excluded.youngest_birth_date), excluded.youngest_birth_date);
            END;
            CREATE TRIGGER family_children_after_delete AFTER DELETE ON child BEGIN
                UPDATE family_children SET child_count = child_count - 1,
                    youngest_birth_date = (SELECT MAX(birth_date) FROM child WHERE family_id = OLD.family_id)
                    WHERE id = OLD.family_id;
            END;
            CREATE TRIGGER family_children_after_update AFTER UPDATE OF family_id, birth_date ON child BEGIN
                UPDATE family_children SET child_count = child_count - 1,
                    youngest_birth_date = (SELECT MAX(birth_date) FROM child WHERE family_id = OLD.family_id)
                    WHERE id = OLD.family_id;
                INSERT INTO family_children (id, child_count, youngest_birth_date) VALUES (NEW.family_id, 1, NEW.birth_date)
                    ON CONFLICT (id) DO UPDATE SET child_count = child_count + 1,
                        youngest_birth_date = (SELECT MAX(birth_date) FROM child WHERE family_id = NEW.family_id);
            END;
            """)
    }

    /// The trigger that a large import sets aside (`DeferredIndexes`), refreshing afterwards instead.
    static let insertTrigger = "family_children_after_insert"

    /// What `family_children_after_insert` does per child, at once for the families after `familyID`.
    static func refresh(_ db: Database, familiesAfter familyID: Int64) throws {
        try db.execute(sql: """
            INSERT OR REPLACE INTO family_children (id, child_count, youngest_birth_date)
                SELECT family_id, COUNT(*), MAX(birth_date) FROM child WHERE family_id > ? GROUP BY family_id
            """, arguments: [familyID])
    }
}
