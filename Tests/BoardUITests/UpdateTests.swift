import BoardCore
import Testing
@testable import BoardUI

@Suite struct UpdateTests {
    @Test func arrowsAndVimKeysMoveTheSelection() {
        var state = Fixture.state()
        // Oldest first: the card longest in its column is on top.
        #expect(state.selectedCase?.kenmerk == "2026-0102")
        Fixture.press([.character("j")], on: &state)
        #expect(state.selectedCase?.kenmerk == "2026-0101")
        Fixture.press([.down], on: &state)
        #expect(state.selectedCase?.kenmerk == "2026-0101", "stays on the last card")
        Fixture.press([.character("l")], on: &state)
        #expect(state.focusedStage == .onderzoek)
        Fixture.press([.character("G")], on: &state)
        #expect(state.selectedCase?.kenmerk == "2026-0090")
        Fixture.press([.character("g"), .left, .character("h")], on: &state)
        #expect(state.focusedStage == .aangemeld)
        #expect(state.selectedCase?.kenmerk == "2026-0101", "each column remembers its selection")
    }

    @Test func enterAsksToOpenTheSelectedCase() {
        var state = Fixture.state()
        #expect(Fixture.press([.enter], on: &state) == [.openFamily(2, section: "Gezin")])
    }

    @Test func escNeverQuitsTheBoardButQDoes() {
        var state = Fixture.state()
        #expect(Fixture.press([.escape], on: &state).isEmpty)
        #expect(!state.wantsQuit)
        #expect(Fixture.press([.character("q")], on: &state).isEmpty, "nothing for the store to do")
        #expect(state.wantsQuit)
    }

    @Test func aNewDayMovesTheDateAndWhatIsOverdue() {
        var state = Fixture.state()
        Fixture.press([.character("o")], on: &state)
        #expect(!state.columns[.aangemeld].contains { $0.kenmerk == "2026-0101" }, "2 werkdagen in Aangemeld: within the norm")
        let nextWeek = Fixture.today.adding(days: 7)
        #expect(state.update(.dayChanged(nextWeek)).isEmpty)
        #expect(state.today == nextWeek)
        #expect(state.columns[.aangemeld].contains { $0.kenmerk == "2026-0101" }, "7 werkdagen: past the norm of 5")
        #expect(AppView.render(state).screen.lines[0].contains(nextWeek.dutch))
    }

    @Test func filterNarrowsAsYouTypeAndEscClears() {
        var state = Fixture.state()
        Fixture.press([.character("/")] + Fixture.type("jEROEN"), on: &state)
        #expect(state.columns.total == 1)
        #expect(state.columns[.onderzoek].first?.kenmerk == "2026-0080")
        Fixture.press([.enter], on: &state)
        #expect(!state.isEditingFilter)
        #expect(state.filter == "jEROEN")
        Fixture.press([.escape], on: &state)
        #expect(state.filter.isEmpty)
        #expect(state.columns.total == 7)
    }

    @Test func overdueKeyShowsOnlyCasesPastTheirNorm() {
        var state = Fixture.state()
        Fixture.press([.character("o")], on: &state)
        #expect(Set(state.columns.columns.values.flatMap { $0.map(\.kenmerk) }) == ["2026-0102", "2026-0080"])
        #expect(state.message?.text == "Alleen zaken over de norm (o toont weer alles).")
        Fixture.press([.character("j")], on: &state)
        #expect(AppView.render(state).screen.lines[22].contains("alleen over de norm (o)"), "the status row keeps saying so")
        Fixture.press([.escape], on: &state)
        #expect(state.columns.total == 7)
    }

    @Test func toggleClosedShowsOldEndColumnCases() {
        var state = Fixture.state()
        #expect(state.columns[.veiligheidGewaarborgd].count == 1)
        #expect(Fixture.press([.character("c")], on: &state) == [.reload])
        #expect(state.columns[.veiligheidGewaarborgd].count == 2)
    }

    @Test func backFromAangemeldIsRefusedInDutch() {
        var state = Fixture.state()
        Fixture.press([.character("<")], on: &state)
        #expect(state.isOnBoard)
        #expect(state.message == StatusMessage(text: "Aangemeld is de eerste kolom: de zaak kan niet verder terug.", isError: true))
    }

