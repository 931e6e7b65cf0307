import BoardCore
import Testing
@testable import BoardUI

/// Every form says all that is wrong in one save, and its heading goes once the fields are right
/// (issue 18, point 16).
@Suite("Forms: all problems at once")
struct FormProblemsAtOnceTests {
    let today = Fixture.today

    func fields(_ result: Result<some Any, FormProblems>) -> Set<String> {
        guard case .failure(let problems) = result else { return [] }
        return Set(problems.fields.map(\.0))
    }

    @Test func theTableDecisionReportsEveryFieldWithAnImpossibleMeetingDate() {
        var dossierForm = DossierForms.make(.tableDecision, screen: FamilyScreen(dossier: DossierFixture.dossier), today: today)
        dossierForm.form["tafeldatum"] = "31-02-2026"
        dossierForm.form["terugkoppeling"] = ""
        let refused = fields(DossierForms.change(from: dossierForm, today: today, norms: .standard))
        #expect(refused == ["tafeldatum", "advies", "doelen", "terugkoppeling"])
    }

    @Test func aMoveReportsItsTextWithAnImpossibleDate() {
        let summary = Fixture.summary(3, "2026-0090", "Bakker", stage: .onderzoek, since: 20)
        var dialog = MoveForm.make(summary: summary, targets: [.veiligheidGewaarborgd], cameFrom: nil, today: today)
        dialog.form["datum"] = "31-02-2026"
        #expect(fields(MoveForm.request(from: dialog, today: today)) == ["datum", "tekst"])
    }

    @Test func aPlanStartWithoutConsentStillNamesTheOtherEmptyFields() {
        var planForm = PlanForms.make(.start, summary: DossierFixture.summary, plan: nil, user: "anouk", today: today)
        planForm.form["collega"] = ""
        #expect(fields(PlanForms.change(from: planForm, today: today)) == ["jeugdbeschermer", "collega", "instemming", "instemmingDoor"])
        planForm.form["start"] = "32-10-2026"
        #expect(fields(PlanForms.change(from: planForm, today: today)) == ["jeugdbeschermer", "collega", "start", "instemming", "instemmingDoor"])
    }

    @Test func anEvaluationWithAnImpossibleDateStillAsksWhatWentWell() {
        var planForm = PlanForms.make(.evaluation, summary: DossierFixture.summary, plan: PlanFixture.plan, user: "anouk", today: today)
        planForm.form["datum"] = "31-02-2026"
        // The open agreements not yet marked nagekomen or not are named too.
        #expect(fields(PlanForms.change(from: planForm, today: today)) == ["datum", "goed", "afspraak7", "afspraak8"])
    }

    @Test func aChildRowWithoutANameStillChecksItsBirthDate() {
        var form = NewReportForm.make(kenmerk: "2026-0103", today: today, medewerker: "anouk")
        form["gezin"] = "de Vries"
        form["kind1.geboren"] = "31-02-2020"
        #expect(fields(NewReportForm.validate(form, today: today)) == ["kind1.naam", "kind1.geboren"])
    }

    @Test func aPeriodWithoutAStartStillChecksItsEnd() {
        var form = ReportPeriodForm.make(for: ReportScreen(period: ReportPeriod(from: Day(year: 2026, month: 1, day: 1)!, to: today)!))
        form["van"] = ""
        form["tot"] = "31-02-2026"
        #expect(fields(ReportPeriodForm.choice(form, today: today)) == ["van", "tot"])
    }

    @Test func theHeadingGoesOnceTheFieldsAreRightAndMarksFollowWhatIsStillWrong() {
        var state = Fixture.state()
        Fixture.press([.character("a"), .control("s")], on: &state)
        let heading = "Niet opgeslagen: verbeter de gemarkeerde velden."
        #expect(state.dialog?.form.error == heading)
        func error(_ id: String) -> String? { state.dialog?.form.fields.first { $0.id == id }?.error }
        #expect(error("gezin") == "Gezinsnaam is verplicht")
        #expect(error("kind1.naam") != nil)

        // The family name is fixed; the child is still missing: its mark and the heading stay.
        state.dialog!.form.focus = state.dialog!.form.index(of: "gezin")!
        Fixture.press(Fixture.type("de Vries"), on: &state)
        #expect(error("gezin") == nil)
        #expect(error("kind1.naam") != nil)
        #expect(state.dialog?.form.error == heading)
        #expect(AppView.render(state).screen.text.contains(heading))

        // A half-typed birth date is still wrong; the whole one makes the form right.
        state.dialog!.form.focus = state.dialog!.form.index(of: "kind1.naam")!
        Fixture.press(Fixture.type("Zoë") + [.tab] + Fixture.type("12-04-20"), on: &state)
        #expect(error("kind1.geboren") != nil)
        #expect(state.dialog?.form.error == heading)
        Fixture.press(Fixture.type("16"), on: &state)
        #expect(error("kind1.geboren") == nil)
        #expect(state.dialog?.form.error == nil)
        #expect(!AppView.render(state).screen.text.contains(heading))
    }

    @Test func aStoreRefusalStaysWhileTyping() {
        var state = Fixture.state()
        Fixture.press([.character("a")], on: &state)
        _ = state.update(.failed("Kenmerk 2026-0103 bestaat al."))
        Fixture.press(Fixture.type("x"), on: &state)
        #expect(state.dialog?.form.error == "Kenmerk 2026-0103 bestaat al.")
    }
}
