import BoardCore
import Foundation
import Testing
@testable import BoardStore

/// `U`: the user's own latest change of a case (a move, a step back, a table decision) undone by a
/// new `ongedaan_gemaakt` event that names it, in one transaction with the state it restores;
/// nothing of the log is removed or rewritten and `check` stays healthy. Refused, with the
/// reason, for a colleague's change, an undo, and where the inverse is not exact.
@Suite struct UndoTests {
    let today = day(2025, 9, 1)

    /// Anouk's case 2025-0042, reported on 3 March 2025, in Onderzoek since 5 March (version 2).
    func caseInOnderzoek(_ place: TestStore) throws -> (Store, CaseID) {
        let store = try storeWithSanne(place)
        let id = try store.addReport(report("2025-0042"))
        try store.move(MoveRequest(caseID: id, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2025, 3, 5)), today: today)
        return (store, id)
    }

    /// The same case brought to the Beschermtafel on 1 April (version 3).
    func caseAtTheTable(_ place: TestStore) throws -> (Store, CaseID) {
        let (store, id) = try caseInOnderzoek(place)
        try store.move(MoveRequest(caseID: id, expectedVersion: 2, from: .onderzoek, to: .beschermtafel, day: day(2025, 4, 1),
                                   requester: .jeugdteam), today: today)
        return (store, id)
    }

    /// The case in Onderzoek with a joint plan started on 10 March (version 3).
    func caseWithAJointPlan(_ place: TestStore) throws -> (Store, CaseID) {
        let (store, id) = try caseInOnderzoek(place)
        try store.apply(.start(id, expectedVersion: 2, PlanStart(jeugdbeschermer: "Fatima Ouali", organisation: PlanOrganisation.jbra,
                                                              wijkteamColleague: "Sanne Kuipers", startDate: day(2025, 3, 10),
                                                              consentDate: day(2025, 3, 9), consentBy: "moeder", intensity: .intensief,
                                                              firstEvaluation: day(2025, 10, 10))), today: today)
        return (store, id)
    }

    func summary(_ store: Store, _ id: CaseID) throws -> CaseSummary {
        try store.dossier(caseID: id, openedSection: nil).viewed.summary
    }

    func events(_ store: Store, _ id: CaseID) throws -> [CaseEvent] {
        try store.dossier(caseID: id, openedSection: nil).viewed.events
    }

    func refusal(_ store: Store, _ id: CaseID) -> String? {
        guard case .refused(let message)? = storeError({ _ = try store.undoProposal(caseID: id) }) else { return nil }
        return message
    }

    func drang(_ meeting: Day) -> TableDecision {
        TableDecision(meetingDate: meeting, attendees: "RvK, VT", advice: "drang met afspraken", outcome: .drang,
                      reportBackOn: meeting.adding(days: 60), goals: "afspraken nakomen")
    }

    func vrijwillig(_ meeting: Day) -> TableDecision {
        TableDecision(meetingDate: meeting, attendees: "RvK, VT", advice: "vrijwillig kader volstaat", outcome: .vrijwillig,
                      reportBackOn: nil, goals: "")
    }

    /// Undoes the latest change after checking the question, and returns the undo's event; the
    /// events before it are all still there, unchanged, and `check` finds the store whole.
    @discardableResult
    func undo(_ store: Store, _ id: CaseID, in place: TestStore, asking question: String) throws -> CaseEvent {
        let before = try events(store, id)
        let proposal = try store.undoProposal(caseID: id)
        #expect(proposal.question == question)
        try store.undo(proposal.request, today: today)
        let after = try events(store, id)
        #expect(Array(after.prefix(before.count)) == before, "no event is removed or rewritten")
        let undo = try #require(after.last)
        #expect(undo.kind == .ongedaanGemaakt)
        #expect(undo.user == "anouk")
        #expect(undo.detail.hasPrefix("gebeurtenis \(proposal.undoneEventID) "), "the undo names the event it undoes: \(undo.detail)")
        let report = try place.integrityCheck()
        #expect(report.isHealthy, "\(report)")
        #expect(try place.verifiedChain().breaks == 0)
        return undo
    }

    @Test(arguments: StoreKind.all) func aMoveForwardIsUndoneToItsColumnAndDayAndNotTwice(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let (store, id) = try caseInOnderzoek(place)
        let undo = try undo(store, id, in: place, asking: "Zaak 2025-0042 terug naar Aangemeld?")
        #expect(undo.fromStage == .onderzoek && undo.toStage == .aangemeld)
        #expect(undo.day == day(2025, 3, 3), "its day is the one the case is in Aangemeld since, as a move's is")
        let card = try summary(store, id)
        #expect(card.stage == .aangemeld)
        #expect(card.stageSince == day(2025, 3, 3), "back in Aangemeld since the report, as before the move")
        #expect(card.version == 3, "an undo is a change: a form opened over the moved case is refused")
        #expect(refusal(store, id) == "Niets om ongedaan te maken: de laatste wijziging van deze zaak is al ongedaan gemaakt.")
        #expect(CaseHistory(events: try events(store, id)).undoneEventIDs.count == 1)
        // The case moves on again as if the undone move never was.
        try store.move(MoveRequest(caseID: id, expectedVersion: 3, from: .aangemeld, to: .onderzoek, day: day(2025, 3, 6)), today: today)
        #expect(try summary(store, id).stage == .onderzoek)
    }

    @Test(arguments: StoreKind.all) func aMoveIntoTheTableIsUndoneAndItsRequestWithdrawn(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let (store, id) = try caseAtTheTable(place)
        try undo(store, id, in: place, asking: "Zaak 2025-0042 terug naar Onderzoek?")
        let dossier = try store.dossier(caseID: id, openedSection: nil)
        #expect(dossier.viewed.summary.stage == .onderzoek)
        #expect(dossier.viewed.summary.stageSince == day(2025, 3, 5))
        #expect(dossier.tableRecords.map(\.undo) == [.withdrawn], "the request stays, withdrawn")
    }

    @Test(arguments: StoreKind.all) func aStepBackIsUndoneIntoTheClosedColumnItLeft(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let (store, id) = try caseAtTheTable(place)
        try store.apply(.recordTableDecision(id, expectedVersion: 3, vrijwillig(day(2025, 4, 15))), today: today)
        try store.move(MoveRequest(caseID: id, expectedVersion: 4, from: .veiligheidGewaarborgd, to: .beschermtafel, day: day(2025, 5, 1),
                                   text: "te vroeg gesloten"), today: today)
        let undo = try undo(store, id, in: place, asking: "Zaak 2025-0042 terug naar Veiligheid gewaarborgd?")
        #expect(undo.fromStage == .beschermtafel && undo.toStage == .veiligheidGewaarborgd)
        let card = try summary(store, id)
        #expect(card.stage == .veiligheidGewaarborgd)
        #expect(card.stageSince == day(2025, 4, 15))
        #expect(card.closedOn == day(2025, 4, 15), "closed again on the day it closed")
        // One step back still goes to the column it came from before it closed.
        try store.move(MoveRequest(caseID: id, expectedVersion: card.version, from: .veiligheidGewaarborgd, to: .beschermtafel,
                                   day: day(2025, 5, 2), text: "toch nog aan tafel"), today: today)
        #expect(try summary(store, id).stage == .beschermtafel)
    }

    @Test(arguments: StoreKind.all) func aClosingDecisionIsWithdrawnAndTheCaseBackAtTheTable(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let (store, id) = try caseAtTheTable(place)
        try store.apply(.recordTableDecision(id, expectedVersion: 3, vrijwillig(day(2025, 4, 15))), today: today)
        let undo = try undo(store, id, in: place,
                            asking: "Besluit van de Beschermtafel van 15-04-2025 intrekken en zaak 2025-0042 terug naar Beschermtafel?")
        #expect(undo.toStage == .beschermtafel)
        let dossier = try store.dossier(caseID: id, openedSection: nil)
        #expect(dossier.viewed.summary.stage == .beschermtafel)
        #expect(dossier.viewed.summary.stageSince == day(2025, 4, 1))
        #expect(dossier.viewed.summary.closedOn == nil, "open again")
        #expect(dossier.tableRecords.map(\.undo) == [.withdrawn, .restored])
        #expect(dossier.tableRecords[0].outcome == .vrijwillig, "the withdrawn decision stays as it was recorded")
        #expect(dossier.tableRecords[1].outcome == nil && dossier.tableRecords[1].requestDate == day(2025, 4, 1),
                "the request waits for the table again")
        // The table decides again, on the restored request.
        try store.apply(.recordTableDecision(id, expectedVersion: dossier.viewed.summary.version, drang(day(2025, 4, 16))), today: today)
        let decided = try store.dossier(caseID: id, openedSection: nil).tableRecords
        #expect(decided.count == 2 && decided[1].outcome == .drang)
    }

    @Test(arguments: StoreKind.all) func aDecisionAfterDrangIsWithdrawnAndDrangStandsAgain(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let (store, id) = try caseAtTheTable(place)
        try store.apply(.recordTableDecision(id, expectedVersion: 3, drang(day(2025, 4, 15))), today: today)
        try store.apply(.recordTableDecision(id, expectedVersion: 4, drang(day(2025, 6, 10))), today: today)
        let undo = try undo(store, id, in: place, asking: "Besluit van de Beschermtafel van 10-06-2025 intrekken? De zaak blijft aan de Beschermtafel.")
        #expect(undo.toStage == nil, "the case stays where it is")
        let dossier = try store.dossier(caseID: id, openedSection: nil)
        #expect(dossier.tableRecords.map(\.undo) == [nil, .withdrawn, .restored])
        #expect(dossier.tableRecords[2].meetingDate == day(2025, 4, 15) && dossier.tableRecords[2].outcome == .drang)
        let card = try #require(try store.boardCases(today: today, closedWindowDays: nil).first { $0.id == id })
        #expect(card.reportBackOn == day(2025, 6, 14), "the card waits for the first drang's report-back again")
        #expect(card.stage == .beschermtafel)
    }

    @Test(arguments: StoreKind.all) func aColleaguesChangeIsNotUndoneAndNamesThem(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let (store, id) = try caseInOnderzoek(place)
        let sanne = try place.open(as: "sanne")
        try sanne.apply(.addNote(id, Note(text: "Huisbezoek gepland.")), today: today)
        #expect(refusal(store, id) == "Niets om ongedaan te maken: de laatste wijziging van deze zaak (Notitie op 01-09-2025) is niet van u maar van Sanne.")
        // Nor her move, by anyone but her.
        try sanne.move(MoveRequest(caseID: id, expectedVersion: 2, from: .onderzoek, to: .beschermtafel, day: day(2025, 4, 1),
                                   requester: .jeugdteam), today: today)
        #expect(refusal(store, id) == "Niets om ongedaan te maken: de laatste wijziging van deze zaak (Verplaatst op 01-04-2025) is niet van u maar van Sanne.")
        #expect(try sanne.undoProposal(caseID: id).question == "Zaak 2025-0042 terug naar Onderzoek?")
    }

    @Test(arguments: StoreKind.all) func anUndoOverAChangedCaseIsRefusedAndWritesNothing(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let (store, id) = try caseInOnderzoek(place)
        let proposal = try store.undoProposal(caseID: id)
        let sanne = try place.open(as: "sanne")
        try sanne.move(MoveRequest(caseID: id, expectedVersion: 2, from: .onderzoek, to: .beschermtafel, day: day(2025, 4, 1),
                                   requester: .jeugdteam), today: today)
        let count = try events(store, id).count
        guard case .changedMeanwhile? = storeError({ try store.undo(proposal.request, today: today) }) else {
            Issue.record("the version check refuses the undo")
            return
        }
        // With the version seen afresh, the change it named is no longer the latest.
        var stale = proposal.request
        stale.expectedVersion = try summary(store, id).version
        #expect(storeError { try store.undo(stale, today: today) }
                == .refused("Niets om ongedaan te maken: de laatste wijziging van deze zaak (Verplaatst op 01-04-2025) is niet van u maar van Sanne."))
        #expect(try events(store, id).count == count)
        #expect(try summary(store, id).stage == .beschermtafel)
    }

    @Test(arguments: StoreKind.all) func aChangeWithoutAnExactInverseIsRefusedWithTheWayOut(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let (store, id) = try caseWithAJointPlan(place)
        #expect(refusal(store, id)?.hasPrefix("Niets om ongedaan te maken: de laatste wijziging van deze zaak (Gezamenlijk plan gestart") == true)
        try store.move(MoveRequest(caseID: id, expectedVersion: 3, from: .onderzoek, to: .veiligheidGewaarborgd, day: day(2025, 4, 1),
                                   text: "veilig"), today: today)
        #expect(refusal(store, id)?.hasPrefix("Niet ongedaan te maken: met deze wijziging eindigde ook het gezamenlijk plan") == true)

        let (other, tabled) = try caseAtTheTable(try TestStore(kind, in: scratch, name: "tweede"))
        try other.apply(.recordTableDecision(tabled, expectedVersion: 3, TableDecision(
            meetingDate: day(2025, 4, 15), attendees: "RvK", advice: "naar de Raad", outcome: .rvkOnderzoek, reportBackOn: nil, goals: "")),
                        today: today)
        #expect(refusal(other, tabled) == "Niet ongedaan te maken: de zaak ging naar de Raad (RvK-onderzoek). Zet haar met < terug naar de Beschermtafel, met een reden.")
    }

    /// "Raad betrekken" ends the plan and moves the case to the table in one save: its move is not
    /// taken for a move of its own, which would leave the evaluation and the ended plan behind.
    @Test(arguments: StoreKind.all) func theMovesOfAnEvaluationThatInvolvesTheRaadAreNotUndoneAlone(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let (store, id) = try caseWithAJointPlan(place)
        let planID = try store.jointPlans(caseID: id, logOpening: false)[0].id
        try store.apply(.evaluate(id, expectedVersion: 3, planID, PlanEvaluation(day: day(2025, 6, 1), wentWell: "moeder open",
                                                                                  wentBadly: "vader weigert", conclusion: .raadBetrekken)),
                        today: today)
        #expect(try summary(store, id).stage == .beschermtafel)
        #expect(refusal(store, id) == "Niets om ongedaan te maken: de laatste wijziging van deze zaak (Evaluatie plan op 01-06-2025) "
                + "is geen verplaatsing of besluit van de Beschermtafel; alleen die worden ongedaan gemaakt.")
    }
}
