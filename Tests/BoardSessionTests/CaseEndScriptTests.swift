import BoardCore
import BoardSession
import BoardStore
import BoardUI
import Foundation
import Testing

/// What happens when a case ends or leaves the wijkteam's flow, played as a user would: the
/// joint plan ends with it, closing asks first, a move over a WIP limit warns.
@Suite struct CaseEndScriptTests {
    let today = Clock.today()

    /// A case at the Beschermtafel since ten days ago, with a joint plan that started in Onderzoek.
    func caseAtTheTableWithAPlan(_ store: TestStore) throws -> CaseID {
        let id = try store.addReport("2026-0042", family: "Jansen", reportedOn: today.adding(days: -30))
        try store.store.move(MoveRequest(caseID: id, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: today.adding(days: -25)),
                             today: today)
        try store.store.apply(.start(id, expectedVersion: 2, PlanStart(jeugdbeschermer: "Fatima Ouali", organisation: PlanOrganisation.jbra,
                                                                    wijkteamColleague: "Anouk de Wit", startDate: today.adding(days: -20),
                                                                    consentDate: today.adding(days: -21), consentBy: "moeder",
                                                                    intensity: .intensief, firstEvaluation: today.adding(days: 30))),
                              today: today)
        try store.store.move(MoveRequest(caseID: id, expectedVersion: 3, from: .onderzoek, to: .beschermtafel, day: today.adding(days: -10),
                                         requester: .jeugdteam), today: today)
        return id
    }

    @Test func toTheRaadWithGreaterThanEndsThePlanOnTheCardInJAndOnThePlanScreen() throws {
        let store = try TestStore()
        let id = try caseAtTheTableWithAPlan(store)
        var script: [ScriptedTerminal.Step] = [
            .character("l"), .character("l"),
            .check { #expect($0.text.contains("◆JB"), "the running plan is on the card:\n\($0.text)") },
            .character(">"), .key(.right),
            .check { #expect($0.text.contains("RvK-onderzoek ▶"), "\($0.text)") },
            .key(.tab), .key(.tab),
        ]
        script += ScriptedTerminal.Step.typed("afspraken niet nagekomen") + [.key(.control("s"))]
        script += [
            .check { screen in
                #expect(screen.text.contains("Zaak verplaatst naar RvK-onderzoek."), "\(screen.text)")
                #expect(!screen.text.contains("◆JB"), "the card loses the plan:\n\(screen.text)")
            },
            .character("J"),
            .check { #expect(!$0.text.contains("2026-0042"), "J lists only running plans:\n\($0.text)") },
            .character("J"), .key(.enter), .character("p"),
        ]
        let terminal = ScriptedTerminal(script)
        SessionLoop(store: store.store, terminal: terminal, clock: TestClock(day: today)).run()

        #expect(terminal.text.contains("Plan beëindigd op \(today.dutch): zaak naar de Raad voor de Kinderbescherming"), "\(terminal.text)")
        let plan = try #require(try store.open().jointPlans(caseID: id, logOpening: false).last)
        #expect(plan.endedOn == today)
        #expect(!plan.isActive)
    }
}
