import Testing
@testable import BoardCore

private func d(_ year: Int, _ month: Int, _ day: Int) -> Day { Day(year: year, month: month, day: day)! }

/// The Veiligheidsteam as a form of the joint work, and the plan as the case's veiligheidsplan.
@Suite struct VeiligheidsteamTests {
    let today = d(2026, 11, 20)

    static let members = [TeamMember(id: 1, name: "Karin Smit", organisation: "Veilig Thuis", since: d(2026, 9, 1)),
                          TeamMember(id: 2, name: "Mehmet Yilmaz", organisation: PlanOrganisation.jbra, since: d(2026, 9, 1))]

    func teamPlan(hours: [HoursEntry] = [], agreements: [PlanAgreement] = []) -> JointPlan {
        JointPlan(id: 2, caseID: 8, jeugdbeschermer: "", organisation: PlanOrganisation.veiligheidsteam, wijkteamColleague: "Anouk de Wit",
                  startDate: d(2026, 9, 1), consentDate: d(2026, 8, 30), consentBy: "moeder", agreements: agreements, hours: hours,
                  members: Self.members, nextEvaluation: d(2026, 12, 1))
    }

    func jbPlan(hours: [HoursEntry] = []) -> JointPlan {
        JointPlan(id: 1, caseID: 7, jeugdbeschermer: "Fatima Ouali", organisation: PlanOrganisation.wss, wijkteamColleague: "Anouk de Wit",
                  startDate: d(2026, 9, 5), consentDate: d(2026, 9, 1), consentBy: "vader", hours: hours, nextEvaluation: d(2026, 12, 1))
    }

    @Test func aPlanWithMembersIsTheVeiligheidsteamsAndAnyOtherAJeugdbeschermerInDeWijk() {
        #expect(teamPlan().form == .veiligheidsteam)
        #expect(jbPlan().form == .jeugdbeschermerInDeWijk)
        #expect(teamPlan().partnersText == "Karin Smit (Veilig Thuis), Mehmet Yilmaz (JBRA)")
        #expect(JointWorkForm.veiligheidsteam.mark == "VT" && JointWorkForm.jeugdbeschermerInDeWijk.mark == "JB")
        #expect(JointWorkForm.veiligheidsteam.planTitle == "Plan Veiligheidsteam")
        #expect(PlanParty.choices(for: .veiligheidsteam).contains(.veiligheidsteam))
        #expect(!PlanParty.choices(for: .jeugdbeschermerInDeWijk).contains(.veiligheidsteam))
    }

    @Test func aVeiligheidsteamStartsWithNamedMembersEachWithTheirOrganisation() {
        var start = PlanStart(form: .veiligheidsteam, members: [], jeugdbeschermer: "", organisation: "", wijkteamColleague: "Anouk",
                              startDate: d(2026, 11, 2), consentDate: d(2026, 11, 1), consentBy: "moeder", intensity: .intensief,
                              firstEvaluation: d(2027, 1, 5))
        #expect(JointPlanRules.problems(start, reportedOn: d(2026, 10, 1), today: today).map(\.field) == ["lid1naam"])
        start.members = [TeamMember(name: "Karin Smit", organisation: "Veilig Thuis", since: d(2026, 11, 2)),
                         TeamMember(name: "Ruud Jansen", organisation: " ", since: d(2026, 11, 2))]
        #expect(JointPlanRules.problems(start, reportedOn: d(2026, 10, 1), today: today).map(\.field) == ["lid2organisatie"])
        start.members[1].organisation = "Raad voor de Kinderbescherming"
        #expect(JointPlanRules.problems(start, reportedOn: d(2026, 10, 1), today: today).isEmpty, "no jeugdbeschermer is asked of a team")
    }

    @Test func hoursCountForTheOrganisationOfWhoeverSpentThem() {
        let plan = teamPlan(hours: [HoursEntry(day: d(2026, 9, 3), quarters: 6, person: "Karin Smit", description: ""),
                                    HoursEntry(day: d(2026, 9, 10), quarters: 4, person: "Mehmet Yilmaz", description: ""),
                                    HoursEntry(day: d(2026, 9, 12), quarters: 2, person: "Anouk de Wit", description: ""),
                                    HoursEntry(day: d(2026, 10, 1), quarters: 3, person: "Karin Smit", description: "")])
        #expect(plan.quartersPerOrganisation.map(\.organisation) == ["Veilig Thuis", PlanOrganisation.jbra, PlanOrganisation.wijkteam])
        #expect(plan.quartersPerOrganisation.map(\.quarters) == [9, 4, 2])
        let jb = jbPlan(hours: [HoursEntry(day: d(2026, 9, 6), quarters: 5, person: "Fatima Ouali", description: ""),
                                HoursEntry(day: d(2026, 9, 7), quarters: 1, person: "Anouk de Wit", description: "")])
        #expect(jb.organisation(of: "Fatima Ouali") == PlanOrganisation.wss)
        #expect(jb.organisation(of: "Anouk de Wit") == PlanOrganisation.wijkteam)
    }

