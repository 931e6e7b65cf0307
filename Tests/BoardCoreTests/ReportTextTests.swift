import Foundation
import Testing
@testable import BoardCore

private func day(_ year: Int, _ month: Int, _ dayOfMonth: Int) -> Day {
    Day(year: year, month: month, day: dayOfMonth)!
}

@Suite("Report period as typed, and the shared report text")
struct ReportTextTests {
    let today = day(2026, 11, 20)

    @Test func typedPeriodsFollowTheCommandsRules() throws {
        #expect(try ReportPeriod.typed(from: "01-07-2022", to: "31-12-2022", today: today).get() == ReportPeriod(from: day(2022, 7, 1), to: day(2022, 12, 31)))
        #expect(try ReportPeriod.typed(from: "2026-01-01", to: nil, today: today).get().to == today, "without a last day: up to today")
        #expect(ReportPeriod.typed(from: "01-06-2022", to: "01-01-2022", today: today)
                    == .failure(.backwards(from: day(2022, 6, 1), to: day(2022, 1, 1))))
        #expect(ReportPeriod.typed(from: "31-02-2022", to: "x", today: today) == .failure(.from(.impossible("31-02-2022"))))
        #expect(ReportPeriod.typed(from: "01-02-2022", to: "1-3", today: today) == .failure(.to(.malformed("1-3"))))
        #expect(ReportPeriod.calendarYear(1850, today: today) == .failure(.year(1850)))
        #expect(ReportPeriod.calendarYear(today.year + 2, today: today) == .failure(.year(today.year + 2)), "after next year")
        #expect(ReportPeriod.typed(from: "01-01-0025", to: nil, today: today)
                == .failure(.from(.outOfRange(Day(year: 25, month: 1, day: 1)!, years: 1900...(today.year + 1)))))
    }

    @Test func aYearToDateEndsToday() {
        #expect(ReportPeriod.yearToDate(2026, today: today) == ReportPeriod(from: day(2026, 1, 1), to: today))
        #expect(ReportPeriod.yearToDate(2025, today: today) == ReportPeriod(year: 2025))
        #expect(ReportPeriod.yearToDate(2027, today: today) == nil, "a year not yet begun")
        #expect(ReportPeriod.yearToDate(1899, today: today) == nil)
    }

    @Test func hoursAreWrittenAsHoursAndMinutes() {
        #expect(CohortReportText.hours(2) == "2:00")
        #expect(CohortReportText.hours(2.5) == "2:30")
        #expect(CohortReportText.hours(50.25) == "50:15", "not 50,2: quarter hours are exact")
        #expect(CohortReportText.hours(0.75) == "0:45")
    }

    @Test func stillOpenAndNoOutcomeYetAreSaidAsDifferentThings() {
        let report = CohortReport(cases: [
            CohortCase(caseID: 1, familyID: 1, source: .veiligThuis, reportedOn: day(2022, 1, 3), stage: .aangemeld, childCount: 0, transitions: []),
        ], period: ReportPeriod(year: 2022)!)
        let labels = CohortReportText.figureLines(report).map { $0.trimmingCharacters(in: .whitespaces).split(separator: " ").dropLast().joined(separator: " ") }
        #expect(labels.contains("Nog open bij het wijkteam"))
        #expect(labels.contains("nog geen uitkomst van de Raad"))
        #expect(!labels.contains("Nog open") && !labels.contains("nog geen uitkomst"))
    }

    @Test func theBarChartScalesToTheWidthItIsGiven() {
        let report = CohortReport(cases: [
            CohortCase(caseID: 1, familyID: 1, source: .veiligThuis, reportedOn: day(2022, 1, 3), stage: .aangemeld, childCount: 0, transitions: []),
            CohortCase(caseID: 2, familyID: 2, source: .veiligThuis, reportedOn: day(2022, 1, 9), stage: .aangemeld, childCount: 0, transitions: []),
            CohortCase(caseID: 3, familyID: 3, source: .veiligThuis, reportedOn: day(2022, 2, 9), stage: .aangemeld, childCount: 0, transitions: []),
        ], period: ReportPeriod(from: day(2022, 1, 1), to: day(2022, 3, 31))!)
        #expect(CohortReportText.barChart(report, width: 10) == ["  jan 2022 │██████████ 2", "  feb 2022 │█████ 1", "  mrt 2022 │ 0"])
        #expect(CohortReportText.barChart(report).first == "  jan 2022 │" + String(repeating: "█", count: 40) + " 2", "40 cells by default")
        #expect(CohortReportText.lines(report, today: today).first == "Aanmeldingen 01-01-2022 t/m 31-03-2022 (alle bronnen)")
    }
}
