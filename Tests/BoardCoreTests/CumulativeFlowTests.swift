import Testing
@testable import BoardCore

private func day(_ year: Int, _ month: Int, _ dayOfMonth: Int) -> Day {
    Day(year: year, month: month, day: dayOfMonth)!
}

private func move(_ from: Stage, _ to: Stage, _ on: Day, correction: Bool = false) -> StageTransition {
    StageTransition(from: from, to: to, day: on, isCorrection: correction)
}

/// Five cases on the board in 2022, with the column of each worked out by hand per day.
private enum Board2022 {
    static let cases: [CohortCase] = [
        // A: reported before the period; onderzoek 10-01, Beschermtafel 01-03, still there.
        CohortCase(caseID: 1, familyID: 1, source: .veiligThuis, reportedOn: day(2021, 12, 1), stage: .beschermtafel, childCount: 1,
                   transitions: [move(.aangemeld, .onderzoek, day(2022, 1, 10)), move(.onderzoek, .beschermtafel, day(2022, 3, 1))]),
        // B: onderzoek 05-02, Beschermtafel 01-04, corrected back to onderzoek 10-04.
        CohortCase(caseID: 2, familyID: 2, source: .jeugdteam, reportedOn: day(2022, 2, 1), stage: .onderzoek, childCount: 1,
                   transitions: [move(.aangemeld, .onderzoek, day(2022, 2, 5)), move(.onderzoek, .beschermtafel, day(2022, 4, 1)),
                                 move(.beschermtafel, .onderzoek, day(2022, 4, 10), correction: true)]),
        // C: closed: onderzoek 02-03, Veiligheid gewaarborgd 01-05.
        CohortCase(caseID: 3, familyID: 3, source: .veiligThuis, reportedOn: day(2022, 3, 1), stage: .veiligheidGewaarborgd, childCount: 2,
                   transitions: [move(.aangemeld, .onderzoek, day(2022, 3, 2)), move(.onderzoek, .veiligheidGewaarborgd, day(2022, 5, 1))]),
        // D: the Raad: onderzoek 20-01, Beschermtafel 01-02, RvK-onderzoek 01-06 (with an outcome: it stays in the column).
        CohortCase(caseID: 4, familyID: 4, source: .overig, reportedOn: day(2022, 1, 15), stage: .rvkOnderzoek, childCount: 1,
                   transitions: [move(.aangemeld, .onderzoek, day(2022, 1, 20)), move(.onderzoek, .beschermtafel, day(2022, 2, 1)),
                                 move(.beschermtafel, .rvkOnderzoek, day(2022, 6, 1))], rvkOutcome: .ots),
        // E: reported late in the year, still aangemeld.
        CohortCase(caseID: 5, familyID: 5, source: .veiligThuis, reportedOn: day(2022, 11, 30), stage: .aangemeld, childCount: 0, transitions: []),
    ]

    /// Counts per column on `on`, in the order aangemeld, onderzoek, tafel, rvk, veilig.
    static func counts(_ flow: CumulativeFlow, on: Day) -> [Int] {
        let index = flow.days.firstIndex(of: on)!
        return [Stage.aangemeld, .onderzoek, .beschermtafel, .rvkOnderzoek, .veiligheidGewaarborgd].map { flow.count(of: $0, at: index) }
    }
}

@Suite("Cumulative flow: the board's columns over a period")
struct CumulativeFlowTests {
    let year = ReportPeriod(year: 2022)!
    let afterwards = day(2023, 6, 1)

    @Test func countsEachColumnOnEachDay() {
        let flow = CumulativeFlow(cases: Board2022.cases, period: year, today: afterwards)
        #expect(flow.days.count == 365, "a year is short enough to sample every day")
        #expect(flow.days.first == day(2022, 1, 1) && flow.days.last == day(2022, 12, 31))
        #expect(Board2022.counts(flow, on: day(2022, 1, 1)) == [1, 0, 0, 0, 0], "A crosses the period's start in Aangemeld")
        #expect(Board2022.counts(flow, on: day(2022, 1, 10)) == [0, 1, 0, 0, 0], "A moves on the day the move took effect")
        #expect(Board2022.counts(flow, on: day(2022, 2, 1)) == [1, 1, 1, 0, 0], "B reported, A in onderzoek, D at the table")
        #expect(Board2022.counts(flow, on: day(2022, 4, 5)) == [0, 1, 3, 0, 0], "A, B and D at the table; C in onderzoek")
        #expect(Board2022.counts(flow, on: day(2022, 4, 10)) == [0, 2, 2, 0, 0], "B's correction takes it back to onderzoek")
        #expect(Board2022.counts(flow, on: day(2022, 5, 1)) == [0, 1, 2, 0, 1], "C closed: it stays in Veiligheid gewaarborgd")
        #expect(Board2022.counts(flow, on: day(2022, 6, 1)) == [0, 1, 1, 1, 1], "D went to the Raad")
        #expect(Board2022.counts(flow, on: day(2022, 12, 31)) == [1, 1, 1, 1, 1])
        #expect(flow.total(at: 0) == 1 && flow.total(at: 364) == 5)
    }

