import BoardCore
import Testing

/// The clocks (termijnen): which duties a case owes, their due dates from the norms, and how they
/// go once done.
@Suite struct DutyTests {
    /// A thursday.
    let today = Day(year: 2026, month: 12, day: 3)!

    func card(_ id: CaseID = 1, source: Source = .veiligThuis, reportedOn: Day = Day(year: 2026, month: 11, day: 27)!,
              stage: Stage = .onderzoek, since: Day? = nil, medewerker: String = "Anouk de Wit") -> CaseSummary {
        CaseSummary(id: id, kenmerk: "2026-\(1000 + id)", familyID: id, familyName: "de Vries", wijk: "Poelenburg", source: source,
                    reportedOn: reportedOn, stage: stage, stageSince: since ?? reportedOn, medewerker: medewerker, childCount: 1,
                    youngestBirthDate: nil, version: 1)
    }

    @Test func workingDaysSkipTheWeekend() {
        let friday = Day(year: 2026, month: 11, day: 27)!
        #expect(Norms.adding(werkdagen: 1, to: friday) == Day(year: 2026, month: 11, day: 30)!, "friday plus one werkdag is monday")
        #expect(Norms.adding(werkdagen: 10, to: friday) == Day(year: 2026, month: 12, day: 11)!)
        #expect(Norms.adding(werkdagen: 0, to: friday) == friday)
        #expect(Norms.werkdagen(from: friday, to: Norms.adding(werkdagen: 7, to: friday)) == 7, "the inverse of counting werkdagen")
    }

    @Test func veiligThuisHearsBackWithinTheNormAfterTheReportAndAgainAfterClosing() {
        var norms = Norms.standard
        var open = card()
        #expect(Duties.open(open, norms: norms, today: today) == [Duty(kind: .terugmeldingVeiligThuis, caseID: 1, due: Day(year: 2026, month: 12, day: 11)!, owner: "Anouk de Wit")])
        norms.werkdagenTerugmeldingVT = 3
        #expect(Duties.open(open, norms: norms, today: today).map(\.due) == [Day(year: 2026, month: 12, day: 2)!], "the norm is a setting")
        #expect(Duties.open(card(source: .jeugdteam), norms: norms, today: today).isEmpty, "only a report from Veilig Thuis is owed back")

        open.dutiesDone = [.terugmeldingVeiligThuis]
        #expect(Duties.open(open, norms: norms, today: today).isEmpty, "recorded as done, it goes")

        var closed = open
        closed.stage = .veiligheidGewaarborgd
        closed.stageSince = Day(year: 2026, month: 12, day: 1)!
        #expect(Duties.open(closed, norms: norms, today: today).map(\.kind) == [.eindterugmeldingVeiligThuis])
        #expect(Duties.open(closed, norms: norms, today: today)[0].due == Day(year: 2026, month: 12, day: 4)!, "3 werkdagen after tuesday")
        closed.dutiesDone.insert(.eindterugmeldingVeiligThuis)
        #expect(Duties.open(closed, norms: norms, today: today).isEmpty)

        var longAgo = card(stage: .veiligheidGewaarborgd, since: Day(year: 2025, month: 1, day: 6)!)
        longAgo.reportedOn = Day(year: 2024, month: 12, day: 2)!
        #expect(Duties.open(longAgo, norms: norms, today: today).isEmpty, "a case closed before the board's closed window owes nothing")
    }

    @Test func theTablesReportBackIsOwedUntilItIsRecordedForThatDate() {
        var atTable = card(source: .jeugdteam, stage: .beschermtafel)
        atTable.reportBackOn = Day(year: 2026, month: 12, day: 7)!
        let duty = Duty(kind: .terugkoppelingTafel, caseID: 1, due: atTable.reportBackOn!, owner: "Anouk de Wit", answers: atTable.reportBackOn)
        #expect(Duties.open(atTable, norms: .standard, today: today) == [duty])
        atTable.reportedBackFor = Day(year: 2026, month: 9, day: 1)!
        #expect(Duties.open(atTable, norms: .standard, today: today) == [duty], "a report-back on an earlier date does not answer this one")
        atTable.reportedBackFor = atTable.reportBackOn
        #expect(Duties.open(atTable, norms: .standard, today: today).isEmpty)
    }

