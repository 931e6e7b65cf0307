/// A cumulative flow over a period: on days spread over it, how many cases stood in each board
/// column. Pure arithmetic on the cases on the board during the period (the store's
/// `activeCases`); CumulativeFlowChart draws it.
public struct CumulativeFlow: Equatable, Sendable {
    /// Bottom to top: the end columns first, so that closed cases pile up at the bottom and the
    /// open work rides on top of them.
    public static let stackOrder: [Stage] = [.veiligheidGewaarborgd, .rvkOnderzoek, .beschermtafel, .onderzoek, .aangemeld]

    /// At most this many sample days: every day of ten years, far more than a terminal is wide,
    /// and a bound on the work for a period of centuries.
    public static let maximumSamples = 3660

    public let period: ReportPeriod
    /// The sample days, ascending; from the first day of the period to its last day or today,
    /// whichever comes first (a later day has no moves yet). Empty when the period lies after today.
    public let days: [Day]
    /// `counts[i][j]`: the cases in `stackOrder[j]` on `days[i]`.
    public let counts: [[Int]]

    public init(cases: [CohortCase], period: ReportPeriod, today: Day, maximumSamples: Int = CumulativeFlow.maximumSamples) {
        self.period = period
        let last = min(period.to, today)
        guard period.from <= last else {
            days = []
            counts = []
            return
        }
        let span = period.from.days(until: last)
        let samples = max(1, min(maximumSamples, span + 1))
        // Evenly spread and strictly ascending (samples never exceed the days in the span).
        let days = (0..<samples).map { index in
            samples == 1 ? period.from : period.from.adding(days: index * span / (samples - 1))
        }
        // Each stay in a column adds one from the first sample day on or after it starts and takes
        // it away again from the first sample day on or after it ends: a difference per column.
        let stackIndex = Dictionary(uniqueKeysWithValues: Self.stackOrder.enumerated().map { ($1, $0) })
        var difference = Array(repeating: Array(repeating: 0, count: Self.stackOrder.count), count: samples + 1)
        for item in cases {
            for stay in Self.stays(of: item) {
                let column = stackIndex[stay.stage]!
                difference[Self.firstIndex(onOrAfter: stay.start, in: days)][column] += 1
                if let end = stay.end { difference[Self.firstIndex(onOrAfter: end, in: days)][column] -= 1 }
            }
        }
        var running = Array(repeating: 0, count: Self.stackOrder.count)
        var counts: [[Int]] = []
        counts.reserveCapacity(samples)
        for index in 0..<samples {
            for column in running.indices { running[column] += difference[index][column] }
            counts.append(running)
        }
        self.days = days
        self.counts = counts
    }

    /// The cases in `stage` on the sample day at `index`.
    public func count(of stage: Stage, at index: Int) -> Int {
        guard counts.indices.contains(index), let column = Self.stackOrder.firstIndex(of: stage) else { return 0 }
        return counts[index][column]
    }

    /// The cases on the board on the sample day at `index`, all columns together.
    public func total(at index: Int) -> Int { counts.indices.contains(index) ? counts[index].reduce(0, +) : 0 }

    /// No sample day, or not a single case on any of them.
    public var isEmpty: Bool { counts.allSatisfy { $0.allSatisfy { $0 == 0 } } }

    /// The column a case stood in on `day`: Aangemeld from its report, then each move in the
    /// order recorded (corrections too) from the day it took effect. Nil before the report.
    public static func stage(of item: CohortCase, on day: Day) -> Stage? {
        stays(of: item).first { $0.start <= day && ($0.end.map { day < $0 } ?? true) }?.stage
    }

    /// One stay of a case in a column: from `start` up to (not including) `end`; nil: still there.
    struct Stay {
        var stage: Stage
        var start: Day
        var end: Day?
    }

    /// The case's stays in order. A move recorded with an earlier day than the move before it
    /// takes effect together with that move (a move never takes effect before an earlier one).
    static func stays(of item: CohortCase) -> [Stay] {
        var stays: [Stay] = []
        var stage = Stage.aangemeld
        var start = item.reportedOn
        for transition in item.transitions {
            let end = max(start, transition.day)
            if start < end { stays.append(Stay(stage: stage, start: start, end: end)) }
            stage = transition.to
            start = end
        }
        stays.append(Stay(stage: stage, start: start, end: nil))
        return stays
    }

    /// The index of the first of `days` (ascending) on or after `day`; `days.count` when none is.
    static func firstIndex(onOrAfter day: Day, in days: [Day]) -> Int {
        var low = 0, high = days.count
        while low < high {
            let middle = (low + high) / 2
            if days[middle] < day { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
