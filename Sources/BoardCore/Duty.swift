/// A dated duty of a case (a termijn): who owes what by when. Duties are derived from what the
/// case holds and the team's norms; recording what was done (`DutyRecord`) or the record they
/// come from (an evaluation, an agreement done) makes them go.
public enum DutyKind: String, CaseIterable, Codable, Sendable {
    /// Veilig Thuis hears what the team found and arranged after it took the case over.
    case terugmeldingVeiligThuis = "terugmelding_vt"
    /// And again when the case closes.
    case eindterugmeldingVeiligThuis = "eindterugmelding_vt"
    /// Under drang the Beschermtafel hears back on its report-back date.
    case terugkoppelingTafel = "terugkoppeling_tafel"
    /// The Raad starts its investigation (the Raad owes it).
    case startRvkOnderzoek = "start_rvk"
    /// The joint plan's next evaluation.
    case evaluatiePlan = "evaluatie_plan"
    /// An open agreement of the joint plan.
    case afspraakPlan = "afspraak_plan"

    public var title: String {
        switch self {
        case .terugmeldingVeiligThuis: return "Terugmelding aan Veilig Thuis"
        case .eindterugmeldingVeiligThuis: return "Eindterugmelding aan Veilig Thuis"
        case .terugkoppelingTafel: return "Terugkoppeling aan de Beschermtafel"
        case .startRvkOnderzoek: return "Start RvK-onderzoek"
        case .evaluatiePlan: return "Evaluatie van het plan"
        case .afspraakPlan: return "Afspraak uit het plan"
        }
    }

    /// For a narrow column: `terugmelding VT`.
    public var short: String {
        switch self {
        case .terugmeldingVeiligThuis: return "terugmelding VT"
        case .eindterugmeldingVeiligThuis: return "eindterugmelding VT"
        case .terugkoppelingTafel: return "terugkoppeling tafel"
        case .startRvkOnderzoek: return "start RvK-onderzoek"
        case .evaluatiePlan: return "evaluatie plan"
        case .afspraakPlan: return "afspraak plan"
        }
    }

    /// An evaluation or an agreement of the joint plan: recorded on the plan page, and marked on
    /// the card by the plan's own mark (`◆JB!`).
    public var isOfThePlan: Bool { self == .evaluatiePlan || self == .afspraakPlan }

    /// Whether the duty is done by recording what was done (`DutyRecord`).
    public var isRecordedAsDone: Bool { !isOfThePlan }

    /// The flag a card carries once this duty is recorded as done (`CaseSummary.dutiesDone`);
    /// nil for the report-back, which is done per report-back date (`reportedBackFor`).
    public var doneFlag: DutiesDone? {
        switch self {
        case .terugmeldingVeiligThuis: return .terugmeldingVeiligThuis
        case .eindterugmeldingVeiligThuis: return .eindterugmeldingVeiligThuis
        case .startRvkOnderzoek: return .startRvkOnderzoek
        case .terugkoppelingTafel, .evaluatiePlan, .afspraakPlan: return nil
        }
    }
}

/// The duties of a case recorded as done, as its card carries them.
public struct DutiesDone: OptionSet, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let terugmeldingVeiligThuis = DutiesDone(rawValue: 1)
    public static let eindterugmeldingVeiligThuis = DutiesDone(rawValue: 2)
    public static let startRvkOnderzoek = DutiesDone(rawValue: 4)
}

/// One duty of one case.
public struct Duty: Hashable, Sendable {
    public var kind: DutyKind
    public var caseID: CaseID
    public var due: Day
    /// Who owes it: the case's medewerker, or the Raad for the start of its investigation.
    public var owner: String
    /// For the report-back: the date the table set, which the record of it answers.
    public var answers: Day?

    public init(kind: DutyKind, caseID: CaseID, due: Day, owner: String, answers: Day? = nil) {
        self.kind = kind
        self.caseID = caseID
        self.due = due
        self.owner = owner
        self.answers = answers
    }

    /// Who owes the start of an investigation.
    public static let raad = "de Raad"

    public func isLate(today: Day) -> Bool { due < today }

    /// `te laat 3 d`, `vandaag`, `morgen`, `over 4 d`: readable without colour.
    public func status(today: Day) -> String {
        let days = today.days(until: due)
        switch days {
        case ..<0: return "te laat \(-days) d"
        case 0: return "vandaag"
        case 1: return "morgen"
        default: return "over \(days) d"
        }
    }
}

/// What was done to meet a duty: on which day and what, as the user records it.
public struct DutyRecord: Equatable, Sendable {
    public var kind: DutyKind
    public var answers: Day?
    public var day: Day
    public var what: String

