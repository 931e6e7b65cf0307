import BoardCore
import Testing
@testable import BoardUI

/// The forms that name a child (the Raad's outcome, a safety score) and the card's lowest score.
@Suite struct ChildOutcomeFormTests {
    @Test func theRaadsOutcomeIsAskedPerChildAndAChildCanBeLeftOut() {
        var state = CaseEndFixture.family(stage: .rvkOnderzoek, since: 10, rvk: RvkRecord(startDate: Fixture.today.adding(days: -10)), section: .rvk)
        Fixture.press([.character("u")], on: &state)
        let text = CaseEndFixture.text(state)
        for expected in ["Uitkomst RvK-onderzoek (per kind)", "Zoë", "Ilayda", "geen maatregel"] {
            #expect(text.contains(expected), "\(expected) in \(text)")
        }
        // Zoë: OTS; Ilayda: three steps on, not concerned.
        Fixture.press([.right, .tab, .right, .right, .right, .control("s")], on: &state)
        #expect(Fixture.press([.enter], on: &state) == [.apply(.recordRvkOutcome(5, expectedVersion: 3, [ChildOutcome(childID: 1, outcome: .ots)],
                                                                                  Fixture.today))])
    }

    @Test func inMeetingModeTheFormsNameNoChild() {
        var state = CaseEndFixture.family(stage: .rvkOnderzoek, since: 10, rvk: RvkRecord(startDate: Fixture.today.adding(days: -10)), section: .rvk)
        state.isMeeting = true
        Fixture.press([.character("u")], on: &state)
        var text = CaseEndFixture.text(state)
        #expect(text.contains("Uitkomst RvK-onderzoek (per kind)") && text.contains("Z.") && text.contains("I."), "\(text)")
        #expect(!text.contains("Zoë") && !text.contains("Ilayda"), "\(text)")
        state = DossierFixture.state(section: .veiligheid)
        state.isMeeting = true
        Fixture.press([.character("n"), .tab, .tab, .right], on: &state)
        text = CaseEndFixture.text(state)
        #expect(text.contains("◀ Z. ▶") && !text.contains("Zoë"), "\(text)")
    }

    @Test func noChildConcernedIsRefusedInTheForm() {
        var state = CaseEndFixture.family(stage: .rvkOnderzoek, since: 10, rvk: RvkRecord(startDate: Fixture.today.adding(days: -10)), section: .rvk)
        Fixture.press([.character("u"), .right, .right, .right, .tab, .right, .right, .right], on: &state)
        #expect(Fixture.press([.control("s")], on: &state).isEmpty)
        #expect(CaseEndFixture.text(state).contains("Geef de uitkomst voor minstens één kind"), "\(CaseEndFixture.text(state))")
    }

    @Test func anAssessmentCanBeAboutOneChild() {
        var state = DossierFixture.state(section: .veiligheid)
        Fixture.press([.character("n"), .tab] + Fixture.type("3") + [.tab, .right, .tab, .tab] + Fixture.type("Zoë slaapt slecht"), on: &state)
        #expect(Fixture.press([.control("s")], on: &state) == [.apply(.addAssessment(5, SafetyAssessment(
            day: Fixture.today, concerns: "Zoë slaapt slecht", strengths: "", needs: "", score: 3, givenBy: .medewerker, childID: 1)))])
    }

    @Test func theFamilyScreenNamesWhomEachScoreAndOutcomeIsAbout() {
        var dossier = DossierFixture.dossier
        dossier.assessments.append(SafetyAssessment(day: Fixture.today, concerns: "Ilayda is bang", strengths: "", needs: "", score: 2,
                                                    givenBy: .jeugdige, childID: 2))
        dossier.rvk = RvkRecord(startDate: Fixture.today.adding(days: -30), outcome: .ots, outcomeDate: Fixture.today,
                                children: [ChildOutcome(childID: 2, outcome: .ots)])
        var state = Fixture.state(width: 100, height: 40)
        _ = state.update(.dossierLoaded(dossier))
        func text(_ section: FamilySection) -> String {
            if case .family(var screen)? = state.pages.last {
                screen.section = section
                state.pages[state.pages.count - 1] = .family(screen)
            }
            return CaseEndFixture.text(state)
        }
        let veiligheid = text(.veiligheid)
        #expect(veiligheid.contains("score 2 van 10 · kind Ilayda"), "\(veiligheid)")
        #expect(veiligheid.contains("Laagste laatste score (per kind en gezin): 2 van 10"))
        #expect(veiligheid.contains("6  ouder · hele gezin"))
        let rvk = text(.rvk)
        #expect(rvk.contains("Ilayda: OTS") && rvk.contains("niet betrokken: Zoë"), "\(rvk)")
    }

    @Test func theCardShowsTheLowestScoreInFigures() {
        var cases = Fixture.cases
        cases[4].lowestSafetyScore = 3
        let text = AppView.render(Fixture.state(width: 120, height: 30, cases: cases)).screen.text
        #expect(text.contains("VS 3"), "\(text)")
        #expect(text.components(separatedBy: "VS ").count == 2, "only the case with a score shows one")
    }
}
