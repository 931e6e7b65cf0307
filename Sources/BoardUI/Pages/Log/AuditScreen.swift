import BoardCore

/// One line of the log as the log view shows it: the entry, and its moment in local time (the
/// session converts it, so the UI reads no clock or time zone).
public struct AuditLine: Equatable, Sendable {
    public var entry: AuditEntry
    /// `dd-mm-jjjj hh:mm`, local time.
    public var moment: String

    public init(entry: AuditEntry, moment: String) {
        self.entry = entry
        self.moment = moment
    }

    /// Whether the typed filter finds this line: a kenmerk or a user containing it, as the store
    /// searches (AuditLog.swift), so narrowing what is loaded and asking the store agree.
    func matches(_ filter: String) -> Bool {
        let text = filter.trimmingWhitespace().lowercased()
        guard !text.isEmpty else { return true }
        return entry.user.lowercased().contains(text) || (entry.kenmerk?.lowercased().contains(text) ?? false)
    }
}

/// What the store answered for the log view.
public struct AuditPage: Equatable, Sendable {
    /// Newest first.
    public var lines: [AuditLine]
    /// The reader is no teamleider and sees only their own entries.
    public var onlyOwnEntries: Bool
    /// The filter the store was asked with.
    public var filter: String

    public init(lines: [AuditLine], onlyOwnEntries: Bool, filter: String) {
        self.lines = lines
        self.onlyOwnEntries = onlyOwnEntries
        self.filter = filter
    }
}

/// The log view (`L` on the board): who opened or changed which dossier when, newest first.
/// A teamleider reads everyone's entries, anyone else only their own; the store decides that.
/// `/` narrows what is loaded as one types and, on Enter, asks the store for older matches too.
public struct AuditScreen: Equatable, Sendable {
    /// At most this many entries are loaded at a time, the newest.
    public static let limit = 1000

    public var page: AuditPage
    public var filter: String
    public var isEditingFilter = false
    public var scroll = 0
    /// A search in the lines shown (`/`), while one is typed or stands.
    public var find: PageFind?

    public init(page: AuditPage) {
        self.page = page
        filter = page.filter
    }

    /// The loaded lines the typed filter finds.
    public var shown: [AuditLine] { page.lines.filter { $0.matches(filter) } }

    /// Whether the store may hold older entries than those loaded.
    public var isCapped: Bool { page.lines.count >= Self.limit }

    /// Each shown line's text as its columns say it, as a search reads it.
    var searchedTexts: [String] {
        shown.map { line in
            [line.moment, line.entry.user, line.entry.kindTitle, line.entry.kenmerk ?? "", line.entry.familyName ?? "", line.entry.detail]
                .joined(separator: " ")
        }
    }

    /// The shown lines the search finds, and the one in front (nil without a search or a match).
    var searchMatches: (all: [Int], current: Int?) {
        guard let find else { return ([], nil) }
        let matches = find.matches(in: searchedTexts)
        return (matches, find.current(of: matches.count).map { matches[$0] })
    }
}

/// What the log's keys do.
public enum LogAction: KeyAction {
    case scroll(Scroll), filter, reload
    case filterLine(FilterLineAction)
    /// Searching the lines shown (PageFind.swift).
    case find(PageFindAction)
}
