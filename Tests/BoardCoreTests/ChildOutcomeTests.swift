import BoardCore
import Testing

private func day(_ year: Int, _ month: Int, _ dayOfMonth: Int) -> Day {
    Day(year: year, month: month, day: dayOfMonth)!
}

@Suite struct ChildOutcomeTests {
    @Test func theCasesOutcomeIsTheMostFarReachingOfItsChildren() {
        #expect(RvkOutcome.mostFarReaching([.geenMaatregel, .ots, .geenMaatregel]) == .ots)
        #expect(RvkOutcome.mostFarReaching([.uithuisplaatsing, .ots]) == .uithuisplaatsing)
        #expect(RvkOutcome.mostFarReaching([.geenMaatregel]) == .geenMaatregel)
        #expect(RvkOutcome.mostFarReaching([RvkOutcome]()) == nil)
    }

    @Test func anOutcomeRecordedPerCaseCountsAsOneChild() {
        #expect(RvkOutcome.perChild(caseOutcome: .ots, children: []) == [.ots])
        #expect(RvkOutcome.perChild(caseOutcome: .ots, children: [.ots, .geenMaatregel]) == [.ots, .geenMaatregel])
        #expect(RvkOutcome.perChild(caseOutcome: nil, children: []).isEmpty)
    }

    @Test func theCardsScoreIsTheLowestOfTheLatestPerChildAndForTheFamily() {
        func score(_ d: Day, _ value: Int, child: Int64? = nil) -> SafetyAssessment {
            SafetyAssessment(day: d, concerns: "", strengths: "", needs: "", score: value, givenBy: .medewerker, childID: child)
        }
        #expect(SafetyAssessment.lowestLatestScore([]) == nil)
        // The family went from 3 to 6; child 1 from 2 to 5; child 2 scored 4 once: 4.
        let scores = [score(day(2025, 3, 1), 3), score(day(2025, 3, 2), 2, child: 1), score(day(2025, 3, 5), 4, child: 2),
                      score(day(2025, 4, 1), 6), score(day(2025, 4, 2), 5, child: 1)]
        #expect(SafetyAssessment.lowestLatestScore(scores) == 4)
        // Two scores of one day: the one recorded later is the latest.
        #expect(SafetyAssessment.lowestLatestScore([score(day(2025, 5, 1), 2), score(day(2025, 5, 1), 7)]) == 7)
        // Only the family's scores: its latest, as before scores were given per child.
        #expect(SafetyAssessment.lowestLatestScore([score(day(2025, 3, 1), 3), score(day(2025, 4, 1), 6)]) == 6)
    }

    @Test func theCohortCountsChildrenAndFamiliesAndTheOutcomesPerChild() throws {
        let period = try #require(ReportPeriod(year: 2024))
        let cases = [
            // One family with two cases in the year: its three children count once.
            CohortCase(caseID: 1, familyID: 1, source: .veiligThuis, reportedOn: day(2024, 1, 5), stage: .veiligheidGewaarborgd, childCount: 3,
                       transitions: []),
            CohortCase(caseID: 2, familyID: 1, source: .veiligThuis, reportedOn: day(2024, 6, 5), stage: .rvkOnderzoek, childCount: 3,
                       transitions: [], rvkOutcome: .ots, childOutcomes: [.ots, .geenMaatregel]),
            // An outcome recorded per case: one child.
            CohortCase(caseID: 3, familyID: 2, source: .jeugdteam, reportedOn: day(2024, 2, 1), stage: .rvkOnderzoek, childCount: 2,
                       transitions: [], rvkOutcome: .uithuisplaatsing),
            CohortCase(caseID: 4, familyID: 3, source: .jeugdteam, reportedOn: day(2023, 12, 31), stage: .aangemeld, childCount: 4,
                       transitions: []),
        ]
        let report = CohortReport(cases: cases, period: period)
        #expect(report.total == 3)
        #expect(report.children == 5)
        #expect(report.families == 2)
        #expect(report.count(for: .ots) == 1 && report.count(for: .uithuisplaatsing) == 1)
        #expect(report.children(with: .ots) == 1)
        #expect(report.children(with: .geenMaatregel) == 1)
        #expect(report.children(with: .uithuisplaatsing) == 1)
        #expect(CohortReportText.headline(report) == "Aangemeld: 5 kinderen en 2 gezinnen (3 aanmeldingen).")
        #expect(CohortReportText.childrenAndFamilies(children: 1, families: 1) == "1 kind en 1 gezin")
    }

    @Test func theTrendCountsMeasuresInChildrenByTheYearOfTheOutcome() {
        let outcomes = [
            MeasureTrend.Outcome(day: day(2019, 6, 1), outcome: .ots),              // before the five years shown
            MeasureTrend.Outcome(day: day(2021, 3, 1), outcome: .ots),
            MeasureTrend.Outcome(day: day(2021, 3, 1), outcome: .ots),
            MeasureTrend.Outcome(day: day(2021, 3, 1), outcome: .geenMaatregel),    // no measure: not counted
            MeasureTrend.Outcome(day: day(2023, 12, 31), outcome: .uithuisplaatsing, perCase: true),
            MeasureTrend.Outcome(day: day(2025, 2, 1), outcome: .ots),
            MeasureTrend.Outcome(day: day(2025, 9, 1), outcome: .ots),              // after the report's last day
        ]
        let trend = MeasureTrend(outcomes: outcomes, through: day(2025, 6, 30), firstYear: 2018)
        #expect(trend.years.map(\.year) == [2021, 2022, 2023, 2024, 2025])
        #expect(trend.years.map(\.ots) == [2, 0, 0, 0, 1])
        #expect(trend.years.map(\.uithuisplaatsing) == [0, 0, 1, 0, 0])
        #expect(trend.years.map(\.perCase) == [0, 0, 1, 0, 0])
        #expect(trend.countsPerCaseOutcomes && trend.lastYearIsPartial)
        // A store that began in 2024 shows no years before it.
        #expect(MeasureTrend(outcomes: outcomes, through: day(2025, 12, 31), firstYear: 2024).years.map(\.year) == [2024, 2025])

        let lines = CohortReportText.trendLines(trend)
        #expect(lines.first == CohortReportText.trendHeading)
        #expect(lines.contains("  2021                   2                 0       2"))
        #expect(lines.contains("  2025 t/m 30-06         1                 0       1"))
        #expect(lines.last == CohortReportText.perCaseNote)
    }

    @Test func theTextReportShowsTheHeadlineAndTheTrend() throws {
        let period = try #require(ReportPeriod(year: 2024))
        let trend = MeasureTrend(outcomes: [MeasureTrend.Outcome(day: day(2023, 5, 1), outcome: .ots)], through: period.to, firstYear: 2023)
        let report = CohortReport(cases: [CohortCase(caseID: 1, familyID: 1, source: .veiligThuis, reportedOn: day(2024, 1, 5),
                                                     stage: .onderzoek, childCount: 2, transitions: [])],
                                  period: period, measureTrend: trend)
        let text = CohortReportText.lines(report, today: day(2025, 1, 2))
        #expect(text.contains("Aangemeld: 2 kinderen en 1 gezin (1 aanmelding)."))
        #expect(text.contains("  2023                   1                 0       1"))
        #expect(text.contains("  2024                   0                 0       0"), "a whole year carries no t/m")
        #expect(!text.contains(CohortReportText.perCaseNote))
    }
}