    @Test func forwardFromOnderzoekOffersBothTargetsAndAsksWhatTheRulesRequire() throws {
        var state = Fixture.state()
        Fixture.press([.right, .character(">")], on: &state)
        guard case .move(let dialog)? = state.dialog else { Issue.record("no move dialog"); return }
        #expect(dialog.targets == [.veiligheidGewaarborgd, .beschermtafel])
        #expect(dialog.form.fields.map(\.id) == ["naar", "datum", "tekst"])
        // Saving without a conclusion is refused at the field, the dialog stays.
        #expect(Fixture.press([.control("s")], on: &state).isEmpty)
        guard case .move(let refused)? = state.dialog else { Issue.record("dialog closed"); return }
        #expect(refused.form.fields.first(where: { $0.id == "tekst" })?.error == "Conclusie is verplicht")
        // Choosing the Beschermtafel asks who brings the case in instead.
        Fixture.press([.up, .up, .right], on: &state)
        guard case .move(let table)? = state.dialog else { Issue.record("dialog closed"); return }
        #expect(table.form["naar"] == "Beschermtafel")
        #expect(table.form.fields.map(\.id) == ["naar", "datum", "inbrenger"])
        let effects = Fixture.press([.control("s")], on: &state)
        #expect(effects == [.move(MoveRequest(caseID: 4, expectedVersion: 1, from: .onderzoek, to: .beschermtafel,
                                              day: Fixture.today, text: "", requester: .jeugdteam))])
    }

    @Test func aDateInTheFutureIsRefusedAndWhatWasTypedStays() {
        var state = Fixture.state()
        Fixture.press([.character(">"), .control("u")] + Fixture.type("01-01-2027"), on: &state)
        #expect(Fixture.press([.enter], on: &state).isEmpty)
        guard case .move(let dialog)? = state.dialog else { Issue.record("dialog closed"); return }
        #expect(dialog.form["datum"] == "01-01-2027")
        #expect(dialog.form.fields[1].error == "01-01-2027 ligt in de toekomst")
    }

    @Test func newReportFormProducesAReport() {
        var state = Fixture.state()
        Fixture.press([.character("a")], on: &state)
        guard case .newReport(let form)? = state.dialog else { Issue.record("no form"); return }
        #expect(form["kenmerk"] == "2026-0103")
        #expect(form["medewerker"] == "anouk")
        var keys: [Key] = [.tab, .tab, .character("j")]            // bron: Jeugdbescherming
        keys += [.tab] + Fixture.type("Çelik")
        keys += [.tab] + Fixture.type("Kogerveld")
        keys += [.tab, .tab] + Fixture.type("Zoë")
        keys += [.tab] + Fixture.type("29-02-2020")
        keys += [.tab] + Fixture.type("Daan")
        keys += [.tab] + Fixture.type("2019-07-01")
        // Typing the family name looks up known families as you type; the save comes last.
        let effects = Fixture.press(keys + [.control("s")], on: &state).filter { if case .findFamilies = $0 { false } else { true } }
        let expected = NewReport(kenmerk: "2026-0103", reportedOn: Fixture.today, source: .jeugdbescherming,
                                 familyName: "Çelik", wijk: "Kogerveld", medewerker: "anouk",
                                 children: [Child(firstName: "Zoë", birthDate: Day(year: 2020, month: 2, day: 29)!),
                                            Child(firstName: "Daan", birthDate: Day(year: 2019, month: 7, day: 1)!)])
        #expect(effects == [.addReport(expected)])
        // The form stays until the store confirms; then the new case is selected after the reload.
        #expect(state.update(.saved(message: "opgeslagen", select: 99)) == [.reload])
        #expect(state.isOnBoard)
        var added = Fixture.summary(99, "2026-0103", "Çelik", stage: .aangemeld, since: 0)
        added.medewerker = "anouk"
        _ = state.update(.loaded(cases: Fixture.cases + [added], norms: .standard, suggestedKenmerk: "2026-0104"))
        #expect(state.selectedCase?.id == 99)
    }

    @Test func newReportRefusesImpossibleDatesAtTheField() {
        var state = Fixture.state()
        var keys: [Key] = [.character("a"), .tab, .control("u")] + Fixture.type("31-02-2024")
        keys += [.tab, .tab] + Fixture.type("Jansen")
        keys += [.tab, .tab, .tab] + Fixture.type("Sem")
        keys += [.tab] + Fixture.type("29-02-2023")
        #expect(!Fixture.press(keys + [.control("s")], on: &state).contains { if case .addReport = $0 { true } else { false } })
        guard case .newReport(let form)? = state.dialog else { Issue.record("form closed"); return }
        #expect(form.fields[form.index(of: "datum")!].error == "‘31-02-2024’ bestaat niet als datum")
        #expect(form.fields[form.index(of: "kind1.geboren")!].error == "‘29-02-2023’ bestaat niet als datum")
        #expect(form["gezin"] == "Jansen")
        #expect(form.fields[form.focus].id == "datum", "focus goes to the first error")
    }

    @Test func escOnATypedFormAsksBeforeDiscarding() {
        var state = Fixture.state()
        Fixture.press([.character("a"), .tab, .tab, .tab] + Fixture.type("X") + [.escape], on: &state)
        guard case .newReport(let form)? = state.dialog else { Issue.record("form closed"); return }
        #expect(form.isConfirmingDiscard)
        Fixture.press([.character("n")], on: &state)
        #expect(state.dialog != nil)
        Fixture.press([.escape, .character("j")], on: &state)
        #expect(state.isOnBoard)
    }

    @Test func aStoreRefusalKeepsTheFormAndWhatWasTyped() {
        var state = Fixture.state()
        Fixture.press([.character("a"), .tab, .tab, .tab] + Fixture.type("Jansen"), on: &state)
        _ = state.update(.failed("Kenmerk 2026-0103 bestaat al; kies een ander kenmerk."))
        guard case .newReport(let form)? = state.dialog else { Issue.record("form closed"); return }
        #expect(form.error == "Kenmerk 2026-0103 bestaat al; kies een ander kenmerk.")
        #expect(form["gezin"] == "Jansen")
        #expect(AppView.render(state).screen.text.contains("Kenmerk 2026-0103 bestaat al"))
    }

    @Test func textFieldsEditWithCursorKeysAndUTF8() {
        var form = Form(title: "t", fields: [FormField(id: "x", label: "X")])
        for key in Fixture.type("Zoe") + [.backspace, .character("ë"), .home, .delete, .character("z"), .end, .character("!")] {
            _ = form.edit(key)
        }
        #expect(form["x"] == "zoë!")
        _ = form.edit(.left)
        _ = form.edit(.character("李"))
        #expect(form["x"] == "zoë李!")
        #expect(form.fields[0].cursor == 4)
    }

    @Test func resizingKeepsTheSelectionInView() {
        let many = (1...12).map { Fixture.summary(Int64($0), "2026-\(1000 + $0)", "Gezin \($0)", stage: .aangemeld, since: 30 - $0) }
        var state = Fixture.state(width: 200, height: 50, cases: many)
        Fixture.press([.character("G")], on: &state)
        _ = state.update(.resize(width: 80, height: 24))
        #expect(AppView.render(state).screen.lines.contains { $0.hasPrefix("▶2026-1012") })
    }
}

