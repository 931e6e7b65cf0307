import BoardCore
import GRDB

/// The family dossier: reading it whole, and every change made from the family screen.
extension Store {
    /// The dossier of the family of `caseID`, with that case in view. `openedSection` logs the
    /// opening (who, when, which family, which screen) when given.
    public func dossier(caseID: CaseID, openedSection: String?) throws -> Dossier {
        // Cached statements: opening a family is a key press, and compiling these queries anew each
        // time was most of its cost (see `beschermbord bench`). One batch: on the server one round
        // trip for the whole dossier, the family found through the case in each query.
        let load = { (db: any StoreDatabase) throws -> Dossier in
            let familyOfCase = "(SELECT family_id FROM \"case\" WHERE id = ?)"
            let sets = try db.rowSets([
                SQLQuery(Self.summarySelect + " WHERE c.id = ?", [caseID]),
                SQLQuery("SELECT id, name, address, wijk FROM family WHERE id = \(familyOfCase)", [caseID]),
                SQLQuery("SELECT id, first_name, surname, birth_date, bsn FROM child WHERE family_id = \(familyOfCase) ORDER BY birth_date, id",
                         [caseID]),
                SQLQuery("SELECT name, relation, phone, id FROM caregiver WHERE family_id = \(familyOfCase) ORDER BY id", [caseID]),
                SQLQuery("SELECT name, role, organisation, phone, id FROM network_member WHERE family_id = \(familyOfCase) ORDER BY id", [caseID]),
                SQLQuery(Self.summarySelect + " WHERE c.family_id = \(familyOfCase) ORDER BY c.reported_on DESC, c.id DESC", [caseID]),
                Self.caseEventsQuery(caseID: caseID),
                SQLQuery("""
                    SELECT a.day, a.concerns, a.strengths, a.needs, a.score, a.given_by, a.recorded_by, ac.child_id
                    FROM assessment a LEFT JOIN assessment_child ac ON ac.assessment_id = a.id WHERE a.case_id = ? ORDER BY a.day, a.id
                    """, [caseID]),
                SQLQuery("SELECT instrument, day, outcome, note, recorded_by FROM risk_instrument WHERE case_id = ? ORDER BY day, id", [caseID]),
                SQLQuery("SELECT id, recorded_at, author, text, refers_to FROM note WHERE case_id = ? ORDER BY id DESC", [caseID]),
                SQLQuery("""
                    SELECT id, requester, request_date, meeting_date, attendees, advice, outcome, report_back_on, goals
                    FROM table_record WHERE case_id = ? ORDER BY id
                    """, [caseID]),
                SQLQuery("SELECT start_date, outcome, outcome_date FROM rvk_record WHERE case_id = ?", [caseID]),
                SQLQuery("SELECT child_id, outcome FROM rvk_child_outcome WHERE case_id = ? AND superseded_on IS NULL ORDER BY id", [caseID]),
            ])
            guard let row = sets[0].first else { throw StoreError.caseNotFound("#\(caseID)") }
            let summary = Self.summary(from: row)
            guard let familyRow = sets[1].first else { throw StoreError.caseNotFound(summary.kenmerk) }
            let family = FamilyRecord(id: familyRow[0], name: familyRow[1], address: familyRow[2], wijk: familyRow[3])
            let children = sets[2].map { ChildRecord(id: $0[0], firstName: $0[1], surname: $0[2], birthDate: Day(parsing: $0[3]), bsn: $0[4]) }
            let caregivers = sets[3].map { Caregiver(id: $0[3], name: $0[0], relation: $0[1], phone: $0[2]) }
            let network = sets[4].map { NetworkMember(id: $0[4], name: $0[0], role: $0[1], organisation: $0[2], phone: $0[3]) }
            let cases = sets[5].map(Self.summary(from:))
            let events = sets[6].map(Self.event(from:))
            let childList = children.map { Child(firstName: $0.firstName, birthDate: $0.birthDate) }
            let assessments = sets[7].map {
                SafetyAssessment(day: Self.day($0[0]), concerns: $0[1], strengths: $0[2], needs: $0[3], score: $0[4],
                                 givenBy: ScoreGiver(rawValue: $0[5]) ?? .medewerker, recordedBy: $0[6], childID: $0[7])
            }
            let risks = sets[8].map { RiskInstrumentRecord(instrument: $0[0], day: Self.day($0[1]), outcome: $0[2], note: $0[3], recordedBy: $0[4]) }
            let notes = sets[9].map { Note(id: $0[0], recordedAt: $0[1], author: $0[2], text: $0[3], refersTo: $0[4]) }
            let tables = sets[10].map {
                TableRecord(id: $0[0], requester: TableRequester(rawValue: $0[1]) ?? .jeugdteam, requestDate: Self.day($0[2]),
                            meetingDate: ($0[3] as String?).map(Self.day), attendees: $0[4], advice: $0[5],
                            outcome: ($0[6] as String?).flatMap(TableOutcome.init(rawValue:)),
                            reportBackOn: ($0[7] as String?).map(Self.day), goals: $0[8])
            }
            let undoMarks = try self.tableUndoMarks(db, events: events)
            let markedTables = tables.map { record in
                var marked = record
                marked.undo = undoMarks[record.id]
                return marked
            }
            let childOutcomes = sets[12].compactMap { row in
                RvkOutcome(rawValue: row[1]).map { ChildOutcome(childID: row[0], outcome: $0) }
            }
            let rvk = sets[11].first
                .map { RvkRecord(startDate: Self.day($0[0]), outcome: ($0[1] as String?).flatMap(RvkOutcome.init(rawValue:)),
                                 outcomeDate: ($0[2] as String?).map(Self.day), children: childOutcomes) }
            return Dossier(family: family, children: children, caregivers: caregivers, network: network, cases: cases,
                           viewed: CaseDetails(summary: summary, children: childList, events: events),
                           assessments: assessments, risks: risks, notes: notes, tableRecords: markedTables, rvk: rvk)
        }
        guard let section = openedSection else { return try read(load) }
        return try write { db in
            let dossier = try load(db)
            try self.appendEvent(db, caseID: caseID, familyID: dossier.family.id, kind: .geopend, from: nil, to: nil,
                                 day: Clock.today(), detail: "scherm \(section)")
            return dossier
        }
    }

