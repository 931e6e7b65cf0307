import BoardCore
import GRDB

/// The weekly meeting: its decisions are journal notes with a `vergaderbesluit` event, and the
/// agenda asks when the last meeting was and which cases were already decided on today.
extension Store {
    static let meetingMigrationName = "v11-meeting-decisions"

    /// Few events are meeting decisions: a partial index finds them without scanning the log.
    static func migrateMeeting(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX event_meeting_by_day ON event(day, case_id) WHERE kind = 'vergaderbesluit'")
    }

    /// The day of the last meeting before `today` (the last day with a decision), the cases
    /// decided on today, and the log's head for the minutes.
    public func meetingRecord(today: Day) throws -> MeetingRecord {
        try read { db in
            let last = try db.value(String.self, sql: "SELECT MAX(day) FROM event WHERE kind = 'vergaderbesluit' AND day < ?",
                                           arguments: [today.iso])
            let decided = try db.values(CaseID.self, sql: "SELECT DISTINCT case_id FROM event WHERE kind = 'vergaderbesluit' AND day = ?",
                                              arguments: [today.iso])
            return MeetingRecord(lastMeeting: last.map(Self.day), decidedToday: Set(decided), chainHead: try EventLog.head(db))
        }
    }

    /// Stores the decision as a journal note of the case and logs it, in the caller's transaction.
    func recordMeetingDecision(_ db: any StoreDatabase, caseID: CaseID, decision: MeetingDecision, today: Day) throws -> String {
        guard !decision.decision.trimmingWhitespace().isEmpty else { throw StoreError.refused("Vul het besluit in.") }
        guard !decision.actor.trimmingWhitespace().isEmpty else { throw StoreError.refused("Vul in wie het besluit uitvoert.") }
        if decision.due < today { throw StoreError.refused("De datum ‘uiterlijk’ ligt in het verleden (\(decision.due.dutch)).") }
        let noteID = try db.insert(sql: "INSERT INTO note (case_id, recorded_at, author, text, refers_to) VALUES (?, ?, ?, ?, NULL)",
                       arguments: [caseID, Clock.timestamp(), user, decision.noteText(meetingDay: today)])
        try logCaseChange(db, caseID: caseID, kind: .vergaderbesluit, day: today,
                          detail: "notitie \(noteID); actie: \(decision.actor.trimmingWhitespace()), uiterlijk \(decision.due.dutch)")
        return "Besluit vastgelegd in het journaal."
    }
}
