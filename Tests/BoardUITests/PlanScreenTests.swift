import BoardCore
import Testing
@testable import BoardUI

enum PlanFixture {
    static func d(_ month: Int, _ day: Int) -> Day { Day(year: 2026, month: month, day: day)! }

    static let plan = JointPlan(
        id: 3, caseID: 5, jeugdbeschermer: "Fatima Ouali", organisation: PlanOrganisation.jbra, wijkteamColleague: "Anouk de Wit",
        startDate: d(10, 15), consentDate: d(10, 14), consentBy: "moeder",
        intensities: [IntensityChange(day: d(10, 15), intensity: .intensief), IntensityChange(day: d(11, 10), intensity: .advies)],
        goals: [PlanGoal(id: 1, text: "Geen ruzie waar de kinderen bij zijn", safetyConditions: "Kinderen veilig thuis", status: .open),
                PlanGoal(id: 2, text: "Elke dag op tijd naar school", safetyConditions: "", status: .bereikt)],
        agreements: [PlanAgreement(id: 7, party: .gezin, who: "moeder", what: "Belt de huisarts", due: d(11, 10)),
                     PlanAgreement(id: 8, party: .wijkteam, what: "Netwerkberaad plannen", due: d(12, 1), status: .open),
                     PlanAgreement(id: 9, party: .jeugdbeschermer, what: "Kinderen apart spreken", due: d(11, 1), status: .gedaan)],
        hours: [HoursEntry(day: d(10, 16), quarters: 6, person: "Fatima Ouali", description: "huisbezoek"),
                HoursEntry(day: d(10, 30), quarters: 2, person: "Anouk de Wit", description: "overleg"),
                HoursEntry(day: d(11, 3), quarters: 4, person: "Fatima Ouali", description: "gesprek school")],
        evaluations: [PlanEvaluation(day: d(11, 1), wentWell: "Moeder is open", wentBadly: "Vader niet bereikt", conclusion: .doorgaan,
                                     nextEvaluation: d(11, 15))],
        nextEvaluation: d(11, 15))

    /// The family screen with the plan screen on top.
    static func state(width: Int = 80, height: Int = 24, plans: [JointPlan] = [plan]) -> AppState {
        var state = DossierFixture.state(width: width, height: height, section: .gezin)
        _ = state.update(.planLoaded(caseID: 5, plans))
        return state
    }
}