    @Test func theRaadOwesTheStartOfItsInvestigation() {
        var raad = card(source: .jeugdteam, stage: .rvkOnderzoek, since: Day(year: 2026, month: 11, day: 20)!)
        var norms = Norms.standard
        #expect(Duties.open(raad, norms: norms, today: today) == [Duty(kind: .startRvkOnderzoek, caseID: 1, due: Day(year: 2026, month: 11, day: 30)!, owner: Duty.raad)])
        norms.dagenStartRvK = 14
        #expect(Duties.open(raad, norms: norms, today: today)[0].due == Day(year: 2026, month: 12, day: 4)!)
        raad.dutiesDone = [.startRvkOnderzoek]
        #expect(Duties.open(raad, norms: norms, today: today).isEmpty, "the start recorded, it goes")
    }

    @Test func thePlansEvaluationAndAgreementAreDutiesWhileTheyAreOpen() {
        var planned = card(source: .jeugdteam)
        planned.planNextEvaluation = Day(year: 2026, month: 12, day: 8)!
        planned.planEarliestAgreementDue = Day(year: 2026, month: 12, day: 1)!
        #expect(Duties.open(planned, norms: .standard, today: today).map(\.kind) == [.afspraakPlan, .evaluatiePlan], "earliest first")
        planned.planEarliestAgreementDue = nil
        #expect(Duties.open(planned, norms: .standard, today: today).map(\.kind) == [.evaluatiePlan], "an agreement done goes by itself")
    }

    @Test func pressingDutiesAreLateOrWithinTheLookAhead() {
        var norms = Norms.standard
        let soon = card(1, reportedOn: Day(year: 2026, month: 11, day: 20)!)   // due 04-12
        let later = card(2, reportedOn: Day(year: 2026, month: 12, day: 2)!)   // due 16-12
        let late = card(3, reportedOn: Day(year: 2026, month: 11, day: 2)!)    // due 16-11
        #expect(Duties.pressing(soon, norms: norms, today: today).map(\.due) == [Day(year: 2026, month: 12, day: 4)!])
        #expect(Duties.pressing(later, norms: norms, today: today).isEmpty)
        #expect(Duties.pressing(late, norms: norms, today: today).first?.isLate(today: today) == true)
        #expect(Duties.pressing(late, norms: norms, today: today).first?.status(today: today) == "te laat 17 d")
        #expect(Duties.pressing(soon, norms: norms, today: today).first?.status(today: today) == "morgen")
        norms.dagenVooruit = 14
        #expect(Duties.pressing(later, norms: norms, today: today).count == 1, "the look-ahead is a setting")
    }

    @Test func theListPutsMyCasesFirstThenByDueDate() {
        let theirsLate = card(1, reportedOn: Day(year: 2026, month: 11, day: 2)!, medewerker: "Sanne Kuipers")
        let mineSoon = card(2, reportedOn: Day(year: 2026, month: 11, day: 20)!, medewerker: "Anouk de Wit")
        let mineLate = card(3, reportedOn: Day(year: 2026, month: 11, day: 9)!, medewerker: "Anouk de Wit")
        let theirsLater = card(4, reportedOn: Day(year: 2026, month: 12, day: 2)!, medewerker: "Sanne Kuipers")
        let items = Duties.items(cases: [theirsLate, mineSoon, mineLate, theirsLater], norms: .standard, today: today,
                                 isMine: { $0.medewerker == "Anouk de Wit" })
        #expect(items.map(\.summary.id) == [3, 2, 1])
        #expect(items.map(\.isMine) == [true, true, false])
    }

    @Test func recordingADutySaysWhatWasDoneOnWhichDay() {
        let record = DutyRecord(kind: .terugmeldingVeiligThuis, day: Day(year: 2026, month: 12, day: 3)!, what: "  Gebeld met VT over het plan ")
        #expect(record.text == "Terugmelding aan Veilig Thuis op 03-12-2026: Gebeld met VT over het plan")
        #expect(DutyKind.allCases.filter(\.isRecordedAsDone) == [.terugmeldingVeiligThuis, .eindterugmeldingVeiligThuis, .terugkoppelingTafel, .startRvkOnderzoek])
    }

    @Test func theAgendaHasLateDutiesAndDutiesDueThisWeekAsReasons() {
        let late = card(1, reportedOn: Day(year: 2026, month: 11, day: 2)!, since: Day(year: 2026, month: 11, day: 30)!)
        let soon = card(2, reportedOn: Day(year: 2026, month: 11, day: 20)!, since: Day(year: 2026, month: 11, day: 30)!)
        let agenda = MeetingAgenda.build(cases: [soon, late], norms: .standard, today: today, lastMeeting: today.adding(days: -1))
        #expect(agenda.map(\.summary.id) == [1, 2])
        #expect(agenda.map { $0.reasons } == [[.dutyLate], [.dueSoon]])
        #expect(agenda[1].duties.map(\.kind) == [.terugmeldingVeiligThuis])
    }
}