    public init(kind: DutyKind, answers: Day? = nil, day: Day, what: String) {
        self.kind = kind
        self.answers = answers
        self.day = day
        self.what = what
    }

    /// The journal note and the log's words: `Terugmelding aan Veilig Thuis op 03-12-2026: …`.
    public var text: String { "\(kind.title) op \(day.dutch): \(what.trimmingWhitespace())" }
}

/// Which duties a case owes, from its card and the norms.
public enum Duties {
    /// Every duty the case owes now, whatever its date, earliest first. The eindterugmelding is
    /// owed while the closed case stays on the board (`bord.dagen_afgesloten`): a store's years of
    /// history from before the clocks were kept owe nothing.
    public static func open(_ summary: CaseSummary, norms: Norms, today: Day) -> [Duty] {
        var duties: [Duty] = []
        func add(_ kind: DutyKind, _ due: Day, owner: String? = nil, answers: Day? = nil) {
            duties.append(Duty(kind: kind, caseID: summary.id, due: due, owner: owner ?? summary.medewerker, answers: answers))
        }
        let done = summary.dutiesDone
        if summary.source == .veiligThuis {
            if let closed = summary.closedDay {
                if !done.contains(.eindterugmeldingVeiligThuis), closed >= today.adding(days: -norms.closedWindowDays) {
                    add(.eindterugmeldingVeiligThuis, Norms.adding(werkdagen: norms.werkdagenTerugmeldingVT, to: closed))
                }
            } else if !done.contains(.terugmeldingVeiligThuis) {
                add(.terugmeldingVeiligThuis, Norms.adding(werkdagen: norms.werkdagenTerugmeldingVT, to: summary.reportedOn))
            }
        }
        guard summary.closedDay == nil else { return duties.sorted(by: earlier) }
        if summary.stage == .beschermtafel, let back = summary.reportBackOn, !(summary.reportedBackFor.map { $0 >= back } ?? false) {
            add(.terugkoppelingTafel, back, answers: back)
        }
        if summary.stage == .rvkOnderzoek, !done.contains(.startRvkOnderzoek) {
            add(.startRvkOnderzoek, summary.stageSince.adding(days: norms.dagenStartRvK), owner: Duty.raad)
        }
        if let evaluation = summary.planNextEvaluation { add(.evaluatiePlan, evaluation) }
        if let agreement = summary.planEarliestAgreementDue { add(.afspraakPlan, agreement) }
        return duties.sorted(by: earlier)
    }

    /// The duties due within the look-ahead (`termijn.vooruit_dagen`) or already late, earliest first.
    public static func pressing(_ summary: CaseSummary, norms: Norms, today: Day) -> [Duty] {
        let horizon = today.adding(days: norms.dagenVooruit)
        return open(summary, norms: norms, today: today).filter { $0.due <= horizon }
    }

    private static func earlier(_ lhs: Duty, _ rhs: Duty) -> Bool {
        lhs.due != rhs.due ? lhs.due < rhs.due : lhs.kind.rawValue < rhs.kind.rawValue
    }
}

/// One line of the Termijnen page: a pressing duty with its case.
public struct DutyItem: Equatable, Sendable {
    public var summary: CaseSummary
    public var duty: Duty
    /// The case is the user's own (its medewerker).
    public var isMine: Bool

    public init(summary: CaseSummary, duty: Duty, isMine: Bool) {
        self.summary = summary
        self.duty = duty
        self.isMine = isMine
    }
}

extension Duties {
    /// Every pressing duty of `cases`: the user's own cases first, then the rest, each earliest
    /// due first.
    public static func items(cases: [CaseSummary], norms: Norms, today: Day, isMine: (CaseSummary) -> Bool) -> [DutyItem] {
        var items: [DutyItem] = []
        for summary in cases {
            let pressing = pressing(summary, norms: norms, today: today)
            guard !pressing.isEmpty else { continue }
            let mine = isMine(summary)
            items += pressing.map { DutyItem(summary: summary, duty: $0, isMine: mine) }
        }
        return items.sorted { lhs, rhs in
            if lhs.isMine != rhs.isMine { return lhs.isMine }
            if lhs.duty.due != rhs.duty.due { return lhs.duty.due < rhs.duty.due }
            if lhs.summary.kenmerk != rhs.summary.kenmerk { return lhs.summary.kenmerk < rhs.summary.kenmerk }
            return lhs.duty.kind.rawValue < rhs.duty.kind.rawValue
        }
    }
}