    @Test func aCaseStandsInOneColumnADay() {
        let b = Board2022.cases[1]
        #expect(CumulativeFlow.stage(of: b, on: day(2022, 1, 31)) == nil, "not on the board before its report")
        #expect(CumulativeFlow.stage(of: b, on: day(2022, 2, 1)) == .aangemeld)
        #expect(CumulativeFlow.stage(of: b, on: day(2022, 4, 9)) == .beschermtafel)
        #expect(CumulativeFlow.stage(of: b, on: day(2022, 4, 10)) == .onderzoek)
        #expect(CumulativeFlow.stage(of: b, on: day(2030, 1, 1)) == .onderzoek)
    }

    @Test func samplesAreSpreadOverThePeriodAndStopToday() {
        let sampled = CumulativeFlow(cases: Board2022.cases, period: year, today: afterwards, maximumSamples: 5)
        #expect(sampled.days == [day(2022, 1, 1), day(2022, 4, 2), day(2022, 7, 2), day(2022, 10, 1), day(2022, 12, 31)])
        #expect(sampled.counts.count == 5)
        #expect(sampled.count(of: .beschermtafel, at: 1) == 3, "on 02-04: A, B and D")

        let soFar = CumulativeFlow(cases: Board2022.cases, period: year, today: day(2022, 3, 31))
        #expect(soFar.days.last == day(2022, 3, 31), "a day after today has no moves yet")
        #expect(soFar.days.count == 90)

        let future = CumulativeFlow(cases: Board2022.cases, period: ReportPeriod(year: 2024)!, today: afterwards)
        #expect(future.days.isEmpty && future.isEmpty)
        #expect(CumulativeFlowChart.lines(future, width: 60, height: 5) == [CumulativeFlowChart.notYet])
    }

    @Test func aPeriodWithoutCasesSaysSo() {
        let flow = CumulativeFlow(cases: [], period: year, today: afterwards)
        #expect(flow.isEmpty)
        #expect(CumulativeFlowChart.lines(flow, width: 60, height: 5) == [CumulativeFlowChart.noCases])
    }

    @Test func drawsStackedBandsWithAnAxisAndALegend() {
        // X: aangemeld 01-01, onderzoek from 03-01. Y: aangemeld from 02-01.
        let cases = [
            CohortCase(caseID: 1, familyID: 1, source: .veiligThuis, reportedOn: day(2022, 1, 1), stage: .onderzoek, childCount: 1,
                       transitions: [move(.aangemeld, .onderzoek, day(2022, 1, 3))]),
            CohortCase(caseID: 2, familyID: 2, source: .veiligThuis, reportedOn: day(2022, 1, 2), stage: .aangemeld, childCount: 1, transitions: []),
        ]
        let flow = CumulativeFlow(cases: cases, period: ReportPeriod(from: day(2022, 1, 1), to: day(2022, 1, 4))!, today: afterwards)
        let lines = CumulativeFlowChart.lines(flow, width: 7, height: 2)
        #expect(Array(lines.prefix(4)) == [
            "2 ┤ ···",
            "0 ┤··░░",
            "  └────",
            "   01-01-2022 – 04-01-2022",
        ])
        #expect(lines[4] == "Zaken per kolom op 04-01-2022:")
        #expect(lines.dropFirst(5).map { String($0.prefix(4)) } == ["  · ", "  ░ ", "  ▒ ", "  ▓ ", "  █ "], "top of the stack first")
        #expect(lines[5].hasPrefix("  · Aangemeld") && lines[5].hasSuffix(" 1"))
        #expect(lines[6].hasPrefix("  ░ Onderzoek") && lines[6].hasSuffix(" 1"))
        #expect(lines[9].hasPrefix("  █ Veiligheid gewaarborgd") && lines[9].hasSuffix(" 0"))
    }

    @Test func theChartFitsTheWidthAndPutsClosedCasesAtTheBottom() {
        let flow = CumulativeFlow(cases: Board2022.cases, period: year, today: afterwards)
        let lines = CumulativeFlowChart.lines(flow, width: 50, height: 8)
        #expect(lines.allSatisfy { $0.count <= 50 }, "\(lines)")
        #expect(lines[0].hasPrefix("5 ┤"), "the top of the axis is the highest total")
        #expect(lines[7].hasPrefix("0 ┤"))
        #expect(lines[7].hasSuffix("█"), "on the last day the closed case is at the bottom")
        #expect(lines[0].hasSuffix("·"), "and the new aanmelding on top")
        #expect(lines[9].hasPrefix("   01-01-2022") && lines[9].hasSuffix("31-12-2022"))
        #expect(lines.contains { $0.hasPrefix("  ▓ RvK-onderzoek") && $0.hasSuffix(" 1") })
        #expect(CumulativeFlowChart.lines(flow, width: 0, height: 0).count == 6, "no room for a plot: the legend still shows")
    }
}
