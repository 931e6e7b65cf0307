import Testing
@testable import BoardCore

private func day(_ year: Int, _ month: Int, _ dayOfMonth: Int) -> Day {
    Day(year: year, month: month, day: dayOfMonth)!
}

private func move(_ from: Stage, _ to: Stage, _ on: Day, correction: Bool = false) -> StageTransition {
    StageTransition(from: from, to: to, day: on, isCorrection: correction)
}

/// A hand-built year whose figures are worked out by hand in the comments.
private enum Cohort2022 {
    static let cases: [CohortCase] = [
        // A: family 1 (2 children), safe after onderzoek. Aangemeld 5 days, onderzoek 30.
        CohortCase(caseID: 1, familyID: 1, source: .veiligThuis, reportedOn: day(2022, 1, 10), stage: .veiligheidGewaarborgd, childCount: 2,
                   transitions: [move(.aangemeld, .onderzoek, day(2022, 1, 15)), move(.onderzoek, .veiligheidGewaarborgd, day(2022, 2, 14))]),
        // B: at the table now. Aangemeld 2, onderzoek 60, table still running.
        CohortCase(caseID: 2, familyID: 2, source: .veiligThuis, reportedOn: day(2022, 1, 20), stage: .beschermtafel, childCount: 1,
                   transitions: [move(.aangemeld, .onderzoek, day(2022, 1, 22)), move(.onderzoek, .beschermtafel, day(2022, 3, 23))]),
        // C: safe after the table. 3, 30, 59.
        CohortCase(caseID: 3, familyID: 3, source: .jeugdteam, reportedOn: day(2022, 3, 1), stage: .veiligheidGewaarborgd, childCount: 3,
                   transitions: [move(.aangemeld, .onderzoek, day(2022, 3, 4)), move(.onderzoek, .beschermtafel, day(2022, 4, 3)),
                                 move(.beschermtafel, .veiligheidGewaarborgd, day(2022, 6, 1))]),
        // D: Raad, geen maatregel. 10, 30, 30.
        CohortCase(caseID: 4, familyID: 4, source: .jeugdbescherming, reportedOn: day(2022, 5, 5), stage: .rvkOnderzoek, childCount: 1,
                   transitions: [move(.aangemeld, .onderzoek, day(2022, 5, 15)), move(.onderzoek, .beschermtafel, day(2022, 6, 14)),
                                 move(.beschermtafel, .rvkOnderzoek, day(2022, 7, 14))], rvkOutcome: .geenMaatregel),
        // E: Raad, OTS. 1, 10, 60.
        CohortCase(caseID: 5, familyID: 5, source: .overig, reportedOn: day(2022, 6, 6), stage: .rvkOnderzoek, childCount: 2,
                   transitions: [move(.aangemeld, .onderzoek, day(2022, 6, 7)), move(.onderzoek, .beschermtafel, day(2022, 6, 17)),
                                 move(.beschermtafel, .rvkOnderzoek, day(2022, 8, 16))], rvkOutcome: .ots),
        // F: reported on the period's last day, moves after it; Raad, uithuisplaatsing. 2, 10, 60.
        CohortCase(caseID: 6, familyID: 6, source: .veiligThuis, reportedOn: day(2022, 12, 31), stage: .rvkOnderzoek, childCount: 1,
                   transitions: [move(.aangemeld, .onderzoek, day(2023, 1, 2)), move(.onderzoek, .beschermtafel, day(2023, 1, 12)),
                                 move(.beschermtafel, .rvkOnderzoek, day(2023, 3, 13))], rvkOutcome: .uithuisplaatsing),
        // G: reported on the period's first day; at the Raad without an outcome. 2, 10, 30.
        CohortCase(caseID: 7, familyID: 7, source: .veiligThuis, reportedOn: day(2022, 1, 1), stage: .rvkOnderzoek, childCount: 4,
                   transitions: [move(.aangemeld, .onderzoek, day(2022, 1, 3)), move(.onderzoek, .beschermtafel, day(2022, 1, 13)),
                                 move(.beschermtafel, .rvkOnderzoek, day(2022, 2, 12))]),
        // H: family 1's second case, still aangemeld: its children are not counted twice.
        CohortCase(caseID: 8, familyID: 1, source: .veiligThuis, reportedOn: day(2022, 9, 1), stage: .aangemeld, childCount: 2, transitions: []),
        // I: to the table and corrected back to onderzoek: open, not counted as at the table. 2, (current), 5.
        CohortCase(caseID: 9, familyID: 8, source: .jeugdteam, reportedOn: day(2022, 10, 3), stage: .onderzoek, childCount: 1,
                   transitions: [move(.aangemeld, .onderzoek, day(2022, 10, 5)), move(.onderzoek, .beschermtafel, day(2022, 10, 20)),
                                 move(.beschermtafel, .onderzoek, day(2022, 10, 25), correction: true)]),
        // Outside the period on either side.
        CohortCase(caseID: 10, familyID: 9, source: .veiligThuis, reportedOn: day(2021, 12, 31), stage: .veiligheidGewaarborgd, childCount: 5,
                   transitions: [move(.aangemeld, .onderzoek, day(2022, 1, 2)), move(.onderzoek, .veiligheidGewaarborgd, day(2022, 1, 30))]),
        CohortCase(caseID: 11, familyID: 10, source: .veiligThuis, reportedOn: day(2023, 1, 1), stage: .beschermtafel, childCount: 5,
                   transitions: [move(.aangemeld, .onderzoek, day(2023, 1, 2)), move(.onderzoek, .beschermtafel, day(2023, 1, 3))]),
    ]
}

