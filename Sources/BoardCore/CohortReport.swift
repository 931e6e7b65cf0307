/// The team lead's figures for one period, as a cohort: the cases aangemeld in the period, each
/// counted by how far it got (today, not at the end of the period). Pure arithmetic on plain
/// per-case records; the store loads them (Store+Report.swift), the command formats them.

/// The period of a report: both days included.
public struct ReportPeriod: Equatable, Sendable {
    public let from: Day
    public let to: Day

    /// Nil when `from` lies after `to`.
    public init?(from: Day, to: Day) {
        guard from <= to else { return nil }
        self.from = from
        self.to = to
    }

    /// 1 January to 31 December of `year`; nil for a year a Day cannot hold.
    public init?(year: Int) {
        guard let first = Day(year: year, month: 1, day: 1), let last = Day(year: year, month: 12, day: 31) else { return nil }
        self.init(from: first, to: last)
    }

    public func contains(_ day: Day) -> Bool { from <= day && day <= to }

    /// Every calendar month the period touches, in order, as (year, month).
    public var months: [ReportMonth] {
        var result: [ReportMonth] = []
        var year = from.year
        var month = from.month
        while (year, month) <= (to.year, to.month) {
            result.append(ReportMonth(year: year, month: month))
            month += 1
            if month > 12 { month = 1; year += 1 }
        }
        return result
    }
}

public struct ReportMonth: Hashable, Sendable {
    public let year: Int
    public let month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// `2022-03`.
    public var iso: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }

    /// `mrt 2022` style short Dutch label.
    public var shortName: String { ReportMonth.shortNames[month - 1] }

    public static let shortNames = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
}

/// One change of column, as the event log records it: `day` is when it took effect.
public struct StageTransition: Equatable, Sendable {
    public var from: Stage?
    public var to: Stage
    public var day: Day
    /// A move one column back (`gecorrigeerd`), not a step forward.
    public var isCorrection: Bool

    public init(from: Stage?, to: Stage, day: Day, isCorrection: Bool = false) {
        self.from = from
        self.to = to
        self.day = day
        self.isCorrection = isCorrection
    }
}

/// What the report needs of one case: plain values, no names.
public struct CohortCase: Equatable, Sendable {
    public var caseID: CaseID
    public var familyID: FamilyID
    public var source: Source
    public var reportedOn: Day
    /// The column the case is in now.
    public var stage: Stage
    /// Children recorded for the family (a family's children are counted once, however many cases).
    public var childCount: Int
    /// The case's moves in the order they were recorded (`verplaatst` and `gecorrigeerd`).
    public var transitions: [StageTransition]
    /// The Raad's outcome; nil while the investigation runs (or the case never went to the Raad).
    public var rvkOutcome: RvkOutcome?
    /// The Raad's outcome per child concerned; empty for an outcome recorded per case.
    public var childOutcomes: [RvkOutcome]

    public init(caseID: CaseID, familyID: FamilyID, source: Source, reportedOn: Day, stage: Stage, childCount: Int,
                transitions: [StageTransition], rvkOutcome: RvkOutcome? = nil, childOutcomes: [RvkOutcome] = []) {
        self.caseID = caseID
        self.familyID = familyID
        self.source = source
        self.reportedOn = reportedOn
        self.stage = stage
        self.childCount = childCount
        self.transitions = transitions
        self.rvkOutcome = rvkOutcome
        self.childOutcomes = childOutcomes
    }

    /// Ended in Veiligheid gewaarborgd straight from the Beschermtafel (by its last move into that column).
    public var safeAfterTable: Bool {
        guard stage == .veiligheidGewaarborgd else { return false }
        return transitions.last(where: { $0.to == .veiligheidGewaarborgd })?.from == .beschermtafel
    }

    /// Days spent in each column, summed over every visit, up to the case's last move.
    /// The column the case is in now is left out: it has not left it.
    public var daysInLeftColumns: [Stage: Int] {
        var result: [Stage: Int] = [:]
        var current = Stage.aangemeld
        var since = reportedOn
        for transition in transitions {
            result[current, default: 0] += max(0, since.days(until: transition.day))
            current = transition.to
            since = transition.day
        }
        result[stage] = nil
        return result
    }
}

/// The 50th and 85th percentile (nearest rank) of a list of day counts; zero for an empty list.
public struct LeadTime: Equatable, Sendable {
    public var count: Int
    public var p50: Int
    public var p85: Int

    public init(count: Int, p50: Int, p85: Int) {
        self.count = count
        self.p50 = p50
        self.p85 = p85
    }

