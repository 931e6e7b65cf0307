import BoardCore
import Testing
@testable import BoardUI

/// `U` on the board and the family screen: the store's proposal asked as a question (j/n), only a
/// yes undoes; where nothing can be undone the family screen's key bar and help say why, from the
/// dossier's log; the timeline and section 5 show what an undo did (issue 18, point 15).
@Suite struct UndoKeyTests {
    static let events = DossierFixture.dossier.viewed.events

    /// The proposal the store makes for the fixture's case: Anouk's move to the Beschermtafel.
    static var proposal: UndoProposal {
        guard case .success(let proposal) = CaseUndo.proposal(for: DossierFixture.summary, events: events, user: "anouk",
                                                              displayName: { $0 }) else { preconditionFailure("the fixture's move is Anouk's") }
        return proposal
    }

    static func family(events: [CaseEvent], tableRecords: [TableRecord]? = nil, section: FamilySection = .zaak) -> AppState {
        var dossier = DossierFixture.dossier
        dossier.viewed.events = events
        if let tableRecords { dossier.tableRecords = tableRecords }
        var state = Fixture.state(width: 100, height: 30)
        _ = state.update(.dossierLoaded(dossier))
        if case .family(var screen)? = state.pages.last {
            screen.section = section
            state.pages[state.pages.count - 1] = .family(screen)
        }
        return state
    }

    static func event(_ id: Int64, _ user: String, _ kind: EventKind, from: Stage? = nil, to: Stage? = nil, day: Int, detail: String = "") -> CaseEvent {
        CaseEvent(id: id, caseID: 5, recordedAt: "2026-11-20T09:0\(id % 10):00.000Z", user: user, kind: kind, fromStage: from, toStage: to,
                  day: Day(year: 2026, month: 11, day: day)!, detail: detail)
    }

    static func text(_ state: AppState) -> String { AppView.render(state).screen.text }

    @Test func onTheBoardUAsksTheStoreThenTheQuestionAndOnlyJUndoes() {
        var state = Fixture.state()
        #expect(Fixture.press([.character("U")], on: &state) == [.proposeUndo(2)], "the selected card's case (the longest in Aangemeld)")
        _ = state.update(.undoProposed(Self.proposal))
        #expect(Self.text(state).contains("Zaak 2026-0050 terug naar Onderzoek? j = ja, n = nee"), "\(Self.text(state))")
        #expect(state.activeKeys.compactMap(\.bar) == ["ja", "nee"], "while the question stands, the bar offers its answers")
        #expect(Fixture.press([.character("n")], on: &state).isEmpty)
        #expect(state.message == StatusMessage(text: "Niets ongedaan gemaakt.", isError: false))
        #expect(state.undoQuestion == nil)
        // Any other key is a no too, and does nothing else.
        _ = state.update(.undoProposed(Self.proposal))
        #expect(Fixture.press([.character(">")], on: &state).isEmpty)
        #expect(state.dialog == nil, "the key answered the question; it did not open the move")
        _ = state.update(.undoProposed(Self.proposal))
        #expect(Fixture.press([.character("j")], on: &state) == [.undo(UndoRequest(caseID: 5, expectedVersion: 3, undoneEventID: 2))])
    }

    @Test func onAnEmptyColumnTheKeyWaitsForACase() {
        var state = Fixture.state(cases: [])
        #expect(Fixture.press([.character("U")], on: &state).isEmpty)
        #expect(state.message == StatusMessage(text: "Geen zaak geselecteerd: deze kolom is leeg.", isError: true))
    }

    @Test func onTheFamilyScreenUAsksForTheViewedCase() {
        var state = Self.family(events: Self.events)
        #expect(Self.text(state).contains("U ongedaan"), "\(Self.text(state))")
        #expect(Fixture.press([.character("U")], on: &state) == [.proposeUndo(5)])
    }

    @Test(arguments: [
        ("karim", EventKind.notitie, "Niets om ongedaan te maken: de laatste wijziging van deze zaak (Notitie op 19-11-2026) is niet van u maar van karim."),
        ("anouk", EventKind.ongedaanGemaakt, "Niets om ongedaan te maken: de laatste wijziging van deze zaak is al ongedaan gemaakt."),
        ("anouk", EventKind.notitie, "Niets om ongedaan te maken: de laatste wijziging van deze zaak (Notitie op 19-11-2026) is geen verplaatsing of besluit van de Beschermtafel; alleen die worden ongedaan gemaakt."),
    ])
    func theFamilyScreenSaysWhyNothingCanBeUndone(user: String, kind: EventKind, reason: String) {
        let last = kind == .ongedaanGemaakt
            ? Self.event(4, user, kind, from: .beschermtafel, to: .onderzoek, day: 19, detail: "gebeurtenis 2 (verplaatst op 11-10-2026) ongedaan gemaakt")
            : Self.event(4, user, kind, day: 19)
        var state = Self.family(events: Self.events + [last])
        let binding = state.openFamily.flatMap { screen in KeyMap.binding(for: .character("U"), in: screen.bindings(in: state)) }
        #expect(binding?.disabledReason == reason)
        #expect(Fixture.press([.character("U")], on: &state).isEmpty, "nothing is asked of the store")
        #expect(state.message == StatusMessage(text: reason, isError: true))
        _ = state.update(.key(.character("?")))
        #expect(Self.text(state).contains("ongedaan maken"), "help lists the key with its reason")
    }

    @Test func theTimelineShowsTheUndoAboveTheChangeItUndid() {
        let undo = Self.event(4, "anouk", .ongedaanGemaakt, from: .beschermtafel, to: .onderzoek, day: 1,
                              detail: "gebeurtenis 2 (verplaatst op 11-10-2026) ongedaan gemaakt; zaak terug naar Onderzoek")
        let lines = Self.text(Self.family(events: Self.events + [undo])).split(separator: "\n").map(String.init)
        let undoLine = lines.firstIndex { $0.contains("Ongedaan gemaakt → Onderzoek · anouk") }
        let undoneLine = lines.firstIndex { $0.contains("Verplaatst → Beschermtafel (ongedaan gemaakt) · anouk") }
        #expect(undoLine != nil && undoneLine != nil, "\(lines.joined(separator: "\n"))")
        if let undoLine, let undoneLine { #expect(undoLine < undoneLine) }
        #expect(lines.contains { $0.contains("gebeurtenis 2 (verplaatst op 11-10-2026) ongedaan gemaakt; zaak terug naar Onderzoek") })
    }

    @Test func aWithdrawnDecisionStaysInSection5ButIsNotTheTablesLastWord() {
        var withdrawn = DossierFixture.dossier.tableRecords[0]
        withdrawn.undo = .withdrawn
        var restored = TableRecord(id: 2, requester: .jeugdteam, requestDate: withdrawn.requestDate)
        restored.undo = .restored
        let text = Self.text(Self.family(events: Self.events, tableRecords: [withdrawn, restored], section: .beschermtafel))
        #expect(text.contains("nog geen besluit van de tafel"), "\(text)")
        #expect(text.contains("Besluit ingetrokken (ongedaan gemaakt; zie de tijdlijn)"))
        #expect(text.contains("Drang met heldere afspraken"), "the withdrawn decision is still there to read")
        #expect(text.contains("Hersteld na het intrekken van een besluit"))
    }
}