/// Finding a family as it is typed, and landing on it.
@Suite struct FindingTests {
    static let names: [CaseSummary] = [
        Fixture.summary(11, "2026-0201", "Öztürk", stage: .aangemeld, since: 2),
        Fixture.summary(12, "2026-0202", "Şahin", stage: .onderzoek, since: 5),
        Fixture.summary(13, "2026-0203", "Çelik", stage: .beschermtafel, since: 9),
        Fixture.summary(14, "2026-0204", "Yılmaz", stage: .rvkOnderzoek, since: 3),
        Fixture.summary(15, "2026-0205", "de Vries", stage: .onderzoek, since: 4, medewerker: "Zoë Çakır"),
    ]

    @Test(arguments: [("ozturk", 11), ("SAHIN", 12), ("celik", 13), ("yilmaz", 14), ("cakir", 15), ("Öztürk", 11)])
    func aNameTypedWithoutItsAccentsIsFound(typed: String, id: Int) {
        var state = Fixture.state(cases: Self.names)
        Fixture.press([.character("/")] + Fixture.type(typed) + [.enter], on: &state)
        let shown = Stage.allCases.flatMap { state.cards(in: $0) }.map(\.id)
        #expect(shown == [Int64(id)], "‘\(typed)’ finds exactly one family")
    }

    @Test func afterAFilterTheSelectionIsOnACardInView() {
        var state = Fixture.state(cases: Self.names)
        #expect(state.focusedStage == .aangemeld)
        Fixture.press([.character("/")] + Fixture.type("celik") + [.enter], on: &state)
        #expect(state.focusedStage == .beschermtafel && state.selectedCase?.id == 13, "not on the emptied Aangemeld")
        #expect(Fixture.press([.enter], on: &state) == [.openFamily(13, section: "Gezin")])
    }

    @Test func theOtherFiltersAlsoLandOnACard() {
        var state = Fixture.state(cases: Self.names)
        Fixture.press([.character("w")], on: &state)
        let zoe = state.caseloadRows.firstIndex { $0.medewerker == "Zoë Çakır" } ?? 0
        Fixture.press(Array(repeating: .down, count: zoe) + [.enter], on: &state)
        #expect(state.selectedCase?.id == 15, "werkvoorraad Enter lands on her case")
    }
}
