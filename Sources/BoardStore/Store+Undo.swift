import BoardCore

/// Undo: the user's own last change of a case taken back by a new correction event
/// (`ongedaan_gemaakt`) that names the event it undoes, in the same transaction as the state it
/// restores. No event is removed or rewritten, and no record either: a withdrawn decision keeps
/// its table record, and the table's earlier word comes back as a new record. What may be undone,
/// and what is refused, is `CaseUndo`'s.
extension Store {
    /// The case's latest change as an undo would take it back, or `StoreError.refused` with why not.
    public func undoProposal(caseID: CaseID) throws -> UndoProposal {
        try read { db in try self.undoProposal(db, caseID: caseID) }
    }

    /// Undoes the change `request` names, when it is still the case's latest and the case is still
    /// at the version the user saw; returns the Dutch confirmation.
    @discardableResult
    public func undo(_ request: UndoRequest, today: Day) throws -> String {
        try write { db in
            try self.requireChange(db)
            let state = try self.lockCase(db, caseID: request.caseID, expectedVersion: request.expectedVersion)
            let proposal = try self.undoProposal(db, caseID: request.caseID)
            guard proposal.undoneEventID == request.undoneEventID else {
                throw StoreError.refused("De laatste wijziging van deze zaak is intussen een andere; er is niets ongedaan gemaakt.")
            }
            if case .decision(_, _, let first) = proposal.undone {
                try self.restoreTableWord(db, caseID: request.caseID, firstOfRequest: first)
            }
            if let back = proposal.returnsTo {
                try db.run("UPDATE \"case\" SET stage = ?, stage_since = ?, closed_on = ?, version = version + 1 WHERE id = ?",
                           back.stage.rawValue, back.since.iso, try self.closedOn(db, caseID: request.caseID, returningTo: back), request.caseID)
            } else {
                try db.run("UPDATE \"case\" SET version = version + 1 WHERE id = ?", request.caseID)
            }
            // Like a move's, the event's day is the day the case is in its column since: the one it
            // had before the undone change (`check` holds every case to its last such event).
            try self.appendEvent(db, caseID: request.caseID, familyID: state.familyID, kind: .ongedaanGemaakt,
                                 from: proposal.returnsTo == nil ? nil : state.stage, to: proposal.returnsTo?.stage,
                                 day: proposal.returnsTo?.since ?? today, detail: proposal.detail)
            return proposal.confirmation
        }
    }

    func undoProposal(_ db: any StoreDatabase, caseID: CaseID) throws -> UndoProposal {
        guard let row = try db.row(sql: Self.summarySelect + " WHERE c.id = ?", arguments: [caseID]) else {
            throw StoreError.caseNotFound("#\(caseID)")
        }
        let staff = try Self.staffDirectory(db)
        switch CaseUndo.proposal(for: Self.summary(from: row), events: try caseEvents(db, caseID: caseID), user: user,
                                 displayName: staff.displayName(of:)) {
        case .success(let proposal): return proposal
        case .failure(let refusal): throw StoreError.refused(refusal.message)
        }
    }

    func caseEvents(_ db: any StoreDatabase, caseID: CaseID) throws -> [CaseEvent] {
        let query = Self.caseEventsQuery(caseID: caseID)
        return try db.rows(sql: query.sql, arguments: query.arguments).map(Self.event(from:))
    }

    static func caseEventsQuery(caseID: CaseID) -> SQLQuery {
        SQLQuery("""
            SELECT id, case_id, recorded_at, "user", kind, from_stage, to_stage, day, detail
            FROM event WHERE case_id = ? ORDER BY id
            """, [caseID])
    }

    /// The case's `closed_on` back in `column`: a closing column closed it on the day it entered;
    /// in RvK-onderzoek the Raad's outcome, when recorded, closed it.
    private func closedOn(_ db: any StoreDatabase, caseID: CaseID, returningTo column: (stage: Stage, since: Day)) throws -> String? {
        if column.stage == .rvkOnderzoek {
            return try db.value(String.self, sql: "SELECT outcome_date FROM rvk_record WHERE case_id = ?", arguments: [caseID])
        }
        return Self.closedOn(entering: column.stage, on: column.since)
    }

    /// The table's word as it was before the withdrawn decision (the case's newest table record),
    /// as a new record: the open request for the table's first word on it, else a copy of the
    /// decision before it.
    private func restoreTableWord(_ db: any StoreDatabase, caseID: CaseID, firstOfRequest: Bool) throws {
        guard let withdrawn = try db.row(sql: "SELECT id, requester, request_date FROM table_record WHERE case_id = ? ORDER BY id DESC LIMIT 1",
                                         arguments: [caseID]) else {
            throw StoreError.refused(CaseUndo.nothingPrefix + "deze zaak heeft geen besluit van de Beschermtafel.")
        }
        if firstOfRequest {
            try db.run("INSERT INTO table_record (case_id, requester, request_date) VALUES (?, ?, ?)",
                       caseID, withdrawn["requester"] as String, withdrawn["request_date"] as String)
            return
        }
        guard let earlier = try db.value(Int64.self, sql: "SELECT MAX(id) FROM table_record WHERE case_id = ? AND id < ?",
                                         arguments: [caseID, withdrawn["id"] as Int64]) else {
            throw StoreError.refused(CaseUndo.nothingPrefix + "het besluit vóór dit besluit is niet te vinden; er is niets ongedaan gemaakt.")
        }
        let columns = "case_id, requester, request_date, meeting_date, attendees, advice, outcome, report_back_on, goals"
        try db.execute(sql: "INSERT INTO table_record (\(columns)) SELECT \(columns) FROM table_record WHERE id = ?", arguments: [earlier])
    }

    /// The marks an undo left on the case's table records (`TableRecord.undo`), from the log: the
    /// records that undone changes wrote are withdrawn, those an undo wrote are restored. Only read
    /// when the case has an undo.
    func tableUndoMarks(_ db: any StoreDatabase, events: [CaseEvent]) throws -> [Int64: TableRecord.Undo] {
        let history = CaseHistory(events: events)
        let undone = history.changes.filter(\.isUndone).flatMap(\.events).map(\.id)
        let undos = history.changes.filter(\.isUndo).map(\.head.id)
        guard !undos.isEmpty else { return [:] }
        var marks: [Int64: TableRecord.Undo] = [:]
        for (ids, mark) in [(undone, TableRecord.Undo.withdrawn), (undos, .restored)] where !ids.isEmpty {
            let list = ids.map(String.init).joined(separator: ", ")
            for row in try db.rows(sql: "SELECT records FROM event WHERE id IN (\(list)) AND records IS NOT NULL", arguments: []) {
                for entry in RecordDigest.decode(row[0]) ?? [] where entry.key.table == "table_record" { marks[entry.key.rowid] = mark }
            }
        }
        return marks
    }
}