@Suite("Cohort report: the team lead's figures")
struct CohortReportTests {
    let year = ReportPeriod(year: 2022)!

    @Test func countsTheCohortByHowFarEachCaseGot() {
        let report = CohortReport(cases: Cohort2022.cases, period: year)
        #expect(report.total == 9, "the cases reported on 31-12-2021 and 01-01-2023 fall outside")
        #expect(report.count(for: .veiligThuis) == 5)
        #expect(report.count(for: .jeugdbescherming) == 1)
        #expect(report.count(for: .jeugdteam) == 2)
        #expect(report.count(for: .overig) == 1)
        #expect(report.perSource.map(\.source) == Source.allCases)
        #expect(report.perMonth == [3, 0, 1, 0, 1, 1, 0, 0, 1, 1, 0, 1])
        #expect(report.children == 15, "family 1's children count once for its two cases")
        #expect(report.toTable == 6, "B at the table, C safe after it, D E F G at the Raad; I was corrected back")
        #expect(report.safeAfterOnderzoek == 1)
        #expect(report.safeAfterTable == 1)
        #expect(report.rvkTotal == 4)
        #expect(report.count(for: .geenMaatregel) == 1)
        #expect(report.count(for: .ots) == 1)
        #expect(report.count(for: .uithuisplaatsing) == 1)
        #expect(report.rvkPending == 1)
        #expect(report.open == 3, "B at the table, H aangemeld, I in onderzoek")
        #expect(!report.isEmpty)
    }

    @Test func everyCaseEndsUpInExactlyOneOutcome() {
        let report = CohortReport(cases: Cohort2022.cases, period: year)
        #expect(report.open + report.safeAfterOnderzoek + report.safeAfterTable + report.rvkTotal == report.total)
        #expect(report.rvkOutcomes.map(\.count).reduce(0, +) + report.rvkPending == report.rvkTotal)
        #expect(report.perMonth.reduce(0, +) == report.total)
    }

    @Test func leadTimesOfTheCasesThatLeftEachColumn() {
        let report = CohortReport(cases: Cohort2022.cases, period: year)
        // Aangemeld: 5 2 3 10 1 2 2 2 (H is still there) -> 1 2 2 2 2 3 5 10.
        #expect(report.leadTime(.aangemeld) == LeadTime(count: 8, p50: 2, p85: 5))
        // Onderzoek: 30 60 30 30 10 10 10 (I is in it again) -> 10 10 10 30 30 30 60.
        #expect(report.leadTime(.onderzoek) == LeadTime(count: 7, p50: 30, p85: 30))
        // Beschermtafel: 59 30 60 60 30 and I's 5 days before the correction (B is still there).
        #expect(report.leadTime(.beschermtafel) == LeadTime(count: 6, p50: 30, p85: 60))
        #expect(report.leadTimes.map(\.stage) == [.aangemeld, .onderzoek, .beschermtafel])
    }

