import BoardCore
import Testing
@testable import BoardUI

enum TeamFixture {
    static let d = PlanFixture.d

    /// The fixture's plan as the Veiligheidsteam's: two members, a condition, agreements with
    /// their check and consent, an evaluation that marked them.
    static let plan: JointPlan = {
        var plan = PlanFixture.plan
        plan.jeugdbeschermer = ""
        plan.organisation = PlanOrganisation.veiligheidsteam
        plan.members = [TeamMember(id: 1, name: "Karin Smit", organisation: "Veilig Thuis", since: d(10, 15)),
                        TeamMember(id: 2, name: "Ruud Jansen", organisation: "Raad voor de Kinderbescherming", since: d(11, 2))]
        plan.conditions = [SafetyCondition(id: 1, setBy: .beschermtafel, day: d(10, 10), text: "Vader woont niet thuis zolang hij drinkt")]
        plan.agreements[0].check = "onaangekondigd huisbezoek"
        plan.agreements[0].consent = Consent(day: d(10, 15), by: "moeder")
        plan.evaluations[0].marks = [7: .nietNagekomen, 8: .nagekomen]
        plan.hours = [HoursEntry(day: d(10, 16), quarters: 6, person: "Karin Smit", description: "huisbezoek"),
                      HoursEntry(day: d(10, 30), quarters: 2, person: "Anouk de Wit", description: "overleg")]
        return plan
    }()
}

@Suite struct VeiligheidsteamScreenTests {
    @Test(arguments: [(80, 24), (200, 50)])
    func thePlanPageIsTheVeiligheidsplanOfTheVeiligheidsteam(size: (Int, Int)) {
        var state = PlanFixture.state(width: size.0, height: size.1, plans: [TeamFixture.plan])
        var seen = AppView.render(state).screen.text
        for _ in 0..<5 {
            Fixture.press([.pageDown], on: &state)
            seen += AppView.render(state).screen.text
        }
        // At 80 columns the longest lines are cut or wrapped: their whole text is seen at 200.
        let whole = size.0 < 200 ? [] : ["Ruud Jansen (Raad voor de Kinderbescherming), sinds 02-11-2026",
                                         "controle: onaangekondigd huisbezoek · akkoord gezin 15-10-2026 door moeder · evaluaties: 01-11-2026 niet nagekomen"]
        for fragment in ["Plan Veiligheidsteam · gezin El Amrani", "Karin Smit (Veilig Thuis)", "Ruud Jansen (Raad voor de Kinderbescherming)",
                         "Veiligheidsvoorwaarden (w legt vast)", "10-10-2026  Beschermtafel: Vader woont niet thuis zolang hij drinkt",
                         "controle: onaangekondigd huisbezoek", "Per organisatie: Veilig Thuis 1:30 u · wijkteam 0:30 u",
                         "niet nagekomen: Belt de huisarts", "nagekomen: Netwerkberaad plannen"] + whole {
            #expect(seen.contains(fragment), "\(size.0)x\(size.1) mist ‘\(fragment)’")
        }
        #expect(!seen.contains("Jeugdbeschermer "), "a team names no jeugdbeschermer")
    }

    @Test func startingAVeiligheidsteamPlanNamesItsMembers() {
        var state = PlanFixture.state(plans: [])
        // The form's choice stands above the jeugdbeschermer: change it to the Veiligheidsteam.
        Fixture.press([.up, .right], on: &state)
        guard case .plan(let chosen)? = state.dialog else { Issue.record("no start form"); return }
        #expect(chosen.form["vorm"] == "Veiligheidsteam")
        #expect(chosen.form.index(of: "jeugdbeschermer") == nil && chosen.form.index(of: "lid1naam") != nil)
        // One member, the organisation completed from the seed's list; a row for the next appears.
        Fixture.press([.tab] + Fixture.type("Karin Smit") + [.tab] + Fixture.type("Veil") + [.tab], on: &state)
        guard case .plan(let typed)? = state.dialog else { Issue.record("form closed"); return }
        #expect(typed.form["lid1organisatie"] == "Veilig Thuis")
        #expect(typed.form.index(of: "lid2naam") != nil)
        Fixture.press([.tab] + Fixture.type("Ruud Jansen") + [.tab] + Fixture.type("Raad voor de Kinderbescherming"), on: &state)
        guard case .plan(var filled)? = state.dialog else { Issue.record("form closed"); return }
        filled.form["instemming"] = "19-11-2026"
        filled.form["instemmingDoor"] = "moeder"
        state.dialog = .plan(filled)
        let effects = Fixture.press([.control("s")], on: &state)
        guard case .applyPlan(.start(5, expectedVersion: 3, let start))? = effects.first else { Issue.record("no start: \(effects)"); return }
        #expect(start.form == .veiligheidsteam)
        #expect(start.members.map(\.text) == ["Karin Smit (Veilig Thuis)", "Ruud Jansen (Raad voor de Kinderbescherming)"])
        #expect(start.members.allSatisfy { $0.since == start.startDate })
    }

    @Test func aVeiligheidsteamWithoutMembersIsRefused() {
        var state = PlanFixture.state(plans: [])
        guard case .plan(var form)? = state.dialog else { Issue.record("no start form"); return }
        form.form["instemming"] = "19-11-2026"
        form.form["instemmingDoor"] = "moeder"
        state.dialog = .plan(form)
        Fixture.press([.up, .right, .control("s")], on: &state)
        guard case .plan(let refused)? = state.dialog else { Issue.record("form closed"); return }
        #expect(refused.form.fields[refused.form.index(of: "lid1naam")!].error == "Noem ten minste één lid van het Veiligheidsteam")
    }

