import BoardCore
import Foundation
import GRDB

/// The store: the rules of what a report, a move or a save writes and logs, once, over either
/// database (StoreBackend.swift): a file for the demo, one worker and the tests, or the team's
/// PostgreSQL server.
public final class Store: CaseStore {
    /// Who every change is recorded under: the operating system's user for a file, the login the
    /// server established for a server store. Never the environment.
    public let user: String
    let backend: any StoreBackend
    /// The chain tip and staff check of the current write transaction (EventLog.swift).
    let memory = TransactionMemory()

    public var location: String { backend.location }
    var dialect: SQLDialect { backend.dialect }
    public var name: String { backend.name }
    /// The group a shared file store is shared with; nil for an owner's own file and a server.
    public var sharedGroup: String? { (backend as? FileBackend)?.sharedGroup?.name }
    /// Opened without write access: reading works, every write is refused with `StoreError.readOnly`.
    public var isReadOnly: Bool { backend.isReadOnly }

    /// Opens (and on first use creates) the file store at `path` (FileBackend.swift).
    /// `integrityCheck` says when the integrity check runs (see DeferredIntegrityCheck.swift);
    /// `access` is who a new store is for (the owner alone unless `init --shared`).
    public init(path: String, user: String = Clock.currentUser(), readOnly: Bool = false,
                integrityCheck: IntegrityCheckTiming = .beforeOpening, access: StoreAccess = .owner) throws {
        let file = try FileBackend(path: path, user: user, readOnly: readOnly, integrityCheck: integrityCheck, access: access)
        self.user = user
        backend = file
        if !file.isReadOnly {
            try file.opening {
                try sealLegacyRecordsIfNeeded()
                try bootstrapStaffIfNeeded()
            }
        }
        if file.isNew { access.apply(toStore: path) }
    }

    /// Opens the store on a PostgreSQL server, as the login the server accepts
    /// (Server/ServerBackend.swift); its schema must be there and current (`beschermbord init`).
    public convenience init(server address: ServerAddress) throws {
        self.init(server: try ServerBackend(address))
    }

    /// The store on a server backend: its own session, or the transaction that makes a new store
    /// (ServerStoreSetup.create).
    init(server: ServerBackend) {
        user = server.sessionUser
        backend = server
    }

    /// A store in memory that records its changes under `user`: the staging area of an import
    /// into the server store (MemoryBackend.swift, Server/ServerImport.swift).
    init(stagingFor user: String) throws {
        backend = try MemoryBackend()
        self.user = user
    }

    /// The file store's backend; asking a server store for it is a fault in Beschermbord.
    var file: FileBackend {
        guard let file = backend as? FileBackend else { preconditionFailure("a server store has no SQLite file") }
        return file
    }

    /// The file store's connections (backup, the legacy seal, tests).
    var pool: DatabasePool { file.pool }

    /// Folds the file store's write-ahead log into the file and closes it (see `FileBackend.close`).
    func close() throws {
        try file.close()
    }

    // MARK: Reading

    /// The columns of `summary(from:)`, shared by every query that loads cards. Built for loading
    /// 25,000 cards at once: the children's figures come from `family_children` (kept by triggers),
    /// the active plan by one join (its form by one index lookup of its members), the duties done (termijnen) from `case_duties`
    /// (kept by a trigger), and the subqueries run only where they can find something
    /// (a report-back date only counts at the Beschermtafel, see `Norms.isOverdue`).
    /// The medewerker is shown by the staff list's display name: a case stores the login (or,
    /// from before the list decided, a display name), which one primary-key lookup turns into the
    /// name people know, so that a colleague is one person on every card and in the werkvoorraad.
    static let summarySelect = """
        SELECT c.id, c.kenmerk, c.family_id, f.name, f.wijk, c.source, c.reported_on, c.stage,
               c.stage_since, COALESCE(m.display_name, c.medewerker), c.version,
               COALESCE(fc.child_count, 0),
               fc.youngest_birth_date,
               c.closed_on,
               CASE WHEN c.stage = 'beschermtafel' THEN
                   (SELECT report_back_on FROM table_record WHERE case_id = c.id ORDER BY id DESC LIMIT 1) END,
               p.next_evaluation,
               CASE WHEN p.id IS NOT NULL THEN
                   (SELECT MIN(a.due) FROM plan_agreement a WHERE a.plan_id = p.id AND a.status = 'open') END,
               ss.lowest_score, COALESCE(cd.done, 0), cd.reported_back_for,
               CASE WHEN p.id IS NOT NULL THEN
                   CASE WHEN EXISTS (SELECT 1 FROM plan_member pm WHERE pm.plan_id = p.id) THEN 'veiligheidsteam'
                        ELSE 'jeugdbeschermer_in_de_wijk' END END
        FROM "case" c JOIN family f ON f.id = c.family_id
             LEFT JOIN family_children fc ON fc.id = c.family_id
             LEFT JOIN case_safety_score ss ON ss.case_id = c.id
             LEFT JOIN joint_plan p ON p.case_id = c.id AND p.ended_on IS NULL
             LEFT JOIN medewerkers m ON m.name = c.medewerker
             LEFT JOIN case_duties cd ON cd.id = c.id
        """