    /// Families whose name starts with `prefix`, for linking a new report to a known family.
    /// SQLite's LIKE folds ASCII case only, so `özd` is also tried as `Özd`.
    public func familiesMatching(_ prefix: String, limit: Int = 6) throws -> [FamilyMatch] {
        let trimmed = prefix.trimmingWhitespace()
        guard trimmed.count >= 2 else { return [] }
        return try read { db in
            try db.rows(sql: """
                SELECT f.id, f.name, f.wijk,
                       (SELECT kenmerk FROM "case" WHERE family_id = f.id ORDER BY reported_on DESC, id DESC LIMIT 1) AS last_kenmerk,
                       (SELECT COUNT(*) FROM "case" WHERE family_id = f.id AND closed_on IS NULL AND stage != 'veiligheid_gewaarborgd') AS open_cases
                FROM family f WHERE f.name \(db.dialect.like) ? ESCAPE '\\' OR f.name \(db.dialect.like) ? ESCAPE '\\' ORDER BY f.name, f.id LIMIT ?
                """, arguments: [Self.likePrefix(trimmed), Self.likePrefix(trimmed.prefix(1).uppercased() + trimmed.dropFirst()), limit]).map {
                FamilyMatch(id: $0["id"], name: $0["name"], wijk: $0["wijk"], lastKenmerk: $0["last_kenmerk"] ?? "",
                            hasOpenCase: ($0["open_cases"] as Int) > 0)
            }
        }
    }

    static func likePrefix(_ text: String) -> String { likeEscaped(text) + "%" }

