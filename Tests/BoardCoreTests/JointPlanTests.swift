import Testing
@testable import BoardCore

private func d(_ year: Int, _ month: Int, _ day: Int) -> Day { Day(year: year, month: month, day: day)! }

@Suite struct JointPlanTests {
    let today = d(2026, 11, 20)

    func start(consent: Day? = d(2026, 11, 1), by: String = "moeder", startDate: Day = d(2026, 11, 2),
               firstEvaluation: Day = d(2027, 1, 5)) -> PlanStart {
        PlanStart(jeugdbeschermer: "Fatima Ouali", organisation: PlanOrganisation.jbra, wijkteamColleague: "Anouk de Wit",
                  startDate: startDate, consentDate: consent, consentBy: by, intensity: .intensief, firstEvaluation: firstEvaluation)
    }

    @Test func aPlanWithConsentMayStart() {
        #expect(JointPlanRules.problems(start(), reportedOn: d(2026, 10, 1), today: today).isEmpty)
    }

    @Test func noConsentNoPlan() {
        let problems = JointPlanRules.problems(start(consent: nil, by: ""), reportedOn: d(2026, 10, 1), today: today)
        #expect(problems.map(\.field) == ["instemming", "instemmingDoor"])
        #expect(problems[0].message == "Zonder instemming van het gezin start er geen plan (vrijwillig kader)")
    }

    @Test func consentAfterTheStartOrInTheFutureIsRefused() {
        let late = JointPlanRules.problems(start(consent: d(2026, 11, 5)), reportedOn: d(2026, 10, 1), today: today)
        #expect(late.map(\.field) == ["instemming"])
        let future = JointPlanRules.problems(start(consent: d(2026, 12, 1), startDate: d(2026, 12, 1)), reportedOn: d(2026, 10, 1), today: today)
        #expect(future.map(\.field).contains("start"))
        #expect(future.map(\.field).contains("instemming"))
    }

    @Test func theFirstEvaluationLiesAfterTheStart() {
        let problems = JointPlanRules.problems(start(firstEvaluation: d(2026, 11, 2)), reportedOn: d(2026, 10, 1), today: today)
        #expect(problems.map(\.field) == ["evaluatie"])
    }

    var plan: JointPlan {
        JointPlan(id: 1, caseID: 7, jeugdbeschermer: "Fatima Ouali", organisation: PlanOrganisation.jbra, wijkteamColleague: "Anouk",
                  startDate: d(2026, 9, 1), consentDate: d(2026, 8, 30), consentBy: "moeder",
                  intensities: [IntensityChange(day: d(2026, 9, 1), intensity: .intensief)], nextEvaluation: d(2026, 11, 1))
    }

    @Test func continuingNeedsTheNextEvaluationAfterThisOne() {
        let without = PlanEvaluation(day: d(2026, 11, 1), wentWell: "rust", wentBadly: "", conclusion: .doorgaan)
        #expect(JointPlanRules.problems(without, plan: plan, today: today).map(\.field) == ["volgende"])
        let before = PlanEvaluation(day: d(2026, 11, 1), wentWell: "rust", wentBadly: "", conclusion: .doorgaan, nextEvaluation: d(2026, 10, 1))
        #expect(JointPlanRules.problems(before, plan: plan, today: today).map(\.field) == ["volgende"])
        let fine = PlanEvaluation(day: d(2026, 11, 1), wentWell: "rust", wentBadly: "", conclusion: .doorgaan, nextEvaluation: d(2027, 1, 1))
        #expect(JointPlanRules.problems(fine, plan: plan, today: today).isEmpty)
        let ending = PlanEvaluation(day: d(2026, 11, 1), wentWell: "", wentBadly: "geen verbetering", conclusion: .afschalen)
        #expect(JointPlanRules.problems(ending, plan: plan, today: today).isEmpty, "afschalen needs no next date")
    }

    @Test func anEvaluationNeedsContentAndADateInThePlan() {
        let empty = PlanEvaluation(day: d(2026, 8, 1), wentWell: " ", wentBadly: "", conclusion: .afschalen)
        #expect(JointPlanRules.problems(empty, plan: plan, today: today).map(\.field) == ["datum", "goed"])
        var ended = plan
        ended.endedOn = d(2026, 10, 1)
        let late = PlanEvaluation(day: d(2026, 11, 1), wentWell: "x", wentBadly: "", conclusion: .afschalen)
        #expect(JointPlanRules.problems(late, plan: ended, today: today).map(\.message) == ["Dit plan is al beëindigd"])
    }