    /// Open cases, plus those closed since the window began (all closed ones when nil), read in
    /// two halves at once on two connections for a large file store (FileBackend.swift).
    public func boardCases(today: Day, closedWindowDays: Int?) throws -> [CaseSummary] {
        let cards = try backend.loadCards(since: closedWindowDays.map { today.adding(days: -$0).iso })
        backend.boardLoaded()
        return cards
    }

    public func changeToken() throws -> Int64 {
        try read { db in try db.value(Int64.self, sql: "SELECT COALESCE(MAX(id), 0) FROM event") ?? 0 }
    }

    /// The head of the log's hash chain, to write down (reports and the agenda show it).
    public func chainHead() throws -> ChainHead? {
        try read { db in try EventLog.head(db) }
    }

    public func norms() throws -> Norms {
        Self.norms(try settings())
    }

    /// The norms that `settings` set (a write reads them in its own transaction).
    static func norms(_ settings: [String: String]) -> Norms {
        var norms = Norms.standard
        if let value = settings["norm.werkdagen_aangemeld"].flatMap(Int.init) { norms.werkdagenInAangemeld = value }
        if let value = settings["norm.weken_onderzoek"].flatMap(Int.init) { norms.weeksInOnderzoek = value }
        if let value = settings["norm.maanden_beschermtafel"].flatMap(Int.init) { norms.monthsAtBeschermtafel = value }
        if let value = settings["bord.dagen_afgesloten"].flatMap(Int.init) { norms.closedWindowDays = value }
        if let value = settings[DutySchema.terugmeldingKey].flatMap(Int.init) { norms.werkdagenTerugmeldingVT = value }
        if let value = settings[DutySchema.startRvkKey].flatMap(Int.init) { norms.dagenStartRvK = value }
        if let value = settings[DutySchema.lookAheadKey].flatMap(Int.init) { norms.dagenVooruit = value }
        for stage in Norms.wipStages {
            // 0 means no limit, so that a teamleider can lift one again.
            if let limit = settings[Norms.wipKey(stage)].flatMap(Int.init), limit > 0 { norms.wipLimits[stage] = limit }
        }
        return norms
    }

    public func isDemo() throws -> Bool {
        try read { db in try db.value(String.self, sql: "SELECT value FROM setting WHERE key = 'demo'") == "1" }
    }

    public func suggestKenmerk(year: Int) throws -> String {
        try read { db in
            let prefix = "\(year)-"
            let highest = try Self.highestKenmerkNumber(db, prefix: prefix)
            let number = String(highest + 1)
            return prefix + String(repeating: "0", count: max(0, 4 - number.count)) + number
        }
    }

    public func details(of caseID: CaseID, logOpening: Bool) throws -> CaseDetails {
        let load = { (db: any StoreDatabase) throws -> CaseDetails in
            guard let row = try db.row(sql: Self.summarySelect + " WHERE c.id = ?",
                                             arguments: [caseID]) else { throw StoreError.caseNotFound("#\(caseID)") }
            let summary = Self.summary(from: row)
            let children = try db.rows(sql: "SELECT first_name, birth_date FROM child WHERE family_id = ? ORDER BY birth_date, id",
                                            arguments: [summary.familyID])
                .map { Child(firstName: $0[0], birthDate: Day(parsing: $0[1])) }
            let events = try self.caseEvents(db, caseID: caseID)
            return CaseDetails(summary: summary, children: children, events: events)
        }
        guard logOpening else { return try read(load) }
        return try write { db in
            let details = try load(db)
            try self.appendEvent(db, caseID: caseID, familyID: details.summary.familyID, kind: .geopend,
                                 from: nil, to: nil, day: Clock.today(), detail: "zaakoverzicht")
            return details
        }
    }

    // MARK: Writing

    @discardableResult
    public func addReport(_ report: NewReport) throws -> CaseID {
        try write { db in try self.insertReport(db, report).caseID }
    }

