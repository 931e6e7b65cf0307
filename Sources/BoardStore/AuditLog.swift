import BoardCore
import Foundation
import GRDB

/// Reading the log (NEN 7513: who, when, which family, what), per family and per user.
extension Store {
    /// The log entries that match `filter`, oldest first (without a limit: by moment of recording).
    /// A teamleider reads everything; anyone else reads only their own entries (the user filter is
    /// then set to them, and `onlyOwnEntries` says so). Reading the log is not itself logged.
    public func auditLog(filter: AuditFilter) throws -> AuditLog {
        try read { db in
            let member = try Self.staffMember(db, name: self.user)
            let restricted = !(member?.permits(.readFullAuditLog) ?? false)
            var conditions: [String] = []
            var arguments: SQLArguments = []
            if let given = filter.familyKenmerk, !given.trimmingWhitespace().isEmpty {
                let kenmerk = try Self.lookupKenmerk(given)
                guard let familyID = try db.value(FamilyID.self, sql: "SELECT family_id FROM \"case\" WHERE kenmerk = ?", arguments: [kenmerk]) else {
                    throw StoreError.caseNotFound(kenmerk)
                }
                // Events of each of the family's cases (by event_by_case), and of the family itself
                // (by the partial index event_of_family).
                conditions.append("(e.case_id IN (SELECT id FROM \"case\" WHERE family_id = ?) OR (e.case_id IS NULL AND e.family_id = ?))")
                arguments += [familyID, familyID]
            }
            let user = restricted ? self.user : filter.user?.trimmingWhitespace()
            if let user, !user.isEmpty {
                conditions.append("e.user = ?")
                arguments += [user]
            }
            if let text = filter.text?.trimmingWhitespace(), !text.isEmpty {
                // The board's log view: one typed text finds a kenmerk or a user (ASCII case folded).
                let pattern = "%" + Self.likeEscaped(text) + "%"
                conditions.append("(e.user \(db.dialect.like) ? ESCAPE '\\' OR c.kenmerk \(db.dialect.like) ? ESCAPE '\\')")
                arguments += [pattern, pattern]
            }
            if let since = filter.recordedSince {
                conditions.append("e.recorded_at >= ?")
                arguments += [since]
            }
            var sql = """
                SELECT e.id, e.recorded_at, e.user, e.kind, e.case_id, c.kenmerk, COALESCE(e.family_id, c.family_id) AS family_id,
                       f.name AS family_name, e.day, e.detail
                FROM event e
                LEFT JOIN "case" c ON c.id = e.case_id
                LEFT JOIN family f ON f.id = COALESCE(e.family_id, c.family_id)
                """
            if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
            // The whole log (`audit`) in the order things happened: a log written with moments in the
            // past (the demo) has them out of id order. The newest `limit` entries (the board's log
            // view) are read by id, from the end of the table, without sorting the whole log.
            if let limit = filter.limit {
                sql += " ORDER BY e.id DESC LIMIT ?"
                arguments += [max(0, limit)]
            } else {
                sql += " ORDER BY e.recorded_at DESC, e.id DESC"
            }
            let entries = try db.rows(sql: sql, arguments: arguments).reversed().map { row in
                AuditEntry(id: row["id"], recordedAt: row["recorded_at"], user: row["user"], rawKind: row["kind"], caseID: row["case_id"],
                           kenmerk: row["kenmerk"], familyID: row["family_id"], familyName: row["family_name"],
                           day: (row["day"] as String?).flatMap { Day(parsing: $0) }, detail: row["detail"] ?? "")
            }
            return AuditLog(entries: entries, onlyOwnEntries: restricted)
        }
    }
}

extension Clock {
    /// The first moment of `day` in local time, as a UTC timestamp comparable with `recorded_at`.
    public static func startOfLocalDay(_ day: Day) -> String {
        var parts = tm()
        parts.tm_year = Int32(day.year - 1900)
        parts.tm_mon = Int32(day.month - 1)
        parts.tm_mday = Int32(day.day)
        parts.tm_isdst = -1
        let seconds = mktime(&parts)
        return timestamp(Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// A stored UTC timestamp as local `dd-mm-jjjj hh:mm`; the text itself when it is not one.
    public static func localMoment(_ recordedAt: String) -> String {
        LocalTime.user.text(recordedAt)
    }
}
