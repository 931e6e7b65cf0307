import BoardCore
import Testing
@testable import BoardUI

/// The Gezin section chooses a child, parent or network member with ↑/↓; Enter corrects and `x`
/// removes them, each with a reason; names and phone numbers are checked (issue 18, point 7).
@Suite struct PersonCorrectionScreenTests {
    static let seen = SeenCase(caseID: 5, version: 3)

    func dossierForm(_ state: AppState) -> DossierForm? {
        if case .dossier(let form)? = state.dialog { return form }
        return nil
    }

    func error(_ state: AppState, _ id: String) -> String? { state.dialog?.form.fields.first { $0.id == id }?.error }

    @Test func enterCorrectsTheChosenCaregiverAndAPhoneMustBeAPhoneNumber() {
        var state = DossierFixture.state(section: .gezin)
        #expect(AppView.render(state).screen.text.contains("▶ Zoë"))
        Fixture.press([.down, .down], on: &state)
        #expect(AppView.render(state).screen.text.contains("▶ Samira El Amrani · moeder · 06-12345678"))
        Fixture.press([.enter], on: &state)
        let opened = dossierForm(state)
        #expect(opened?.form.title == "Corrigeren: ouder/verzorger Samira El Amrani (moeder)")
        #expect(opened?.form["naam"] == "Samira El Amrani" && opened?.form["telefoon"] == "06-12345678")

        state.dialog!.form.focus = state.dialog!.form.index(of: "telefoon")!
        Fixture.press([.control("u")] + Fixture.type("abc") + [.control("s")], on: &state)
        #expect(error(state, "telefoon") == "Is geen telefoonnummer: 5 tot 15 cijfers, met hoogstens spaties en + - ( ) / . ertussen")
        #expect(error(state, "reden") == "De reden is verplicht")
        Fixture.press([.control("u")] + Fixture.type("06-87654321") + [.tab] + Fixture.type("nummer gewijzigd"), on: &state)
        let effects = Fixture.press([.control("s")], on: &state)
        #expect(effects == [.apply(.correctPerson(5, seen: Self.seen, .caregiver(Caregiver(name: "Samira El Amrani", relation: "moeder", phone: "06-87654321")),
                                                  reason: "nummer gewijzigd"))])
    }

    @Test func aChildsFirstNameMustLookLikeANameAndNothingChangedIsSaid() {
        var state = DossierFixture.state(section: .gezin)
        Fixture.press([.enter], on: &state)
        Fixture.press(Fixture.type("x"), on: &state)
        state.dialog!.form["voornaam"] = "1-2-2030"
        state.dialog!.form["reden"] = "typfout"
        Fixture.press([.control("s")], on: &state)
        #expect(error(state, "voornaam") == "Is geen naam: een naam bestaat uit letters, met hoogstens spaties en - ' . ertussen")
        state.dialog!.form["voornaam"] = "Zoë"
        Fixture.press([.control("s")], on: &state)
        #expect(error(state, "voornaam") == "Er is niets veranderd; corrigeer een gegeven of annuleer met Esc")

        // The add-child form and the new report check a first name the same way.
        var adding = DossierFixture.state(section: .gezin)
        Fixture.press([.character("c")] + Fixture.type("1-2-2030") + [.tab, .tab] + Fixture.type("01-02-2020") + [.control("s")], on: &adding)
        #expect(error(adding, "voornaam")?.hasPrefix("Is geen naam") == true)
        var form = NewReportForm.make(kenmerk: "2026-0103", today: Fixture.today, medewerker: "anouk")
        form["gezin"] = "de Vries"
        form["kind1.naam"] = "1-2-2030"
        form["kind1.geboren"] = "01-02-2020"
        guard case .failure(let problems) = NewReportForm.validate(form, today: Fixture.today) else { Issue.record("accepted"); return }
        #expect(problems.fields.map(\.0) == ["kind1.naam"])
    }

    @Test func xRemovesTheChosenChildForAReason() {
        var state = DossierFixture.state(section: .gezin)
        Fixture.press([.down, .character("x")], on: &state)
        let opened = dossierForm(state)
        #expect(opened?.form.title == "Verwijderen: kind Ilayda Özdemir (01-07-2019)")
        #expect(AppView.render(state).screen.text.contains("geen wissing"))
        Fixture.press([.control("s")], on: &state)
        #expect(error(state, "reden") == "De reden is verplicht")
        let effects = Fixture.press(Fixture.type("bij het verkeerde gezin ingevoerd") + [.control("s")], on: &state)
        let ilayda = DossierFixture.dossier.children[1]
        #expect(effects == [.apply(.removePerson(5, seen: Self.seen, .child(ilayda), reason: "bij het verkeerde gezin ingevoerd"))])
    }

    @Test func theOnlyChildIsCorrectedNotRemoved() {
        var state = Fixture.state()
        var dossier = DossierFixture.dossier
        dossier.children = [dossier.children[0]]
        _ = state.update(.dossierLoaded(dossier))
        Fixture.press([.character("x")], on: &state)
        #expect(state.dialog == nil)
        #expect(state.message?.text.hasPrefix("Een aanmelding noemt minstens één kind") == true)
    }

    @Test func anEarlierCaseChoosesNobody() {
        var state = DossierFixture.state(section: .gezin)
        var earlier = DossierFixture.dossier
        earlier.viewed.summary = earlier.cases[1]
        _ = state.update(.dossierLoaded(earlier))
        #expect(!AppView.render(state).screen.text.contains("▶ Zoë"))
        Fixture.press([.enter], on: &state)
        #expect(state.dialog == nil)
    }
}
