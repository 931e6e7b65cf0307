import BoardCore

/// The minutes of a weekly meeting (`beschermbord notulen`): each `vergaderbesluit` event of the
/// day with the journal note it names (`notitie 12; actie: …`, Store+Meeting.swift). Only reads;
/// the minutes open no dossier, so nothing is logged.
extension Store {
    /// The decisions recorded on `day`, in the order they were recorded.
    public func meetingMinutes(on day: Day) throws -> [MeetingMinutes.Entry] {
        try read { db in
            let decisions = try db.rows(sql: """
                SELECT e.detail, c.kenmerk, f.name, f.id FROM event e
                JOIN "case" c ON c.id = e.case_id JOIN family f ON f.id = c.family_id
                WHERE e.kind = 'vergaderbesluit' AND e.day = ? ORDER BY e.id
                """, arguments: [day.iso])
            return try decisions.compactMap { row -> MeetingMinutes.Entry? in
                let detail: String = row[0]
                guard let noteID = Self.noteID(inDecisionDetail: detail),
                      let text = try db.value(String.self, sql: "SELECT text FROM note WHERE id = ?", arguments: [noteID]) else { return nil }
                let familyID: Int64 = row[3]
                let sets = try db.rowSets([
                    SQLQuery("SELECT text FROM note WHERE refers_to = ? ORDER BY id", [noteID]),
                    SQLQuery("""
                        SELECT first_name FROM child WHERE family_id = ? UNION ALL SELECT surname FROM child WHERE family_id = ?
                        UNION ALL SELECT name FROM caregiver WHERE family_id = ? UNION ALL SELECT name FROM network_member WHERE family_id = ?
                        """, [familyID, familyID, familyID, familyID]),
                ])
                let names: [String] = sets[1].map { $0[0] }
                return MeetingMinutes.Entry(kenmerk: row[1], familyName: row[2], names: names.filter { !$0.isEmpty }, noteText: text,
                                            corrections: sets[0].map { $0[0] })
            }
        }
    }

    /// The note's id in a decision event's detail: `notitie 12; actie: …`.
    static func noteID(inDecisionDetail detail: String) -> Int64? {
        guard detail.hasPrefix("notitie ") else { return nil }
        return Int64(detail.dropFirst("notitie ".count).prefix { $0.isNumber })
    }
}
