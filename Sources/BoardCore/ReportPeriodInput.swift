/// The rules for a report period that a person typed, shared by `beschermbord report` and the
/// report screen's period form, so both refuse the same periods. Each caller words the refusal
/// for its own place (an option name there, a field label here).
public enum ReportPeriodProblem: Error, Equatable, Sendable {
    /// A year outside `Day.possibleYears(today:)`.
    case year(Int)
    /// The first day is not a date.
    case from(DateProblem)
    /// The last day is not a date.
    case to(DateProblem)
    /// The first day lies after the last.
    case backwards(from: Day, to: Day)
}

extension ReportPeriod {
    /// 1 January to 31 December of a year in `Day.possibleYears(today:)`.
    public static func calendarYear(_ year: Int, today: Day) -> Result<ReportPeriod, ReportPeriodProblem> {
        guard Day.possibleYears(today: today).contains(year), let period = ReportPeriod(year: year) else { return .failure(.year(year)) }
        return .success(period)
    }

    /// A year as far as it has gone: the current year ends today, an earlier one on 31 December.
    /// Nil for a year after `today`'s or before `Day.earliestYear`.
    public static func yearToDate(_ year: Int, today: Day) -> ReportPeriod? {
        guard year <= today.year, case .success(let whole) = calendarYear(year, today: today) else { return nil }
        return ReportPeriod(from: whole.from, to: min(whole.to, today))
    }

    /// The period from typed days (dd-mm-jjjj or jjjj-mm-dd); without `to` it runs to `today`.
    /// The first problem found is the answer: the first day, the last, then their order.
    public static func typed(from: String, to: String?, today: Day) -> Result<ReportPeriod, ReportPeriodProblem> {
        let first: Day
        switch Day.validate(from, today: today) {
        case .success(let day): first = day
        case .failure(let problem): return .failure(.from(problem))
        }
        var last = today
        if let to {
            switch Day.validate(to, today: today) {
            case .success(let day): last = day
            case .failure(let problem): return .failure(.to(problem))
            }
        }
        guard let period = ReportPeriod(from: first, to: last) else { return .failure(.backwards(from: first, to: last)) }
        return .success(period)
    }
}
