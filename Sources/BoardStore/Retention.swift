import BoardCore
import Foundation
import GRDB

/// Why a family's personal data is erased.
public enum ErasureReason: Equatable, Sendable {
    /// The retention period (in years) after the last case closed has passed.
    case retentionPeriod(years: Int)
    /// The family asked for early destruction; only when no case of theirs is open.
    case request
}

/// Which columns hold personal data, and how to find a family's rows in each table.
///
/// Every TEXT column of the store is classified here as personal or not; a test
/// (`RetentionTests.everyTextColumnIsClassified`) fails when a migration adds a column that is in
/// neither list, so that new personal data cannot silently survive erasure. Tables or columns that
/// do not exist (yet) are skipped. The free text of the log (`event.detail`) is erased separately,
/// keeping the hash chain verifiable (see `EventChain`).
enum PersonalData {
    enum Scope {
        /// The family's own row (`family.id`).
        case familyRow
        /// Rows with the family's id in `family_id`.
        case family
        /// Rows of the family's cases (`case_id`).
        case familyCases
    }

    struct Column: Hashable {
        var table: String
        var column: String
        var scope: Scope
    }

    static let personal: [Column] = [
        Column(table: "family", column: "name", scope: .familyRow),
        Column(table: "family", column: "wijk", scope: .familyRow),
        Column(table: "family", column: "address", scope: .familyRow),
        Column(table: "child", column: "first_name", scope: .family),
        Column(table: "child", column: "surname", scope: .family),
        Column(table: "child", column: "birth_date", scope: .family),
        Column(table: "child", column: "bsn", scope: .family),
        Column(table: "caregiver", column: "name", scope: .family),
        Column(table: "caregiver", column: "relation", scope: .family),
        Column(table: "caregiver", column: "phone", scope: .family),
        Column(table: "network_member", column: "name", scope: .family),
        Column(table: "network_member", column: "role", scope: .family),
        Column(table: "network_member", column: "organisation", scope: .family),
        Column(table: "network_member", column: "phone", scope: .family),
        Column(table: "assessment", column: "concerns", scope: .familyCases),
        Column(table: "assessment", column: "strengths", scope: .familyCases),
        Column(table: "assessment", column: "needs", scope: .familyCases),
        Column(table: "risk_instrument", column: "note", scope: .familyCases),
        Column(table: "note", column: "text", scope: .familyCases),
        Column(table: "table_record", column: "attendees", scope: .familyCases),
        Column(table: "table_record", column: "advice", scope: .familyCases),
        Column(table: "table_record", column: "goals", scope: .familyCases),
        Column(table: "joint_plan", column: "consent_by", scope: .familyCases),
        Column(table: "plan_goal", column: "text", scope: .familyCases),
        Column(table: "plan_goal", column: "safety_conditions", scope: .familyCases),
        Column(table: "plan_agreement", column: "who", scope: .familyCases),
        Column(table: "plan_agreement", column: "what", scope: .familyCases),
        Column(table: "plan_hours", column: "description", scope: .familyCases),
        Column(table: "plan_evaluation", column: "went_well", scope: .familyCases),
        Column(table: "plan_evaluation", column: "went_badly", scope: .familyCases),
        Column(table: "plan_safety_condition", column: "text", scope: .familyCases),
        Column(table: "plan_agreement_detail", column: "how_checked", scope: .familyCases),
        Column(table: "plan_agreement_detail", column: "agreed_by", scope: .familyCases),
    ]

    /// TEXT columns that hold no personal data of a family: codes, dates, staff names (the
    /// anonymous figures and who did what), settings. `event.detail` is erased separately.
    static let kept: [String: Set<String>] = [
        "case": ["kenmerk", "source", "reported_on", "stage", "stage_since", "medewerker", "closed_on"],
        "event": ["recorded_at", "user", "kind", "from_stage", "to_stage", "day", "detail"],
        "family": ["erased_on"],
        // Derived from child.birth_date by triggers (BoardIndexes.swift): erasing the children's
        // birth dates erases it too.
        "family_children": ["youngest_birth_date"],
        "setting": ["key", "value"],
        "medewerkers": ["name", "display_name", "role", "added_at", "added_by"],
        "assessment": ["day", "given_by", "recorded_by", "recorded_at"],
        "risk_instrument": ["instrument", "day", "outcome", "recorded_by", "recorded_at"],
        "note": ["recorded_at", "author"],
        "table_record": ["requester", "request_date", "meeting_date", "outcome", "report_back_on"],
        "rvk_record": ["start_date", "outcome", "outcome_date"],
        "rvk_child_outcome": ["outcome", "superseded_on"],
        "grdb_migrations": ["identifier"],
        // The joint plan: professionals' names, dates, codes.
        "joint_plan": ["jeugdbeschermer", "organisation", "wijkteam_colleague", "start_date", "consent_date", "next_evaluation",
                       "ended_on", "end_reason", "recorded_by", "recorded_at"],
        "plan_intensity": ["day", "intensity", "recorded_by", "recorded_at"],
        "plan_goal": ["status"],
        "plan_agreement": ["party", "due", "status"],
        "plan_hours": ["day", "person", "recorded_by", "recorded_at"],
        "plan_evaluation": ["day", "conclusion", "next_evaluation", "recorded_by", "recorded_at"],
        // What was done is a journal note (erased with the notes); the row keeps codes and dates.
        "duty_done": ["duty", "answers", "done_on"],
        "case_duties": ["reported_back_for"],
        // The Veiligheidsteam's members are professionals; the marks are codes.
        "plan_member": ["name", "organisation", "since", "recorded_by", "recorded_at"],
        "plan_safety_condition": ["set_by", "day", "recorded_by", "recorded_at"],
        "plan_agreement_detail": ["agreed_on"],
        "plan_agreement_mark": ["mark"],
    ]
}

