import BoardCore
import Foundation
import GRDB

/// The staff list (table `medewerkers`) and what each role may do.
///
/// The user is the operating system's user (`Clock.currentUser()`). A user who is not on the list
/// can read the board and open dossiers (which is logged), but every change is refused. The first
/// user of a new store becomes teamleider; so does the first user who opens a store that has no
/// teamleider (a store from before roles existed). Only a teamleider manages the list, and the
/// last teamleider can be neither removed nor demoted.
extension Store {
    /// The user of this store on the staff list, or nil when they may only read.
    public func currentStaff() throws -> StaffMember? {
        try read { db in try Self.staffMember(db, name: self.user) }
    }

    /// The whole list, teamleiders first, then by display name.
    public func staff() throws -> [StaffMember] {
        try read { db in
            try db.rows(sql: "SELECT name, display_name, role FROM medewerkers").map(Self.staffMember(from:))
                .sorted { a, b in
                    a.role != b.role ? a.role > b.role : (a.displayName.lowercased(), a.name) < (b.displayName.lowercased(), b.name)
                }
        }
    }

    /// Whether the current user may do this now (false in a read-only store). For the UI, to show a
    /// key as unavailable; `refusal(for:)` gives the reason to show.
    public func permits(_ permission: Permission) throws -> Bool {
        try refusal(for: permission) == nil
    }

    /// Why the current user may not do this, or nil when they may.
    public func refusal(for permission: Permission) throws -> StoreError? {
        if isReadOnly { return .readOnly(path: location) }
        return try read { db in Self.refusal(for: permission, user: self.user, member: try Self.staffMember(db, name: self.user)) }
    }

    public func addStaff(_ member: StaffMember) throws {
        let member = try Self.checked(member)
        try write { db in
            try self.requireStaff(db, for: .manageStaff)
            if let existing = try Self.staffMember(db, name: member.name) {
                throw StoreError.refused("\(member.name) staat al in de lijst van medewerkers (als \(existing.role.title.lowercased()), "
                                         + "‘\(existing.displayName)’). Wijzig de gegevens met `beschermbord medewerkers wijzigen \(member.name)`.")
            }
            try self.insertStaff(db, member)
        }
    }

    /// Puts a checked member on the list and logs it; `note` is added to the log's detail.
    func insertStaff(_ db: any StoreDatabase, _ member: StaffMember, note: String = "") throws {
        try db.execute(sql: "INSERT INTO medewerkers (name, display_name, role, added_at, added_by) VALUES (?, ?, ?, ?, ?)",
                       arguments: [member.name, member.displayName, member.role.rawValue, Clock.timestamp(), user])
        try logStaffChange(db, "\(member.name) (\(member.displayName)) toegevoegd als \(member.role.title.lowercased())\(note)")
    }

    /// Changes the display name and role of the member with `member.name`.
    public func updateStaff(_ member: StaffMember) throws {
        let member = try Self.checked(member)
        try write { db in
            try self.requireStaff(db, for: .manageStaff)
            guard let existing = try Self.staffMember(db, name: member.name) else { throw Self.unknown(member.name) }
            if existing.role == .teamleider && member.role != .teamleider {
                try Self.refuseLosingLastTeamleider(db, name: member.name, doing: "\(member.role.title.lowercased()) maken")
            }
            guard existing != member else { return }
            try db.execute(sql: "UPDATE medewerkers SET display_name = ?, role = ? WHERE name = ?",
                           arguments: [member.displayName, member.role.rawValue, member.name])
            var changes: [String] = []
            if existing.displayName != member.displayName { changes.append("naam ‘\(existing.displayName)’ → ‘\(member.displayName)’") }
            if existing.role != member.role { changes.append("rol \(existing.role.title.lowercased()) → \(member.role.title.lowercased())") }
            try self.logStaffChange(db, "\(member.name) gewijzigd: " + changes.joined(separator: ", "))
        }
    }