    @Test func conclusionsEndThePlanOrNot() {
        #expect(EvaluationConclusion.doorgaan.end == nil)
        #expect(EvaluationConclusion.afschalen.end == .afgeschaald)
        #expect(EvaluationConclusion.raadBetrekken.end == .raadBetrokken)
    }

    @Test func involvingTheRaadMovesTheCaseTowardsTheRaadThroughTheTable() throws {
        let evaluation = PlanEvaluation(day: d(2026, 11, 18), wentWell: "moeder open", wentBadly: "vader weigert", conclusion: .raadBetrekken)
        let fromOnderzoek = try JointPlanRules.raadMoves(caseID: 7, version: 4, stage: .onderzoek, stageSince: d(2026, 9, 1), evaluation: evaluation).get()
        #expect(fromOnderzoek.map(\.to) == [.beschermtafel])
        #expect(fromOnderzoek[0].requester == .jeugdbescherming)
        #expect(fromOnderzoek[0].day == d(2026, 11, 18))
        let fromTable = try JointPlanRules.raadMoves(caseID: 7, version: 4, stage: .beschermtafel, stageSince: d(2026, 11, 19), evaluation: evaluation).get()
        #expect(fromTable.map(\.to) == [.rvkOnderzoek])
        #expect(fromTable[0].day == d(2026, 11, 19), "never before the case entered its column")
        #expect(fromTable[0].text.contains("vader weigert"), "the evaluation is the table's advice")
        let fromAangemeld = try JointPlanRules.raadMoves(caseID: 7, version: 4, stage: .aangemeld, stageSince: d(2026, 9, 1), evaluation: evaluation).get()
        #expect(fromAangemeld.map(\.to) == [.onderzoek, .beschermtafel])
        for move in fromAangemeld + fromOnderzoek + fromTable {
            #expect(throws: Never.self) {
                try Transitions.validate(move, stageSince: move.day, cameFrom: nil, today: today).get()
            }
        }
        #expect(try JointPlanRules.raadMoves(caseID: 7, version: 4, stage: .rvkOnderzoek, stageSince: d(2026, 9, 1), evaluation: evaluation).get().isEmpty)
        guard case .failure = JointPlanRules.raadMoves(caseID: 7, version: 4, stage: .veiligheidGewaarborgd, stageSince: d(2026, 9, 1), evaluation: evaluation) else {
            Issue.record("a closed case cannot involve the Raad")
            return
        }
    }

    @Test(arguments: [("1", 4), ("1,5", 6), ("0.25", 1), ("2,75", 11), ("0,50", 2), (",5", 2), ("24", 96)])
    func hoursInQuarters(text: String, quarters: Int) {
        #expect(JointPlanRules.quarters(text) == .success(quarters))
    }

    @Test func hoursThatAreNotQuartersAreRefused() {
        #expect(JointPlanRules.quarters("1,3") == .failure(.notAQuarter("1,3")))
        #expect(PlanHoursProblem.notAQuarter("1,3").message == "‘1,3’ is geen heel kwartier: gebruik stappen van 0,25")
        #expect(JointPlanRules.quarters("0") == .failure(.empty))
        #expect(JointPlanRules.quarters("") == .failure(.empty))
        #expect(JointPlanRules.quarters("twee") == .failure(.notANumber("twee")))
        #expect(JointPlanRules.quarters("24,25") == .failure(.tooMany))
        #expect(JointPlanRules.hoursText(6) == "1:30")
        #expect(JointPlanRules.hoursText(3) == "0:45")
        #expect(JointPlanRules.hoursText(201) == "50:15")
    }

    @Test func overdueAgreementsAndEvaluationsMakeTheCaseOverdue() {
        var summary = CaseSummary(id: 1, kenmerk: "2026-0001", familyID: 1, familyName: "Bakker", wijk: "Osdorp", source: .veiligThuis,
                                  reportedOn: d(2026, 11, 10), stage: .onderzoek, stageSince: d(2026, 11, 12), medewerker: "",
                                  childCount: 1, youngestBirthDate: nil, version: 1)
        #expect(!Norms.standard.isOverdue(summary, today: today))
        summary.planNextEvaluation = d(2026, 12, 1)
        #expect(summary.hasActivePlan)
        #expect(!Norms.standard.isOverdue(summary, today: today))
        summary.planEarliestAgreementDue = d(2026, 11, 19)
        #expect(Norms.standard.isOverdue(summary, today: today), "an open agreement past its date")
        summary.planEarliestAgreementDue = nil
        summary.planNextEvaluation = d(2026, 11, 19)
        #expect(Norms.standard.isOverdue(summary, today: today), "a passed evaluation")
        summary.planNextEvaluation = d(2026, 11, 20)
        #expect(!Norms.standard.isOverdue(summary, today: today), "due today is not overdue yet")
    }

    @Test func planTotalsPerPersonAndMonth() {
        var plan = self.plan
        plan.hours = [HoursEntry(day: d(2026, 9, 3), quarters: 6, person: "Fatima", description: ""),
                      HoursEntry(day: d(2026, 9, 20), quarters: 2, person: "Anouk", description: ""),
                      HoursEntry(day: d(2026, 10, 2), quarters: 4, person: "Fatima", description: "")]
        #expect(plan.totalQuarters == 12)
        #expect(plan.quartersPerPerson.map(\.person) == ["Fatima", "Anouk"])
        #expect(plan.quartersPerPerson.map(\.quarters) == [10, 2])
        #expect(plan.quartersPerMonth.map(\.month) == ["2026-09", "2026-10"])
        #expect(plan.quartersPerMonth.map(\.quarters) == [8, 4])
        #expect(JointPlanRules.monthTitle("2026-09") == "september 2026")
    }
}

