import BoardCore
import GRDB

/// Overdracht: a case goes to another medewerker on the staff list.
extension Store {
    /// Gives the case to `typed` (a login or display name on the list), for `reason`, in one
    /// transaction with its `overgedragen` event. The case stores the login; the event says who
    /// had it and who has it now, by the names people know. The version rises as with any change
    /// of the case, so that a colleague's form opened over the old state is refused.
    func handOver(_ db: any StoreDatabase, caseID: CaseID, expectedVersion: Int, to typed: String, reason: String, today: Day) throws -> String {
        let reason = reason.trimmingWhitespace()
        guard !reason.isEmpty else { throw StoreError.refused("Een overdracht heeft een reden; er is niets opgeslagen.") }
        _ = try lockCase(db, caseID: caseID, expectedVersion: expectedVersion)
        let staff = try Self.staffDirectory(db)
        let member: StaffMember
        switch staff.resolve(typed) {
        case .success(let found?): member = found
        case .success(nil): throw StoreError.refused("Kies de medewerker aan wie de zaak wordt overgedragen.")
        case .failure(let unknown): throw StoreError.refused(unknown.sentence + " Er is niets opgeslagen.")
        }
        guard let row = try db.row(sql: "SELECT medewerker, stage, closed_on FROM \"case\" WHERE id = ?", arguments: [caseID]) else {
            throw StoreError.caseNotFound("#\(caseID)")
        }
        if (row["closed_on"] as String?) != nil || Stage(rawValue: row["stage"]) == .veiligheidGewaarborgd {
            throw StoreError.refused("Een afgesloten zaak wordt niet meer overgedragen.")
        }
        let current: String = row["medewerker"]
        if staff.member(named: current)?.name == member.name {
            throw StoreError.refused("De zaak staat al op naam van \(member.displayName).")
        }
        try db.execute(sql: "UPDATE \"case\" SET medewerker = ?, version = version + 1 WHERE id = ?", arguments: [member.name, caseID])
        let from = current.isEmpty ? "(geen medewerker)" : staff.displayName(of: current)
        try logCaseChange(db, caseID: caseID, kind: .overgedragen, day: today, detail: "van \(from) aan \(member.displayName): \(reason)")
        return "Zaak overgedragen aan \(member.displayName)."
    }

    /// The staff list inside a transaction, for the checks that name a medewerker.
    static func staffDirectory(_ db: any StoreDatabase) throws -> StaffDirectory {
        StaffDirectory(try db.rows(sql: "SELECT name, display_name, role FROM medewerkers ORDER BY name").map(staffMember(from:)))
    }
}