extension Store {
    /// Families whose last case closed (entered Veiligheid gewaarborgd or RvK-onderzoek, or got
    /// the Raad's outcome, whichever is later) before the retention period; none of their cases
    /// open, not yet erased. Oldest first.
    public func retentionCandidates(today: Day) throws -> [RetentionCandidate] {
        try read { db in
            let cutoff = Retention.cutoff(today: today, years: try Self.retentionYears(db))
            // A closing day before any possible year (`0025-03-03`, typed in an older version) is a
            // typing error, not a case closed two thousand years ago: never a reason to erase.
            return try Self.families(db, where: "f.erased_on IS NULL", having: "all_closed = 1 AND last_closed < ? AND last_closed >= ?",
                                     arguments: [cutoff.iso, Retention.earliestClosing.iso])
        }
    }

    /// The family of the case with `kenmerk`, whatever the retention period (for early destruction).
    public func retentionCandidate(kenmerk: String) throws -> RetentionCandidate {
        try read { db in try Self.family(db, kenmerk: kenmerk) }
    }

    /// Replaces the personal data of these families with `Retention.placeholder`: names, wijk,
    /// address, children's names and birth dates, free text in the dossier and in the log. Cases,
    /// stages, dates and counts stay (the anonymous figures), and so does the log's hash chain.
    /// Teamleider only; one transaction; every family's erasure is itself logged. The families are
    /// checked again inside the transaction: one that got a new case meanwhile is refused.
    /// Returns how many families were erased.
    @discardableResult
    public func erasePersonalData(of familyIDs: [FamilyID], reason: ErasureReason, today: Day) throws -> Int {
        let unique = Array(Set(familyIDs)).sorted()
        return try backend.erasingWrite(memory) { db in
            try self.requireStaff(db, for: .applyRetention)
            for familyID in unique {
                try self.erase(db, familyID: familyID, reason: reason, today: today)
            }
            try self.memory.requireNoUnloggedChanges(db)
            return unique.count
        }
    }

    func erase(_ db: any StoreDatabase, familyID: FamilyID, reason: ErasureReason, today: Day) throws {
        guard let candidate = try Self.families(db, where: "f.id = ?", having: nil, arguments: [familyID]).first else {
            throw StoreError.refused("Gezin #\(familyID) is niet gevonden; er is niets verwijderd.")
        }
        let label = candidate.kenmerken.joined(separator: ", ")
        if candidate.alreadyErased { throw StoreError.refused("De gegevens van het gezin van \(label) zijn al verwijderd; er is niets verwijderd.") }
        let detail: String
        switch reason {
        case .request:
            guard candidate.closedOn != nil else {
                throw StoreError.refused("Het gezin van \(label) heeft nog een open zaak; sluit die eerst af. Er is niets verwijderd.")
            }
            detail = "Persoonsgegevens verwijderd op verzoek (vernietiging vóór het einde van de bewaartermijn)"
        case .retentionPeriod(let years):
            let cutoff = Retention.cutoff(today: today, years: years)
            guard let closed = candidate.closedOn, closed < cutoff, closed >= Retention.earliestClosing else {
                throw StoreError.refused("Het gezin van \(label) valt (intussen) niet meer buiten de bewaartermijn van \(years) jaar; er is niets verwijderd.")
            }
            detail = "Persoonsgegevens verwijderd: bewaartermijn van \(years) jaar verstreken (laatste zaak afgesloten op \(closed.dutch))"
        }

        switch db.dialect {
        case .sqlite: try Self.eraseRecords(db, familyID: familyID, today: today)
        // Staff may not overwrite records on the server: its function erases, a teamleider's only
        // (ServerEnforcedRoles.swift), the same columns and the same way (RetentionTests).
        case .postgres:
            try db.execute(sql: "SELECT erase_personal_data(?::bigint, ?, ?::date)", arguments: [familyID, Retention.placeholder, today.iso])
        }
        try appendEvent(db, caseID: nil, familyID: familyID, kind: .gegevensVerwijderd, from: nil, to: nil, day: today,
                        detail: "\(detail); kenmerken \(label)")
    }