    public func move(_ request: MoveRequest, today: Day) throws {
        try write { db in
            try self.requireChange(db)
            let state = try self.lockCase(db, caseID: request.caseID, expectedVersion: request.expectedVersion)
            let cameFrom = try self.stageBefore(db, caseID: request.caseID)
            var checked = request
            checked.from = state.stage
            switch Transitions.validate(checked, stageSince: state.stageSince, cameFrom: cameFrom, today: today) {
            case .failure(let problems):
                throw StoreError.refused(problems.problems.map(\.message).joined(separator: "; "))
            case .success(let rule):
                try self.recordTransition(db, caseID: request.caseID, familyID: state.familyID, request: checked, direction: rule.direction)
            }
        }
    }

    /// Writes a move that the rules allowed (see `recordTransitions`).
    func recordTransition(_ db: any StoreDatabase, caseID: CaseID, familyID: FamilyID?, request: MoveRequest,
                          direction: MoveDirection, recordedAt: String? = nil) throws {
        try recordTransitions(db, caseID: caseID, familyID: familyID, [request], direction: direction, recordedAt: recordedAt)
    }

    /// Writes moves that the rules allowed, in order: first the case's column, since when and
    /// whether it is closed, as the last move leaves them, with the version counting every move;
    /// then per move the records its new column keeps (a Beschermtafel request, an RvK
    /// investigation) and its event, the first of which names the case row as well; last, when
    /// the case closed or went to the Raad, the end of its running joint plan.
    /// Every path that moves a case (the move dialog, the table's decision, import, demo) comes here;
    /// an import hands over all moves of a row at once, so that the case row is written once.
    ///
    /// `caseRowWritten`: the case was inserted in the column these moves end in (an import does so,
    /// see `insertReport`), so only the records and events are left to write.
    func recordTransitions(_ db: any StoreDatabase, caseID: CaseID, familyID: FamilyID?, _ requests: [MoveRequest],
                           direction: MoveDirection, recordedAt: String? = nil, caseRowWritten: Bool = false) throws {
        guard let last = requests.last else { return }
        if !caseRowWritten {
            try db.run("UPDATE \"case\" SET stage = ?, stage_since = ?, closed_on = ?, version = version + ? WHERE id = ?",
                       last.to.rawValue, last.day.iso, Self.closedOn(entering: last.to, on: last.day), requests.count, caseID)
        }
        for request in requests {
            if direction == .forward { try recordKept(db, caseID: caseID, request: request) }
            try appendEvent(db, caseID: caseID, familyID: familyID, kind: direction == .forward ? .verplaatst : .gecorrigeerd,
                            from: request.from, to: request.to, day: request.day, detail: request.detail, recordedAt: recordedAt)
        }
        // A case inserted by these very moves (an import) has no plan yet.
        if direction == .forward, !caseRowWritten, let end = PlanEnd.withCase(entering: last.to) {
            try endRunningPlan(db, caseID: caseID, familyID: familyID, reason: end, day: last.day, recordedAt: recordedAt)
        }
    }

    /// A case that enters `stage` on `day` is closed on that day when the stage ends the flow for good.
    static func closedOn(entering stage: Stage, on day: Day) -> String? {
        stage.closesCase ? day.iso : nil
    }

    /// The records a column keeps about how the case entered it, on a forward move.
    private func recordKept(_ db: any StoreDatabase, caseID: CaseID, request: MoveRequest) throws {
        switch request.to {
        case .beschermtafel:
            try db.run("INSERT INTO table_record (case_id, requester, request_date) VALUES (?, ?, ?)",
                       caseID, (request.requester ?? .jeugdteam).rawValue, request.day.iso)
        case .rvkOnderzoek:
            try db.run("""
                UPDATE table_record SET meeting_date = COALESCE(meeting_date, ?), advice = CASE WHEN advice = '' THEN ? ELSE advice END,
                       outcome = COALESCE(outcome, 'rvk_onderzoek')
                WHERE id = (SELECT MAX(id) FROM table_record WHERE case_id = ?)
                """, request.day.iso, request.text.trimmingWhitespace(), caseID)
            // A new investigation replaces the record of an earlier one, keeping its key (its row id).
            try db.run("""
                INSERT INTO rvk_record (case_id, start_date) VALUES (?, ?)
                ON CONFLICT (case_id) DO UPDATE SET start_date = excluded.start_date, outcome = NULL, outcome_date = NULL
                """, caseID, request.day.iso)
            // The earlier investigation's outcomes per child stand no longer (kept, never deleted).
            try db.run("UPDATE rvk_child_outcome SET superseded_on = ? WHERE case_id = ? AND superseded_on IS NULL", request.day.iso, caseID)
        case .aangemeld, .onderzoek, .veiligheidGewaarborgd:
            break
        }
    }