    @Test func figuresCountPlansPerFormAndHoursPerOrganisation() {
        let team = teamPlan(hours: [HoursEntry(day: d(2026, 9, 3), quarters: 6, person: "Karin Smit", description: ""),
                                    HoursEntry(day: d(2026, 9, 4), quarters: 2, person: "Mehmet Yilmaz", description: "")])
        var ended = jbPlan(hours: [HoursEntry(day: d(2026, 9, 6), quarters: 4, person: "Fatima Ouali", description: ""),
                                   HoursEntry(day: d(2026, 9, 8), quarters: 1, person: "Anouk de Wit", description: "")])
        ended.endedOn = d(2026, 10, 1)
        ended.end = .afgeschaald
        let figures = JointPlanFigures(plans: [team, ended, jbPlan()], from: d(2026, 9, 1), to: d(2026, 12, 31))
        #expect(figures.startedByForm == [.veiligheidsteam: 1, .jeugdbeschermerInDeWijk: 2])
        #expect(figures.startedByOrganisation == [PlanOrganisation.veiligheidsteam: 1, PlanOrganisation.wss: 2])
        #expect(figures.quarters(of: "Veilig Thuis") == 6)
        #expect(figures.quarters(of: PlanOrganisation.jbra) == 2, "a team member's hours count for their own GI")
        #expect(figures.quarters(of: PlanOrganisation.wss) == 4)
        #expect(figures.quarters(of: PlanOrganisation.wijkteam) == 1)
        #expect(figures.afgeschaald == 1 && figures.stillRunning == 2)
        #expect(figures.lines.contains("Gestart: 2 Jeugdbeschermer in de wijk, 1 Veiligheidsteam"))
        let totals = JointPlanTotals(started: 3, startedPerForm: [(.jeugdbeschermerInDeWijk, 2), (.veiligheidsteam, 1)], available: true)
        #expect(CohortReportText.jointPlanLine(totals).hasPrefix("Gezamenlijke plannen: 3 gestart (2 Jeugdbeschermer in de wijk, 1 Veiligheidsteam)"))
    }

    @Test func anAgreementSaysHowItIsCheckedAndThatTheFamilyAgreed() {
        let plan = teamPlan()
        var agreement = PlanAgreement(party: .gezin, who: "vader", what: "Drinkt niet als de kinderen thuis zijn", due: d(2026, 12, 1))
        #expect(JointPlanRules.problems(agreement, plan: plan, today: today).map(\.field) == ["controle", "akkoordOp"])
        agreement.check = "onaangekondigd huisbezoek"
        agreement.consent = Consent(day: d(2026, 11, 21), by: "")
        #expect(JointPlanRules.problems(agreement, plan: plan, today: today).map(\.field) == ["akkoordOp", "akkoordDoor"])
        agreement.consent = Consent(day: d(2026, 11, 19), by: "vader en moeder")
        #expect(JointPlanRules.problems(agreement, plan: plan, today: today).isEmpty)
        #expect(JointPlanRules.problems(SafetyCondition(setBy: .veiligThuis, day: d(2026, 11, 21), text: " "), today: today).map(\.field)
                == ["voorwaarde", "datum"])
    }

    @Test func everyEvaluationMarksEachOpenAgreementKeptOrNot() {
        let plan = teamPlan(agreements: [PlanAgreement(id: 4, party: .gezin, what: "Belt de huisarts", due: d(2026, 10, 1)),
                                         PlanAgreement(id: 5, party: .wijkteam, what: "Netwerkberaad", due: d(2026, 10, 1), status: .gedaan),
                                         PlanAgreement(id: 6, party: .veiligheidsteam, what: "Spreekt de kinderen", due: d(2026, 12, 1))])
        var evaluation = PlanEvaluation(day: d(2026, 11, 1), wentWell: "rust", wentBadly: "", conclusion: .afschalen)
        #expect(JointPlanRules.problems(evaluation, plan: plan, today: today).map(\.field) == ["afspraak4", "afspraak6"],
                "the open agreements, not the one done")
        evaluation.marks = [4: .nagekomen, 6: .nietNagekomen, 5: .nagekomen]
        #expect(JointPlanRules.problems(evaluation, plan: plan, today: today).map(\.field) == ["datum"], "a closed agreement is not marked")
        evaluation.marks = [4: .nagekomen, 6: .nietNagekomen]
        #expect(JointPlanRules.problems(evaluation, plan: plan, today: today).isEmpty)
        #expect(evaluation.summaryText(form: .veiligheidsteam).hasPrefix("evaluatie plan Veiligheidsteam 01-11-2026: Raad betrekken"))
    }

    @Test func theBoardsFilterKnowsBothForms() {
        var summary = CaseSummary(id: 1, kenmerk: "2026-0001", familyID: 1, familyName: "Bakker", wijk: "Osdorp", source: .veiligThuis,
                                  reportedOn: d(2026, 11, 10), stage: .onderzoek, stageSince: d(2026, 11, 12), medewerker: "",
                                  childCount: 1, youngestBirthDate: nil, version: 1)
        let team = BoardFacets(jointWork: .veiligheidsteam), jb = BoardFacets(jointWork: .jeugdbeschermerInDeWijk)
        #expect(!team.matches(summary) && !jb.matches(summary), "no plan, neither form")
        summary.planNextEvaluation = d(2026, 12, 1)
        summary.activePlanForm = .veiligheidsteam
        #expect(team.matches(summary) && !jb.matches(summary))
        #expect(team.descriptions == ["plan Veiligheidsteam"])
        #expect(!team.isEmpty)
    }
}
