import BoardCore
import Testing
@testable import BoardUI

/// A dossier with something in every section.
enum DossierFixture {
    static let today = Fixture.today
    static let summary: CaseSummary = {
        var summary = Fixture.summary(5, "2026-0050", "El Amrani", stage: .beschermtafel, since: 40)
        summary.version = 3
        return summary
    }()

    static let dossier = Dossier(
        family: FamilyRecord(id: 5, name: "El Amrani", address: "Peperstraat 12, Zaandam", wijk: "Poelenburg"),
        children: [ChildRecord(id: 1, firstName: "Zoë", birthDate: Day(year: 2015, month: 3, day: 12)!, bsn: "111222333"),
                   ChildRecord(id: 2, firstName: "Ilayda", surname: "Özdemir", birthDate: Day(year: 2019, month: 7, day: 1)!)],
        caregivers: [Caregiver(name: "Samira El Amrani", relation: "moeder", phone: "06-12345678")],
        network: [NetworkMember(name: "Dr. Bakker", role: "huisarts", organisation: "Gezondheidscentrum Zaandam", phone: "075-1234567")],
        cases: [summary, Fixture.summary(9, "2024-0101", "El Amrani", stage: .veiligheidGewaarborgd, since: 600)],
        viewed: CaseDetails(summary: summary, children: [], events: [
            CaseEvent(id: 1, caseID: 5, recordedAt: "2026-09-08T09:00:00.000Z", user: "anouk", kind: .aangemeld, fromStage: nil,
                      toStage: .aangemeld, day: Day(year: 2026, month: 9, day: 8)!, detail: "bron Veilig Thuis"),
            CaseEvent(id: 2, caseID: 5, recordedAt: "2026-10-11T10:00:00.000Z", user: "anouk", kind: .verplaatst, fromStage: .onderzoek,
                      toStage: .beschermtafel, day: Day(year: 2026, month: 10, day: 11)!, detail: "ingebracht door Jeugdteam"),
            CaseEvent(id: 3, caseID: 5, recordedAt: "2026-11-19T08:00:00.000Z", user: "karim", kind: .geopend, fromStage: nil,
                      toStage: nil, day: Day(year: 2026, month: 11, day: 19)!, detail: "scherm Gezin"),
        ]),
        assessments: [
            SafetyAssessment(day: Day(year: 2026, month: 9, day: 20)!, concerns: "Spanningen tussen ouders", strengths: "School signaleert goed",
                             needs: "Veiligheidsplan", score: 3, givenBy: .medewerker, recordedBy: "anouk"),
            SafetyAssessment(day: Day(year: 2026, month: 11, day: 1)!, concerns: "Minder ruzie", strengths: "Oma helpt",
                             needs: "Vervolg hulp", score: 6, givenBy: .ouder, recordedBy: "anouk"),
        ],
        risks: [RiskInstrumentRecord(instrument: "LIRIK", day: Day(year: 2026, month: 9, day: 25)!, outcome: "verhoogd risico", note: "", recordedBy: "anouk")],
        notes: [Note(id: 2, recordedAt: "2026-11-02T10:00:00.000Z", author: "karim", text: "Correctie: het huisbezoek was op dinsdag.", refersTo: 1),
                Note(id: 1, recordedAt: "2026-11-01T10:00:00.000Z", author: "anouk", text: "Huisbezoek op maandag.")],
        tableRecords: [TableRecord(id: 1, requester: .jeugdteam, requestDate: Day(year: 2026, month: 10, day: 11)!,
                                   meetingDate: Day(year: 2026, month: 10, day: 20)!, attendees: "Raad – jurist\nVeilig Thuis – aandachtsfunctionaris",
                                   advice: "Drang met heldere afspraken", outcome: .drang, reportBackOn: Day(year: 2026, month: 11, day: 15)!,
                                   goals: "Ouders volgen opvoedondersteuning")],
        rvk: nil)

    static func state(width: Int = 80, height: Int = 24, section: FamilySection) -> AppState {
        var state = Fixture.state(width: width, height: height)
        _ = state.update(.dossierLoaded(dossier))
        if case .family(var screen)? = state.pages.last {
            screen.section = section
            state.pages[state.pages.count - 1] = .family(screen)
        }
        return state
    }
}

