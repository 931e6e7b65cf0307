import BoardCore
import GRDB

/// The demo's staff list. The medewerkers on the demo's cards and the team lead who opens dossiers
/// in its log work under logins (DemoAccessLog); they are on the list, as are the jeugdbeschermers
/// of the joint plans, so that the demo shows every role and `audit` and the board's log view name
/// people the list knows. The creator of the demo stays its first teamleider.
enum DemoStaff {
    static let teamLeadDisplayName = "Teamleider wijkteam"

    static var members: [StaffMember] {
        DemoNames.medewerkers.map { StaffMember(name: DemoAccessLog.login($0), displayName: $0, role: .medewerker) }
            + [StaffMember(name: DemoAccessLog.teamLead, displayName: teamLeadDisplayName, role: .teamleider)]
            + DemoPlans.jeugdbeschermers.map { StaffMember(name: DemoAccessLog.login($0.0), displayName: $0.0, role: .jeugdbeschermer) }
    }
}

extension Store {
    /// Adds the demo's staff (skipping a login already on the list, such as the creator's), each
    /// addition logged as any change of the list is.
    func writeDemoStaff(_ db: any StoreDatabase) throws {
        try requireStaff(db, for: .manageStaff)
        // Made-up people: on a server the staff list's trigger makes no logins for them
        // (ServerEnforcedRoles.swift), for this transaction only.
        if db.dialect == .postgres {
            try db.execute(sql: "SELECT set_config('\(ServerSchema.madeUpStaffSetting)', 'aan', true)")
        }
        for member in DemoStaff.members where try Self.staffMember(db, name: member.name) == nil {
            try insertStaff(db, member, note: " (demo)")
        }
    }
}
