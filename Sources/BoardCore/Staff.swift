/// The roles in a wijkteam that the store knows. A user who is not on the staff list can read
/// but not change anything.
public enum StaffRole: String, CaseIterable, Codable, Sendable, Comparable {
    case medewerker
    case jeugdbeschermer
    case teamleider

    public var title: String {
        switch self {
        case .medewerker: return "Medewerker"
        case .jeugdbeschermer: return "Jeugdbeschermer"
        case .teamleider: return "Teamleider"
        }
    }

    /// Parses the stored name or the title, in any case, with surrounding spaces.
    public init?(name: String) {
        let key = name.trimmingWhitespace().lowercased()
        guard let role = StaffRole.allCases.first(where: { $0.rawValue == key }) else { return nil }
        self = role
    }

    public func permits(_ permission: Permission) -> Bool {
        switch permission {
        case .changeCases: return true
        case .editSettings, .manageStaff, .readFullAuditLog, .applyRetention: return self == .teamleider
        }
    }

    public static func < (lhs: StaffRole, rhs: StaffRole) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// What a user may do beyond reading. Reading the board and opening a dossier (which is logged)
/// needs no permission.
public enum Permission: Sendable, CaseIterable {
    /// Add reports, move cases, change a dossier.
    case changeCases
    /// Norms, WIP limits, the retention period, the screen lock.
    case editSettings
    /// Add, change and remove staff.
    case manageStaff
    /// Read everyone's entries in the log (others read only their own).
    case readFullAuditLog
    /// Erase personal data after the retention period or on request.
    case applyRetention

    /// What the permission is for, completing "Alleen een teamleider mag ...".
    public var action: String {
        switch self {
        case .changeCases: return "zaken wijzigen"
        case .editSettings: return "normen, WIP-limieten, de bewaartermijn en het privacyscherm wijzigen"
        case .manageStaff: return "de lijst van medewerkers beheren"
        case .readFullAuditLog: return "het logboek van anderen inzien"
        case .applyRetention: return "persoonsgegevens definitief verwijderen"
        }
    }
}

/// One entry of the staff list: the operating system user, how the team knows them, and their role.
public struct StaffMember: Equatable, Sendable {
    /// The operating system's user name, as recorded in the log.
    public var name: String
    public var displayName: String
    public var role: StaffRole

    public init(name: String, displayName: String, role: StaffRole) {
        self.name = name
        self.displayName = displayName
        self.role = role
    }

    public func permits(_ permission: Permission) -> Bool { role.permits(permission) }

    /// A user name as the operating system allows it: no spaces, control or invisible characters,
    /// not empty, at most 64 characters. Returns a Dutch problem, or nil when the name is fine.
    public static func problem(withUserName name: String) -> String? {
        if name.isEmpty { return "De gebruikersnaam is leeg." }
        if name.count > 64 { return "De gebruikersnaam is langer dan 64 tekens." }
        if UnnamedUser.isUnnamed(name) {
            return "‘\(name)’ is geen gebruikersnaam maar een gebruikersnummer zonder naam; alleen gebruikers die het systeem kent, kunnen medewerker zijn."
        }
        if name.unicodeScalars.contains(where: { $0.properties.isWhitespace || InputText.isRefused($0) }) {
            return "De gebruikersnaam \(InputText.quoted(name)) mag geen spaties, stuurtekens of onzichtbare tekens bevatten."
        }
        return nil
    }
}

/// A user the operating system cannot name: a user id without a passwd entry, as a process in an
/// unprivileged user namespace has. Such a user is shown as `uid-4242`, may read, and may never
/// write: nothing but the kernel's own account of who is at the keyboard may sign the log, and a
/// name the process claims for itself (`$USER`) is no such account.
public enum UnnamedUser {
    public static let prefix = "uid-"

    public static func name(uid: UInt32) -> String { prefix + String(uid) }

    /// Whether `name` has the form of an unnamed user (`uid-` and digits).
    public static func isUnnamed(_ name: String) -> Bool {
        guard name.hasPrefix(prefix) else { return false }
        let digits = name.dropFirst(prefix.count)
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