    /// The family's personal data overwritten with `Retention.placeholder`, the log's free text
    /// with it, the family marked erased, and its cases' versions raised.
    static func eraseRecords(_ db: any StoreDatabase, familyID: FamilyID, today: Day) throws {
        for column in PersonalData.personal {
            guard try db.columnNames(of: column.table).contains(column.column) else { continue }
            let scope: String
            switch column.scope {
            case .familyRow: scope = "id = ?"
            case .family: scope = "family_id = ?"
            case .familyCases: scope = "case_id IN (SELECT id FROM \"case\" WHERE family_id = ?)"
            }
            let name = column.column.quotedDatabaseIdentifier
            // Empty stays empty and NULL stays NULL: nothing was recorded there.
            try db.execute(sql: """
                UPDATE \(column.table.quotedDatabaseIdentifier) SET \(name) = ?
                WHERE \(scope) AND \(name) IS NOT NULL AND \(name) != '' AND \(name) != ?
                """, arguments: [Retention.placeholder, familyID, Retention.placeholder])
        }

        // The log's free text: keep the salted digest so that the chain still verifies, drop the salt.
        let events = try db.rows(sql: """
            SELECT id, detail, salt FROM event
            WHERE (case_id IN (SELECT id FROM "case" WHERE family_id = ?) OR (case_id IS NULL AND family_id = ?)) AND detail_digest IS NULL
            """, arguments: [familyID, familyID])
        for row in events {
            let id: Int64 = row[0]
            let detail: [UInt8] = row[1] ?? []
            let salt: [UInt8]? = row[2]
            let digest = salt.map { EventChain.detailDigest(salt: $0, detail: detail) }
            try db.execute(sql: "UPDATE event SET detail = ?, salt = NULL, detail_digest = ? WHERE id = ?",
                           arguments: [Retention.placeholder, digest.map { Data($0) }, id])
        }

        try db.execute(sql: "UPDATE family SET erased_on = ? WHERE id = ?", arguments: [today.iso, familyID])
        // The cards change (the name is gone): a colleague's open form must not write over it.
        try db.execute(sql: "UPDATE \"case\" SET version = version + 1 WHERE family_id = ?", arguments: [familyID])
    }

    // MARK: Pieces

    /// The day a case counts as closed: the later of entering its end column and the Raad's outcome.
    static func closingExpression(_ db: any StoreDatabase) throws -> String {
        let columns = try db.columnNames(of: "case")
        return columns.contains("closed_on") ? db.dialect.greatest("c.stage_since", "COALESCE(c.closed_on, c.stage_since)") : "c.stage_since"
    }

    static func families(_ db: any StoreDatabase, where condition: String, having: String?, arguments: SQLArguments) throws -> [RetentionCandidate] {
        let ended = Stage.allCases.filter(\.isEnd).map { "'\($0.rawValue)'" }.joined(separator: ", ")
        let separator = "\u{1F}"
        // `having` names the columns of the groups, which the server's HAVING does not know: it
        // filters them as rows of a subquery.
        let sql = """
            SELECT * FROM (
                SELECT f.id, f.name, \(db.dialect.joined("c.kenmerk", separator: "'\(separator)'")) AS kenmerken, MAX(\(try closingExpression(db))) AS last_closed,
                       MIN(CASE WHEN c.stage IN (\(ended)) THEN 1 ELSE 0 END) AS all_closed, f.erased_on
                FROM family f JOIN "case" c ON c.family_id = f.id
                WHERE \(condition)
                GROUP BY f.id
            ) AS families
            WHERE \(having ?? "TRUE")
            ORDER BY last_closed, id
            """
        return try db.rows(sql: sql, arguments: arguments).map { row in
            let allClosed: Bool = row["all_closed"]
            return RetentionCandidate(familyID: row["id"], familyName: row["name"],
                                      kenmerken: (row["kenmerken"] as String? ?? "").split(separator: Character(separator)).map(String.init).sorted(),
                                      closedOn: allClosed ? (row["last_closed"] as String?).flatMap { Day(parsing: $0) } : nil,
                                      alreadyErased: (row["erased_on"] as String?) != nil)
        }
    }

    static func family(_ db: any StoreDatabase, kenmerk: String) throws -> RetentionCandidate {
        let kenmerk = try lookupKenmerk(kenmerk)
        guard let familyID = try db.value(FamilyID.self, sql: "SELECT family_id FROM \"case\" WHERE kenmerk = ?", arguments: [kenmerk]),
              let candidate = try families(db, where: "f.id = ?", having: nil, arguments: [familyID]).first else {
            throw StoreError.caseNotFound(kenmerk)
        }
        return candidate
    }
}
