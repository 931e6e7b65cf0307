import BoardCore
import Testing
@testable import BoardUI

/// What every form refuses (issue 14): impossible years, a birth after the report, control and
/// invisible characters, look-alike kenmerken and lengths no family needs; each at its own field.
@Suite("Forms: input that must be refused")
struct FormInputTests {
    let today = Fixture.today

    func newReport(_ values: [String: String]) -> Form {
        var form = NewReportForm.make(kenmerk: "2026-0103", today: today, medewerker: "anouk")
        form["gezin"] = "de Vries"
        form["kind1.naam"] = "Zoë"
        form["kind1.geboren"] = "12-04-2016"
        for (id, value) in values { form[id] = value }
        return form
    }

    func problems(_ form: Form) -> [String: String] {
        guard case .failure(let problems) = NewReportForm.validate(form, today: today) else { return [:] }
        return Dictionary(problems.fields, uniquingKeysWith: { first, _ in first })
    }

    @Test func aValidReportPasses() {
        #expect(problems(newReport([:])) == [:])
    }

    @Test func impossibleYearsAndBirthsAfterTheReportAreRefused() {
        #expect(problems(newReport(["datum": "03-03-0025"])) == ["datum": "‘03-03-0025’ ligt niet tussen 1900 en 2027; controleer het jaar"])
        #expect(problems(newReport(["kind1.geboren": "12-04-1899"])) == ["kind1.geboren": "‘12-04-1899’ ligt niet tussen 1900 en 2027; controleer het jaar"])
        #expect(problems(newReport(["datum": "01-11-2026", "kind1.geboren": "02-11-2026"]))
                == ["kind1.geboren": "mag niet na de aanmelding (01-11-2026) liggen"])
    }

    @Test func invisibleCharactersAreRefusedAtTheirField() {
        #expect(problems(newReport(["gezin": "de\u{200B}Vries"])) == ["gezin": "Bevat een onzichtbaar teken (U+200B) op plaats 3; haal het weg"])
        #expect(problems(newReport(["wijk": "Poel\u{202E}enburg"])) == ["wijk": "Bevat een onzichtbaar teken (U+202E) op plaats 5; haal het weg"])
        #expect(problems(newReport(["medewerker": "an\u{1B}[2Jouk"])) == ["medewerker": "Bevat een stuurteken (U+001B) op plaats 3; haal het weg"])
        #expect(problems(newReport(["kind1.naam": "Zo\u{9B}ë"])) == ["kind1.naam": "Bevat een stuurteken (U+009B) op plaats 3; haal het weg"])
        #expect(problems(newReport(["gezin": "de\nVries"])) == ["gezin": "Bevat een regeleinde op plaats 3; dit veld is één regel"])
    }

    @Test func lookAlikeKenmerkenAreRefused() {
        #expect(problems(newReport(["kenmerk": "2026-0001\u{200B}"])) == ["kenmerk": "Bevat een onzichtbaar teken (U+200B) op plaats 10; haal het weg"])
        #expect(problems(newReport(["kenmerk": "2026-000\u{0396}"]))
                == ["kenmerk": "Bevat ‘\u{0396}’ (U+0396) op plaats 9; een kenmerk bestaat alleen uit de letters A–Z, de cijfers 0–9 en - / . _"])
        #expect(problems(newReport(["kenmerk": "２０２６-0001"]))["kenmerk"]?.contains("(U+FF12) op plaats 1") == true)
    }

    @Test func lengthsAndChildrenHaveALimit() {
        #expect(problems(newReport(["gezin": String(repeating: "a", count: 101)])) == ["gezin": "Is te lang: 101 tekens, hoogstens 100"])
        #expect(problems(newReport(["gezin": String(repeating: "a", count: 100)])) == [:])
        var form = newReport([:])
        for n in 1...40 {
            form[NewReportForm.childNameID(n)] = "Kind \(String(repeating: "a", count: n))"
            form[NewReportForm.childBirthID(n)] = "01-01-2020"
            NewReportForm.ensureEmptyChildRow(&form)
        }
        #expect(NewReportForm.childCount(form) == 30, "no row is offered for a 31st child")
        #expect(problems(form) == [:])
    }

    /// The family screen's and the agenda's forms: free text keeps its line breaks and tabs, but
    /// nothing invisible; dates ahead lie at most in next year.
    @Test func theMeetingDecisionForm() {
        var decision = DossierForms.meetingDecision(for: Fixture.cases[0], today: today)
        decision.form["besluit"] = "Huisbezoek plannen\n\tmet moeder"
        #expect((try? DossierForms.change(from: decision, today: today, norms: .standard).get()) != nil)
        decision.form["besluit"] = "Huisbezoek \u{2066}plannen"
        decision.form["uiterlijk"] = "01-01-2099"
        guard case .failure(let problems) = DossierForms.change(from: decision, today: today, norms: .standard) else {
            Issue.record("must be refused")
            return
        }
        #expect(problems.fields.map(\.0) == ["besluit", "uiterlijk"])
        #expect(problems.fields.map(\.1) == ["Bevat een onzichtbaar teken (U+2066) op plaats 12; haal het weg",
                                             "‘01-01-2099’ ligt niet tussen 1900 en 2027; controleer het jaar"])
    }

    @Test func theMoveDialogRefusesAnImpossibleYear() {
        var dialog = MoveForm.make(summary: Fixture.cases[0], targets: [.onderzoek], cameFrom: nil, today: today)
        dialog.form["datum"] = "18-11-0026"
        guard case .failure(let problems) = MoveForm.request(from: dialog, today: today) else {
            Issue.record("must be refused")
            return
        }
        #expect(problems.fields.map(\.1) == ["‘18-11-0026’ ligt niet tussen 1900 en 2027; controleer het jaar"])
    }

    @Test func thePlanFormsRefuseInvisibleCharacters() {
        var hours = PlanForms.make(.hours, summary: Fixture.cases[4], plan: PlanFixture.plan, user: "anouk", today: today)
        hours.form["uren"] = "1,5"
        hours.form["omschrijving"] = "huis\u{FEFF}bezoek"
        guard case .failure(let problems) = PlanForms.change(from: hours, today: today) else {
            Issue.record("must be refused")
            return
        }
        #expect(problems.fields.map(\.0) == ["omschrijving"])
    }
}