    public func removeStaff(_ name: String) throws {
        let name = name.trimmingWhitespace()
        try write { db in
            try self.requireStaff(db, for: .manageStaff)
            guard let existing = try Self.staffMember(db, name: name) else { throw Self.unknown(name) }
            if existing.role == .teamleider { try Self.refuseLosingLastTeamleider(db, name: name, doing: "verwijderen") }
            switch db.dialect {
            case .sqlite:
                try db.execute(sql: "DELETE FROM medewerkers WHERE name = ?", arguments: [name])
            case .postgres:
                // The server's function, a teamleider's only; it also takes the login's group role away.
                try db.execute(sql: "SELECT remove_staff_member(?)", arguments: [name])
            }
            try self.logStaffChange(db, "\(name) (\(existing.displayName)) verwijderd uit de lijst; was \(existing.role.title.lowercased())")
        }
    }

    // MARK: Checks used by every write

    /// Refuses unless the current user is on the staff list with a role that permits `permission`.
    /// Runs inside the write transaction, so a role removed a moment ago counts.
    func requireStaff(_ db: any StoreDatabase, for permission: Permission) throws {
        if let refusal = Self.refusal(for: permission, user: user, member: try Self.staffMember(db, name: user)) { throw refusal }
    }

    /// The cheap form for paths that write many rows in one transaction (demo, import): checks once
    /// per transaction.
    func requireChange(_ db: any StoreDatabase) throws {
        memory.begin(db)
        guard !memory.hasCheckedStaff else { return }
        try requireStaff(db, for: .changeCases)
        memory.hasCheckedStaff = true
    }

    static func refusal(for permission: Permission, user: String, member: StaffMember?) -> StoreError? {
        if UnnamedUser.isUnnamed(user) { return .unnamedUser(user: user) }
        guard let member else { return .notStaff(user: user) }
        if member.permits(permission) { return nil }
        return .notPermitted(action: permission.action, user: user, role: member.role.title)
    }

    /// Makes `user` teamleider when the store has none: a new store's first user, or the first user
    /// of a store from before the staff list. Returns whether it did.
    @discardableResult
    static func bootstrapTeamleider(_ db: any StoreDatabase, user: String, memory: TransactionMemory) throws -> Bool {
        if UnnamedUser.isUnnamed(user) { return false }
        memory.begin(db)
        guard try db.value(Int.self, sql: "SELECT COUNT(*) FROM medewerkers WHERE role = 'teamleider'") == 0 else { return false }
        let displayName = try staffMember(db, name: user)?.displayName ?? Clock.displayName(of: user)
        try db.execute(sql: """
            INSERT INTO medewerkers (name, display_name, role, added_at, added_by) VALUES (?, ?, 'teamleider', ?, ?)
            ON CONFLICT(name) DO UPDATE SET role = 'teamleider'
            """, arguments: [user, displayName, Clock.timestamp(), user])
        try EventLog.append(db, memory: memory, caseID: nil, familyID: nil, recordedAt: Clock.timestamp(), user: user,
                            kind: EventKind.medewerkerGewijzigd.rawValue, from: nil, to: nil, day: Clock.today().iso,
                            detail: "\(user) (\(displayName)) is als eerste gebruiker van deze opslag teamleider geworden",
                            records: try db.takeChangedRecords(memory))
        return true
    }

    /// A new server store's first teamleider: the login that ran `init`. (A server store never
    /// makes the first login that happens to open it one.) Returns whether it did.
    @discardableResult
    public func makeFirstTeamleider() throws -> Bool {
        try write { db in try Self.bootstrapTeamleider(db, user: self.user, memory: self.memory) }
    }

    /// At a file store's open: a store without a teamleider gets the opening user as one (read first, so that an
    /// ordinary open writes nothing).
    func bootstrapStaffIfNeeded() throws {
        let hasTeamleider = try read { db in
            try db.value(Int.self, sql: "SELECT COUNT(*) FROM medewerkers WHERE role = 'teamleider'") ?? 0
        } > 0
        guard !hasTeamleider, !UnnamedUser.isUnnamed(user) else { return }
        guard !isReadOnly else { return }
        try write { db in _ = try Self.bootstrapTeamleider(db, user: self.user, memory: self.memory) }
    }

