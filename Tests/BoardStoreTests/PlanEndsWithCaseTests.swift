import BoardCore
import Foundation
import Testing
@testable import BoardStore

/// A running joint plan ends in the same transaction as the move that closes its case or brings
/// it to the Raad, with that reason, logged; afterwards the store refuses changes to it and the
/// board no longer counts it as running.
@Suite struct PlanEndsWithCaseTests {
    let today = day(2025, 9, 1)

    /// A case with a running plan, at the Beschermtafel since 1 April 2025 (the plan started in Onderzoek).
    func caseAtTheTableWithAPlan(_ place: TestStore) throws -> (Store, CaseID, PlanID) {
        let store = try place.open(as: "anouk")
        let id = try store.addReport(report("2025-0042"))
        try store.move(MoveRequest(caseID: id, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2025, 3, 5)), today: today)
        try store.apply(.start(id, expectedVersion: 2, PlanStart(jeugdbeschermer: "Fatima Ouali", organisation: PlanOrganisation.jbra,
                                                              wijkteamColleague: "Sanne Kuipers", startDate: day(2025, 3, 10),
                                                              consentDate: day(2025, 3, 9), consentBy: "moeder", intensity: .intensief,
                                                              firstEvaluation: day(2025, 10, 10))), today: today)
        try store.move(MoveRequest(caseID: id, expectedVersion: 3, from: .onderzoek, to: .beschermtafel, day: day(2025, 4, 1),
                                   requester: .jeugdteam), today: today)
        let planID = try store.jointPlans(caseID: id, logOpening: false)[0].id
        return (store, id, planID)
    }

    func version(_ store: Store, _ id: CaseID) throws -> Int {
        try store.dossier(caseID: id, openedSection: nil).viewed.summary.version
    }

    /// What every check below asks of an ended plan: its day and reason, the event that says so,
    /// a store that refuses new hours and agreements, a board card without the plan, and a log
    /// that `check` still finds whole.
    func expectEnded(_ store: Store, in place: TestStore, _ id: CaseID, _ planID: PlanID, on endDay: Day, reason: String) throws {
        let plan = try #require(try store.jointPlans(caseID: id, logOpening: false).last)
        #expect(!plan.isActive)
        #expect(plan.endedOn == endDay)
        #expect(plan.end?.title == reason)
        #expect(plan.nextEvaluation == nil)
        let events = try store.dossier(caseID: id, openedSection: nil).viewed.events
        let ending = try #require(events.last { $0.detail == reason }, "the plan's end is logged: \(events.map(\.detail))")
        #expect(ending.day == endDay)
        #expect(ending.user == "anouk")
        #expect(storeError { try store.apply(.addHours(id, planID, HoursEntry(day: endDay, quarters: 4, person: "Fatima Ouali", description: "")),
                                             today: today) } == .refused("Dit plan loopt niet (meer); wijzigingen kunnen alleen in een lopend plan."))
        #expect(storeError { try store.apply(.addAgreement(id, planID, PlanAgreement(party: .gezin, what: "Belt de huisarts", due: today)),
                                             today: today) } == .refused("Dit plan loopt niet (meer); wijzigingen kunnen alleen in een lopend plan."))
        let card = try #require(try store.boardCases(today: today, closedWindowDays: nil).first { $0.id == id })
        #expect(!card.hasActivePlan, "the card loses ◆JB and J no longer lists it")
        #expect(try place.integrityCheck().isHealthy)
    }

    @Test(arguments: StoreKind.all) func drangThenTheRaadEndsThePlanWithTheMoveAndTheOutcomeFindsNoneRunning(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let (store, id, planID) = try caseAtTheTableWithAPlan(place)
        try store.apply(.recordTableDecision(id, expectedVersion: 4, TableDecision(meetingDate: day(2025, 4, 15), attendees: "RvK, VT",
                                                                                    advice: "drang", outcome: .drang, reportBackOn: day(2025, 6, 15),
                                                                                    goals: "afspraken nakomen")), today: today)
        #expect(try store.jointPlans(caseID: id, logOpening: false)[0].isActive, "drang keeps the case, and its plan, at the table")
        // `>` on the board: the move dialog to RvK-onderzoek.
        try store.move(MoveRequest(caseID: id, expectedVersion: 5, from: .beschermtafel, to: .rvkOnderzoek, day: day(2025, 6, 20),
                                   text: "afspraken niet nagekomen"), today: today)
        try expectEnded(store, in: place, id, planID, on: day(2025, 6, 20), reason: "zaak naar de Raad voor de Kinderbescherming")

        let before = try store.dossier(caseID: id, openedSection: nil).viewed.events.count
        try store.apply(.recordRvkOutcome(id, expectedVersion: try version(store, id), try everyChild(of: id, in: store, .ots), day(2025, 8, 1)), today: today)
        let after = try store.dossier(caseID: id, openedSection: nil).viewed.events
        #expect(after.count == before + 1, "only the outcome: the plan had already ended")
        #expect(try store.jointPlans(caseID: id, logOpening: false)[0].endedOn == day(2025, 6, 20), "the first end stays")
    }

    @Test(arguments: StoreKind.all) func theTablesRvkDecisionEndsThePlan(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let (store, id, planID) = try caseAtTheTableWithAPlan(place)
        try store.apply(.recordTableDecision(id, expectedVersion: 4, TableDecision(meetingDate: day(2025, 4, 15), attendees: "RvK, VT",
                                                                                    advice: "onderzoek Raad", outcome: .rvkOnderzoek)), today: today)
        try expectEnded(store, in: place, id, planID, on: day(2025, 4, 15), reason: "zaak naar de Raad voor de Kinderbescherming")
    }

    @Test(arguments: StoreKind.all) func closingAtTheTableEndsThePlan(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let (store, id, planID) = try caseAtTheTableWithAPlan(place)
        try store.apply(.recordTableDecision(id, expectedVersion: 4, TableDecision(meetingDate: day(2025, 4, 15), attendees: "RvK, VT",
                                                                                    advice: "vrijwillige hulp volstaat", outcome: .vrijwillig)), today: today)
        try expectEnded(store, in: place, id, planID, on: day(2025, 4, 15), reason: "zaak gesloten: veiligheid gewaarborgd")
    }

    @Test(arguments: StoreKind.all) func closingAfterOnderzoekEndsThePlanInTheSameTransaction(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let store = try place.open(as: "anouk")
        let id = try store.addReport(report("2025-0043"))
        try store.move(MoveRequest(caseID: id, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2025, 3, 5)), today: today)
        try store.apply(.start(id, expectedVersion: 2, PlanStart(jeugdbeschermer: "Esther Vos", organisation: PlanOrganisation.wss,
                                                              wijkteamColleague: "Sanne Kuipers", startDate: day(2025, 3, 10),
                                                              consentDate: day(2025, 3, 9), consentBy: "vader", intensity: .advies,
                                                              firstEvaluation: day(2025, 10, 10))), today: today)
        let planID = try store.jointPlans(caseID: id, logOpening: false)[0].id
        // A move refused by the rules changes nothing, the plan included.
        #expect(storeError { try store.move(MoveRequest(caseID: id, expectedVersion: 3, from: .onderzoek, to: .veiligheidGewaarborgd,
                                                        day: day(2025, 5, 1)), today: today) } != nil, "a conclusion is required")
        #expect(try store.jointPlans(caseID: id, logOpening: false)[0].isActive)
        try store.move(MoveRequest(caseID: id, expectedVersion: 3, from: .onderzoek, to: .veiligheidGewaarborgd, day: day(2025, 5, 1),
                                   text: "veilig genoeg"), today: today)
        try expectEnded(store, in: place, id, planID, on: day(2025, 5, 1), reason: "zaak gesloten: veiligheid gewaarborgd")
        // The move and the plan's end are one change: the move's event comes first, the end right after it.
        let events = try store.dossier(caseID: id, openedSection: nil).viewed.events
        #expect(events.suffix(2).map(\.toStage) == [.veiligheidGewaarborgd, nil])
        #expect(events.last?.detail == "zaak gesloten: veiligheid gewaarborgd")
    }

    @Test(arguments: StoreKind.all) func theRaadsOutcomeEndsAPlanThatStillRuns(_ kind: StoreKind) throws {
        // A store from before plans ended with their case: a case in RvK-onderzoek whose plan still runs.
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let (store, id, planID) = try caseAtTheTableWithAPlan(place)
        try store.apply(.recordTableDecision(id, expectedVersion: 4, TableDecision(meetingDate: day(2025, 4, 15), attendees: "RvK, VT",
                                                                                    advice: "onderzoek Raad", outcome: .rvkOnderzoek)), today: today)
        try place.tamper("UPDATE joint_plan SET ended_on = NULL, end_reason = NULL, next_evaluation = '2025-10-10' WHERE id = \(planID)")
        #expect(try store.jointPlans(caseID: id, logOpening: false)[0].isActive)
        try store.apply(.recordRvkOutcome(id, expectedVersion: try version(store, id), try everyChild(of: id, in: store, .ots), day(2025, 8, 1)), today: today)
        let plan = try store.jointPlans(caseID: id, logOpening: false)[0]
        #expect(plan.endedOn == day(2025, 8, 1))
        #expect(plan.end?.title == "zaak gesloten: uitkomst van de Raad")
        #expect(try store.dossier(caseID: id, openedSection: nil).viewed.events.last?.detail == "zaak gesloten: uitkomst van de Raad")
    }
}