    // MARK: Shared pieces

    /// A kenmerk given to find a case (`--family`), taken as the input takes it (InputText.kenmerk),
    /// so that a look-alike is refused with the reason rather than not found.
    static func lookupKenmerk(_ text: String) throws -> String {
        switch InputText.kenmerk(text) {
        case .success(let kenmerk): return kenmerk
        case .failure(let problem): throw StoreError.refused("Het kenmerk \(InputText.quoted(text.trimmingWhitespace())) \(problem.message).")
        }
    }

    /// Inserts a report; also used by the demo builder so that demo and real data look alike.
    /// Returns the new case and its family.
    ///
    /// `landing`: the column the case ends up in after `moves` moves that the caller writes next with
    /// `recordTransitions(caseRowWritten: true)`; the case row is then written once, in its final
    /// column, instead of inserted in Aangemeld and updated (an import writes 100,000 of them).
    func insertReport(_ db: any StoreDatabase, _ report: NewReport, recordedAt: String? = nil,
                      landing: (stage: Stage, day: Day, moves: Int)? = nil) throws -> (caseID: CaseID, familyID: FamilyID) {
        try requireChange(db)
        try StoreText.check(report)
        let kenmerk = report.kenmerk.trimmingWhitespace()
        let familyName = report.familyName.trimmingWhitespace()
        guard !kenmerk.isEmpty else { throw StoreError.refused("Kenmerk is verplicht.") }
        guard !familyName.isEmpty else { throw StoreError.refused("Gezinsnaam is verplicht.") }
        let familyID: FamilyID
        if let existing = report.existingFamilyID {
            guard try db.value(Bool.self, sql: "SELECT 1 FROM family WHERE id = ?", arguments: [existing]) == true else {
                throw StoreError.refused("Het gekozen gezin bestaat niet meer; kies opnieuw.")
            }
            if let open = try db.value(String.self, sql: "SELECT kenmerk FROM \"case\" WHERE family_id = ? AND closed_on IS NULL AND stage != 'veiligheid_gewaarborgd'",
                                              arguments: [existing]) {
                throw StoreError.refused("Dit gezin heeft al een open zaak (\(open)); een gezin heeft hoogstens één open zaak.")
            }
            familyID = existing
        } else {
            // `run`: the demo builder and an import insert 100,000 reports in one go (DirectBinding.swift).
            familyID = try db.insert("INSERT INTO family (name, wijk) VALUES (?, ?)",
                                     values: [.text(familyName), .text(report.wijk.trimmingWhitespace())])
        }
        for child in report.children {
            guard let born = child.birthDate else { throw StoreError.refused("De geboortedatum van \(child.firstName) is verplicht.") }
            try db.run("INSERT INTO child (family_id, first_name, birth_date) VALUES (?, ?, ?)",
                       familyID, child.firstName.trimmingWhitespace(), born.iso)
        }
        // The kenmerk's UNIQUE constraint refuses a second case with it, so no query first; the
        // caller's transaction rolls the family back with it.
        let caseID: CaseID
        do {
            let stage = landing?.stage ?? .aangemeld
            let since = landing?.day ?? report.reportedOn
            caseID = try db.insert("""
                INSERT INTO "case" (kenmerk, family_id, source, reported_on, stage, stage_since, medewerker, closed_on, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, values: [.text(kenmerk), .integer(familyID), .text(report.source.rawValue), .text(report.reportedOn.iso),
                               .text(stage.rawValue), .text(since.iso), .text(report.medewerker.trimmingWhitespace()),
                               Self.closedOn(entering: stage, on: since).sqlValue, .integer(Int64(1 + (landing?.moves ?? 0)))])
        } catch where SQLFailure.isUniqueViolation(error) {
            throw StoreError.duplicateKenmerk(kenmerk)
        }
        let names = report.children.map { $0.firstName.trimmingWhitespace() }.joined(separator: ", ")
        try appendEvent(db, caseID: caseID, familyID: familyID, kind: .aangemeld, from: nil, to: .aangemeld,
                        day: report.reportedOn, detail: "bron \(report.source.rawValue)" + (names.isEmpty ? "" : "; kinderen: \(names)"),
                        recordedAt: recordedAt)
        return (caseID, familyID)
    }

    func appendEvent(_ db: any StoreDatabase, caseID: CaseID?, familyID: FamilyID?, kind: EventKind, from: Stage?, to: Stage?,
                     day: Day, detail: String, recordedAt: String? = nil, user: String? = nil) throws {
        // Staff check, text check and the hash chain: see EventLog.swift.
        try appendChainedEvent(db, caseID: caseID, familyID: familyID, kind: kind, from: from, to: to, day: day, detail: detail,
                               recordedAt: recordedAt, user: user)
    }

    /// The stage a case was in before its current one, from its last transition event. An undo
    /// that brought the case back into Veiligheid gewaarborgd (the one column where this matters)
    /// undid a step back out of it, so it comes from where that step went: its own `from_stage`.
    func stageBefore(_ db: any StoreDatabase, caseID: CaseID) throws -> Stage? {
        let raw = try db.value(String.self, sql: """
            SELECT from_stage FROM event WHERE case_id = ? AND to_stage IS NOT NULL AND kind IN ('verplaatst', 'gecorrigeerd', 'ongedaan_gemaakt')
            ORDER BY id DESC LIMIT 1
            """, arguments: [caseID])
        return raw.flatMap(Stage.init(rawValue:))
    }

    /// Names who changed a case since the user saw it (by the name on the staff list, as the
    /// notice of a colleague's change does), for the refusal message.
    func conflict(_ db: any StoreDatabase, caseID: CaseID, kenmerk: String) throws -> StoreError {
        let last = try db.row(sql: """
            SELECT COALESCE(m.display_name, e."user") AS who, e.kind, e.to_stage, e.recorded_at
            FROM event e LEFT JOIN medewerkers m ON m.name = e."user"
            WHERE e.case_id = ? AND e.kind != 'geopend' ORDER BY e.id DESC LIMIT 1
            """, arguments: [caseID])
        let who: String = last?["who"] ?? "een collega"
        let kind = (last?["kind"] as String?).flatMap(EventKind.init(rawValue:))
        let target = (last?["to_stage"] as String?).flatMap(Stage.init(rawValue:))
        let what = [kind?.title.lowercased(), target.map { "naar \($0.title)" }].compactMap { $0 }.joined(separator: " ")
        let at = (last?["recorded_at"] as String?).map(Clock.localMoment) ?? ""
        return .changedMeanwhile(kenmerk: kenmerk, by: who, what: what.isEmpty ? "gewijzigd" : what, at: at)
    }

    func read<T>(_ body: (any StoreDatabase) throws -> T) throws -> T {
        try backend.read(body)
    }

    /// One write transaction of the rules: it may not end with a change that no event names.
    func write<T>(_ body: (any StoreDatabase) throws -> T) throws -> T {
        try backend.write(memory) { db in
            let result = try body(db)
            try memory.requireNoUnloggedChanges(db)
            return result
        }
    }

    static func summary(from row: SQLRow) -> CaseSummary {
        CaseSummary(id: row[0], kenmerk: row[1], familyID: row[2], familyName: row[3], wijk: row[4],
                    source: Source(rawValue: row[5]) ?? .overig, reportedOn: requiredDay(row, 6),
                    stage: Stage(rawValue: row[7]) ?? .aangemeld, stageSince: requiredDay(row, 8), medewerker: row[9],
                    childCount: row[11], youngestBirthDate: optionalDay(row, 12),
                    version: row[10], closedOn: optionalDay(row, 13),
                    reportBackOn: optionalDay(row, 14),
                    planNextEvaluation: optionalDay(row, 15),
                    planEarliestAgreementDue: optionalDay(row, 16),
                    lowestSafetyScore: row.isNull(17) ? nil : row[17] as Int,
                    dutiesDone: DutiesDone(rawValue: row[18]),
                    reportedBackFor: optionalDay(row, 19),
                    activePlanForm: row.isNull(20) ? nil : JointWorkForm(rawValue: row[20] as String))
    }

    static func event(from row: SQLRow) -> CaseEvent {
        CaseEvent(id: row[0], caseID: row[1], recordedAt: row[2], user: row[3],
                  kind: EventKind(rawValue: row[4]) ?? .verplaatst,
                  fromStage: (row[5] as String?).flatMap(Stage.init(rawValue:)),
                  toStage: (row[6] as String?).flatMap(Stage.init(rawValue:)), day: day(row[7]), detail: row[8])
    }

    /// Stored days are always written by `Day.iso`; an unreadable one falls back to the epoch rather than crash.
    static func day(_ text: String) -> Day { Day(parsing: text) ?? Day(ordinal: 0) }
}