@Suite struct FamilyScreenTests {
    @Test(arguments: [(80, 24), (200, 50)])
    func everySectionRendersItsContent(size: (Int, Int)) {
        let expected: [FamilySection: [String]] = [
            .gezin: ["Peperstraat 12, Zaandam", "Zoë", "BSN ••••••333", "Ilayda Özdemir", "Samira El Amrani · moeder · 06-12345678", "Dr. Bakker · huisarts"],
            .zaak: ["Kenmerk         2026-0050", "Verplaatst → Beschermtafel · anouk", "Inzage in dit dossier (1×", "karim  scherm Gezin", "2024-0101"],
            .veiligheid: ["score 6 van 10 · gegeven door ouder", "Minder ruzie", "███░░░░░░░  3", "██████░░░░  6", "LIRIK: verhoogd risico"],
            .journaal: ["▶ notitie 2", "correctie op notitie 1", "Huisbezoek op maandag."],
            .beschermtafel: ["door Jeugdteam, aanvraag 11-10-2026", "Drang met heldere afspraken", "Uitkomst        Drang", "15-11-2026  ! verstreken"],
            .rvk: ["Geen RvK-onderzoek bij deze zaak."],
        ]
        for section in FamilySection.allCases {
            let text = AppView.render(DossierFixture.state(width: size.0, height: size.1, section: section)).screen.text
            #expect(text.contains("\(section.rawValue) \(section.title)"))
            for fragment in expected[section]! {
                #expect(text.contains(fragment), "\(section.title) at \(size.0)x\(size.1) mist ‘\(fragment)’")
            }
        }
    }

    @Test func numberKeysAndTabSwitchSectionsAndEscReturnsToTheSameCard() {
        var state = DossierFixture.state(section: .gezin)
        Fixture.press([.character("3")], on: &state)
        #expect(state.openFamily?.section == .veiligheid)
        Fixture.press([.tab, .tab, .tab, .tab], on: &state)
        #expect(state.openFamily?.section == .gezin, "Tab wraps around")
        Fixture.press([.backTab], on: &state)
        #expect(state.openFamily?.section == .rvk)
        let selected = state.selectedCase
        Fixture.press([.escape], on: &state)
        #expect(state.isOnBoard)
        #expect(state.selectedCase == selected)
    }

    @Test func bsnIsMaskedUntilAsked() {
        var state = DossierFixture.state(section: .gezin)
        #expect(!AppView.render(state).screen.text.contains("111222333"))
        Fixture.press([.character("b")], on: &state)
        #expect(AppView.render(state).screen.text.contains("BSN 111222333"))
    }

    @Test func helpListsTheSectionsOwnKeys() {
        var state = DossierFixture.state(section: .journaal)
        Fixture.press([.character("?")], on: &state)
        let text = AppView.render(state).screen.text
        #expect(text.contains("nieuwe notitie"))
        #expect(text.contains("correctie op de gekozen notitie"))
        #expect(!text.contains("kind toevoegen"))
    }

    @Test func aCorrectionRefersToTheSelectedNote() {
        var state = DossierFixture.state(section: .journaal)
        Fixture.press([.down, .character("c")] + Fixture.type("Het was dinsdag de 3e."), on: &state)
        let effects = Fixture.press([.control("s")], on: &state)
        #expect(effects == [.apply(.addNote(5, Note(text: "Het was dinsdag de 3e.", refersTo: 1)))])
    }

    @Test func multiLineNotesKeepTheirLineBreaks() {
        var state = DossierFixture.state(section: .journaal)
        Fixture.press([.character("n")] + Fixture.type("eerste") + [.enter] + Fixture.type("tweede"), on: &state)
        #expect(Fixture.press([.control("s")], on: &state) == [.apply(.addNote(5, Note(text: "eerste\ntweede")))])
    }

    @Test func anAssessmentNeedsAScoreFromZeroToTen() {
        var state = DossierFixture.state(section: .veiligheid)
        Fixture.press([.character("n"), .tab] + Fixture.type("11") + [.tab, .tab] + Fixture.type("Zorgen over slaap"), on: &state)
        #expect(Fixture.press([.control("s")], on: &state).isEmpty)
        guard case .dossier(let form)? = state.dialog else { Issue.record("form closed"); return }
        #expect(form.form.fields[form.form.index(of: "score")!].error == "‘11’ is geen score van 0 tot 10")
        Fixture.press([.up, .up, .control("u"), .character("4"), .control("s")], on: &state)
        #expect(state.pages.count == 1 && state.dialog != nil, "form still open until the store confirms")
    }

