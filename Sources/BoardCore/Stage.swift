/// The board's columns: how far a case has come in the protection flow.
public enum Stage: String, CaseIterable, Codable, Sendable {
    case aangemeld
    case onderzoek
    case beschermtafel
    case veiligheidGewaarborgd = "veiligheid_gewaarborgd"
    case rvkOnderzoek = "rvk_onderzoek"

    public var title: String {
        switch self {
        case .aangemeld: return "Aangemeld"
        case .onderzoek: return "Onderzoek"
        case .beschermtafel: return "Beschermtafel"
        case .veiligheidGewaarborgd: return "Veiligheid gewaarborgd"
        case .rvkOnderzoek: return "RvK-onderzoek"
        }
    }

    /// Lowercased, with spaces and hyphens as underscores: how names are compared.
    static func normalized(_ name: String) -> String {
        // On the UTF-8 bytes: `-` and ` ` are ASCII, so replacing their bytes replaces exactly those characters.
        let bytes = name.trimmingWhitespace().lowercased().utf8.map { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: " ") ? UInt8(ascii: "_") : $0 }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The end columns: the case has left the wijkteam's protection flow.
    public var isEnd: Bool { self == .veiligheidGewaarborgd || self == .rvkOnderzoek }

    /// A case that enters this column is closed, on the day it enters (the Raad's outcome closes
    /// a case in RvK-onderzoek later).
    public var closesCase: Bool { self == .veiligheidGewaarborgd }

    // Compared and hashed by case. Swift's defaults for an enum with raw values compare and hash
    // the raw String, and the report and the board keep per-column figures in dictionaries
    // keyed by Stage: hashing strings was a tenth of a year's report on a large store.
    public static func == (lhs: Stage, rhs: Stage) -> Bool { lhs.position == rhs.position }

    public func hash(into hasher: inout Hasher) { hasher.combine(position) }

    private var position: Int {
        switch self {
        case .aangemeld: return 0
        case .onderzoek: return 1
        case .beschermtafel: return 2
        case .veiligheidGewaarborgd: return 3
        case .rvkOnderzoek: return 4
        }
    }

    /// Parses the stored name, the Dutch title, or the title with spaces or hyphens.
    public init?(name: String) {
        let key = Stage.normalized(name)
        if let stage = Stage(rawValue: key) { self = stage; return }
        guard let stage = Stage.allCases.first(where: { Stage.normalized($0.title) == key }) else { return nil }
        self = stage
    }
}

/// Who reported the case to the wijkteam.
public enum Source: String, CaseIterable, Codable, Sendable {
    case veiligThuis = "Veilig Thuis"
    case jeugdbescherming = "Jeugdbescherming"
    case jeugdteam = "Jeugdteam"
    case overig = "Overig"

    /// Case-insensitive, with hyphens or spaces: `veilig-thuis`, `VEILIG THUIS`.
    public init?(name: String) {
        let key = Stage.normalized(name)
        guard let source = Source.allCases.first(where: { Stage.normalized($0.rawValue) == key }) else { return nil }
        self = source
    }

    public var short: String {
        switch self {
        case .veiligThuis: return "VT"
        case .jeugdbescherming: return "JB"
        case .jeugdteam: return "JT"
        case .overig: return "OV"
        }
    }
}

/// Who may bring a case to the Beschermtafel.
public enum TableRequester: String, CaseIterable, Codable, Sendable {
    case jeugdteam = "Jeugdteam"
    case veiligThuis = "Veilig Thuis"
    case jeugdbescherming = "Jeugdbescherming"
}
