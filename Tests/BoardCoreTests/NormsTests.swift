import Testing
@testable import BoardCore

private func day(_ year: Int, _ month: Int, _ dayOfMonth: Int) -> Day {
    Day(year: year, month: month, day: dayOfMonth)!
}

@Suite("Norms: werkdagen and overdue cards")
struct NormsTests {
    // 1 March 2024 was a friday; 4 March 2024 a monday.
    let friday = day(2024, 3, 1)
    let monday = day(2024, 3, 4)

    @Test func weekendDays() {
        #expect(Norms.isWeekend(day(1970, 1, 3).ordinal), "1970-01-03 was a saturday")
        #expect(Norms.isWeekend(day(1970, 1, 4).ordinal))
        #expect(!Norms.isWeekend(day(1970, 1, 1).ordinal), "1970-01-01 was a thursday")
        #expect(Norms.isWeekend(day(1969, 12, 28).ordinal), "a sunday before the epoch")
        #expect(!Norms.isWeekend(day(1969, 12, 29).ordinal), "a monday before the epoch")
        #expect(Norms.isWeekend(day(2024, 3, 2).ordinal) && Norms.isWeekend(day(2024, 3, 3).ordinal))
        #expect(!Norms.isWeekend(friday.ordinal) && !Norms.isWeekend(monday.ordinal))
    }

    @Test func werkdagenAcrossWeekends() {
        #expect(Norms.werkdagen(from: friday, to: friday) == 0)
        #expect(Norms.werkdagen(from: friday, to: day(2024, 3, 2)) == 0, "saturday does not count")
        #expect(Norms.werkdagen(from: friday, to: day(2024, 3, 3)) == 0, "nor sunday")
        #expect(Norms.werkdagen(from: friday, to: monday) == 1)
        #expect(Norms.werkdagen(from: monday, to: day(2024, 3, 8)) == 4)
        #expect(Norms.werkdagen(from: monday, to: day(2024, 3, 11)) == 5)
        #expect(Norms.werkdagen(from: monday, to: day(2024, 3, 15)) == 9)
        #expect(Norms.werkdagen(from: day(2024, 3, 2), to: monday) == 1, "from a saturday")
        #expect(Norms.werkdagen(from: day(2021, 12, 31), to: day(2022, 1, 3)) == 1, "over new year")
        #expect(Norms.werkdagen(from: monday, to: friday) == 0, "backwards is zero, not negative")
        #expect(Norms.werkdagen(from: day(2024, 1, 1), to: day(2024, 12, 31)) == 261, "2024: 262 weekdays, the first one excluded")
    }

    @Test func aangemeldCountsWerkdagen() {
        let norms = Norms.standard
        #expect(!norms.isOverdue(stage: .aangemeld, since: monday, today: day(2024, 3, 11)), "5 werkdagen is still within the norm")
        #expect(norms.isOverdue(stage: .aangemeld, since: monday, today: day(2024, 3, 12)))
        #expect(!norms.isOverdue(stage: .aangemeld, since: friday, today: day(2024, 3, 8)))
        #expect(!norms.isOverdue(stage: .aangemeld, since: friday, today: day(2024, 3, 10)), "the weekend adds nothing")
        #expect(norms.isOverdue(stage: .aangemeld, since: friday, today: day(2024, 3, 11)))
        var strict = Norms.standard
        strict.werkdagenInAangemeld = 2
        #expect(strict.isOverdue(stage: .aangemeld, since: monday, today: day(2024, 3, 7)))
    }

    @Test func onderzoekCountsWeeks() {
        let norms = Norms.standard
        #expect(!norms.isOverdue(stage: .onderzoek, since: monday, today: monday.adding(days: 70)))
        #expect(norms.isOverdue(stage: .onderzoek, since: monday, today: monday.adding(days: 71)))
        let custom = Norms(weeksInOnderzoek: 2)
        #expect(custom.isOverdue(stage: .onderzoek, since: monday, today: monday.adding(days: 15)))
    }

    @Test func beschermtafelCountsMonths() {
        let norms = Norms.standard
        #expect(!norms.isOverdue(stage: .beschermtafel, since: monday, today: monday.adding(days: 6 * 31)))
        #expect(norms.isOverdue(stage: .beschermtafel, since: monday, today: monday.adding(days: 6 * 31 + 1)))
        #expect(!norms.isOverdue(stage: .beschermtafel, since: monday, today: monday.adding(days: 90)))
        #expect(Norms(monthsAtBeschermtafel: 2).isOverdue(stage: .beschermtafel, since: monday, today: monday.adding(days: 90)))
    }

    @Test func endColumnsAreNeverOverdue() {
        for stage in [Stage.veiligheidGewaarborgd, .rvkOnderzoek] {
            #expect(!Norms.standard.isOverdue(stage: stage, since: day(2020, 1, 1), today: day(2025, 1, 1)))
        }
    }

    @Test func defaults() {
        #expect(Norms.standard == Norms(werkdagenInAangemeld: 5, weeksInOnderzoek: 10, monthsAtBeschermtafel: 6, closedWindowDays: 30))
    }
}
