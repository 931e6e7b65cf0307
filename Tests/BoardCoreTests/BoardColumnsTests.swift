import Testing
@testable import BoardCore

private func day(_ year: Int, _ month: Int, _ dayOfMonth: Int) -> Day {
    Day(year: year, month: month, day: dayOfMonth)!
}

private func summary(_ id: CaseID, _ kenmerk: String, _ family: String, _ stage: Stage, since: Day, reported: Day? = nil,
                     medewerker: String = "Sanne Kuipers", closedOn: Day? = nil) -> CaseSummary {
    CaseSummary(id: id, kenmerk: kenmerk, familyID: id, familyName: family, wijk: "Poelenburg", source: .veiligThuis,
                reportedOn: reported ?? since, stage: stage, stageSince: since, medewerker: medewerker, childCount: 1,
                youngestBirthDate: day(2015, 5, 5), version: 1, closedOn: closedOn)
}

@Suite("BoardColumns: which cards show, in which order")
struct BoardColumnsTests {
    let today = day(2025, 6, 30)

    @Test func everyColumnExistsEvenWhenEmpty() {
        let board = BoardColumns(cases: [], today: today, closedWindowDays: 30)
        for stage in Stage.allCases { #expect(board[stage].isEmpty) }
        #expect(board.total == 0)
        #expect(board.columns.count == Stage.allCases.count)
    }

    @Test func closedWindowHidesOldEndColumnCasesOnly() {
        let cases = [
            summary(1, "2025-0001", "de Vries", .veiligheidGewaarborgd, since: today.adding(days: -30)),
            summary(2, "2025-0002", "Jansen", .veiligheidGewaarborgd, since: today.adding(days: -31)),
            summary(3, "2025-0003", "Özdemir", .rvkOnderzoek, since: today.adding(days: -2)),
            summary(4, "2024-0004", "Bakker", .rvkOnderzoek, since: today.adding(days: -400), closedOn: today.adding(days: -300)),
            summary(8, "2024-0008", "Kok", .rvkOnderzoek, since: today.adding(days: -400)),
            summary(5, "2024-0005", "Yılmaz", .onderzoek, since: today.adding(days: -400)),
            summary(6, "2024-0006", "Kaya", .aangemeld, since: today.adding(days: -200)),
            summary(7, "2024-0007", "Smit", .beschermtafel, since: today.adding(days: -365)),
        ]
        let board = BoardColumns(cases: cases, today: today, closedWindowDays: 30)
        #expect(board[.veiligheidGewaarborgd].map(\.id) == [1], "exactly 30 days is still inside the window")
        #expect(board[.rvkOnderzoek].map(\.id) == [8, 3], "an investigation without the Raad's outcome is still open")
        #expect(board[.onderzoek].map(\.id) == [5], "open cases always show, however old")
        #expect(board[.aangemeld].map(\.id) == [6])
        #expect(board[.beschermtafel].map(\.id) == [7])
        #expect(board.total == 6)

        let everything = BoardColumns(cases: cases, today: today, closedWindowDays: nil)
        #expect(everything.total == cases.count)
        #expect(BoardColumns(cases: cases, today: today, closedWindowDays: 0)[.veiligheidGewaarborgd].isEmpty)
    }

    @Test func filterOnNameKenmerkAndMedewerkerIgnoringCase() {
        let cases = [
            summary(1, "2025-0001", "Özdemir", .aangemeld, since: today, medewerker: "Rachid Bouzid"),
            summary(2, "2025-0002", "van den Berg", .onderzoek, since: today, medewerker: "Anouk de Wit"),
            summary(3, "2024-0113", "El Amrani", .beschermtafel, since: today, medewerker: "Fatma Arslan"),
            summary(4, "2025-0004", "Şahin", .veiligheidGewaarborgd, since: today, medewerker: "Anouk de Wit"),
        ]
        func ids(_ filter: String) -> [CaseID] {
            let board = BoardColumns(cases: cases, today: today, closedWindowDays: 30, filter: filter)
            return Stage.allCases.flatMap { board[$0].map(\.id) }
        }
        #expect(ids("") == [1, 2, 3, 4])
        #expect(ids("   ") == [1, 2, 3, 4], "a blank filter filters nothing")
        #expect(ids("ÖZDEMIR") == [1], "case-insensitive, also for letters with diacritics")
        #expect(ids("özd") == [1])
        #expect(ids("VAN DEN") == [2])
        #expect(ids(" berg ") == [2], "surrounding spaces are ignored")
        #expect(ids("2024-") == [3], "kenmerk")
        #expect(ids("0113") == [3])
        #expect(ids("anouk") == [2, 4], "medewerker")
        #expect(ids("şahin") == [4])
        #expect(ids("Poelenburg").isEmpty, "the wijk is not searched")
        #expect(ids("zzz").isEmpty)
    }

    @Test func oldestFirstWithinAColumn() {
        let cases = [
            summary(1, "2025-0003", "A", .onderzoek, since: day(2025, 6, 10), reported: day(2025, 6, 1)),
            summary(2, "2025-0002", "B", .onderzoek, since: day(2025, 5, 1), reported: day(2025, 4, 20)),
            summary(3, "2025-0009", "C", .onderzoek, since: day(2025, 6, 10), reported: day(2025, 5, 30)),
            summary(4, "2025-0001", "D", .onderzoek, since: day(2025, 6, 10), reported: day(2025, 5, 30)),
            summary(5, "2025-0005", "E", .aangemeld, since: day(2025, 6, 29)),
            summary(6, "2025-0004", "F", .aangemeld, since: day(2025, 6, 2)),
        ]
        let board = BoardColumns(cases: cases, today: today, closedWindowDays: 30)
        // By days in the column, then by report date, then by kenmerk.
        #expect(board[.onderzoek].map(\.id) == [2, 4, 3, 1])
        #expect(board[.aangemeld].map(\.id) == [6, 5])
    }

    @Test func daysInStage() {
        let card = summary(1, "2025-0001", "de Groot", .onderzoek, since: day(2025, 6, 1))
        #expect(card.daysInStage(today: today) == 29)
        #expect(card.daysInStage(today: day(2025, 5, 1)) == 0, "never negative")
    }
}
