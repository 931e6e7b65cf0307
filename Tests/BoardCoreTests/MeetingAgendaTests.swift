import Testing
@testable import BoardCore

/// The weekly meeting's agenda, the caseload and the WIP limits: pure arithmetic on cards.
@Suite struct MeetingAgendaTests {
    static let today = Day(year: 2026, month: 11, day: 20)! // a friday

    static func card(_ id: CaseID, stage: Stage, reportedDaysAgo: Int, inStageDaysAgo: Int, medewerker: String = "Anouk",
                     reportBack: Day? = nil, evaluation: Day? = nil, closedOn: Day? = nil) -> CaseSummary {
        CaseSummary(id: id, kenmerk: "2026-\(1000 + id)", familyID: id, familyName: "Gezin \(id)", wijk: "Noord", source: .veiligThuis,
                    reportedOn: today.adding(days: -reportedDaysAgo), stage: stage, stageSince: today.adding(days: -inStageDaysAgo),
                    medewerker: medewerker, childCount: 1, youngestBirthDate: nil, version: 1, closedOn: closedOn,
                    reportBackOn: reportBack, planNextEvaluation: evaluation,
                    // Veilig Thuis heard back: the clocks' own duties are DutyTests'.
                    dutiesDone: [.terugmeldingVeiligThuis, .eindterugmeldingVeiligThuis])
    }

    @Test func theAgendaListsEachCaseOnceByItsFirstReasonInTheMeetingsOrder() {
        let lastMeeting = Self.today.adding(days: -10)
        let cases = [
            Self.card(1, stage: .onderzoek, reportedDaysAgo: 40, inStageDaysAgo: 30),                  // nothing to discuss
            Self.card(2, stage: .aangemeld, reportedDaysAgo: 3, inStageDaysAgo: 3),                    // new
            Self.card(3, stage: .onderzoek, reportedDaysAgo: 100, inStageDaysAgo: 80),                 // over the 10-week norm
            Self.card(4, stage: .beschermtafel, reportedDaysAgo: 60, inStageDaysAgo: 20,
                      reportBack: Self.today.adding(days: 5)),                                          // drang report-back in 5 days
            Self.card(5, stage: .onderzoek, reportedDaysAgo: 30, inStageDaysAgo: 20,
                      evaluation: Self.today.adding(days: 7)),                                          // evaluation on day 7: due
            Self.card(6, stage: .onderzoek, reportedDaysAgo: 30, inStageDaysAgo: 20,
                      evaluation: Self.today.adding(days: 8)),                                          // day 8: not yet
            Self.card(7, stage: .beschermtafel, reportedDaysAgo: 50, inStageDaysAgo: 10),              // waiting for the table
            Self.card(8, stage: .aangemeld, reportedDaysAgo: 10, inStageDaysAgo: 7),                   // on the last meeting's day: not new
            Self.card(9, stage: .veiligheidGewaarborgd, reportedDaysAgo: 2, inStageDaysAgo: 1),        // closed: never on the agenda
            Self.card(10, stage: .aangemeld, reportedDaysAgo: 8, inStageDaysAgo: 8),                   // new and over the 5-werkdagen norm
        ]
        let agenda = MeetingAgenda.build(cases: cases, norms: .standard, today: Self.today, lastMeeting: lastMeeting)
        #expect(agenda.map(\.summary.id) == [10, 2, 3, 4, 5, 7])
        #expect(agenda.map { $0.reasons[0] } == [.newReport, .newReport, .overdue, .dueSoon, .dueSoon, .toTable])
        #expect(agenda[0].reasons == [.newReport, .overdue], "a case keeps its other reasons")
        #expect(Set(agenda.map(\.summary.id)).count == agenda.count)
    }

    @Test func withoutAnEarlierMeetingNewMeansTheLastWeek() {
        let cases = [Self.card(1, stage: .aangemeld, reportedDaysAgo: 6, inStageDaysAgo: 1),
                     Self.card(2, stage: .aangemeld, reportedDaysAgo: 8, inStageDaysAgo: 1)]
        let agenda = MeetingAgenda.build(cases: cases, norms: .standard, today: Self.today, lastMeeting: nil)
        #expect(agenda.map(\.summary.id) == [1])
    }

    @Test func aDecisionBecomesAReadableJournalNote() {
        let decision = MeetingDecision(decision: "  Huisbezoek samen met Veilig Thuis ", actor: "Karim", due: Self.today.adding(days: 7))
        #expect(decision.noteText(meetingDay: Self.today)
                == "Besluit teamoverleg 20-11-2026: Huisbezoek samen met Veilig Thuis\nActie: Karim, uiterlijk 27-11-2026")
    }

    @Test func theCaseloadCountsOpenCasesPerMedewerkerAndColumn() {
        let cases = [
            Self.card(1, stage: .aangemeld, reportedDaysAgo: 1, inStageDaysAgo: 1, medewerker: "Bram"),
            Self.card(2, stage: .onderzoek, reportedDaysAgo: 100, inStageDaysAgo: 90, medewerker: "Bram"),
            Self.card(3, stage: .onderzoek, reportedDaysAgo: 10, inStageDaysAgo: 5, medewerker: "Anouk"),
            Self.card(4, stage: .beschermtafel, reportedDaysAgo: 10, inStageDaysAgo: 5, medewerker: "Cor"),
            Self.card(5, stage: .onderzoek, reportedDaysAgo: 10, inStageDaysAgo: 5, medewerker: "Cor"),
            Self.card(6, stage: .veiligheidGewaarborgd, reportedDaysAgo: 10, inStageDaysAgo: 5, medewerker: "Dirk"),
            Self.card(7, stage: .rvkOnderzoek, reportedDaysAgo: 10, inStageDaysAgo: 5, medewerker: "Bram", closedOn: Self.today),
        ]
        let rows = Caseload.rows(cases, norms: .standard, today: Self.today)
        #expect(rows.map(\.medewerker) == ["Bram", "Cor", "Anouk"], "busiest first, then by name; closed cases don't count")
        #expect(rows[0].counts == [1, 1, 0] && rows[0].overdue == 1 && rows[0].total == 2)
        #expect(rows[1].counts == [0, 1, 1])
    }

    @Test func wipLimitsCountOnlyWhereSet() {
        var norms = Norms.standard
        norms.wipLimits[.onderzoek] = 12
        #expect(norms.isOverWIP(.onderzoek, count: 13))
        #expect(!norms.isOverWIP(.onderzoek, count: 12), "at the limit is not over it")
        #expect(!norms.isOverWIP(.aangemeld, count: 1000), "no limit, never over")
        #expect(Norms.wipKey(.beschermtafel) == "wip.beschermtafel")
    }

    @Test func facetsNarrowByEveryChoice() {
        let card = Self.card(1, stage: .aangemeld, reportedDaysAgo: 1, inStageDaysAgo: 1, medewerker: "Bram")
        #expect(BoardFacets().matches(card))
        #expect(BoardFacets(medewerker: "Bram", wijk: "Noord", source: .veiligThuis).matches(card))
        #expect(!BoardFacets(medewerker: "Anouk").matches(card))
        #expect(!BoardFacets(wijk: "Zuid").matches(card))
        #expect(!BoardFacets(source: .jeugdteam).matches(card))
        #expect(BoardFacets(medewerker: "Bram", source: .overig).descriptions == ["medewerker Bram", "bron Overig"])
    }
}
