import BoardCore
import GRDB

/// The duties (termijnen, Duty.swift) recorded as done: a row per duty met, naming the journal
/// note that says what was done. Derived duties (an evaluation, an agreement) go when their own
/// record changes; these go when a row answers them.
enum DutySchema {
    static let migrationName = "v16-termijnen"

    // The norms' settings (Settings.swift, `Store.norms`).
    static let terugmeldingKey = "termijn.terugmelding_vt_werkdagen"
    static let startRvkKey = "termijn.start_rvk_dagen"
    static let lookAheadKey = "termijn.vooruit_dagen"

    /// `answers`: the report-back date a terugkoppeling aan de Beschermtafel answers; the free text
    /// is the note's, so that retention erases it with the journal. `case_duties` is what a card
    /// needs of them, one row per case kept by a trigger (as `family_children` is): one lookup by
    /// key per card, where a subquery per card made a large board's query a third slower.
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE duty_done (
                id INTEGER PRIMARY KEY,
                case_id INTEGER NOT NULL REFERENCES "case"(id),
                duty TEXT NOT NULL,
                answers TEXT,
                done_on TEXT NOT NULL,
                note_id INTEGER NOT NULL REFERENCES note(id)
            );
            CREATE INDEX duty_done_by_case ON duty_done(case_id, duty);
            CREATE TABLE case_duties (
                id INTEGER PRIMARY KEY,
                done INTEGER NOT NULL DEFAULT 0,
                reported_back_for TEXT
            );
            CREATE TRIGGER case_duties_after_insert AFTER INSERT ON duty_done BEGIN
                INSERT INTO case_duties (id, done, reported_back_for)
                    VALUES (NEW.case_id, \(doneFlag("NEW.duty")), \(reportBack("NEW")))
                    ON CONFLICT (id) DO UPDATE SET done = done | excluded.done,
                        reported_back_for = CASE WHEN excluded.reported_back_for IS NULL THEN reported_back_for
                            WHEN reported_back_for IS NULL OR excluded.reported_back_for > reported_back_for THEN excluded.reported_back_for
                            ELSE reported_back_for END;
            END;
            """)
    }

    /// The `DutiesDone` flag of the duty named in `column`, in SQL (both databases).
    static func doneFlag(_ column: String) -> String {
        let flags = DutyKind.allCases.compactMap { kind in kind.doneFlag.map { "WHEN '\(kind.rawValue)' THEN \($0.rawValue)" } }
        return "CASE \(column) \(flags.joined(separator: " ")) ELSE 0 END"
    }

    /// The report-back date a new row answers, NULL for other duties.
    static func reportBack(_ row: String) -> String {
        "CASE WHEN \(row).duty = '\(DutyKind.terugkoppelingTafel.rawValue)' THEN \(row).answers END"
    }
}

extension Store {
    /// Records that a duty was met: the journal note with what was done, the row that answers the
    /// duty, and the event. Refused when the case owes no such duty (a colleague recorded it meanwhile).
    func recordDuty(_ db: any StoreDatabase, caseID: CaseID, record: DutyRecord, today: Day) throws -> String {
        guard record.kind.isRecordedAsDone else {
            throw StoreError.refused("\(record.kind.title) wordt vastgelegd in het plan, niet als termijn.")
        }
        guard !record.what.trimmingWhitespace().isEmpty else { throw StoreError.refused("Vul in wat er gedaan is.") }
        guard let row = try db.row(sql: Self.summarySelect + " WHERE c.id = ?", arguments: [caseID]) else {
            throw StoreError.caseNotFound("#\(caseID)")
        }
        let summary = Self.summary(from: row)
        if record.day > today { throw StoreError.refused("De datum " + DateProblem.inFuture(record.day).message + ".") }
        if record.day < summary.reportedOn {
            throw StoreError.refused("De datum " + DateProblem.before(summary.reportedOn, what: "de aanmelding").message + ".")
        }
        let owed = Duties.open(summary, norms: Self.norms(try Self.settings(db)), today: today)
        guard owed.contains(where: { $0.kind == record.kind && $0.answers == record.answers }) else {
            throw StoreError.refused("Zaak \(summary.kenmerk) heeft geen open termijn ‘\(record.kind.short)’ (meer); misschien legde een collega die al vast.")
        }
        let noteID = try db.insert(sql: "INSERT INTO note (case_id, recorded_at, author, text, refers_to) VALUES (?, ?, ?, ?, NULL)",
                                   arguments: [caseID, Clock.timestamp(), user, record.text])
        try db.execute(sql: "INSERT INTO duty_done (case_id, duty, answers, done_on, note_id) VALUES (?, ?, ?, ?, ?)",
                       arguments: [caseID, record.kind.rawValue, record.answers?.iso, record.day.iso, noteID])
        try logCaseChange(db, caseID: caseID, kind: .termijnAfgehandeld, day: record.day,
                          detail: "\(record.kind.short) op \(record.day.dutch); notitie \(noteID)")
        return "\(record.kind.title) vastgelegd in het journaal van zaak \(summary.kenmerk)."
    }
}
