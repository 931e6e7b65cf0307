/// The team's agreed norms: time norms for a case in a column (a card past its norm is overdue)
/// and work-in-progress limits per column. Time defaults follow DOMAIN.md: safety assessment within
/// 5 werkdagen, investigation within 10 weeks, a drang report-back at most 6 months after the table.
public struct Norms: Equatable, Sendable {
    public var werkdagenInAangemeld: Int
    public var weeksInOnderzoek: Int
    public var monthsAtBeschermtafel: Int
    /// How many days the end columns show by default.
    public var closedWindowDays: Int
    /// The most open cases a column should hold (settings `wip.<column>`); no entry means no limit.
    public var wipLimits: [Stage: Int] = [:]
    /// Termijnen (Duty.swift): Veilig Thuis hears back within this many werkdagen after the
    /// report, and again after the case closed (setting `termijn.terugmelding_vt_werkdagen`).
    public var werkdagenTerugmeldingVT = 10
    /// The Raad starts its investigation within this many days (`termijn.start_rvk_dagen`).
    public var dagenStartRvK = 10
    /// How many days ahead a duty shows on its card, the agenda and the Termijnen page
    /// (`termijn.vooruit_dagen`).
    public var dagenVooruit = 7

    public init(werkdagenInAangemeld: Int = 5, weeksInOnderzoek: Int = 10, monthsAtBeschermtafel: Int = 6,
                closedWindowDays: Int = 30) {
        self.werkdagenInAangemeld = werkdagenInAangemeld
        self.weeksInOnderzoek = weeksInOnderzoek
        self.monthsAtBeschermtafel = monthsAtBeschermtafel
        self.closedWindowDays = closedWindowDays
    }

    public static let standard = Norms()

    /// The columns a WIP limit applies to: the wijkteam's own work.
    public static let wipStages: [Stage] = [.aangemeld, .onderzoek, .beschermtafel]

    /// The setting that holds a column's WIP limit, such as `wip.onderzoek`.
    public static func wipKey(_ stage: Stage) -> String { "wip.\(stage.rawValue)" }

    /// Whether `count` cases exceed the column's limit (never without a limit).
    public func isOverWIP(_ stage: Stage, count: Int) -> Bool {
        wipLimits[stage].map { count > $0 } ?? false
    }

    /// Whether a case that entered `stage` on `since` is past its norm on `today`.
    public func isOverdue(stage: Stage, since: Day, today: Day) -> Bool {
        switch stage {
        case .aangemeld: return Norms.werkdagen(from: since, to: today) > werkdagenInAangemeld
        case .onderzoek: return since.days(until: today) > weeksInOnderzoek * 7
        case .beschermtafel: return since.days(until: today) > monthsAtBeschermtafel * 31
        case .veiligheidGewaarborgd, .rvkOnderzoek: return false
        }
    }

    /// Whether a case is past its norm; under drang the table's report-back date is the norm.
    public func isOverdue(_ summary: CaseSummary, today: Day) -> Bool {
        if summary.closedDay != nil { return false }
        // A joint plan's passed evaluation or overdue agreement makes the case overdue too.
        if summary.isPlanOverdue(today: today) { return true }
        if summary.stage == .beschermtafel, let reportBack = summary.reportBackOn { return today > reportBack }
        return isOverdue(stage: summary.stage, since: summary.stageSince, today: today)
    }

    /// Working days (monday to friday) after `from` up to and including `to`.
    public static func werkdagen(from: Day, to: Day) -> Int {
        guard to > from else { return 0 }
        var count = 0
        for ordinal in (from.ordinal + 1)...to.ordinal where !isWeekend(ordinal) { count += 1 }
        return count
    }

    /// The day on which `count` working days after `day` have passed: a duty's due date.
    public static func adding(werkdagen count: Int, to day: Day) -> Day {
        var ordinal = day.ordinal
        var left = max(0, count)
        while left > 0 {
            ordinal += 1
            if !isWeekend(ordinal) { left -= 1 }
        }
        return Day(ordinal: ordinal)
    }

    /// 1970-01-01 was a thursday.
    static func isWeekend(_ ordinal: Int) -> Bool {
        let weekday = ((ordinal % 7) + 7 + 3) % 7 // 0 = monday
        return weekday >= 5
    }
}
