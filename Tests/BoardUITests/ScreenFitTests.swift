import BoardCore
import Testing
@testable import BoardUI

/// Issue 19, points 1–5: every screen at 80×24 (and at 200×50) shows what matters without
/// cutting it: column names with their counts, the whole kenmerk, the werkvoorraad, the agenda's
/// progress, every message and label, and no glitches.
@Suite struct ScreenFitTests {
    static let sizes = [(80, 24), (200, 50)]

    /// `count` open cases in `stage`, oldest first.
    static func cases(_ stage: Stage, _ count: Int, from id: Int) -> [CaseSummary] {
        (0..<count).map { Fixture.summary(Int64(id + $0), "2026-\(1000 + id + $0)", "Gezin \(id + $0)", stage: stage, since: 3 + $0) }
    }

    /// A 300-family board with WIP limits: Onderzoek is over its limit.
    static func limitedBoard(width: Int, height: Int) -> AppState {
        var state = Fixture.state(width: width, height: height, cases: [])
        var norms = Norms.standard
        norms.wipLimits = [.aangemeld: 15, .onderzoek: 29, .beschermtafel: 18]
        let all = cases(.aangemeld, 12, from: 1) + cases(.onderzoek, 30, from: 100) + cases(.beschermtafel, 15, from: 200)
            + cases(.rvkOnderzoek, 11, from: 300)
        _ = state.update(.loaded(cases: all, norms: norms, suggestedKenmerk: "2026-0999"))
        return state
    }

    // MARK: 1. Column headers and cards

    @Test func withWIPLimitsEveryColumnKeepsItsNameAt80() {
        var state = Self.limitedBoard(width: 80, height: 24)
        var lines = AppView.render(state).screen.lines
        // Short names, and the titles may touch the corners, before the header takes a second line.
        #expect(lines[1] == "┌ Aangem. 12/15┐┌Onderz. 30/29!┐┌ Tafel 15/18 ─┐┌ Veilig 0 ────┐┌ RvK 11 ──────┐")
        #expect(lines[2].hasPrefix("▶2026-1"), "the cards right under the border: \(lines[2])")
        #expect(state.visibleCardCount == 4)

        // Under a filter the cards in view come first: the counts take a line of their own, in every column.
        Fixture.press([.character("/")] + Fixture.type("Gezin 10") + [.enter], on: &state)
        lines = AppView.render(state).screen.lines
        #expect(lines[1] == "┌ Aangemeld ───┐┌ Onderzoek ───┐┌ Tafel ───────┐┌ Veilig ──────┐┌ RvK ─────────┐")
        #expect(lines[2] == "│1 · 12/15     ││10 · 30/29!   ││0 · 15/18     ││0             ││0             │", "\(lines[2])")
        #expect(lines[3].hasPrefix("▶2026-1010"), "the cards start under the counts: \(lines[3])")
        #expect(state.visibleCardCount == 3)
    }

    @Test func aTenThousandFamilyBoardKeepsNamesAndCountsAt80() {
        var state = Fixture.state(cases: [])
        var norms = Norms.standard
        norms.wipLimits = [.aangemeld: 166, .onderzoek: 858]
        _ = state.update(.loaded(cases: Self.cases(.aangemeld, 133, from: 1) + Self.cases(.onderzoek, 859, from: 1000),
                                 norms: norms, suggestedKenmerk: "2026-9999"))
        Fixture.press([.character("/")] + Fixture.type("Gezin 10") + [.enter], on: &state)
        let screen = AppView.render(state).screen
        let lines = screen.lines
        #expect(state.cardCount(in: .aangemeld) == 11 && state.cardCount(in: .onderzoek) == 100)
        #expect(lines[1].hasPrefix("┌ Aangemeld ───┐┌ Onderzoek ───┐"))
        #expect(lines[2].hasPrefix("│11 · 133/166  ││100 · 859/858!│"), "\(lines[2])")
        #expect(screen[1, 2].role == .columnHeader)
        #expect(screen[17, 2].role == .columnHeaderOverLimit, "over the limit, in its own style too")
    }