@Suite struct JointPlanFiguresTests {
    func plan(_ id: Int64, _ organisation: String, start: Day, end: PlanEnd? = nil, endedOn: Day? = nil, hours: [(Day, Int)] = []) -> JointPlan {
        JointPlan(id: id, caseID: id, jeugdbeschermer: "x", organisation: organisation, wijkteamColleague: "y", startDate: start,
                  consentDate: start, consentBy: "moeder",
                  hours: hours.map { HoursEntry(day: $0.0, quarters: $0.1, person: "x", description: "") },
                  endedOn: endedOn, end: end)
    }

    @Test func figuresOfOnePeriod() {
        let plans = [
            plan(1, PlanOrganisation.jbra, start: d(2026, 1, 10), end: .afgeschaald, endedOn: d(2026, 3, 1), hours: [(d(2026, 1, 12), 8), (d(2026, 2, 2), 4)]),
            plan(2, PlanOrganisation.jbra, start: d(2026, 2, 1), end: .raadBetrokken, endedOn: d(2026, 7, 1), hours: [(d(2026, 2, 3), 2)]),
            plan(3, PlanOrganisation.wss, start: d(2026, 3, 15), hours: [(d(2026, 3, 20), 5), (d(2026, 7, 1), 40)]),
            // Started before the period, ended in it; its hours in the period count.
            plan(4, "Jeugd- en Gezinsbeschermers", start: d(2025, 11, 1), end: .afgeschaald, endedOn: d(2026, 1, 20), hours: [(d(2025, 12, 1), 9), (d(2026, 1, 5), 3)]),
        ]
        let figures = JointPlanFigures(plans: plans, from: d(2026, 1, 1), to: d(2026, 3, 31))
        #expect(figures.startedByOrganisation == [PlanOrganisation.jbra: 2, PlanOrganisation.wss: 1])
        #expect(figures.totalStarted == 3)
        #expect(figures.endedByOrganisation == [PlanOrganisation.jbra: 1, "Jeugd- en Gezinsbeschermers": 1])
        #expect(figures.afgeschaald == 1)
        #expect(figures.raadBetrokken == 1, "plan 2 started in the period and ended with the Raad, even if later")
        #expect(figures.stillRunning == 1)
        #expect(figures.quarters(of: PlanOrganisation.jbra) == 14)
        #expect(figures.quartersByOrganisationAndMonth[PlanOrganisation.jbra] == ["2026-01": 8, "2026-02": 6])
        #expect(figures.quarters(of: PlanOrganisation.wss) == 5, "July is outside the period")
        #expect(figures.quarters(inMonth: "2026-01") == 11)
        #expect(figures.lines.contains("JBRA: 2 gestart, 1 beëindigd, 3:30 uur"))
        #expect(figures.lines.contains("Van de gestarte plannen: 1 afgeschaald, 1 Raad betrokken, 1 lopend"))
        #expect(figures.lines.contains("januari 2026: 2:45 uur"))
    }
}
