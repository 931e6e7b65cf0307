/// The board's choice filters (`f` on the board): one medewerker, one wijk, one source, one form
/// of joint work (a running plan of a Jeugdbeschermer in de wijk or the Veiligheidsteam). Each is
/// nil when not chosen. The typed filter (`/`), overdue-only and plans-only live beside them.
public struct BoardFacets: Equatable, Sendable {
    public var medewerker: String?
    public var wijk: String?
    public var source: Source?
    public var jointWork: JointWorkForm?

    public init(medewerker: String? = nil, wijk: String? = nil, source: Source? = nil, jointWork: JointWorkForm? = nil) {
        self.medewerker = medewerker
        self.wijk = wijk
        self.source = source
        self.jointWork = jointWork
    }

    public var isEmpty: Bool { medewerker == nil && wijk == nil && source == nil && jointWork == nil }

    public func matches(_ summary: CaseSummary) -> Bool {
        (medewerker.map { $0 == summary.medewerker } ?? true)
            && (wijk.map { $0 == summary.wijk } ?? true)
            && (source.map { $0 == summary.source } ?? true)
            && (jointWork.map { $0 == summary.activePlanForm } ?? true)
    }

    /// For the status bar: `medewerker A. Bos · wijk Noord · bron Veilig Thuis`.
    public var descriptions: [String] {
        var parts: [String] = []
        if let medewerker { parts.append("medewerker \(medewerker.isEmpty ? "(geen)" : medewerker)") }
        if let wijk { parts.append("wijk \(wijk.isEmpty ? "(geen)" : wijk)") }
        if let source { parts.append("bron \(source.rawValue)") }
        if let jointWork { parts.append("plan \(jointWork.shortTitle)") }
        return parts
    }
}