    // MARK: Pieces

    static func staffMember(_ db: any StoreDatabase, name: String) throws -> StaffMember? {
        try db.row(sql: "SELECT name, display_name, role FROM medewerkers WHERE name = ?", arguments: [name])
            .map(staffMember(from:))
    }

    static func staffMember(from row: SQLRow) -> StaffMember {
        StaffMember(name: row["name"], displayName: row["display_name"], role: StaffRole(rawValue: row["role"]) ?? .medewerker)
    }

    static func checked(_ member: StaffMember) throws -> StaffMember {
        let name = member.name.trimmingWhitespace()
        if let problem = StaffMember.problem(withUserName: name) { throw StoreError.refused(problem) }
        let displayName = member.displayName.trimmingWhitespace()
        guard !displayName.isEmpty else { throw StoreError.refused("De weergavenaam is verplicht (bijvoorbeeld --naam \"Anouk de Wit\").") }
        if let problem = InputText.problem(in: displayName, kind: .name) { throw StoreError.refused("De weergavenaam \(problem.message).") }
        return StaffMember(name: name, displayName: displayName, role: member.role)
    }

    static func unknown(_ name: String) -> StoreError {
        .refused("\(name) staat niet in de lijst van medewerkers; `beschermbord medewerkers` toont de lijst.")
    }

    static func refuseLosingLastTeamleider(_ db: any StoreDatabase, name: String, doing: String) throws {
        let others = try db.value(Int.self, sql: "SELECT COUNT(*) FROM medewerkers WHERE role = 'teamleider' AND name != ?", arguments: [name]) ?? 0
        if others == 0 {
            throw StoreError.refused("\(name) is de enige teamleider en kan niet worden \(doing == "verwijderen" ? "verwijderd" : "gewijzigd") "
                                     + "(\(doing)). Maak eerst iemand anders teamleider.")
        }
    }

    func logStaffChange(_ db: any StoreDatabase, _ detail: String) throws {
        try appendEvent(db, caseID: nil, familyID: nil, kind: .medewerkerGewijzigd, from: nil, to: nil, day: Clock.today(), detail: detail)
    }
}

extension Clock {
    /// The full name from the password database (the first field of GECOS), or the user name.
    static func displayName(of user: String) -> String {
        if let entry = getpwnam(user), let gecos = entry.pointee.pw_gecos {
            let full = String(cString: gecos).split(separator: ",", omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let trimmed = full.trimmingWhitespace()
            if !trimmed.isEmpty && !trimmed.unicodeScalars.contains(where: { $0.value < 0x20 }) { return trimmed }
        }
        return user
    }
}

/// What the program needs of a store for several users, roles, the log, the screen lock and
/// retention; the board's session uses it for the log view and the lock. `Store` implements it.
public protocol AccessControlledStore: CaseStore {
    /// Opened without write access: show it, and expect `StoreError.readOnly` from every write.
    var isReadOnly: Bool { get }
    func currentStaff() throws -> StaffMember?
    func staff() throws -> [StaffMember]
    func permits(_ permission: Permission) throws -> Bool
    func refusal(for permission: Permission) throws -> StoreError?
    func addStaff(_ member: StaffMember) throws
    func updateStaff(_ member: StaffMember) throws
    func removeStaff(_ name: String) throws
    func settings() throws -> [String: String]
    func setSetting(_ key: String, to value: String) throws
    func auditLog(filter: AuditFilter) throws -> AuditLog
    func retentionYears() throws -> Int
    func idleLockMinutes() throws -> Int
    func retentionCandidates(today: Day) throws -> [RetentionCandidate]
    func retentionCandidate(kenmerk: String) throws -> RetentionCandidate
    @discardableResult
    func erasePersonalData(of familyIDs: [FamilyID], reason: ErasureReason, today: Day) throws -> Int
}

extension Store: AccessControlledStore {}
