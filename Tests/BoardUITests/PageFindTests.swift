import BoardCore
import Testing
@testable import BoardUI

/// `/` inside a page: the Journaal, the timeline and the log find text as the board's `/` does,
/// ignoring case and accents; `n` and `N` step through the matches, which are marked and kept in
/// view; Esc ends the search (issue 18, point 3).
@Suite struct PageFindTests {
    static func statusRow(_ state: AppState) -> String {
        AppView.render(state).screen.lines[state.height - 2]
    }

    /// The roles of the cells where `text` stands on the screen's rows.
    static func roles(of text: String, in state: AppState) -> [Role] {
        let screen = AppView.render(state).screen
        var found: [Role] = []
        for y in 0..<screen.height {
            let line = Array(screen.line(y))
            guard let start = (0...max(0, line.count - text.count)).first(where: { String(line[$0..<min(line.count, $0 + text.count)]) == text })
            else { continue }
            found.append(screen[start, y].role)
        }
        return found
    }

    @Test func theTimelineFindsIgnoringCaseAndStepsWithNAndCapitalN() {
        var state = DossierFixture.state(section: .zaak)
        Fixture.press([.character("/")] + Fixture.type("BESCHERMTAFEL"), on: &state)
        // The column, the move in the timeline, and the case in the list of the family's cases.
        #expect(Self.statusRow(state).hasPrefix(" Zoeken: BESCHERMTAFEL  (3 treffers)"), "\(Self.statusRow(state))")
        Fixture.press([.enter], on: &state)
        #expect(Self.statusRow(state).hasPrefix(" treffer 1 van 3: ‘BESCHERMTAFEL’"), "\(Self.statusRow(state))")
        // The match in front is selected, the others underlined.
        #expect(Self.roles(of: "Beschermtafel, sinds", in: state) == [.cardSelected])
        #expect(Self.roles(of: "Beschermtafel · ", in: state) == [.searchMatch])
        Fixture.press([.character("n")], on: &state)
        #expect(Self.statusRow(state).hasPrefix(" treffer 2 van 3"))
        #expect(Self.roles(of: "Beschermtafel · ", in: state) == [.cardSelected])
        #expect(Self.roles(of: "Beschermtafel, sinds", in: state) == [.searchMatch])
        Fixture.press([.character("n"), .character("n")], on: &state)
        #expect(Self.statusRow(state).hasPrefix(" treffer 1 van 3"), "n wraps to the first")
        Fixture.press([.character("N")], on: &state)
        #expect(Self.statusRow(state).hasPrefix(" treffer 3 van 3"), "N wraps back to the last")
        #expect(AppView.render(state).screen.lines.last?.hasPrefix(" n volgende  N vorige") == true)
    }

    @Test func aMatchBelowTheBoxIsScrolledIntoViewAndStaysThereAfterEsc() {
        var state = DossierFixture.state(height: 16, section: .zaak)
        #expect(!AppView.render(state).screen.text.contains("scherm Gezin"))
        Fixture.press([.character("/")] + Fixture.type("scherm gezin") + [.enter], on: &state)
        #expect(AppView.render(state).screen.text.contains("scherm Gezin"))
        #expect(Self.roles(of: "scherm Gezin", in: state) == [.cardSelected])
        Fixture.press([.escape], on: &state)
        #expect(state.openFamily?.find == nil)
        #expect(AppView.render(state).screen.text.contains("scherm Gezin"), "the match stays in view")
        Fixture.press([.escape], on: &state)
        #expect(state.isOnBoard)
    }

    @Test func nothingFoundIsSaid() {
        var state = DossierFixture.state(section: .zaak)
        Fixture.press([.character("/")] + Fixture.type("huisarts") + [.enter], on: &state)
        #expect(Self.statusRow(state).hasPrefix(" geen treffers voor ‘huisarts’"), "\(Self.statusRow(state))")
    }

