import BoardCore
import Foundation
import GRDB
import Testing
@testable import BoardStore

@Suite struct PlanStoreTests {
    let today = day(2025, 9, 1)

    /// A store with one case in Onderzoek since 5 March 2025.
    func caseInOnderzoek(_ place: TestStore) throws -> (Store, CaseID) {
        let store = try place.open(as: "anouk")
        let id = try store.addReport(report("2025-0001"))
        try store.move(MoveRequest(caseID: id, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2025, 3, 5)), today: today)
        return (store, id)
    }

    func start(consent: Day? = day(2025, 3, 9)) -> PlanStart {
        PlanStart(jeugdbeschermer: "Fatima Ouali", organisation: PlanOrganisation.jbra, wijkteamColleague: "Sanne Kuipers",
                  startDate: day(2025, 3, 10), consentDate: consent, consentBy: "moeder", intensity: .intensief,
                  firstEvaluation: day(2025, 5, 10))
    }

    func version(_ store: Store, _ id: CaseID) throws -> Int {
        try store.dossier(caseID: id, openedSection: nil).viewed.summary.version
    }

    @Test(arguments: StoreKind.all) func aPlanStartsOnlyWithConsentAndOnTheVersionTheUserSaw(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let (store, id) = try caseInOnderzoek(place)
        #expect(storeError { try store.apply(.start(id, expectedVersion: 2, start(consent: nil)), today: today) }
                == .refused("Zonder instemming van het gezin start er geen plan (vrijwillig kader)"))
        #expect(try store.jointPlans(caseID: id, logOpening: false).isEmpty, "a refused start writes nothing")
        if case .changedMeanwhile? = storeError({ try store.apply(.start(id, expectedVersion: 1, start()), today: today) }) {} else {
            Issue.record("a stale version must be refused")
        }
        try store.apply(.start(id, expectedVersion: 2, start()), today: today)
        #expect(try version(store, id) == 3, "starting a plan changes the case")
        #expect(storeError { try store.apply(.start(id, expectedVersion: 3, start()), today: today) } == .refused("Deze zaak heeft al een lopend plan."))
        let plans = try store.jointPlans(caseID: id, logOpening: true)
        #expect(plans.count == 1)
        #expect(plans[0].consentDate == day(2025, 3, 9))
        #expect(plans[0].consentBy == "moeder")
        #expect(plans[0].intensity == .intensief)
        #expect(plans[0].nextEvaluation == day(2025, 5, 10))
        let events = try store.dossier(caseID: id, openedSection: nil).viewed.events
        #expect(events.contains { $0.kind == .planGestart && $0.detail.contains("instemming moeder op 09-03-2025") })
        #expect(events.contains { $0.kind == .geopend && $0.detail == "scherm Plan JB in de wijk" })
    }

    @Test(arguments: StoreKind.all) func goalsAgreementsHoursAndIntensityAreKeptAndLoggedAndShowOnTheBoard(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        var (store, id) = try caseInOnderzoek(place)
        try store.apply(.start(id, expectedVersion: 2, start()), today: today)
        let planID = try store.jointPlans(caseID: id, logOpening: false)[0].id
        try store.apply(.addGoal(id, planID, PlanGoal(text: "Geen ruzie waar de kinderen bij zijn", safetyConditions: "veilig thuis")), today: today)
        let consent = Consent(day: day(2025, 3, 10), by: "moeder")
        try store.apply(.addAgreement(id, planID, PlanAgreement(party: .gezin, who: "moeder", what: "Belt de huisarts", due: day(2025, 4, 1),
                                                                check: "navraag bij de huisarts", consent: consent)), today: today)
        try store.apply(.addAgreement(id, planID, PlanAgreement(party: .wijkteam, what: "Netwerkberaad", due: day(2025, 12, 1), check: "verslag",
                                                                consent: consent)), today: today)
        try store.apply(.addHours(id, planID, HoursEntry(day: day(2025, 3, 12), quarters: 6, person: "Fatima Ouali", description: "huisbezoek")), today: today)
        #expect(storeError { try store.apply(.addHours(id, planID, HoursEntry(day: day(2025, 3, 1), quarters: 1, person: "x", description: "")), today: today) }
                == .refused("De datum mag niet vóór de start van het plan (10-03-2025) liggen"))
        #expect(storeError { try store.apply(.changeIntensity(id, expectedVersion: 2, planID, .advies, day(2025, 4, 1)), today: today) } != nil,
                "a stale version is refused")
        try store.apply(.changeIntensity(id, expectedVersion: 3, planID, .advies, day(2025, 4, 1)), today: today)

        // The board: the active plan's next evaluation, and an open agreement past its date.
        var card = try store.boardCases(today: today, closedWindowDays: 30).first { $0.id == id }!
        #expect(card.planNextEvaluation == day(2025, 5, 10))
        #expect(card.planEarliestAgreementDue == day(2025, 4, 1))
        #expect(Norms.standard.isOverdue(card, today: day(2025, 4, 2)))

        var plan = try store.jointPlans(caseID: id, logOpening: false)[0]
        let first = plan.agreements[0]
        try store.apply(.setAgreementStatus(id, agreementID: first.id, .gedaan), today: today)
        try store.apply(.setGoalStatus(id, goalID: plan.goals[0].id, .bereikt), today: today)
        card = try store.boardCases(today: today, closedWindowDays: 30).first { $0.id == id }!
        #expect(card.planEarliestAgreementDue == day(2025, 12, 1), "a done agreement is no longer overdue")

        store = try place.open(as: "anouk")
        plan = try store.jointPlans(caseID: id, logOpening: false)[0]
        #expect(plan.goals.map(\.status) == [.bereikt])
        #expect(plan.goals[0].safetyConditions == "veilig thuis")
        #expect(plan.agreements.map(\.status) == [.gedaan, .open])
        #expect(plan.agreements[0].partyText == "gezinslid (moeder)")
        #expect(plan.hours.map(\.quarters) == [6])
        #expect(plan.intensities.map(\.intensity) == [.intensief, .advies])
        let kinds = try store.dossier(caseID: id, openedSection: nil).viewed.events.map(\.kind)
        #expect(kinds.filter { $0 == .planDoel }.count == 2)
        #expect(kinds.filter { $0 == .planAfspraak }.count == 3)
        #expect(kinds.contains(.planUren))
        #expect(kinds.contains(.planIntensiteit))
    }

    @Test(arguments: StoreKind.all) func continuingMovesTheNextEvaluationAndAfschalenEndsThePlan(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let (store, id) = try caseInOnderzoek(place)
        try store.apply(.start(id, expectedVersion: 2, start()), today: today)
        let planID = try store.jointPlans(caseID: id, logOpening: false)[0].id
        try store.apply(.evaluate(id, expectedVersion: 3, planID, PlanEvaluation(day: day(2025, 5, 10), wentWell: "rust", wentBadly: "",
                                                                                  conclusion: .doorgaan, nextEvaluation: day(2025, 7, 10))), today: today)
        #expect(try store.jointPlans(caseID: id, logOpening: false)[0].nextEvaluation == day(2025, 7, 10))
        try store.apply(.evaluate(id, expectedVersion: 4, planID, PlanEvaluation(day: day(2025, 7, 10), wentWell: "het gaat goed", wentBadly: "",
                                                                                  conclusion: .afschalen)), today: today)
        let plan = try store.jointPlans(caseID: id, logOpening: false)[0]
        #expect(plan.end == .afgeschaald)
        #expect(plan.endedOn == day(2025, 7, 10))
        #expect(plan.nextEvaluation == nil)
        let card = try store.boardCases(today: today, closedWindowDays: 30).first { $0.id == id }!
        #expect(!card.hasActivePlan)
        #expect(card.stage == .onderzoek, "afschalen does not move the case")
        #expect(storeError { try store.apply(.addGoal(id, planID, PlanGoal(text: "x", safetyConditions: "")), today: today) }
                == .refused("Dit plan loopt niet (meer); wijzigingen kunnen alleen in een lopend plan."))
        // After afschalen a new plan may start.
        var again = start()
        again.startDate = day(2025, 8, 1)
        again.consentDate = day(2025, 8, 1)
        again.firstEvaluation = day(2025, 10, 1)
        try store.apply(.start(id, expectedVersion: 5, again), today: today)
        #expect(try store.jointPlans(caseID: id, logOpening: false).count == 2)
    }

    @Test(arguments: StoreKind.all) func involvingTheRaadFromOnderzoekBringsTheCaseToTheTableAndThenToTheRaad(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let (store, id) = try caseInOnderzoek(place)
        try store.apply(.start(id, expectedVersion: 2, start()), today: today)
        let planID = try store.jointPlans(caseID: id, logOpening: false)[0].id
        try store.apply(.evaluate(id, expectedVersion: 3, planID, PlanEvaluation(day: day(2025, 6, 1), wentWell: "moeder open", wentBadly: "vader weigert",
                                                                                  conclusion: .raadBetrekken)), today: today)
        let dossier = try store.dossier(caseID: id, openedSection: nil)
        #expect(dossier.viewed.summary.stage == .beschermtafel)
        #expect(dossier.viewed.summary.stageSince == day(2025, 6, 1))
        #expect(dossier.tableRecords.map(\.requester) == [.jeugdbescherming])
        #expect(dossier.viewed.summary.planNextEvaluation == nil)
        let plan = try store.jointPlans(caseID: id, logOpening: false)[0]
        #expect(plan.end == .raadBetrokken)
        let log = dossier.viewed.events.filter { $0.kind == .planEvaluatie || $0.kind == .verplaatst }.map(\.kind)
        #expect(log.suffix(2) == [.planEvaluatie, .verplaatst], "the evaluation, then the move it caused")

        // A second plan at the table that also ends with the Raad: to RvK-onderzoek with the table's date and advice.
        var again = start()
        again.startDate = day(2025, 6, 2)
        again.consentDate = day(2025, 6, 2)
        again.firstEvaluation = day(2025, 8, 1)
        let version = dossier.viewed.summary.version
        try store.apply(.start(id, expectedVersion: version, again), today: today)
        let second = try store.jointPlans(caseID: id, logOpening: false)[1].id
        try store.apply(.evaluate(id, expectedVersion: version + 1, second, PlanEvaluation(day: day(2025, 8, 1), wentWell: "", wentBadly: "geen verbetering",
                                                                                          conclusion: .raadBetrekken)), today: today)
        let after = try store.dossier(caseID: id, openedSection: nil)
        #expect(after.viewed.summary.stage == .rvkOnderzoek)
        #expect(after.rvk?.startDate == day(2025, 8, 1))
        #expect(after.tableRecords.last?.meetingDate == day(2025, 8, 1))
        #expect(after.tableRecords.last?.advice.contains("geen verbetering") == true)
    }

    @Test(arguments: StoreKind.all) func involvingTheRaadFromAangemeldPassesThroughOnderzoek(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let store = try TestStore(kind, in: scratch).open(as: "anouk")
        let id = try store.addReport(report("2025-0002"))
        try store.apply(.start(id, expectedVersion: 1, start()), today: today)
        let planID = try store.jointPlans(caseID: id, logOpening: false)[0].id
        try store.apply(.evaluate(id, expectedVersion: 2, planID, PlanEvaluation(day: day(2025, 4, 1), wentWell: "", wentBadly: "zorgen nemen toe",
                                                                                  conclusion: .raadBetrekken)), today: today)
        let events = try store.dossier(caseID: id, openedSection: nil).viewed.events.filter { $0.kind == .verplaatst }
        #expect(events.map(\.toStage) == [.onderzoek, .beschermtafel])
    }

    @Test(arguments: StoreKind.all) func aRefusedEvaluationChangesNothing(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let (store, id) = try caseInOnderzoek(place)
        try store.apply(.start(id, expectedVersion: 2, start()), today: today)
        let planID = try store.jointPlans(caseID: id, logOpening: false)[0].id
        let eventsBefore = try store.dossier(caseID: id, openedSection: nil).viewed.events.count
        #expect(storeError { try store.apply(.evaluate(id, expectedVersion: 3, planID, PlanEvaluation(day: day(2025, 5, 1), wentWell: "x", wentBadly: "",
                                                                                                      conclusion: .doorgaan)), today: today) }
                == .refused("Bij doorgaan hoort de datum van de volgende evaluatie"))
        #expect(try store.dossier(caseID: id, openedSection: nil).viewed.events.count == eventsBefore)
        #expect(try version(store, id) == 3)
    }

    /// SQLite's query plan: the server's planner chooses for itself.
    @Test func theBoardReadsThePlanThroughIndexes() throws {
        let scratch = try ScratchDirectory()
        let (store, _) = try caseInOnderzoek(TestStore(.file, in: scratch))
        let plan = try store.pool.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + Store.summarySelect + " WHERE c.closed_on IS NULL").map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("joint_plan_active") }, "\(plan)")
        #expect(plan.contains { $0.contains("plan_agreement_open") }, "\(plan)")
        #expect(!plan.contains { $0.hasPrefix("SCAN") && ($0.contains("joint_plan") || $0.contains("plan_agreement") || $0.hasSuffix(" p") || $0.hasSuffix(" a")) },
                "\(plan)")
    }

    @Test func theDemoHasPlansInEveryState() throws {
        let scratch = try ScratchDirectory()
        let store = try DemoStore.create(path: scratch.file("demo.sqlite"), families: 120, seed: 2026, today: day(2026, 11, 20), user: "demo")
        let plans = try store.allJointPlans()
        #expect(plans.contains { $0.isActive && $0.evaluations.isEmpty && $0.startDate.days(until: day(2026, 11, 20)) <= 5 }, "just started")
        #expect(plans.contains { !$0.overdueAgreements(today: day(2026, 11, 20)).isEmpty }, "running with overdue agreements")
        #expect(plans.contains { $0.isActive && $0.evaluations.contains { $0.conclusion == .doorgaan } }, "evaluated and continued")
        #expect(plans.contains { $0.end == .afgeschaald })
        #expect(plans.contains { $0.end == .raadBetrokken })
        let wijken = Set(try store.boardCases(today: day(2026, 11, 20), closedWindowDays: nil).filter { card in plans.contains { $0.caseID == card.id } }.map(\.wijk))
        #expect(!wijken.isDisjoint(with: DemoPlans.amsterdam))
        let cards = try store.boardCases(today: day(2026, 11, 20), closedWindowDays: 30)
        #expect(cards.contains { $0.hasActivePlan })
        // Backfill adds no events: every plan event kind is absent from the demo log.
        let planEvents = try store.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event WHERE kind LIKE 'plan_%'") ?? -1
        }
        #expect(planEvents == 0)
    }
}