    /// A family form carries the version of the case in view, so a colleague's change in between
    /// is refused by the store; the refusal is shown in the form with everything typed kept.
    @Test func aFamilyFormCarriesTheVersionSeenAndKeepsItsInputWhenRefused() {
        var state = DossierFixture.state(section: .gezin)
        Fixture.press([.character("o")] + Fixture.type("Karim El Amrani"), on: &state)
        let effects = Fixture.press([.control("s")], on: &state)
        #expect(effects == [.apply(.addCaregiver(5, seen: SeenCase(caseID: 5, version: 3),
                                                 Caregiver(name: "Karim El Amrani", relation: "moeder", phone: "")))])
        let refusal = "Zaak 2026-0050 is intussen gewijzigd door sanne (kind toegevoegd, 2026-11-20 09:00 UTC). Er is niets opgeslagen."
        _ = state.update(.failed(refusal))
        guard case .dossier(let form)? = state.dialog else { Issue.record("form closed"); return }
        #expect(form.form["naam"] == "Karim El Amrani")
        #expect(AppView.render(state).screen.text.contains("intussen gewijzigd door sanne"))
    }

    /// After retention erasure a child's birth date is unknown: said so, never shown as 01-01-1970.
    @Test func anUnknownBirthDateIsShownAsUnknown() {
        var dossier = DossierFixture.dossier
        dossier.children[0].birthDate = nil
        var state = Fixture.state(width: 120, height: 40)
        _ = state.update(.dossierLoaded(dossier))
        let text = AppView.render(state).screen.text
        #expect(text.contains("geboren onbekend"))
        #expect(!text.contains("1970"))
        #expect(text.contains("geboren 01-07-2019"), "known dates stay")
    }

    @Test func aChildWithAnInvalidBSNIsRefusedAtTheField() {
        var state = DossierFixture.state(section: .gezin)
        var keys: [Key] = [.character("c")] + Fixture.type("Sem") + [.tab, .tab] + Fixture.type("01-02-2018")
        keys += [.tab] + Fixture.type("123456789") + [.control("s")]
        #expect(Fixture.press(keys, on: &state).isEmpty)
        guard case .dossier(let form)? = state.dialog else { Issue.record("form closed"); return }
        #expect(form.form.fields[form.form.index(of: "bsn")!].error == "Dit BSN klopt niet (elfproef); controleer de negen cijfers")
    }

    @Test func drangNeedsGoalsAndAReportBackWithinSixMonths() {
        var state = DossierFixture.state(section: .beschermtafel)
        var keys: [Key] = [.character("u"), .tab] + Fixture.type("Raad – jurist") + [.tab] + Fixture.type("Drang")
        keys += [.tab, .tab, .control("u")] + Fixture.type("20-11-2027") + [.control("s")]
        #expect(Fixture.press(keys, on: &state).isEmpty)
        guard case .dossier(let form)? = state.dialog else { Issue.record("form closed"); return }
        #expect(form.form.fields[form.form.index(of: "terugkoppeling")!].error == "Terugkoppeling uiterlijk 6 maanden na de tafel")
        #expect(form.form.fields[form.form.index(of: "doelen")!].error == "Bij drang horen doelen en afspraken")
    }

    @Test func anEarlierCaseIsReadOnly() {
        var state = DossierFixture.state(section: .zaak)
        #expect(Fixture.press([.character("[")], on: &state) == [.viewCase(9)])
        var earlier = DossierFixture.dossier
        earlier.viewed = CaseDetails(summary: earlier.cases[1], children: [], events: [])
        _ = state.update(.dossierLoaded(earlier))
        #expect(state.openFamily?.isReadOnly == true)
        Fixture.press([.character("4"), .character("n")], on: &state)
        #expect(state.message?.text.hasPrefix("Dit is een eerdere zaak: alleen lezen.") == true)
        #expect(AppView.render(state).screen.lines[0].contains("eerdere zaak 2024-0101, alleen lezen"))
    }

    @Test func aKnownFamilyIsOfferedInTheNewReportForm() {
        var state = Fixture.state()
        let effects = Fixture.press([.character("a"), .tab, .tab, .tab] + Fixture.type("Ja"), on: &state)
        #expect(effects.last == .findFamilies("Ja"))
        let match = FamilyMatch(id: 42, name: "Jansen", wijk: "Kogerveld", lastKenmerk: "2024-0007", hasOpenCase: false)
        _ = state.update(.familyMatches(query: "Ja", [match]))
        Fixture.press([.tab, .right], on: &state)
        guard case .newReport(let form)? = state.dialog else { Issue.record("form closed"); return }
        #expect(form["koppel"] == "Jansen · Kogerveld · laatste zaak 2024-0007")
        let result = NewReportForm.validate(form, today: Fixture.today, matches: [match])
        #expect((try? result.get())?.existingFamilyID == 42)
    }
}
