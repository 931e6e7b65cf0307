import BoardCore
import Testing
@testable import BoardUI

/// One key means one thing on every page: `q` goes back, `Q` quits, `M` masks names, and the
/// keys that scroll scroll everywhere.
@Suite struct KeysTests {
    @Test func qGoesBackOnePageAndQuitsOnlyOnTheBoard() {
        var state = MeetingAgendaScreenTests.agendaState()
        Fixture.press([.character(".")], on: &state)
        _ = state.update(.dossierLoaded(MeetingAgendaScreenTests.dossier(of: 1)))
        #expect(state.pages.count == 2)
        Fixture.press([.character("q")], on: &state)
        #expect(state.pages.count == 1 && state.openAgenda != nil, "back to the agenda")
        Fixture.press([.character("q")], on: &state)
        #expect(state.isOnBoard && !state.wantsQuit, "back to the board")
        Fixture.press([.character("q")], on: &state)
        #expect(state.wantsQuit, "on the board q quits")
    }

    @Test func capitalQQuitsFromAnyPage() {
        var state = DossierFixture.state(section: .journaal)
        Fixture.press([.character("Q")], on: &state)
        #expect(state.wantsQuit)
    }

    @Test func capitalQAsksFirstWhenAFormUnderHelpHoldsTypedText() {
        var state = DossierFixture.state(section: .journaal)
        Fixture.press([.character("n")] + Fixture.type("Gesprek met school") + [.function(1)], on: &state)
        #expect(state.help != nil, "F1 shows the form's keys")
        Fixture.press([.character("Q")], on: &state)
        #expect(!state.wantsQuit)
        #expect(state.help == nil && state.dialog?.form.isConfirmingQuit == true)
        #expect(AppView.render(state).screen.text.contains("Wat je typte weggooien en stoppen? j = ja"))
        Fixture.press([.character("x")], on: &state)
        #expect(!state.wantsQuit && state.dialog?.form["tekst"] == "Gesprek met school", "another key keeps the form and the text")
        Fixture.press([.function(1), .character("Q"), .character("j")], on: &state)
        #expect(state.wantsQuit)
    }

    @Test func mMasksNamesOnAFamilyScreenToo() {
        var state = DossierFixture.state(section: .gezin)
        #expect(AppView.render(state).screen.text.contains("Samira El Amrani"))
        Fixture.press([.character("M")], on: &state)
        #expect(state.isMeeting)
        let text = AppView.render(state).screen.text
        #expect(!text.contains("Samira El Amrani") && text.contains("VERGADERMODUS"), "\(text)")
        Fixture.press([.character("M")], on: &state)
        #expect(!state.isMeeting && state.openFamily != nil, "the page stays open")
    }

    @Test func gAndCapitalGAndPagingWorkOnTheAgendaAndTheCaseload() {
        var agenda = MeetingAgendaScreenTests.agendaState()
        let last = (agenda.openAgenda?.items.count ?? 0) - 1
        Fixture.press([.character("G")], on: &agenda)
        #expect(agenda.openAgenda?.selected == last)
        Fixture.press([.character("g")], on: &agenda)
        #expect(agenda.openAgenda?.selected == 0)
        Fixture.press([.pageDown], on: &agenda)
        #expect(agenda.openAgenda?.selected == last, "a page further, within the list")
        Fixture.press([.home], on: &agenda)
        #expect(agenda.openAgenda?.selected == 0)

        var caseload = Fixture.state()
        Fixture.press([.character("w"), .end], on: &caseload)
        guard case .caseload(let screen)? = caseload.pages.last else { Issue.record("werkvoorraad is open"); return }
        #expect(screen.selected == caseload.caseloadRows.count - 1)
        #expect(caseload.message == nil, "End is a key of the page")
    }

    @Test func helpScrollsWithGAndPagesAndComesBackUpAtOnce() {
        var state = Fixture.state(width: 80, height: 16)
        Fixture.press([.character("?"), .character("G")], on: &state)
        let end = state.help?.scroll ?? 0
        #expect(end > 0, "the board's keys are more than 16 rows")
        #expect(AppView.render(state).screen.text.contains("q/Q"), "the last key is in view")
        Fixture.press([.character("k")], on: &state)
        #expect(state.help?.scroll == end - 1, "one up from the end, not from beyond it")
        Fixture.press([.pageUp, .pageUp, .pageUp], on: &state)
        #expect(state.help?.scroll == 0)
        Fixture.press([.pageDown], on: &state)
        #expect((state.help?.scroll ?? 0) > 0)
    }

    @Test func controlUClearsTheFilterLine() {
        var state = Fixture.state()
        Fixture.press([.character("/")] + Fixture.type("jansen") + [.control("u")], on: &state)
        #expect(state.filter.isEmpty && state.isEditingFilter, "the line is empty and still being typed")
        Fixture.press(Fixture.type("de v"), on: &state)
        #expect(state.filter == "de v")

        var log = Fixture.state()
        _ = log.update(.auditLoaded(AuditPage(lines: [], onlyOwnEntries: false, filter: "")))
        Fixture.press([.character("f")] + Fixture.type("2026") + [.control("u")], on: &log)
        #expect(log.openAudit?.filter == "" && log.openAudit?.isEditingFilter == true)
    }
}
