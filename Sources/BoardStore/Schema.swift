import GRDB

/// The store's schema as named, append-only migrations. Never edit a shipped migration: add one.
enum Schema {
    /// `PRAGMA application_id`: marks a file as a Beschermbord store ('BBRD').
    static let applicationID: Int32 = 0x4242_5244

    /// The name under which the meeting migration first landed (see its registration below).
    static let earlierMeetingMigrationName = "v9-meeting-decisions"

    /// Whether a newer Beschermbord migrated this store: it holds a migration this version neither
    /// knows nor merges. (GRDB's `hasBeenSuperseded` does not count merged names as known.)
    static func isFromNewerVersion(_ db: Database) throws -> Bool {
        let known = Set(migrator.migrations).union([earlierMeetingMigrationName])
        return try !migrator.appliedIdentifiers(db).isSubset(of: known)
    }

    static let recordDigestsMigrationName = "v14-record-digests"

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
        migrator.registerMigration("v2-family-dossier") { db in
            try db.execute(sql: """
                ALTER TABLE family ADD COLUMN address TEXT NOT NULL DEFAULT '';
                ALTER TABLE child ADD COLUMN surname TEXT NOT NULL DEFAULT '';
                ALTER TABLE child ADD COLUMN bsn TEXT NOT NULL DEFAULT '';
                ALTER TABLE "case" ADD COLUMN closed_on TEXT;
                UPDATE "case" SET closed_on = stage_since WHERE stage = 'veiligheid_gewaarborgd';
                CREATE INDEX case_by_closed ON "case"(closed_on);
                CREATE INDEX family_by_name ON family(name COLLATE NOCASE);
                CREATE TABLE caregiver (
                    id INTEGER PRIMARY KEY,
                    family_id INTEGER NOT NULL REFERENCES family(id),
                    name TEXT NOT NULL,
                    relation TEXT NOT NULL DEFAULT '',
                    phone TEXT NOT NULL DEFAULT ''
                );
                CREATE INDEX caregiver_by_family ON caregiver(family_id);
                CREATE TABLE network_member (
                    id INTEGER PRIMARY KEY,
                    family_id INTEGER NOT NULL REFERENCES family(id),
                    name TEXT NOT NULL,
                    role TEXT NOT NULL DEFAULT '',
                    organisation TEXT NOT NULL DEFAULT '',
                    phone TEXT NOT NULL DEFAULT ''
                );
                CREATE INDEX network_by_family ON network_member(family_id);
                CREATE TABLE assessment (
                    id INTEGER PRIMARY KEY,
                    case_id INTEGER NOT NULL REFERENCES "case"(id),
                    day TEXT NOT NULL,
                    concerns TEXT NOT NULL DEFAULT '',
                    strengths TEXT NOT NULL DEFAULT '',
                    needs TEXT NOT NULL DEFAULT '',
                    score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
                    given_by TEXT NOT NULL,
                    recorded_by TEXT NOT NULL,
                    recorded_at TEXT NOT NULL
                );
                CREATE INDEX assessment_by_case ON assessment(case_id, day);
                CREATE TABLE risk_instrument (
                    id INTEGER PRIMARY KEY,
                    case_id INTEGER NOT NULL REFERENCES "case"(id),
                    instrument TEXT NOT NULL,
                    day TEXT NOT NULL,
                    outcome TEXT NOT NULL DEFAULT '',
                    note TEXT NOT NULL DEFAULT '',
                    recorded_by TEXT NOT NULL,
                    recorded_at TEXT NOT NULL
                );
                CREATE INDEX risk_by_case ON risk_instrument(case_id, day);
                CREATE TABLE note (
                    id INTEGER PRIMARY KEY,
                    case_id INTEGER NOT NULL REFERENCES "case"(id),
                    recorded_at TEXT NOT NULL,
                    author TEXT NOT NULL,
                    text TEXT NOT NULL,
                    refers_to INTEGER REFERENCES note(id)
                );
                CREATE INDEX note_by_case ON note(case_id, id);
                CREATE TABLE table_record (
                    id INTEGER PRIMARY KEY,
                    case_id INTEGER NOT NULL REFERENCES "case"(id),
                    requester TEXT NOT NULL,
                    request_date TEXT NOT NULL,
                    meeting_date TEXT,
                    attendees TEXT NOT NULL DEFAULT '',
                    advice TEXT NOT NULL DEFAULT '',
                    outcome TEXT,
                    report_back_on TEXT,
                    goals TEXT NOT NULL DEFAULT ''
                );
                CREATE INDEX table_by_case ON table_record(case_id, id);
                CREATE TABLE rvk_record (
                    case_id INTEGER PRIMARY KEY REFERENCES "case"(id),
                    start_date TEXT NOT NULL,
                    outcome TEXT,
                    outcome_date TEXT
                );
                """)
        }
        // Staff list and roles, the hash chain over the log, retention (see TrustSchema.swift).
        migrator.registerMigration(TrustSchema.migrationName, migrate: TrustSchema.migrate)
        // The joint plan of Jeugdbeschermer in de wijk (see Store+Plan.swift).
        migrator.registerMigration(PlanSchema.migrationName, migrate: PlanSchema.migrate)
        // The cohort report's index over the moves (ReportSchema.swift).
        migrator.registerMigration(ReportSchema.migrationName, migrate: ReportSchema.migrate)
        // Lighter indexes over the log (TrustSchema.swift).
        migrator.registerMigration(TrustSchema.lighterIndexesName, migrate: TrustSchema.lighterIndexes)
        // Indexes for loading the board in a large store (BoardIndexes.swift).
        migrator.registerMigration(BoardIndexes.migrationName, migrate: BoardIndexes.migrate)
        // Each family's child count and youngest child, kept by triggers (BoardIndexes.swift).
        migrator.registerMigration(FamilyChildSummary.migrationName, migrate: FamilyChildSummary.migrate)
        // The report's moves index, covering what it reads (ReportSchema.swift).
        migrator.registerMigration(ReportSchema.coveringName, migrate: ReportSchema.cover)
        // The weekly meeting's decisions, found by day (Store+Meeting.swift). It landed as
        // `v9-meeting-decisions` before v10 and was later renamed and moved after it; stores migrated
        // in between carry the old name. Merging it makes both kinds open: such a store gets v10 and
        // v12, and its index is kept.
        migrator.registerMigration(Store.meetingMigrationName, merging: [earlierMeetingMigrationName]) { db, merged in
            if merged.isEmpty { try Store.migrateMeeting(db) }
        }
        // Each column's count and first cards from indexes alone, for the first frame (BoardIndexes.swift).
        migrator.registerMigration(BoardIndexes.firstFrameMigrationName, migrate: BoardIndexes.migrateFirstFrame)
        // The family child summary by one per child instead of a recount (BoardIndexes.swift).
        migrator.registerMigration(FamilyChildSummary.linearMigrationName, migrate: FamilyChildSummary.migrateLinear)
        // Each event names the records its change wrote, with their digests (RecordDigest, EventChain
        // version 2); the records already in the store are sealed after it (RecordSeal.swift).
        migrator.registerMigration(recordDigestsMigrationName) { db in
            try db.execute(sql: "ALTER TABLE event ADD COLUMN records BLOB")
        }
        // The Raad's outcome and the safety scale per child, the card's lowest score (ChildOutcomeSchema.swift).
        migrator.registerMigration(ChildOutcomeSchema.migrationName, migrate: ChildOutcomeSchema.migrate)
        // The duties (termijnen) recorded as done (Store+Duties.swift).
        migrator.registerMigration(DutySchema.migrationName, migrate: DutySchema.migrate)
        // The Veiligheidsteam and the veiligheidsplan (Store+Veiligheidsplan.swift).
        migrator.registerMigration(VeiligheidsplanSchema.migrationName, migrate: VeiligheidsplanSchema.migrate)
        return migrator
    }
}