    @Test func theJournaalFindsWithoutAccentsAndGivesNBackAfterEsc() {
        var state = DossierFixture.state(section: .journaal)
        // While typed, every key is text: `q` and `n` too.
        Fixture.press([.character("/")] + Fixture.type("maandag q"), on: &state)
        #expect(state.openFamily?.find?.text == "maandag q")
        Fixture.press([.control("u")] + Fixture.type("HUISBEZOEK") + [.enter], on: &state)
        #expect(Self.statusRow(state).hasPrefix(" treffer 1 van 2"))
        #expect(state.dialog == nil)
        Fixture.press([.character("n")], on: &state)
        #expect(state.dialog == nil, "n steps to the next match while a search stands")
        #expect(Self.statusRow(state).hasPrefix(" treffer 2 van 2"))
        // Esc ends the search; the found note (the older one) is the chosen one, and n writes a note again.
        Fixture.press([.escape], on: &state)
        #expect(state.openFamily?.selectedNote == 1)
        Fixture.press([.character("n")], on: &state)
        guard case .dossier(let form)? = state.dialog else { Issue.record("no note form"); return }
        #expect(form.kind == .addNote(refersTo: nil))
    }

    @Test func theGezinSectionFindsANameTypedWithoutItsAccents() {
        var state = DossierFixture.state(section: .gezin)
        Fixture.press([.character("/")] + Fixture.type("ozdemir") + [.enter], on: &state)
        #expect(Self.statusRow(state).hasPrefix(" treffer 1 van 1"), "\(Self.statusRow(state))")
        #expect(Self.roles(of: "Özdemir", in: state) == [.cardSelected])
    }

    @Test func theLogFindsTextInEveryColumnAndFStillFilters() {
        var state = AuditViewTests.state()
        Fixture.press([.character("/")] + Fixture.type("zoe") + [.enter], on: &state)
        #expect(Self.statusRow(state).hasPrefix(" treffer 1 van 1: ‘zoe’"), "\(Self.statusRow(state))")
        #expect(Self.roles(of: "bron Veilig Thuis", in: state) == [.cardSelected], "the line in front is selected whole")
        Fixture.press([.escape], on: &state)
        #expect(state.openAudit?.find == nil && state.openAudit != nil, "Esc ends the search, the log stays")
        Fixture.press([.character("/")] + Fixture.type("el amrani") + [.enter, .character("N")], on: &state)
        #expect(Self.statusRow(state).hasPrefix(" treffer 2 van 2"))
        #expect(Self.roles(of: "El Amrani", in: state) == [.searchMatch, .cardSelected])
        // The filter is on f: it narrows, and the store is asked on Enter.
        #expect(Fixture.press([.escape, .character("f")] + Fixture.type("karim") + [.enter], on: &state) == [.loadAuditLog(filter: "karim")])
    }

    @Test func helpListsTheSearchKeys() {
        var state = DossierFixture.state(section: .journaal)
        Fixture.press([.character("?")], on: &state)
        #expect(AppView.render(state).screen.text.contains("zoeken op deze pagina (hoofdletters en accenten tellen niet)"))
        var searching = DossierFixture.state(section: .journaal)
        Fixture.press([.character("/")] + Fixture.type("huis") + [.enter, .character("?")], on: &searching)
        let help = AppView.render(searching).screen.text
        #expect(help.contains("volgende regel met ‘huis’") && help.contains("vorige regel met ‘huis’"))
        #expect(help.contains("zoeken stoppen (de treffer blijft in beeld)"))
        #expect(!help.contains("nieuwe notitie"), "n belongs to the search until Esc")
    }

    @Test func textSearchMapsFoldedMatchesBackToTheCharactersWritten() {
        #expect(TextSearch.ranges(of: "sahin", in: "Gezin Şahin, Sahin") == [6..<11, 13..<18])
        #expect(TextSearch.ranges(of: "strasse", in: "Hoofdstraße 1") == [5..<11], "ß folds to ss and maps back to one character")
        #expect(TextSearch.ranges(of: "", in: "iets").isEmpty)
        #expect(TextSearch.contains("CELIK", in: "Çelik"))
    }
}
