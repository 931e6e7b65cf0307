/// What a team lead writes under the months' chart, from the months themselves: the busiest and
/// the quietest month, and how the autumn compared with the rest of the period (the seed's
/// annual report: "Het aantal aanmeldingen is in het najaar van 2022 afgenomen.").
public enum MonthRemark {
    /// September, October and November.
    public static let autumn = 9...11

    /// Autumn against the other months: a month's average must differ by a tenth to count as a
    /// change, so that 14 against 15 a month is not called a decline.
    public enum AutumnTrend: Equatable, Sendable {
        case lower(autumnAverage: Double, otherAverage: Double)
        case higher(autumnAverage: Double, otherAverage: Double)
        case level(autumnAverage: Double, otherAverage: Double)
    }

    /// Nil unless the period holds all three autumn months of one year and at least three others,
    /// each over by `today` (a shorter period says nothing about a season).
    public static func autumnTrend(_ report: CohortReport, today: Day) -> (year: Int, trend: AutumnTrend)? {
        let months = Array(zip(report.period.months, report.perMonth)).filter { isWhole($0.0, in: report.period, today: today) }
        for year in Set(months.map(\.0.year)).sorted() {
            let inAutumn = months.filter { $0.0.year == year && autumn.contains($0.0.month) }
            guard inAutumn.count == autumn.count else { continue }
            let others = months.filter { !($0.0.year == year && autumn.contains($0.0.month)) }
            guard others.count >= 3 else { return nil }
            let autumnAverage = Double(inAutumn.map(\.1).reduce(0, +)) / Double(inAutumn.count)
            let otherAverage = Double(others.map(\.1).reduce(0, +)) / Double(others.count)
            if autumnAverage < otherAverage * 0.9 { return (year, .lower(autumnAverage: autumnAverage, otherAverage: otherAverage)) }
            if autumnAverage > otherAverage * 1.1 { return (year, .higher(autumnAverage: autumnAverage, otherAverage: otherAverage)) }
            return (year, .level(autumnAverage: autumnAverage, otherAverage: otherAverage))
        }
        return nil
    }

    /// The remark's sentences; none for a period without aanmeldingen.
    public static func sentences(_ report: CohortReport, today: Day) -> [String] {
        guard !report.isEmpty else { return [] }
        var sentences: [String] = []
        let months = Array(zip(report.period.months, report.perMonth)).filter { isWhole($0.0, in: report.period, today: today) }
        if months.count >= 2, let busiest = months.max(by: { $0.1 < $1.1 }), let quietest = months.min(by: { $0.1 < $1.1 }),
           busiest.1 != quietest.1 {
            sentences.append("De meeste aanmeldingen kwamen in \(name(busiest.0)) (\(busiest.1)), de minste in \(name(quietest.0)) (\(quietest.1)).")
        }
        if let (year, trend) = autumnTrend(report, today: today) {
            switch trend {
            case .lower(let autumn, let other):
                sentences.append("Het aantal aanmeldingen is in het najaar van \(year) afgenomen: gemiddeld \(decimal(autumn)) per maand "
                                 + "in september tot en met november, tegen \(decimal(other)) in de andere maanden.")
            case .higher(let autumn, let other):
                sentences.append("Het aantal aanmeldingen is in het najaar van \(year) toegenomen: gemiddeld \(decimal(autumn)) per maand "
                                 + "in september tot en met november, tegen \(decimal(other)) in de andere maanden.")
            case .level(let autumn, let other):
                sentences.append("In het najaar van \(year) kwamen ongeveer even veel aanmeldingen binnen als in de andere maanden "
                                 + "(gemiddeld \(decimal(autumn)) tegen \(decimal(other)) per maand).")
            }
        }
        return sentences
    }

    /// A month the period covers from its first to its last day, and over by `today`: a half
    /// month's count is no month's count.
    static func isWhole(_ month: ReportMonth, in period: ReportPeriod, today: Day) -> Bool {
        guard let first = Day(year: month.year, month: month.month, day: 1),
              let last = Day(year: month.year, month: month.month, day: Day.daysInMonth(year: month.year, month: month.month)) else { return false }
        return period.contains(first) && period.contains(last) && last < today
    }

    private static func name(_ month: ReportMonth) -> String { "\(Day.monthNames[month.month - 1]) \(month.year)" }

    /// One decimal with a Dutch comma: `12,3`.
    public static func decimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10),\(tenths % 10)"
    }
}
