import BoardCore
import Testing
@testable import BoardUI

/// Work that ends a case only after the user confirmed it, and a move over a WIP limit that warns
/// without refusing (issue 18, point 14).
@Suite struct ClosingConfirmationTests {
    static let closingQuestion = "Zaak 2026-0050 sluiten? Dit beëindigt de zaak."

    @Test func vrijwilligAtTheTableClosesTheCaseOnlyAfterJ() {
        var state = DossierFixture.state(section: .beschermtafel)
        Fixture.press([.character("u"), .tab, .tab] + Fixture.type("Vrijwillige hulp volstaat") + [.tab, .left], on: &state)
        #expect(state.dialog?.form["uitkomst"] == "Vrijwillig kader volstaat")
        #expect(Fixture.press([.control("s")], on: &state).isEmpty, "nothing is saved before the answer")
        #expect(CaseEndFixture.text(state).contains(Self.closingQuestion), "\(CaseEndFixture.text(state))")
        // n: back to the form, everything typed still there.
        #expect(Fixture.press([.character("n")], on: &state).isEmpty)
        #expect(!CaseEndFixture.text(state).contains(Self.closingQuestion))
        #expect(state.dialog?.form["advies"] == "Vrijwillige hulp volstaat")
        Fixture.press([.control("s")], on: &state)
        let effects = Fixture.press([.character("j")], on: &state)
        guard case .apply(.recordTableDecision(5, expectedVersion: 3, let decision))? = effects.first, effects.count == 1 else {
            Issue.record("no decision: \(effects)"); return
        }
        #expect(decision.outcome == .vrijwillig)
    }

    @Test func theRaadsOutcomeAsksAndEscGoesBackToTheForm() {
        var state = CaseEndFixture.family(stage: .rvkOnderzoek, since: 10, rvk: RvkRecord(startDate: Fixture.today.adding(days: -10)), section: .rvk)
        Fixture.press([.character("u"), .right], on: &state)
        #expect(Fixture.press([.control("s")], on: &state).isEmpty)
        #expect(CaseEndFixture.text(state).contains(Self.closingQuestion), "\(CaseEndFixture.text(state))")
        #expect(Fixture.press([.escape], on: &state).isEmpty)
        #expect(state.dialog != nil, "Esc answers the question, it does not close the form")
        #expect(!CaseEndFixture.text(state).contains(Self.closingQuestion))
        Fixture.press([.control("s")], on: &state)
        #expect(Fixture.press([.enter], on: &state) == [.apply(.recordRvkOutcome(5, expectedVersion: 3, [ChildOutcome(childID: 1, outcome: .ots), ChildOutcome(childID: 2, outcome: .geenMaatregel)], Fixture.today))])
    }

    @Test func movingToVeiligheidGewaarborgdAsksButTheBeschermtafelDoesNot() {
        var state = Fixture.state()
        Fixture.press([.right, .character(">"), .tab, .tab] + Fixture.type("Veilig genoeg"), on: &state)
        #expect(Fixture.press([.control("s")], on: &state).isEmpty)
        #expect(CaseEndFixture.text(state).contains("Zaak 2026-0080 sluiten? Dit beëindigt de zaak."), "\(CaseEndFixture.text(state))")
        #expect(Fixture.press([.character("j")], on: &state)
                == [.move(MoveRequest(caseID: 4, expectedVersion: 1, from: .onderzoek, to: .veiligheidGewaarborgd, day: Fixture.today,
                                      text: "Veilig genoeg"))])
    }


    static func board(onderzoekLimit: Int) -> AppState {
        var norms = Norms.standard
        norms.wipLimits[.onderzoek] = onderzoekLimit
        var state = AppState(today: Fixture.today, storeName: "bord.sqlite", user: "anouk", width: 80, height: 24)
        _ = state.update(.loaded(cases: Fixture.cases, norms: norms, suggestedKenmerk: "2026-0103"))
        return state
    }

    /// `>` on the first card of Aangemeld (2026-0101), saved, and the board as the store then has it.
    static func moveToOnderzoek(_ state: inout AppState) {
        let effects = Fixture.press([.character(">"), .enter], on: &state)
        guard case .move(let request)? = effects.first else { Issue.record("no move: \(effects)"); return }
        #expect(state.update(.saved(message: "Zaak verplaatst naar Onderzoek.", select: request.caseID)) == [.reload])
        let moved = Fixture.cases.map { summary -> CaseSummary in
            var summary = summary
            if summary.id == request.caseID { summary.stage = .onderzoek; summary.stageSince = Fixture.today }
            return summary
        }
        _ = state.update(.loaded(cases: moved, norms: state.norms, suggestedKenmerk: "2026-0103"))
    }

    @Test func aMoveOverTheLimitHappensAndSaysTheColumnIsOverIt() {
        var state = Self.board(onderzoekLimit: 2)
        Self.moveToOnderzoek(&state)
        #expect(state.message == StatusMessage(text: "Zaak verplaatst naar Onderzoek. Let op: Onderzoek heeft nu 3 zaken, de limiet is 2.",
                                               isError: false))
        #expect(state.columns[.onderzoek].count == 3)
    }

    @Test func aMoveWithinTheLimitSaysNothingMore() {
        var state = Self.board(onderzoekLimit: 3)
        Self.moveToOnderzoek(&state)
        #expect(state.message == StatusMessage(text: "Zaak verplaatst naar Onderzoek.", isError: false))
    }
}
