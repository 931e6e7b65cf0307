/// Why a case is on the weekly meeting's agenda, in the order the meeting goes through them.
public enum AgendaReason: Int, CaseIterable, Comparable, Sendable {
    /// Reported since the last meeting.
    case newReport
    /// Past its norm (or its plan's evaluation or an agreement is overdue).
    case overdue
    /// A duty (termijn, Duty.swift) is late: a terugmelding, a report-back, the Raad's start, an evaluation, an agreement.
    case dutyLate
    /// A duty falls due within the look-ahead (`termijn.vooruit_dagen`, 7 days).
    case dueSoon
    /// At the Beschermtafel, waiting for the table's decision.
    case toTable

    public static func < (lhs: AgendaReason, rhs: AgendaReason) -> Bool { lhs.rawValue < rhs.rawValue }

    public var title: String {
        switch self {
        case .newReport: return "Nieuwe aanmelding"
        case .overdue: return "Over de norm"
        case .dutyLate: return "Termijn verstreken"
        case .dueSoon: return "Termijn deze week"
        case .toTable: return "Naar de Beschermtafel"
        }
    }

    public var short: String {
        switch self {
        case .newReport: return "nieuw"
        case .overdue: return "over norm"
        case .dutyLate: return "termijn te laat"
        case .dueSoon: return "termijn"
        case .toTable: return "tafel"
        }
    }
}

/// One case on the agenda, with every reason it is there (the first decides its place).
public struct AgendaItem: Equatable, Sendable {
    public var summary: CaseSummary
    public var reasons: [AgendaReason]
    /// The duties that make it due soon or late, earliest first.
    public var duties: [Duty]

    public init(summary: CaseSummary, reasons: [AgendaReason], duties: [Duty] = []) {
        self.summary = summary
        self.reasons = reasons
        self.duties = duties
    }
}

/// The agenda of the weekly meeting: the open cases that need the team, in order.
public enum MeetingAgenda {
    /// Without an earlier meeting on record, "new" means reported in the last week.
    public static let defaultInterval = 7

    /// The open cases with a reason, by first reason and then oldest in their column first.
    /// `lastMeeting` is the day of the previous meeting (nil: none recorded yet).
    public static func build(cases: [CaseSummary], norms: Norms, today: Day, lastMeeting: Day?) -> [AgendaItem] {
        let since = lastMeeting ?? today.adding(days: -defaultInterval)
        var items: [AgendaItem] = []
        for summary in cases where summary.closedDay == nil {
            var reasons: [AgendaReason] = []
            if summary.reportedOn > since { reasons.append(.newReport) }
            if norms.isOverdue(summary, today: today) { reasons.append(.overdue) }
            let duties = Duties.pressing(summary, norms: norms, today: today)
            if duties.contains(where: { $0.isLate(today: today) }) { reasons.append(.dutyLate) }
            if duties.contains(where: { !$0.isLate(today: today) }) { reasons.append(.dueSoon) }
            if summary.stage == .beschermtafel && summary.reportBackOn == nil { reasons.append(.toTable) }
            if !reasons.isEmpty { items.append(AgendaItem(summary: summary, reasons: reasons, duties: duties)) }
        }
        return items.sorted { lhs, rhs in
            if lhs.reasons[0] != rhs.reasons[0] { return lhs.reasons[0] < rhs.reasons[0] }
            if lhs.summary.stageSince != rhs.summary.stageSince { return lhs.summary.stageSince < rhs.summary.stageSince }
            return lhs.summary.kenmerk < rhs.summary.kenmerk
        }
    }
}

/// What the meeting decided about a case: the decision, who acts on it, and by when. Stored as a
/// journal note of the case and logged as a `vergaderbesluit` event.
public struct MeetingDecision: Equatable, Sendable {
    public var decision: String
    public var actor: String
    public var due: Day

    public init(decision: String, actor: String, due: Day) {
        self.decision = decision
        self.actor = actor
        self.due = due
    }

    /// The journal note's text.
    public func noteText(meetingDay: Day) -> String {
        "Besluit teamoverleg \(meetingDay.dutch): \(decision.trimmingWhitespace())\nActie: \(actor.trimmingWhitespace()), uiterlijk \(due.dutch)"
    }
}

/// What the agenda needs to know of earlier meetings, and the log's head for the minutes.
public struct MeetingRecord: Equatable, Sendable {
    public var lastMeeting: Day?
    public var decidedToday: Set<CaseID>
    /// The head of the log's hash chain: the agenda shows it so that it lands in the minutes.
    public var chainHead: ChainHead?

    public init(lastMeeting: Day?, decidedToday: Set<CaseID>, chainHead: ChainHead? = nil) {
        self.lastMeeting = lastMeeting
        self.decidedToday = decidedToday
        self.chainHead = chainHead
    }
}
