import BoardCore

/// One valid row of an import file: the report and the stages it reached, each with its day.
public struct ImportRow: Equatable, Sendable {
    /// The physical line in the file where the record starts (1 is the header).
    public var line: Int
    public var report: NewReport
    /// The stages after Aangemeld, in order, each with the day the case entered it.
    public var moves: [StageDay]

    public struct StageDay: Equatable, Sendable {
        public var stage: Stage
        public var day: Day

        public init(stage: Stage, day: Day) {
            self.stage = stage
            self.day = day
        }
    }

    public init(line: Int, report: NewReport, moves: [StageDay]) {
        self.line = line
        self.report = report
        self.moves = moves
    }

    /// The column the case lands in: the furthest stage given.
    public var stage: Stage { moves.last?.stage ?? .aangemeld }
    public var stageSince: Day { moves.last?.day ?? report.reportedOn }
}

/// Something wrong with (or worth saying about) a line of the file, in Dutch.
public struct ImportIssue: Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    /// `regel 4: kenmerk ontbreekt`
    public var description: String { "regel \(line): \(message)" }
}

/// The CSV columns of the import (and of the CSV export), in the export's order.
public enum ImportColumn: String, CaseIterable, Sendable {
    case kenmerk
    case aangemeldOp = "aangemeld_op"
    case bron
    case gezin
    case wijk
    case medewerker
    case kinderen
    case onderzoekOp = "onderzoek_op"
    case beschermtafelOp = "beschermtafel_op"
    case uitkomst
    case uitkomstOp = "uitkomst_op"

    public var isRequired: Bool {
        switch self {
        case .kenmerk, .aangemeldOp, .bron, .gezin, .kinderen: return true
        default: return false
        }
    }

    /// Header names are compared case-insensitively, trimmed, with spaces or hyphens taken as underscores.
    init?(header: String) {
        let key = String(header.trimmingWhitespace().lowercased().map { $0 == " " || $0 == "-" ? "_" : $0 })
        self.init(rawValue: key)
    }
}

/// What reading and checking a whole file gave: valid rows, or the problems that stop the import.
public struct ImportParse: Sendable {
    public var encoding: TextEncodingUsed
    public var delimiter: Character
    /// The valid rows, unless they were handed to `deliver` as they were checked.
    public var rows: [ImportRow]
    /// How many valid rows the file has (kept or delivered).
    public var validRows = 0
    /// Problems that stop the import; when not empty, nothing may be written.
    public var errors: [ImportIssue]
    /// The first `namedUnknownColumns` header names that are not import columns: reported and ignored.
    public var unknownColumns: [String] = []
    /// How many header names are not import columns (a broken file can have a million).
    public var unknownColumnCount = 0

    /// How many unknown columns the notice names.
    static let namedUnknownColumns = 5

    public var isValid: Bool { errors.isEmpty }

    /// One line about the unknown columns, however many there are; nil without any.
    public var unknownColumnsNotice: String? {
        let names = unknownColumns.map(InputText.quoted).joined(separator: ", ")
        switch unknownColumnCount {
        case 0: return nil
        case 1: return "Onbekende kolom \(names) wordt genegeerd."
        case ...Self.namedUnknownColumns: return "\(unknownColumnCount) onbekende kolommen worden genegeerd: \(names)."
        default: return "\(unknownColumnCount) onbekende kolommen worden genegeerd, waaronder \(names)."
        }
    }
    public var childCount: Int { rows.reduce(0) { $0 + $1.report.children.count } }
}

/// What an import wrote (or, in a dry run, would write).
public struct ImportResult: Equatable, Sendable {
    public var cases = 0
    public var families = 0
    public var children = 0
    /// Rows whose kenmerk is already in the store: not written again.
    public var skipped: [ImportIssue] = []

    public init(cases: Int = 0, families: Int = 0, children: Int = 0, skipped: [ImportIssue] = []) {
        self.cases = cases
        self.families = families
        self.children = children
        self.skipped = skipped
    }
}
