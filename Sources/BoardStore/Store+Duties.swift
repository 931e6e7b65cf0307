import BoardCore
import GRDB

/// The duties (termijnen, Duty.swift) recorded as done: a row per duty met, naming the journal
/// note that says what was done. Derived duties (an evaluation, an agreement) go when their own
/// record changes; these go when a row answers them.
enum DutySchema {
    static let migrationName = "v17-termijnen"

    // The norms' settings (Settings.swift, `Store.norms`).
    static let terugmeldingKey = "termijn.terugmelding_vt_werkdagen"
    static let startRvkKey = "termijn.start_rvk_dagen"
    static let lookAheadKey = "termijn.vooruit_dagen"

    /// `answers`: the report-back date a terugkoppeling aan de Beschermtafel answers; the free text
    /// is the note's, so that retention erases it with the journal.
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
            """)
    }

    /// The card's two columns (`Store.summarySelect`): the duties done as `DutiesDone` flags, read
    /// only for a case from Veilig Thuis or in RvK-onderzoek, and at the Beschermtafel the latest
    /// report-back date answered. Each is one probe of `duty_done_by_case`, for the cards that
    /// can owe such a duty.
    static let cardColumns: String = {
        let flags = DutyKind.allCases.compactMap { kind in kind.doneFlag.map { "WHEN '\(kind.rawValue)' THEN \($0.rawValue)" } }
        return """
            CASE WHEN c.source = '\(Source.veiligThuis.rawValue)' OR c.stage = '\(Stage.rvkOnderzoek.rawValue)' THEN
                   (SELECT SUM(DISTINCT CASE d.duty \(flags.joined(separator: " ")) ELSE 0 END) FROM duty_done d WHERE d.case_id = c.id) END,
               CASE WHEN c.stage = '\(Stage.beschermtafel.rawValue)' THEN
                   (SELECT MAX(d.answers) FROM duty_done d WHERE d.case_id = c.id AND d.duty = '\(DutyKind.terugkoppelingTafel.rawValue)') END
            """
    }()
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
