import Testing
@testable import BoardCore

/// Which events one save wrote, and so what an undo takes back (CaseUndo.swift).
@Suite struct CaseUndoTests {
    static let summary = CaseSummary(id: 7, kenmerk: "2026-0123", familyID: 7, familyName: "Jansen", wijk: "", source: .veiligThuis,
                                     reportedOn: Day(year: 2026, month: 9, day: 1)!, stage: .veiligheidGewaarborgd,
                                     stageSince: Day(year: 2026, month: 12, day: 4)!, medewerker: "anouk", childCount: 1,
                                     youngestBirthDate: nil, version: 6)

    static func event(_ id: Int64, _ kind: EventKind, from: Stage? = nil, to: Stage? = nil, day: Int, detail: String = "") -> CaseEvent {
        CaseEvent(id: id, caseID: 7, recordedAt: "", user: "anouk", kind: kind, fromStage: from, toStage: to,
                  day: Day(year: 2026, month: day < 20 ? 12 : 9, day: day)!, detail: detail)
    }

    static let toTheTable = [
        event(1, .aangemeld, to: .aangemeld, day: 21),
        event(2, .verplaatst, from: .aangemeld, to: .onderzoek, day: 22),
        event(3, .verplaatst, from: .onderzoek, to: .beschermtafel, day: 23),
    ]

    static func proposal(_ events: [CaseEvent]) -> UndoProposal? {
        try? CaseUndo.proposal(for: summary, events: events, user: "anouk", displayName: { $0 }).get()
    }

    @Test func aClosingDecisionAndItsMoveAreOneChange() throws {
        let events = Self.toTheTable + [
            Self.event(4, .tafelbesluit, day: 4, detail: "Vrijwillig kader volstaat; advies: hulp loopt"),
            Self.event(5, .verplaatst, from: .beschermtafel, to: .veiligheidGewaarborgd, day: 4, detail: "besluit tafel: hulp loopt"),
        ]
        let proposal = try #require(Self.proposal(events))
        #expect(proposal.question == "Besluit van de Beschermtafel van 04-12-2026 intrekken en zaak 2026-0123 terug naar Beschermtafel?")
        #expect(proposal.undoneEventID == 4)
        #expect(proposal.returnsTo?.stage == .beschermtafel && proposal.returnsTo?.since == Day(year: 2026, month: 9, day: 23))
    }

    @Test func aMoveRightAfterDrangIsASaveOfItsOwn() throws {
        let events = Self.toTheTable + [
            Self.event(4, .tafelbesluit, day: 4, detail: "Drang; advies: afspraken"),
            Self.event(5, .verplaatst, from: .beschermtafel, to: .veiligheidGewaarborgd, day: 4, detail: "afspraken nagekomen"),
        ]
        let proposal = try #require(Self.proposal(events))
        #expect(proposal.question == "Zaak 2026-0123 terug naar Beschermtafel?", "the drang decision stands")
        #expect(proposal.undoneEventID == 5)
    }

    @Test func anUndoUndoesTheChangeBeforeItAndIsNotItselfUndone() {
        let undo = Self.event(4, .ongedaanGemaakt, from: .beschermtafel, to: .onderzoek, day: 22)
        let history = CaseHistory(events: Self.toTheTable + [undo])
        #expect(history.undoneEventIDs == [3])
        #expect(history.undoneHeads[4]?.id == 3)
        var atOnderzoek = Self.summary
        atOnderzoek.stage = .onderzoek
        guard case .failure(let refusal) = CaseUndo.proposal(for: atOnderzoek, events: Self.toTheTable + [undo], user: "anouk",
                                                             displayName: { $0 }) else {
            Issue.record("an undo is not undone")
            return
        }
        #expect(refusal.message == "Niets om ongedaan te maken: de laatste wijziging van deze zaak is al ongedaan gemaakt.")
    }
}
