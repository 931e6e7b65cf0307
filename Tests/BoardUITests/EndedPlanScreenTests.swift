import BoardCore
import Testing
@testable import BoardUI

/// An ended plan says so once, and its keys say why they do not work (issue 18, point 10).
@Suite struct EndedPlanScreenTests {
    static func endedPlan(_ end: PlanEnd) -> JointPlan {
        var plan = PlanFixture.plan
        plan.endedOn = PlanFixture.d(11, 18)
        plan.end = end
        plan.nextEvaluation = nil
        return plan
    }

    @Test func anEndedPlanSaysSoOnceAndItsKeyBarOffersOnlyWhatWorks() {
        var state = PlanFixture.state(plans: [Self.endedPlan(.afgeschaald)])
        let screen = AppView.render(state).screen
        #expect(screen.text.contains("Plan beëindigd op 18-11-2026: afgeschaald. n start een nieuw plan."), "\(screen.text)")
        #expect(!screen.text.contains("dit plan loopt"), "an ended plan does not also say it runs:\n\(screen.text)")
        var seen = screen.text
        for _ in 0..<4 {
            Fixture.press([.pageDown], on: &state)
            seen += AppView.render(state).screen.text
        }
        for hint in ["d voegt toe", "s wisselt", "a voegt toe", "u legt vast", "v legt vast"] {
            #expect(!seen.contains(hint), "the headings offer no key that needs a running plan: ‘\(hint)’")
        }
        #expect(seen.contains("Doelen") && seen.contains("Evaluaties"))
        let bar = screen.lines.last!
        for word in ["doel", "afspraak", "status", "uren", "intensiteit", "evaluatie"] {
            #expect(!bar.contains(word), "‘\(word)’ needs a running plan: \(bar)")
        }
        #expect(bar.contains("n nieuw"), "the case is at the table, so a new plan can start: \(bar)")
        for key in ["d", "a", "s", "u", "i", "v"] {
            Fixture.press([.character(Character(key))], on: &state)
            #expect(state.message == StatusMessage(text: "Het plan is beëindigd op 18-11-2026 (afgeschaald); n start een nieuw plan.", isError: true),
                    "\(key): \(String(describing: state.message))")
            #expect(state.dialog == nil)
        }
    }

    @Test func aPlanEndedWithItsCaseOffersNoNewPlan() {
        var state = CaseEndFixture.family(stage: .rvkOnderzoek, since: 2, rvk: RvkRecord(startDate: PlanFixture.d(11, 18)), section: .gezin)
        _ = state.update(.planLoaded(caseID: 5, [Self.endedPlan(.raadBetrokken)]))
        let screen = AppView.render(state).screen
        #expect(screen.text.contains("Plan beëindigd op 18-11-2026: Raad betrokken."), "\(screen.text)")
        #expect(!screen.text.contains("n start een nieuw plan"), "\(screen.text)")
        #expect(!screen.lines.last!.contains("nieuw"), "\(screen.lines.last!)")
        Fixture.press([.character("u")], on: &state)
        #expect(state.message?.text == "Het plan is beëindigd op 18-11-2026 (Raad betrokken).")
    }
}