    public init(days: [Int]) {
        let sorted = days.sorted()
        count = sorted.count
        p50 = LeadTime.percentile(50, of: sorted)
        p85 = LeadTime.percentile(85, of: sorted)
    }

    /// Nearest-rank percentile: the smallest value with at least `p` percent of the values at or below it.
    public static func percentile(_ p: Int, of sorted: [Int]) -> Int {
        guard !sorted.isEmpty else { return 0 }
        let rank = (p * sorted.count + 99) / 100
        return sorted[min(sorted.count, max(1, rank)) - 1]
    }
}

/// The figures of the joint plans (Jeugdbeschermer in de wijk, Veiligheidsteam) started in the period.
public struct JointPlanTotals: Equatable, Sendable {
    public var started: Int
    /// Of `started`, per form, in `JointWorkForm.allCases` order.
    public var startedPerForm: [(form: JointWorkForm, count: Int)]
    public var scaledDown: Int
    public var councilInvolved: Int
    public var running: Int
    /// Hours per organisation, ordered by organisation name.
    public var hoursPerOrganisation: [(organisation: String, hours: Double)]
    /// False when the store has no joint plans at all (the figures are zeros then).
    public var available: Bool

    public init(started: Int = 0, startedPerForm: [(form: JointWorkForm, count: Int)] = JointWorkForm.allCases.map { ($0, 0) },
                scaledDown: Int = 0, councilInvolved: Int = 0, running: Int = 0,
                hoursPerOrganisation: [(organisation: String, hours: Double)] = [], available: Bool = false) {
        self.started = started
        self.startedPerForm = startedPerForm
        self.scaledDown = scaledDown
        self.councilInvolved = councilInvolved
        self.running = running
        self.hoursPerOrganisation = hoursPerOrganisation
        self.available = available
    }

    public static let none = JointPlanTotals()

    public static func == (lhs: JointPlanTotals, rhs: JointPlanTotals) -> Bool {
        lhs.started == rhs.started && lhs.scaledDown == rhs.scaledDown && lhs.councilInvolved == rhs.councilInvolved
            && lhs.running == rhs.running && lhs.available == rhs.available
            && lhs.startedPerForm.map(\.form) == rhs.startedPerForm.map(\.form) && lhs.startedPerForm.map(\.count) == rhs.startedPerForm.map(\.count)
            && lhs.hoursPerOrganisation.map(\.organisation) == rhs.hoursPerOrganisation.map(\.organisation)
            && lhs.hoursPerOrganisation.map(\.hours) == rhs.hoursPerOrganisation.map(\.hours)
    }
}

/// The team lead's figures for one cohort.
public struct CohortReport: Equatable, Sendable {
    public var period: ReportPeriod
    /// The source the cohort was limited to; nil for every source.
    public var source: Source?
    public var total: Int
    /// Every source, in `Source.allCases` order, also those with no cases.
    public var perSource: [(source: Source, count: Int)]
    /// One count per month of the period (`period.months`).
    public var perMonth: [Int]
    /// Distinct children: a family with two cases in the period counts its children once.
    public var children: Int
    /// Distinct families: "195 kinderen en gezinnen" counts both.
    public var families: Int
    /// Reached the Beschermtafel: there now, gone on to the Raad, or safe after the table.
    public var toTable: Int
    public var safeAfterOnderzoek: Int
    public var safeAfterTable: Int
    public var rvkTotal: Int
    /// Per outcome, in `RvkOutcome.allCases` order.
    public var rvkOutcomes: [(outcome: RvkOutcome, count: Int)]
    /// The same outcomes counted in children (an outcome recorded per case counts one child).
    public var rvkChildOutcomes: [(outcome: RvkOutcome, count: Int)]
    /// At the Raad without an outcome yet.
    public var rvkPending: Int
    /// Still in Aangemeld, Onderzoek or the Beschermtafel.
    public var open: Int
    /// Days in Aangemeld, Onderzoek and at the Beschermtafel, of the cohort's cases that left the column.
    public var leadTimes: [(stage: Stage, time: LeadTime)]
    public var jointPlans: JointPlanTotals
    /// OTS and uithuisplaatsingen per year, the period's last year beside the years before.
    public var measureTrend: MeasureTrend

    public static let leadTimeStages: [Stage] = [.aangemeld, .onderzoek, .beschermtafel]

    public var isEmpty: Bool { total == 0 }

    public func count(for source: Source) -> Int { perSource.first { $0.source == source }?.count ?? 0 }
    public func count(for outcome: RvkOutcome) -> Int { rvkOutcomes.first { $0.outcome == outcome }?.count ?? 0 }
    public func children(with outcome: RvkOutcome) -> Int { rvkChildOutcomes.first { $0.outcome == outcome }?.count ?? 0 }
    public func leadTime(_ stage: Stage) -> LeadTime { leadTimes.first { $0.stage == stage }?.time ?? LeadTime(days: []) }

