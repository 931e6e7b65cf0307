import Testing
@testable import BoardCore

/// The remark under the months' chart, from the counts alone.
@Suite("The months' remark: busiest, quietest, and the autumn")
struct MonthRemarkTests {
    static func day(_ year: Int, _ month: Int, _ dayOfMonth: Int) -> Day { Day(year: year, month: month, day: dayOfMonth)! }

    /// A report of `period` with `perMonth[i]` cases on the 2nd of the period's i-th month.
    static func report(_ perMonth: [Int], period: ReportPeriod = ReportPeriod(year: 2022)!) -> CohortReport {
        var cases: [CohortCase] = []
        for (month, count) in zip(period.months, perMonth) {
            for _ in 0..<count {
                cases.append(CohortCase(caseID: Int64(cases.count), familyID: Int64(cases.count), source: .veiligThuis,
                                        reportedOn: day(month.year, month.month, 2), stage: .onderzoek, childCount: 1, transitions: []))
            }
        }
        return CohortReport(cases: cases, period: period)
    }

    static let nextYear = day(2023, 2, 1)

    @Test func aQuieterAutumnIsADecline() {
        let report = Self.report([20, 18, 22, 19, 21, 17, 16, 18, 9, 8, 10, 17])
        guard case .lower(let autumn, let other)? = MonthRemark.autumnTrend(report, today: Self.nextYear)?.trend else {
            Issue.record("no decline found")
            return
        }
        #expect(autumn == 9 && abs(other - 168.0 / 9) < 0.0001)
        #expect(MonthRemark.sentences(report, today: Self.nextYear) == [
            "De meeste aanmeldingen kwamen in maart 2022 (22), de minste in oktober 2022 (8).",
            "Het aantal aanmeldingen is in het najaar van 2022 afgenomen: gemiddeld 9,0 per maand in september tot en met november, "
                + "tegen 18,7 in de andere maanden.",
        ])
    }

    @Test func aBusierAutumnAndAnEvenOne() {
        let busier = Self.report([10, 10, 10, 10, 10, 10, 10, 10, 14, 12, 13, 10])
        #expect(MonthRemark.autumnTrend(busier, today: Self.nextYear)?.trend == .higher(autumnAverage: 13, otherAverage: 10))
        let even = Self.report([10, 10, 10, 10, 10, 10, 10, 10, 10, 11, 10, 10])
        guard case .level? = MonthRemark.autumnTrend(even, today: Self.nextYear)?.trend else {
            Issue.record("14 against 15 is no change")
            return
        }
    }

    @Test func monthsNotYetOverOrHalfInThePeriodAreLeftOut() {
        // On 5 December the year's December has barely begun: its 1 case is no month's count.
        let report = Self.report([20, 18, 22, 19, 21, 17, 16, 18, 9, 8, 10, 1])
        #expect(MonthRemark.sentences(report, today: Self.day(2022, 12, 5)).first
                == "De meeste aanmeldingen kwamen in maart 2022 (22), de minste in oktober 2022 (8).")
        // A period from 15 August: August is half, so September to November have only 0 others.
        let autumnOnly = ReportPeriod(from: Self.day(2022, 8, 15), to: Self.day(2022, 12, 31))!
        #expect(MonthRemark.autumnTrend(Self.report([5, 5, 5, 5, 5], period: autumnOnly), today: Self.nextYear) == nil)
    }

    @Test func anEmptyPeriodHasNoRemark() {
        #expect(MonthRemark.sentences(Self.report(Array(repeating: 0, count: 12)), today: Self.nextYear).isEmpty)
    }
}