    @Test func anEvaluationMarksEveryOpenAgreement() {
        var state = PlanFixture.state()
        Fixture.press([.character("v"), .tab] + Fixture.type("Rustiger") + [.tab, .tab, .right], on: &state)
        #expect(Fixture.press([.control("s")], on: &state).isEmpty, "afschalen, but the open agreements are not marked")
        guard case .plan(let refused)? = state.dialog else { Issue.record("form closed"); return }
        #expect(refused.form.fields[refused.form.index(of: "afspraak7")!].error == "Geef aan of de afspraak is nagekomen: Belt de huisarts")
        #expect(refused.form.index(of: "afspraak9") == nil, "an agreement done is not marked")
        // afspraak7: nagekomen; afspraak8: niet nagekomen.
        Fixture.press([.right, .tab, .right, .right], on: &state)
        let effects = Fixture.press([.control("s")], on: &state)
        guard case .applyPlan(.evaluate(5, expectedVersion: 3, 3, let evaluation))? = effects.first else { Issue.record("no evaluation: \(effects)"); return }
        #expect(evaluation.conclusion == .afschalen)
        #expect(evaluation.marks == [7: .nagekomen, 8: .nietNagekomen])
    }

    @Test func anAgreementAsksHowItIsCheckedAndTheFamilysConsent() {
        var state = PlanFixture.state()
        Fixture.press([.character("a"), .tab, .tab] + Fixture.type("Belt de school") + [.tab, .tab, .control("s")], on: &state)
        guard case .plan(let refused)? = state.dialog else { Issue.record("form closed"); return }
        #expect(refused.form.fields[refused.form.index(of: "controle")!].error == "Vul in hoe de afspraak wordt gecontroleerd")
        #expect(refused.form["akkoordDoor"] == "moeder", "the consent to the plan is offered")
        let effects = Fixture.press(Fixture.type("navraag bij school") + [.control("s")], on: &state)
        guard case .applyPlan(.addAgreement(5, 3, let agreement))? = effects.first else { Issue.record("no agreement: \(effects)"); return }
        #expect(agreement.check == "navraag bij school")
        #expect(agreement.consent == Consent(day: Fixture.today, by: "moeder"))
    }

    @Test func aMemberAndAConditionAreAddedFromThePlanPage() {
        var state = PlanFixture.state(plans: [TeamFixture.plan])
        var effects = Fixture.press([.character("t")] + Fixture.type("Ilse Verbeek") + [.tab] + Fixture.type("Blijf") + [.tab, .control("s")], on: &state)
        #expect(effects == [.applyPlan(.addMember(5, 3, TeamMember(name: "Ilse Verbeek", organisation: "Blijf Groep", since: Fixture.today)))])
        state.dialog = nil
        effects = Fixture.press([.character("w"), .tab, .tab] + Fixture.type("Geen geweld") + [.control("s")], on: &state)
        #expect(effects == [.applyPlan(.addCondition(5, 3, SafetyCondition(setBy: .beschermtafel, day: Fixture.today, text: "Geen geweld")))],
                "at the Beschermtafel the table set it")
        // A Jeugdbeschermer in de wijk has no members: t says why.
        var jb = PlanFixture.state()
        #expect(Fixture.press([.character("t")], on: &jb).isEmpty)
        #expect(jb.dialog == nil)
    }

    @Test func hoursInATeamPlanAreByAMemberOrTheColleague() {
        var state = PlanFixture.state(plans: [TeamFixture.plan])
        Fixture.press([.character("u")], on: &state)
        guard case .plan(let form)? = state.dialog else { Issue.record("no form"); return }
        let field = form.form.fields[form.form.index(of: "door")!]
        #expect(field.kind == .choice(["Karin Smit", "Ruud Jansen", "Anouk de Wit"]))
    }
}

@Suite struct VeiligheidsteamBoardTests {
    static var cases: [CaseSummary] {
        var cases = Fixture.cases
        cases[2].planNextEvaluation = Fixture.today.adding(days: 10)
        cases[4].planNextEvaluation = Fixture.today.adding(days: 3)
        cases[4].activePlanForm = .veiligheidsteam
        return cases
    }

    @Test(arguments: [(80, 24), (200, 50)])
    func theCardSaysWhoseThePlanIs(size: (Int, Int)) {
        let text = AppView.render(Fixture.state(width: size.0, height: size.1, cases: Self.cases)).screen.text
        #expect(text.contains("◆JB ev 30-11"))
        #expect(text.contains("◆VT ev 23-11"))
    }

    @Test func theFilterChoosesAForm() {
        var state = Fixture.state(width: 120, height: 40, cases: Self.cases)
        Fixture.press([.character("f"), .tab, .tab, .tab, .right, .right, .control("s")], on: &state)
        #expect(state.facets == BoardFacets(jointWork: .veiligheidsteam))
        #expect(state.columns.total == 1 && state.cards(in: .beschermtafel).map(\.id) == [5])
        Fixture.press([.character("f"), .tab, .tab, .tab, .left, .control("s")], on: &state)
        #expect(state.columns.total == 1 && state.cards(in: .onderzoek).map(\.id) == [3])
    }

    @Test func theAgendaShowsWhoseThePlanIs() throws {
        var state = Fixture.state(width: 140, height: 40, cases: Self.cases)
        Fixture.press([.character("A")], on: &state)
        _ = state.update(.meetingLoaded(MeetingRecord(lastMeeting: nil, decidedToday: [])))
        let text = AppView.render(state).screen.text
        let line = try #require(text.split(separator: "\n").first(where: { $0.contains("El Amrani") }), "\(text)")
        #expect(line.contains("◆VT ev 23-11"), "\(text)")
    }
}