    @Test func at200TheCountsStayOnTheBorder() {
        let lines = AppView.render(Self.limitedBoard(width: 200, height: 50)).screen.lines
        #expect(lines[1].hasPrefix("┌ Aangemeld 12/15 ─"))
        #expect(lines[1].contains("┌ Onderzoek 30/29! ─") && lines[1].contains("┌ Beschermtafel 15/18 ─"))
        #expect(lines[2].hasPrefix("▶2026-1"), "no line of counts: the first card is right under the border")
    }

    @Test(arguments: sizes)
    func theKenmerkOnACardIsNeverCut(size: (Int, Int)) {
        let old = Fixture.summary(1, "2026-0080", "Wang", stage: .onderzoek, since: 131)
        let lines = AppView.render(Fixture.state(width: size.0, height: size.1, cases: [old])).screen.lines
        #expect(lines[2].contains("2026-0080 ") && lines[2].contains("!131"), "\(lines[2])")
        #expect(!lines[2].contains("…"))
    }

    @Test(arguments: sizes)
    func inMeetingModeTheNameLineDoesNotRepeatTheKenmerk(size: (Int, Int)) {
        var state = Fixture.state(width: size.0, height: size.1, cases: [Fixture.summary(1, "2026-0040", "van Leeuwen", stage: .aangemeld, since: 2)])
        state.isMeeting = true
        let lines = AppView.render(state).screen.lines
        #expect(lines[2].hasPrefix("▶2026-0040"))
        #expect(lines[3].hasPrefix("│v.L. ") && !lines[3].contains("2026"), "\(lines[3])")
    }

    // MARK: 2. Werkvoorraad

