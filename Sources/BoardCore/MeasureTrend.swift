/// OTS and uithuisplaatsingen per calendar year, counted in children by the day of the Raad's
/// outcome: the report's year beside the years before it, the trend the teams are judged on
/// (the stated aim is fewer of them). Pure arithmetic; the store loads the outcomes.
public struct MeasureTrend: Equatable, Sendable {
    /// One child's outcome with its day (the case's outcome date).
    public struct Outcome: Equatable, Sendable {
        public var day: Day
        public var outcome: RvkOutcome
        /// Recorded per case, before outcomes were kept per child: counted as one child.
        public var perCase: Bool

        public init(day: Day, outcome: RvkOutcome, perCase: Bool = false) {
            self.day = day
            self.outcome = outcome
            self.perCase = perCase
        }
    }

    public struct Year: Equatable, Sendable {
        public var year: Int
        public var ots: Int
        public var uithuisplaatsing: Int
        /// Of those, counted from an outcome recorded per case (one child each).
        public var perCase: Int

        public init(year: Int, ots: Int = 0, uithuisplaatsing: Int = 0, perCase: Int = 0) {
            self.year = year
            self.ots = ots
            self.uithuisplaatsing = uithuisplaatsing
            self.perCase = perCase
        }

        public var measures: Int { ots + uithuisplaatsing }
    }

    /// Oldest first; the last is the report's year, counted up to `through`.
    public var years: [Year]
    public var through: Day

    /// Years shown before the report's.
    public static let earlierYears = 4

    /// The years from `firstYear` (the store's first, or `earlierYears` before the report's,
    /// whichever is later) to the year of `through`. Outcomes after `through` or before the first
    /// year are left out, so a caller may pass more.
    public init(outcomes: [Outcome], through: Day, firstYear: Int) {
        self.through = through
        let first = min(through.year, max(firstYear, through.year - Self.earlierYears))
        var years = (first...through.year).map { Year(year: $0) }
        for item in outcomes where item.day <= through && item.day.year >= first && item.outcome.isMeasure {
            let index = item.day.year - first
            if item.outcome == .ots { years[index].ots += 1 } else { years[index].uithuisplaatsing += 1 }
            if item.perCase { years[index].perCase += 1 }
        }
        self.years = years
    }

    /// The report's year alone, without figures: for a report made without the store's trend.
    public static func empty(through: Day) -> MeasureTrend { MeasureTrend(outcomes: [], through: through, firstYear: through.year) }

    /// Whether any year counts an outcome recorded per case.
    public var countsPerCaseOutcomes: Bool { years.contains { $0.perCase > 0 } }

    /// Whether the report's year ends before 31 December.
    public var lastYearIsPartial: Bool { through.month != 12 || through.day != 31 }
}