    /// `text` for a LIKE pattern with a backslash as ESCAPE: its own `%`, `_` and backslash match themselves.
    static func likeEscaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    /// Applies one change from the family screen in one transaction with its event; returns the
    /// Dutch confirmation for the status line.
    @discardableResult
    public func apply(_ change: DossierChange, today: Day) throws -> String {
        try StoreText.check(change)
        return try write { db in
            switch change {
            case .editFamily(let familyID, let seen, let name, let address, let wijk):
                guard !name.trimmingWhitespace().isEmpty else { throw StoreError.refused("Gezinsnaam is verplicht.") }
                try self.lockFamily(db, familyID: familyID, seen: seen)
                try db.execute(sql: "UPDATE family SET name = ?, address = ?, wijk = ? WHERE id = ?",
                               arguments: [name.trimmingWhitespace(), address.trimmingWhitespace(), wijk.trimmingWhitespace(), familyID])
                try self.logFamilyChange(db, familyID: familyID, kind: .gezinGewijzigd, today: today, detail: "naam, adres of wijk")
                return "Gezinsgegevens opgeslagen."
            case .addChild(let familyID, let seen, let child):
                if !child.bsn.isEmpty && !BSN.isValid(child.bsn) {
                    throw StoreError.refused("BSN \(child.bsn) klopt niet (elfproef).")
                }
                guard let born = child.birthDate else { throw StoreError.refused("De geboortedatum van \(child.firstName) is verplicht.") }
                try self.lockFamily(db, familyID: familyID, seen: seen)
                try db.execute(sql: "INSERT INTO child (family_id, first_name, surname, birth_date, bsn) VALUES (?, ?, ?, ?, ?)",
                               arguments: [familyID, child.firstName.trimmingWhitespace(), child.surname.trimmingWhitespace(),
                                           born.iso, child.bsn])
                try self.logFamilyChange(db, familyID: familyID, kind: .kindToegevoegd, today: today, detail: child.firstName)
                return "Kind \(child.firstName) toegevoegd."
            case .addCaregiver(let familyID, let seen, let caregiver):
                try self.lockFamily(db, familyID: familyID, seen: seen)
                try db.execute(sql: "INSERT INTO caregiver (family_id, name, relation, phone) VALUES (?, ?, ?, ?)",
                               arguments: [familyID, caregiver.name, caregiver.relation, caregiver.phone])
                try self.logFamilyChange(db, familyID: familyID, kind: .verzorgerToegevoegd, today: today,
                                         detail: "\(caregiver.name) (\(caregiver.relation))")
                return "Ouder/verzorger \(caregiver.name) toegevoegd."
            case .addNetworkMember(let familyID, let seen, let member):
                try self.lockFamily(db, familyID: familyID, seen: seen)
                try db.execute(sql: "INSERT INTO network_member (family_id, name, role, organisation, phone) VALUES (?, ?, ?, ?, ?)",
                               arguments: [familyID, member.name, member.role, member.organisation, member.phone])
                try self.logFamilyChange(db, familyID: familyID, kind: .netwerkToegevoegd, today: today,
                                         detail: "\(member.name) (\(member.role))")
                return "\(member.name) toegevoegd aan het netwerk."
            case .addAssessment(let caseID, let assessment):
                return try self.addAssessment(db, caseID: caseID, assessment)
            case .addRiskInstrument(let caseID, let record):
                try db.execute(sql: """
                    INSERT INTO risk_instrument (case_id, instrument, day, outcome, note, recorded_by, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [caseID, record.instrument, record.day.iso, record.outcome, record.note, self.user, Clock.timestamp()])
                try self.logCaseChange(db, caseID: caseID, kind: .risicoInstrument, day: record.day,
                                       detail: "\(record.instrument): \(record.outcome)")
                return "\(record.instrument) vastgelegd."
            case .addNote(let caseID, let note):
                guard !note.text.trimmingWhitespace().isEmpty else { throw StoreError.refused("Een lege notitie wordt niet opgeslagen.") }
                if let refersTo = note.refersTo,
                   try db.value(Bool.self, sql: "SELECT 1 FROM note WHERE id = ? AND case_id = ?", arguments: [refersTo, caseID]) != true {
                    throw StoreError.refused("De notitie waarnaar verwezen wordt, bestaat niet bij deze zaak.")
                }
                let noteID = try db.insert(sql: "INSERT INTO note (case_id, recorded_at, author, text, refers_to) VALUES (?, ?, ?, ?, ?)",
                                           arguments: [caseID, Clock.timestamp(), self.user, note.text, note.refersTo])
                try self.logCaseChange(db, caseID: caseID, kind: .notitie, day: today,
                                       detail: note.refersTo.map { "notitie \(noteID), correctie op notitie \($0)" } ?? "notitie \(noteID)")
                return note.refersTo == nil ? "Notitie opgeslagen." : "Correctie opgeslagen."
            case .recordMeetingDecision(let caseID, let decision):
                return try self.recordMeetingDecision(db, caseID: caseID, decision: decision, today: today)
            case .recordDuty(let caseID, let record):
                return try self.recordDuty(db, caseID: caseID, record: record, today: today)
            case .handOver(let caseID, let version, let medewerker, let reason):
                return try self.handOver(db, caseID: caseID, expectedVersion: version, to: medewerker, reason: reason, today: today)
            case .correctPerson(let familyID, let seen, let person, let reason):
                return try self.correctPerson(db, familyID: familyID, seen: seen, person, reason: reason, today: today)
            case .removePerson(let familyID, let seen, let person, let reason):
                return try self.removePerson(db, familyID: familyID, seen: seen, person, reason: reason, today: today)
            case .recordTableDecision(let caseID, let version, let decision):
                return try self.recordTableDecision(db, caseID: caseID, expectedVersion: version, decision: decision, today: today)
            case .recordRvkOutcome(let caseID, let version, let outcomes, let day):
                return try self.recordRvkOutcome(db, caseID: caseID, expectedVersion: version, outcomes, day: day, today: today)
            }
        }
    }

    /// Records what the Beschermtafel decided; vrijwillig and RvK-onderzoek move the case on,
    /// drang keeps it at the table until the report-back date.
    func recordTableDecision(_ db: any StoreDatabase, caseID: CaseID, expectedVersion: Int, decision: TableDecision, today: Day) throws -> String {
        let state = try lockCase(db, caseID: caseID, expectedVersion: expectedVersion)
        guard state.stage == .beschermtafel,
              let latest = try db.row(sql: "SELECT id, requester, request_date, outcome FROM table_record WHERE case_id = ? ORDER BY id DESC LIMIT 1",
                                            arguments: [caseID]) else {
            throw StoreError.refused("Een besluit van de Beschermtafel hoort bij een zaak in de kolom Beschermtafel.")
        }
        let requestDate = Self.day(latest["request_date"])
        // Read in this transaction: the server store's session is busy with it.
        let norms = Self.norms(try Self.settings(db))
        let problems = decision.problems(requestDate: requestDate, today: today, maxMonths: norms.monthsAtBeschermtafel)
        if !problems.isEmpty { throw StoreError.refused(problems.map(\.message).joined(separator: "; ")) }
        let values: SQLArguments = [decision.meetingDate.iso, decision.attendees, decision.advice, decision.outcome.rawValue,
                                          decision.reportBackOn?.iso, decision.goals]
        if (latest["outcome"] as String?) == nil {
            try db.execute(sql: """
                UPDATE table_record SET meeting_date = ?, attendees = ?, advice = ?, outcome = ?, report_back_on = ?, goals = ?
                WHERE id = ?
                """, arguments: values + [latest["id"] as Int64])
        } else {
            // The table decides again (after drang): a new meeting of the same request.
            try db.execute(sql: """
                INSERT INTO table_record (meeting_date, attendees, advice, outcome, report_back_on, goals, case_id, requester, request_date)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: values + [caseID, latest["requester"] as String, latest["request_date"] as String])
        }
        if decision.outcome == .drang {
            // The case stays at the table but has changed (before the event, which names it): a
            // colleague's open form must not write over it.
            try db.execute(sql: "UPDATE \"case\" SET version = version + 1 WHERE id = ?", arguments: [caseID])
        }
        try logCaseChange(db, caseID: caseID, kind: .tafelbesluit, day: decision.meetingDate,
                          detail: "\(decision.outcome.title); advies: \(decision.advice)"
                            + (decision.reportBackOn.map { "; terugkoppeling \($0.dutch)" } ?? ""))
        switch decision.outcome {
        case .drang:
            return "Besluit vastgelegd: drang, terugkoppeling op \(decision.reportBackOn?.dutch ?? "")."
        case .vrijwillig, .rvkOnderzoek:
            let target: Stage = decision.outcome == .vrijwillig ? .veiligheidGewaarborgd : .rvkOnderzoek
            let request = MoveRequest(caseID: caseID, expectedVersion: expectedVersion, from: .beschermtafel, to: target,
                                      day: max(decision.meetingDate, state.stageSince), text: "besluit tafel: \(decision.advice)")
            try recordTransition(db, caseID: caseID, familyID: state.familyID, request: request, direction: .forward)
            return "Besluit vastgelegd; de zaak staat nu in \(target.title)."
        }
    }

    /// Reads a case for a change, refusing when someone changed it since the user saw it.
    func lockCase(_ db: any StoreDatabase, caseID: CaseID, expectedVersion: Int) throws -> (stage: Stage, stageSince: Day, familyID: FamilyID) {
        guard let row = try db.row(sql: "SELECT kenmerk, stage, stage_since, version, family_id FROM \"case\" WHERE id = ?",
                                         arguments: [caseID]) else { throw StoreError.caseNotFound("#\(caseID)") }
        if (row["version"] as Int) != expectedVersion { throw try conflict(db, caseID: caseID, kenmerk: row["kenmerk"]) }
        return (Stage(rawValue: row["stage"]) ?? .aangemeld, Self.day(row["stage_since"]), row["family_id"])
    }

    func logCaseChange(_ db: any StoreDatabase, caseID: CaseID, kind: EventKind, day: Day, detail: String) throws {
        let familyID = try db.value(FamilyID.self, sql: "SELECT family_id FROM \"case\" WHERE id = ?", arguments: [caseID])
        guard familyID != nil else { throw StoreError.caseNotFound("#\(caseID)") }
        try appendEvent(db, caseID: caseID, familyID: familyID, kind: kind, from: nil, to: nil, day: day, detail: detail)
    }

    /// Refuses a change of family data made over an older version of the family's case in view,
    /// naming who changed it since (family changes raise the versions of all the family's cases).
    func lockFamily(_ db: any StoreDatabase, familyID: FamilyID, seen: SeenCase) throws {
        guard try db.value(Bool.self, sql: "SELECT 1 FROM family WHERE id = ?", arguments: [familyID]) == true else {
            throw StoreError.refused("Dit gezin bestaat niet meer.")
        }
        let state = try lockCase(db, caseID: seen.caseID, expectedVersion: seen.version)
        guard state.familyID == familyID else { throw StoreError.refused("Deze zaak hoort niet bij dit gezin; er is niets opgeslagen.") }
    }

    /// A family-level change is logged on the family's newest case, so it shows in that timeline,
    /// and raises the version of each of the family's cases, so that stale forms are refused.
    /// Runs after `lockFamily`, which checked that the family exists.
    func logFamilyChange(_ db: any StoreDatabase, familyID: FamilyID, kind: EventKind, today: Day, detail: String) throws {
        try db.execute(sql: "UPDATE \"case\" SET version = version + 1 WHERE family_id = ?", arguments: [familyID])
        let caseID = try db.value(CaseID.self, sql: "SELECT id FROM \"case\" WHERE family_id = ? ORDER BY reported_on DESC, id DESC LIMIT 1",
                                         arguments: [familyID])
        try appendEvent(db, caseID: caseID, familyID: familyID, kind: kind, from: nil, to: nil, day: today, detail: detail)
    }
}