    /// Counts the cohort: the cases reported within `period` (and from `source`, when given).
    /// Cases outside the period or from another source are ignored, so a caller may pass more.
    /// `measureTrend` is the store's (it counts outcomes of every case, not the cohort's); empty
    /// when not given.
    public init(cases: [CohortCase], period: ReportPeriod, source: Source? = nil, jointPlans: JointPlanTotals = .none,
                measureTrend: MeasureTrend? = nil) {
        let cohort = cases.filter { period.contains($0.reportedOn) && (source == nil || $0.source == source) }
        self.period = period
        self.source = source
        total = cohort.count
        perSource = Source.allCases.map { candidate in (candidate, cohort.filter { $0.source == candidate }.count) }
        let months = period.months
        var monthIndex: [ReportMonth: Int] = [:]
        for (index, month) in months.enumerated() { monthIndex[month] = index }
        var perMonth = Array(repeating: 0, count: months.count)
        var childrenPerFamily: [FamilyID: Int] = [:]
        var stageDays: [Stage: [Int]] = [:]
        var toTable = 0, safeAfterOnderzoek = 0, safeAfterTable = 0, rvkTotal = 0, rvkPending = 0, open = 0
        var outcomes: [RvkOutcome: Int] = [:]
        var childOutcomes: [RvkOutcome: Int] = [:]
        for item in cohort {
            if let index = monthIndex[ReportMonth(year: item.reportedOn.year, month: item.reportedOn.month)] { perMonth[index] += 1 }
            childrenPerFamily[item.familyID] = max(childrenPerFamily[item.familyID] ?? 0, item.childCount)
            switch item.stage {
            case .aangemeld, .onderzoek:
                open += 1
            case .beschermtafel:
                open += 1
                toTable += 1
            case .veiligheidGewaarborgd:
                if item.safeAfterTable {
                    safeAfterTable += 1
                    toTable += 1
                } else {
                    safeAfterOnderzoek += 1
                }
            case .rvkOnderzoek:
                toTable += 1
                rvkTotal += 1
                if let outcome = item.rvkOutcome { outcomes[outcome, default: 0] += 1 } else { rvkPending += 1 }
                for outcome in RvkOutcome.perChild(caseOutcome: item.rvkOutcome, children: item.childOutcomes) {
                    childOutcomes[outcome, default: 0] += 1
                }
            }
            for (stage, days) in item.daysInLeftColumns where CohortReport.leadTimeStages.contains(stage) {
                stageDays[stage, default: []].append(days)
            }
        }
        self.perMonth = perMonth
        children = childrenPerFamily.values.reduce(0, +)
        families = childrenPerFamily.count
        self.toTable = toTable
        self.safeAfterOnderzoek = safeAfterOnderzoek
        self.safeAfterTable = safeAfterTable
        self.rvkTotal = rvkTotal
        rvkOutcomes = RvkOutcome.allCases.map { ($0, outcomes[$0] ?? 0) }
        rvkChildOutcomes = RvkOutcome.allCases.map { ($0, childOutcomes[$0] ?? 0) }
        self.rvkPending = rvkPending
        self.open = open
        leadTimes = CohortReport.leadTimeStages.map { ($0, LeadTime(days: stageDays[$0] ?? [])) }
        self.jointPlans = jointPlans
        self.measureTrend = measureTrend ?? .empty(through: period.to)
    }

    public static func == (lhs: CohortReport, rhs: CohortReport) -> Bool {
        lhs.period == rhs.period && lhs.source == rhs.source && lhs.total == rhs.total
            && lhs.perSource.map(\.count) == rhs.perSource.map(\.count) && lhs.perMonth == rhs.perMonth
            && lhs.children == rhs.children && lhs.families == rhs.families && lhs.toTable == rhs.toTable
            && lhs.safeAfterOnderzoek == rhs.safeAfterOnderzoek && lhs.safeAfterTable == rhs.safeAfterTable
            && lhs.rvkTotal == rhs.rvkTotal && lhs.rvkOutcomes.map(\.count) == rhs.rvkOutcomes.map(\.count)
            && lhs.rvkChildOutcomes.map(\.count) == rhs.rvkChildOutcomes.map(\.count) && lhs.measureTrend == rhs.measureTrend
            && lhs.rvkPending == rhs.rvkPending && lhs.open == rhs.open
            && lhs.leadTimes.map(\.time) == rhs.leadTimes.map(\.time) && lhs.jointPlans == rhs.jointPlans
    }
}
