/// Which part of the log to read. Empty fields do not filter.
public struct AuditFilter: Equatable, Sendable {
    /// The family of the case with this kenmerk (all of the family's cases, and the family itself).
    public var familyKenmerk: String?
    public var user: String?
    /// Entries recorded at or after this moment (UTC, ISO 8601, as `Clock.timestamp` writes it).
    public var recordedSince: String?
    /// At most this many entries, the most recent ones; nil for all.
    public var limit: Int?
    /// Entries whose kenmerk or user contains this text (the board's log view types one text).
    public var text: String?

    public init(familyKenmerk: String? = nil, user: String? = nil, recordedSince: String? = nil, limit: Int? = nil, text: String? = nil) {
        self.familyKenmerk = familyKenmerk
        self.user = user
        self.recordedSince = recordedSince
        self.limit = limit
        self.text = text
    }
}

/// One entry of the log as the audit view shows it: who did what, when, to which family.
public struct AuditEntry: Equatable, Sendable {
    public var id: Int64
    /// UTC, ISO 8601.
    public var recordedAt: String
    public var user: String
    /// The stored kind; `kind` is nil for kinds this version does not know.
    public var rawKind: String
    public var kind: EventKind?
    public var caseID: CaseID?
    public var kenmerk: String?
    public var familyID: FamilyID?
    public var familyName: String?
    public var day: Day?
    public var detail: String

    public init(id: Int64, recordedAt: String, user: String, rawKind: String, caseID: CaseID?, kenmerk: String?,
                familyID: FamilyID?, familyName: String?, day: Day?, detail: String) {
        self.id = id
        self.recordedAt = recordedAt
        self.user = user
        self.rawKind = rawKind
        self.kind = EventKind(rawValue: rawKind)
        self.caseID = caseID
        self.kenmerk = kenmerk
        self.familyID = familyID
        self.familyName = familyName
        self.day = day
        self.detail = detail
    }

    public var kindTitle: String { kind?.title ?? rawKind }
}

/// What the log read returned, and whether it was narrowed to the reader's own entries.
public struct AuditLog: Equatable, Sendable {
    public var entries: [AuditEntry]
    /// True when the reader is no teamleider and therefore sees only their own entries.
    public var onlyOwnEntries: Bool

    public init(entries: [AuditEntry], onlyOwnEntries: Bool) {
        self.entries = entries
        self.onlyOwnEntries = onlyOwnEntries
    }
}

/// The retention period (Jeugdwet: 20 years after care ends) and what erasure leaves behind.
public enum Retention {
    public static let defaultYears = 20
    /// What replaces erased personal text.
    public static let placeholder = "[verwijderd]"

    /// The earliest closing day that can be real: an older store may hold a case "closed" in the
    /// year 25, a typing error that must never make a family look past its retention period.
    public static let earliestClosing = Day(year: Day.earliestYear, month: 1, day: 1)!

    /// The last day on which a case must have closed for its family to be past the retention
    /// period on `today`: `today` minus `years` calendar years (29 February becomes 28 February).
    public static func cutoff(today: Day, years: Int) -> Day {
        let year = today.year - years
        return Day(year: year, month: today.month, day: today.day)
            ?? Day(year: year, month: today.month, day: Day.daysInMonth(year: year, month: today.month))!
    }
}

/// A family whose personal data may (or, with `--family`, is asked to) be erased.
public struct RetentionCandidate: Equatable, Sendable {
    public var familyID: FamilyID
    public var familyName: String
    public var kenmerken: [String]
    /// When the family's last case closed; nil when a case is still open.
    public var closedOn: Day?
    /// Whether the family's data was erased before.
    public var alreadyErased: Bool

    public init(familyID: FamilyID, familyName: String, kenmerken: [String], closedOn: Day?, alreadyErased: Bool) {
        self.familyID = familyID
        self.familyName = familyName
        self.kenmerken = kenmerken
        self.closedOn = closedOn
        self.alreadyErased = alreadyErased
    }
}