    @Test func aSourceLimitsTheCohort() {
        let report = CohortReport(cases: Cohort2022.cases, period: year, source: .veiligThuis)
        #expect(report.total == 5)
        #expect(report.source == .veiligThuis)
        #expect(report.count(for: .jeugdteam) == 0)
        #expect(report.perMonth == [3, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1])
        #expect(report.toTable == 3, "B, F and G")
        #expect(report.children == 8, "families 1, 2, 6 and 7")
    }

    @Test func aPeriodAcrossTheYearHasOneCountPerMonth() throws {
        let period = try #require(ReportPeriod(from: day(2022, 11, 15), to: day(2023, 2, 10)))
        #expect(period.months.map(\.iso) == ["2022-11", "2022-12", "2023-01", "2023-02"])
        let report = CohortReport(cases: Cohort2022.cases, period: period)
        #expect(report.perMonth == [0, 1, 1, 0], "F on 31-12-2022 and the case of 01-01-2023")
        #expect(report.total == 2)
    }

    @Test func aPeriodIncludesBothEnds() throws {
        let single = try #require(ReportPeriod(from: day(2022, 12, 31), to: day(2022, 12, 31)))
        #expect(CohortReport(cases: Cohort2022.cases, period: single).total == 1)
        #expect(single.months.count == 1)
    }

    @Test func anImpossiblePeriodIsRefused() {
        #expect(ReportPeriod(from: day(2022, 3, 1), to: day(2022, 2, 28)) == nil)
        #expect(ReportPeriod(year: 0) == nil)
        #expect(ReportPeriod(year: 2024)?.to == day(2024, 12, 31))
    }

    @Test func aYearWithoutDataIsAllZeros() {
        let report = CohortReport(cases: Cohort2022.cases, period: ReportPeriod(year: 2019)!)
        #expect(report.isEmpty)
        #expect(report.perMonth == Array(repeating: 0, count: 12))
        #expect(report.children == 0 && report.toTable == 0 && report.open == 0 && report.rvkTotal == 0)
        #expect(report.leadTime(.onderzoek) == LeadTime(count: 0, p50: 0, p85: 0))
        #expect(report.jointPlans == .none && !report.jointPlans.available)
    }

    @Test func nearestRankPercentiles() {
        let values = Array(1...20)
        #expect(LeadTime.percentile(50, of: values) == 10)
        #expect(LeadTime.percentile(85, of: values) == 17)
        #expect(LeadTime.percentile(85, of: [4]) == 4)
        #expect(LeadTime.percentile(50, of: []) == 0)
        #expect(LeadTime(days: [9, 1, 5]) == LeadTime(count: 3, p50: 5, p85: 9), "unsorted input is sorted first")
    }

    @Test func daysAreSummedOverEveryVisitOfAColumn() {
        // Onderzoek 10 days, to the table for 4, corrected back, onderzoek 6 more, then safe.
        let item = CohortCase(caseID: 1, familyID: 1, source: .veiligThuis, reportedOn: day(2022, 1, 1), stage: .veiligheidGewaarborgd,
                              childCount: 1, transitions: [
                                move(.aangemeld, .onderzoek, day(2022, 1, 1)), move(.onderzoek, .beschermtafel, day(2022, 1, 11)),
                                move(.beschermtafel, .onderzoek, day(2022, 1, 15), correction: true),
                                move(.onderzoek, .veiligheidGewaarborgd, day(2022, 1, 21))])
        #expect(item.daysInLeftColumns == [.aangemeld: 0, .onderzoek: 16, .beschermtafel: 4])
        #expect(!item.safeAfterTable, "the last move into the column came from onderzoek")
    }
}
