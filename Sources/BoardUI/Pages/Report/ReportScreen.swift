import BoardCore

/// The report screen ("Cijfers"), opened with `R` on the board: the same cohort report as
/// `beschermbord report` for a chosen period and source, with the bar chart per month and a
/// cumulative flow of the board's columns. The figures come from the store through an effect.
public struct ReportScreen: Equatable, Sendable {
    public var period: ReportPeriod
    /// The source the figures are limited to; nil for all sources.
    public var source: Source?
    /// The figures of `period` and `source`; nil until they arrive.
    public var report: CohortReport?
    public var flow: CumulativeFlow?
    public var scroll = 0

    public init(period: ReportPeriod, source: Source? = nil) {
        self.period = period
        self.source = source
    }

    /// The current calendar year up to today, all sources: what `R` opens on.
    public static func opening(today: Day) -> ReportScreen {
        ReportScreen(period: ReportPeriod.yearToDate(today.year, today: today) ?? ReportPeriod(from: today, to: today)!)
    }

    /// What loads the figures of the screen's period and source.
    public var load: Effect { .loadReport(period, source: source) }

    /// Switches to another period or source: the old figures go, the new ones are asked for.
    mutating func show(_ newPeriod: ReportPeriod, source newSource: Source?) {
        period = newPeriod
        source = newSource
        report = nil
        flow = nil
        scroll = 0
    }

    /// Whether figures that arrived belong to what the screen shows now (not an earlier choice).
    func matches(_ report: CohortReport) -> Bool { report.period == period && report.source == source }
}

/// What the report screen's keys do.
public enum ReportAction: KeyAction {
    case scroll(Scroll), previousYear, nextYear, choosePeriod, reload, writePage
}