    @Test(arguments: sizes)
    func theWerkvoorraadFitsWithItsUnassignedRowAndTotals(size: (Int, Int)) {
        let unassigned = Fixture.summary(20, "2026-0200", "Smit", stage: .onderzoek, since: 90, medewerker: "")
        let visser = Fixture.summary(21, "2026-0201", "Visser", stage: .aangemeld, since: 1, medewerker: "Anne-Marie van der Heijden")
        var state = Fixture.state(width: size.0, height: size.1, cases: Fixture.cases + [unassigned, visser])
        Fixture.press([.character("w")], on: &state)
        let lines = AppView.render(state).screen.lines
        let text = lines.joined(separator: "\n")
        #expect(text.contains("Medewerker") && text.contains("Aangemeld") && text.contains("Onderzoek") && text.contains(" Tafel")
                && text.contains("Open") && text.contains("Over norm"), "\(text)")
        let cells = { (name: String) in
            (lines.first { $0.contains(name) } ?? "").replacingOccurrences(of: "│", with: "").replacingOccurrences(of: "▶", with: "")
                .split(separator: " ").suffix(5).map(String.init)
        }
        #expect(cells("Anouk de Wit") == ["1", "1", "1", "3", "0"])
        #expect(cells("Karim Benali") == ["1", "0", "0", "1", "!1"])
        #expect(cells("(geen medewerker)") == ["0", "1", "0", "1", "!1"], "cases without a medewerker have a named row")
        #expect(cells("Totaal") == ["3", "3", "1", "7", "!3"], "the totals row")
        #expect(!text.contains("…"), "nothing is cut:\n\(text)")
    }

    @Test func enterOnTheUnassignedRowFiltersOnCasesWithoutAMedewerker() {
        let unassigned = Fixture.summary(20, "2026-0200", "Smit", stage: .onderzoek, since: 90, medewerker: "")
        var state = Fixture.state(cases: Fixture.cases + [unassigned])
        Fixture.press([.character("w")], on: &state)
        let index = try! #require(state.caseloadRows.firstIndex { $0.medewerker.isEmpty })
        Fixture.press(Array(repeating: .down, count: index) + [.enter], on: &state)
        #expect(state.facets.medewerker == "")
        #expect(state.message?.text == "Filter: medewerker (geen medewerker) (Esc wist).")
        Fixture.press([.right], on: &state)
        #expect(AppView.render(state).screen.lines[22].contains("medewerker (geen) · Esc wist de filters"))
    }

    // MARK: 3. Agenda

    @Test(arguments: sizes)
    func theAgendaTitleKeepsItsProgressInMeetingMode(size: (Int, Int)) {
        var state = Fixture.state(width: size.0, height: size.1)
        state.isMeeting = true
        Fixture.press([.character("A")], on: &state)
        _ = state.update(.meetingLoaded(MeetingRecord(lastMeeting: Day(year: 2026, month: 11, day: 13)!, decidedToday: [2])))
        let agenda = try! #require(state.openAgenda)
        #expect(agenda.doneCount == 1 && agenda.items.count > 1)
        let lines = AppView.render(state).screen.lines
        #expect(lines[0].contains("1 van \(agenda.items.count) besproken"), "\(lines[0])")
        #expect(lines.joined().contains("vorig overleg 13-11-2026"))
        #expect(lines[0].contains("VERGADERMODUS"))
    }

    // MARK: 4. Messages and labels

    static let longMessage = "De opslag kon de wijziging niet bewaren: een collega veranderde deze zaak zojuist; het bord is opnieuw geladen en wat je typte staat nog in het formulier, probeer het zo nog eens of vraag de teamleider om hulp."

    @Test(arguments: sizes)
    func aLongMessageWrapsOnTheBoard(size: (Int, Int)) {
        var state = Fixture.state(width: size.0, height: size.1)
        _ = state.update(.failed(Self.longMessage))
        Self.expectWholeMessage(in: state, keyBarRow: size.1 - 1)
    }

    @Test(arguments: sizes)
    func aLongMessageWrapsOnEveryPage(size: (Int, Int)) {
        var family = DossierFixture.state(width: size.0, height: size.1, section: .journaal)
        _ = family.update(.failed(Self.longMessage))
        Self.expectWholeMessage(in: family, keyBarRow: size.1 - 1)

        var log = AuditViewTests.state(width: size.0, height: size.1)
        _ = log.update(.failed(Self.longMessage))
        Self.expectWholeMessage(in: log, keyBarRow: size.1 - 1)

        var caseload = Fixture.state(width: size.0, height: size.1)
        Fixture.press([.character("w")], on: &caseload)
        _ = caseload.update(.failed(Self.longMessage))
        Self.expectWholeMessage(in: caseload, keyBarRow: size.1 - 1)
    }

    @Test func aMessageLongerThanHalfThePageSaysItGoesOn() {
        var state = Fixture.state()
        _ = state.update(.failed(String(repeating: "Te lang bericht. ", count: 100)))
        let screen = AppView.render(state).screen
        let rows = (0..<23).filter { screen[1, $0].role == .error }
        #expect(rows == Array(12...22), "half the page, right above the key bar")
        #expect(screen.lines[22].hasSuffix("…"))
        #expect(screen.lines[1].hasPrefix("┌ Aangemeld 2 ─┐"), "the board stays in view above it")
    }

    /// Every word of the message is on the rows right above the key bar, in the error role, and uncut.
    static func expectWholeMessage(in state: AppState, keyBarRow: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        let screen = AppView.render(state).screen
        let lines = screen.lines
        let rows = (0..<keyBarRow).reversed().prefix { lines[$0].hasPrefix(" ") && screen[1, $0].role == .error }
        let shown = rows.reversed().map { lines[$0] }.joined(separator: " ").split(separator: " ")
        #expect(shown == longMessage.split(separator: " "), "\(lines.joined(separator: "\n"))", sourceLocation: sourceLocation)
    }

    /// Every form of the family screen and the joint plan, each field focused in turn.
    static var allForms: [Form] {
        let family = FamilyScreen(dossier: DossierFixture.dossier)
        let kinds: [DossierForm.Kind] = [.editFamily, .addChild, .addCaregiver, .addNetworkMember, .addAssessment, .addRiskInstrument,
                                         .addNote(refersTo: nil), .tableDecision, .rvkOutcome, .meetingDecision]
        let planKinds: [PlanForm.Kind] = [.start, .goal, .agreement, .hours, .intensity, .evaluation]
        return kinds.map { DossierForms.make($0, screen: family, today: Fixture.today).form }
            + planKinds.map { PlanForms.make($0, summary: DossierFixture.summary, plan: nil, user: "anouk", today: Fixture.today).form }
            + [NewReportForm.make(kenmerk: "2026-0103", today: Fixture.today, medewerker: "anouk")]
    }

    @Test(arguments: sizes)
    func everyFormLabelFits(size: (Int, Int)) {
        for form in Self.allForms {
            for (index, field) in form.fields.enumerated() {
                var focused = form
                focused.focus = index
                var screen = Screen(width: size.0, height: size.1 - 1)
                _ = FormView.draw(focused, into: &screen)
                #expect(screen.text.contains(field.label + ":") || screen.text.contains(field.label + " "), "‘\(field.label)’ in \(form.title):\n\(screen.text)")
            }
        }
    }

    @Test(arguments: sizes)
    func aLongFieldErrorWrapsUnderItsField(size: (Int, Int)) {
        var form = NewReportForm.make(kenmerk: "2026-0103", today: Fixture.today, medewerker: "anouk")
        let error = "Geboortedatum ligt na de datum van de aanmelding; een kind dat nog niet geboren was kan niet bij deze melding horen, pas de datum aan"
        form.fields[1].error = error
        var screen = Screen(width: size.0, height: size.1 - 1)
        _ = FormView.draw(form, into: &screen)
        let rows = screen.lines.filter { $0.contains("↳") || $0.drop { $0 == " " }.hasPrefix("│      ") }
        let words = rows.joined(separator: " ").split(separator: " ").filter { $0 != "│" && $0 != "↳" }
        #expect(words.joined(separator: " ") == error, "\(screen.text)")
    }

    // MARK: 5. Glitches

    @Test(arguments: sizes)
    func terugkoppelingHasASpaceBeforeItsDate(size: (Int, Int)) {
        let text = AppView.render(DossierFixture.state(width: size.0, height: size.1, section: .beschermtafel)).screen.text
        #expect(text.contains("Terugkoppeling  15-11-2026"), "\(text)")
        #expect(text.contains("Uitkomst        Drang"), "the labels stay aligned")
    }

    @Test func theScrollMarkDoesNotStickToTheCount() {
        var state = Fixture.state(cases: Self.cases(.veiligheidGewaarborgd, 11, from: 1))
        Fixture.press([.right, .right, .right, .character("G")], on: &state)
        let lines = AppView.render(state).screen.lines
        #expect(lines[1].contains("┌ Veilig 11 ─"), "the count stands alone: \(lines[1])")
        #expect(!lines[1].contains("▲"))
        #expect(lines[21].contains("─▲ 7"), "the mark stands on the lower border: \(lines[21])")
    }

    @Test(arguments: sizes)
    func aDialogOrHelpLeavesNoSliversOfCardsBesideIt(size: (Int, Int)) {
        for (key, title) in [("a", "Nieuwe aanmelding"), ("?", "Toetsen: Bord")] {
            var state = Fixture.state(width: size.0, height: size.1)
            Fixture.press([.character(Character(key))], on: &state)
            Self.expectNothingBeside(title, on: AppView.render(state).screen)
        }
    }

    /// The rows of the box titled `title` show nothing but blanks left and right of it.
    static func expectNothingBeside(_ title: String, on screen: Screen, sourceLocation: SourceLocation = #_sourceLocation) {
        let top = try! #require((0..<screen.height).first { screen.line($0).contains(" \(title) ") })
        let titled = { (x: Int) in x + 2 + title.count <= screen.width && String((0..<title.count).map { screen[x + 2 + $0, top].character }) == title }
        let left = try! #require((0..<screen.width).first { screen[$0, top].character == "┌" && titled($0) })
        let right = try! #require((0..<screen.width).last { screen[$0, top].character == "┐" })
        let bottom = try! #require((top..<screen.height).first { screen[left, $0].character == "└" })
        for y in top...bottom {
            let beside = (0..<left).map { screen[$0, y].character } + (right + 1..<screen.width).map { screen[$0, y].character }
            #expect(beside.allSatisfy { $0 == " " }, "beside ‘\(title)’ on row \(y): \(screen.lines[y])", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: sizes)
    func childrenReadTheSameOnEveryCardAndBabiesInMonths(size: (Int, Int)) {
        var baby = Fixture.summary(3, "2026-0003", "Peters", stage: .onderzoek, since: 4, children: 2)
        baby.youngestBirthDate = Fixture.today.adding(days: -220)
        let cards = [Fixture.summary(1, "2026-0001", "Jansen", stage: .aangemeld, since: 2, children: 3, youngestAge: 4),
                     Fixture.summary(2, "2026-0002", "de Boer", stage: .aangemeld, since: 3, children: 2, youngestAge: 11), baby]
        let text = AppView.render(Fixture.state(width: size.0, height: size.1, cases: cards)).screen.text
        if size.0 == 80 {
            for expected in ["3 kd. (4 jr)", "2 kd. (11 jr)", "2 kd. (7 mnd)"] { #expect(text.contains(expected), "\(expected):\n\(text)") }
        } else {
            for expected in ["3 kinderen, jongste 4 jr", "2 kinderen, jongste 11 jr", "2 kinderen, jongste 7 mnd"] {
                #expect(text.contains(expected), "\(expected):\n\(text)")
            }
        }
        #expect(!text.contains("0 jr"))
    }

    @Test(arguments: sizes)
    func anEmojiWithJoinersTakesOnePlace(size: (Int, Int)) {
        let family = Fixture.summary(1, "2026-0001", "Gezin 👨‍👩‍👧‍👦 Jansen", stage: .aangemeld, since: 2)
        let screen = AppView.render(Fixture.state(width: size.0, height: size.1, cases: [family])).screen
        // A terminal joins what follows a joiner into its cell, or draws each part: either moves the border.
        #expect(screen[7, 3].character == "👨", "only the first of the joined emoji is drawn")
        #expect(screen[8, 3].isContinuation)
        #expect(screen.cells.allSatisfy { !$0.character.unicodeScalars.contains { $0.value == 0x200D } })
        #expect(screen.lines[3].hasPrefix("│Gezin 👨 Jans"))
    }
}

/// At 70 columns a card has 12: the kenmerk and the family name stay whole, the days give way.
@Suite struct NarrowCardTests {
    @Test func inANarrowColumnTheNameStaysWholeAndTheOverdueMarkStays() {
        let old = Fixture.summary(1, "2025-0002", "Nieuwenhuis", stage: .aangemeld, since: 640)
        let lines = AppView.render(Fixture.state(width: 70, height: 20, cases: [old])).screen.lines
        #expect(lines[2].hasPrefix("▶2025-0002  !"), "the overdue mark, right-aligned: \(lines[2])")
        #expect(lines[3].contains("Nieuwenhuis") && !lines[3].contains("…"), "\(lines[3])")
    }

    @Test func aShortNameTakesTheDaysBesideIt() {
        let old = Fixture.summary(1, "2025-0002", "Bos", stage: .aangemeld, since: 640)
        let lines = AppView.render(Fixture.state(width: 70, height: 20, cases: [old])).screen.lines
        #expect(lines[3].contains("Bos") && lines[3].contains("!640"), "\(lines[3])")
    }
}