@Suite struct PlanScreenTests {
    @Test(arguments: [(80, 24), (200, 50)])
    func thePlanScreenShowsEverythingItRecords(size: (Int, Int)) {
        var state = PlanFixture.state(width: size.0, height: size.1)
        var text = AppView.render(state).screen.text
        let top = ["Plan JB in de wijk · gezin El Amrani · zaak 2026-0050", "Fatima Ouali (JBRA)", "Anouk de Wit",
                   "14-10-2026 door moeder", "advies sinds 10-11-2026", "eerder: intensief sinds 15-10-2026",
                   "15-11-2026  ! verstreken", "▶ · [open] Geen ruzie", "✓ [bereikt] Elke dag"]
        for fragment in top { #expect(text.contains(fragment), "\(size.0)x\(size.1) mist ‘\(fragment)’") }
        // The rest may be below the fold at 80x24: page down until it shows.
        var seen = text
        for _ in 0..<4 {
            Fixture.press([.pageDown], on: &state)
            text = AppView.render(state).screen.text
            seen += text
        }
        let rest = ["! 10-11-2026 [open] gezinslid (moeder): Belt de huisarts  ! te laat", "[gedaan] jeugdbeschermer: Kinderen apart spreken",
                    "totaal 3:00 uur", "Per persoon: Fatima Ouali 2:30 u · Anouk de Wit 0:30 u", "oktober 2026 2:00 u · november 2026 1:00 u",
                    "01-11-2026  doorgaan, volgende 15-11-2026", "niet goed: Vader niet bereikt"]
        for fragment in rest { #expect(seen.contains(fragment), "\(size.0)x\(size.1) mist ‘\(fragment)’") }
        #expect(!seen.contains("! 01-12-2026"), "an agreement not yet due is not overdue")
        #expect(AppView.render(state).screen.lines.last!.contains("d doel"), "the key bar shows the plan's keys")
    }

    @Test func pOnTheFamilyScreenOpensThePlanAndEscGoesBack() {
        var state = DossierFixture.state(section: .veiligheid)
        #expect(Fixture.press([.character("p")], on: &state) == [.openPlan(5)])
        _ = state.update(.planLoaded(caseID: 5, [PlanFixture.plan]))
        #expect(state.openPlan?.plan?.id == 3)
        Fixture.press([.escape], on: &state)
        #expect(state.openPlan == nil)
        #expect(state.openFamily?.section == .veiligheid)
    }

    @Test func aCaseWithoutAPlanIsOfferedTheStartFormAndConsentIsRequired() {
        var state = PlanFixture.state(plans: [])
        guard case .plan(let planForm)? = state.dialog else { Issue.record("no start form"); return }
        #expect(planForm.kind == .start)
        let text = AppView.render(state).screen.text
        #expect(text.contains("vrijwillig kader"))
        Fixture.press(Fixture.type("Fatima Ouali"), on: &state)
        #expect(Fixture.press([.control("s")], on: &state).isEmpty)
        guard case .plan(let refused)? = state.dialog else { Issue.record("form closed"); return }
        #expect(refused.form.fields[refused.form.index(of: "instemming")!].error == "Zonder instemming van het gezin start er geen plan (vrijwillig kader)")
        #expect(refused.form.fields[refused.form.index(of: "instemmingDoor")!].error != nil)
        // Fill in consent: the start is asked of the store, on the version the user saw.
        Fixture.press([.control("u")] + Fixture.type("19-11-2026") + [.tab] + Fixture.type("moeder"), on: &state)
        let effects = Fixture.press([.control("s")], on: &state)
        guard case .applyPlan(.start(5, expectedVersion: 3, let start))? = effects.first else { Issue.record("no start: \(effects)"); return }
        #expect(start.consentDate == Day(year: 2026, month: 11, day: 19))
        #expect(start.organisation == PlanOrganisation.jbra)
        #expect(start.wijkteamColleague == "Anouk de Wit")
        // Esc on the plan screen behind it shows the explanation.
        _ = state.update(.failed("x"))
        Fixture.press([.escape, .character("j")], on: &state)
        #expect(AppView.render(state).screen.text.contains("Zonder instemming (datum en door wie) start er geen plan."))
    }

    @Test func sCyclesTheStatusOfTheSelectedGoalOrAgreement() {
        var state = PlanFixture.state()
        #expect(Fixture.press([.character("s")], on: &state) == [.applyPlan(.setGoalStatus(5, goalID: 1, .bereikt))])
        #expect(Fixture.press([.down, .down, .character("s")], on: &state) == [.applyPlan(.setAgreementStatus(5, agreementID: 7, .gedaan))])
        #expect(Fixture.press([.down, .down, .down, .down, .character("s")], on: &state) == [.applyPlan(.setAgreementStatus(5, agreementID: 9, .nietGedaan))])
    }

    @Test func hoursMustBeQuarterHours() {
        var state = PlanFixture.state()
        Fixture.press([.character("u"), .tab] + Fixture.type("1,3") + [.control("s")], on: &state)
        guard case .plan(let planForm)? = state.dialog else { Issue.record("form closed"); return }
        #expect(planForm.form.fields[planForm.form.index(of: "uren")!].error == "‘1,3’ is geen heel kwartier: gebruik stappen van 0,25")
        let effects = Fixture.press([.control("u")] + Fixture.type("1,25") + [.control("s")], on: &state)
        #expect(effects == [.applyPlan(.addHours(5, 3, HoursEntry(day: Fixture.today, quarters: 5, person: "Fatima Ouali", description: "")))])
    }

    @Test func anEvaluationThatContinuesNeedsTheNextDate() {
        var state = PlanFixture.state()
        var keys: [Key] = [.character("v"), .tab] + Fixture.type("Goed contact") + [.tab, .tab, .tab, .control("u"), .control("s")]
        #expect(Fixture.press(keys, on: &state).isEmpty)
        guard case .plan(let planForm)? = state.dialog else { Issue.record("form closed"); return }
        #expect(planForm.form.fields[planForm.form.index(of: "volgende")!].error == "Bij doorgaan hoort de datum van de volgende evaluatie")
        // Raad betrekken: no next date needed; the subtitle says where the case goes.
        keys = [.up, .right, .right]
        Fixture.press(keys, on: &state)
        #expect(AppView.render(state).screen.text.contains("naar RvK-onderzoek"))
        // Every open agreement is marked (the one done is not asked): nagekomen, niet nagekomen.
        Fixture.press([.tab, .tab, .right, .tab, .right, .right], on: &state)
        let effects = Fixture.press([.control("s")], on: &state)
        guard case .applyPlan(.evaluate(5, expectedVersion: 3, 3, let evaluation))? = effects.first else { Issue.record("no evaluation: \(effects)"); return }
        #expect(evaluation.conclusion == .raadBetrekken)
        #expect(evaluation.wentWell == "Goed contact")
        #expect(evaluation.marks == [7: .nagekomen, 8: .nietNagekomen])
    }

    @Test func helpListsThePlanKeys() {
        var state = PlanFixture.state()
        Fixture.press([.character("?")], on: &state)
        let text = AppView.render(state).screen.text
        for fragment in ["doel toevoegen", "afspraak toevoegen", "status van het gekozen doel", "uren vastleggen", "intensiteit wijzigen",
                         "evaluatie vastleggen"] {
            #expect(text.contains(fragment), "help mist ‘\(fragment)’")
        }
    }

    @Test func aSavedChangeRefreshesThePlanAndTheFamily() {
        var state = PlanFixture.state()
        Fixture.press([.character("d")] + Fixture.type("Nieuw doel"), on: &state)
        #expect(Fixture.press([.control("s")], on: &state) == [.applyPlan(.addGoal(5, 3, PlanGoal(text: "Nieuw doel", safetyConditions: "")))])
        let effects = state.update(.saved(message: "Doel toegevoegd.", select: 5))
        #expect(effects.contains(.refreshPlan(5)))
        #expect(effects.contains(.refreshFamily(5)))
        guard case .plan? = state.pages.last else { Issue.record("the form stays open"); return }
    }
}

@Suite struct PlanBoardTests {
    static var cases: [CaseSummary] {
        var cases = Fixture.cases
        cases[2].planNextEvaluation = Fixture.today.adding(days: 10)
        cases[4].planNextEvaluation = Fixture.today.adding(days: -2)
        return cases
    }

    @Test(arguments: [(80, 24), (200, 50)])
    func aCardWithAPlanCarriesAMarkAndItsNextEvaluation(size: (Int, Int)) {
        let state = Fixture.state(width: size.0, height: size.1, cases: Self.cases)
        let text = AppView.render(state).screen.text
        #expect(text.contains("◆JB ev 30-11"))
        #expect(text.contains("◆JB! ev 18-11"), "a passed evaluation is marked without colour")
    }

    @Test func aPassedEvaluationMakesTheCaseOverdue() {
        let state = Fixture.state(cases: Self.cases)
        #expect(state.isOverdue(Self.cases[4]))
        #expect(!state.isOverdue(Self.cases[2]))
    }

    @Test func JShowsOnlyCasesWithAnActivePlan() {
        var state = Fixture.state(cases: Self.cases)
        Fixture.press([.character("J")], on: &state)
        #expect(state.columns.total == 2)
        #expect(AppView.render(state).screen.text.contains("Alleen zaken met een lopend plan"))
        Fixture.press([.character("J")], on: &state)
        #expect(state.columns.total == Fixture.state(cases: Self.cases).columns.total)
        Fixture.press([.character("J"), .escape], on: &state)
        #expect(!state.showsOnlyPlans, "Esc clears the filter")
        _ = state.update(.resize(width: 200, height: 50))
        Fixture.press([.character("?")], on: &state)
        #expect(AppView.render(state).screen.text.contains("alleen zaken met een lopend plan"))
    }
}
