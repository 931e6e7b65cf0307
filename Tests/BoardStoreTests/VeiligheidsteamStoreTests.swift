import BoardCore
import Foundation
import GRDB
import Testing
@testable import BoardStore

/// The Veiligheidsteam and the veiligheidsplan in the store (`v17-veiligheidsteam`), on both databases.
@Suite struct VeiligheidsteamStoreTests {
    let today = day(2025, 9, 1)

    static let karin = TeamMember(name: "Karin Smit", organisation: "Veilig Thuis", since: day(2025, 3, 10))
    static let mehmet = TeamMember(name: "Mehmet Yilmaz", organisation: PlanOrganisation.jbra, since: day(2025, 3, 10))

    func teamStart() -> PlanStart {
        PlanStart(form: .veiligheidsteam, members: [Self.karin, Self.mehmet], jeugdbeschermer: "", organisation: "",
                  wijkteamColleague: "Sanne Kuipers", startDate: day(2025, 3, 10), consentDate: day(2025, 3, 9), consentBy: "moeder",
                  intensity: .intensief, firstEvaluation: day(2025, 5, 10))
    }

    /// A case in Onderzoek since 5 March 2025 with a running Veiligheidsteam plan.
    func caseWithTeam(_ place: TestStore) throws -> (Store, CaseID, PlanID) {
        let store = try place.open(as: "anouk")
        let id = try store.addReport(report("2025-0001"))
        try store.move(MoveRequest(caseID: id, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2025, 3, 5)), today: today)
        try store.apply(.start(id, expectedVersion: 2, teamStart()), today: today)
        return (store, id, try store.jointPlans(caseID: id, logOpening: false)[0].id)
    }

    func version(_ store: Store, _ id: CaseID) throws -> Int {
        try store.dossier(caseID: id, openedSection: nil).viewed.summary.version
    }

    @Test(arguments: StoreKind.all) func aVeiligheidsteamPlanKeepsItsMembersConditionsAgreementsAndMarks(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        var (store, id, planID) = try caseWithTeam(place)
        try store.apply(.addMember(id, planID, TeamMember(name: "Ilse Verbeek", organisation: "Blijf Groep", since: day(2025, 4, 1))), today: today)
        #expect(storeError { try store.apply(.addMember(id, planID, Self.karin), today: today) }
                == .refused("Karin Smit is al lid van het Veiligheidsteam bij deze zaak."))
        try store.apply(.addCondition(id, planID, SafetyCondition(setBy: .veiligThuis, day: day(2025, 3, 3), text: "Geen geweld waar de kinderen bij zijn")),
                        today: today)
        let consent = Consent(day: day(2025, 3, 10), by: "moeder")
        try store.apply(.addAgreement(id, planID, PlanAgreement(party: .gezin, who: "vader", what: "Drinkt niet thuis", due: day(2025, 4, 1),
                                                                check: "onaangekondigd huisbezoek", consent: consent)), today: today)
        try store.apply(.addAgreement(id, planID, PlanAgreement(party: .veiligheidsteam, what: "Spreekt de kinderen apart", due: day(2025, 4, 15),
                                                                check: "verslag aan het wijkteam", consent: consent)), today: today)
        #expect(storeError { try store.apply(.addAgreement(id, planID, PlanAgreement(party: .gezin, what: "Belt de huisarts", due: day(2025, 4, 1))),
                                             today: today) }
                == .refused("Vul in hoe de afspraak wordt gecontroleerd; Een afspraak staat in het veiligheidsplan met het akkoord van het gezin: vul de datum in."))
        try store.apply(.addHours(id, planID, HoursEntry(day: day(2025, 3, 12), quarters: 6, person: "Karin Smit", description: "huisbezoek")), today: today)
        try store.apply(.addHours(id, planID, HoursEntry(day: day(2025, 3, 13), quarters: 2, person: "Sanne Kuipers", description: "overleg")), today: today)
        #expect(storeError { try store.apply(.addHours(id, planID, HoursEntry(day: day(2025, 3, 13), quarters: 2, person: "Piet", description: "")),
                                             today: today) }
                == .refused("Uren in een plan Veiligheidsteam zijn van een teamlid of de collega van het wijkteam: Piet is geen van beide."))

        var plan = try store.jointPlans(caseID: id, logOpening: false)[0]
        let (drinks, speaks) = (plan.agreements[0].id, plan.agreements[1].id)
        #expect(storeError { try store.apply(.evaluate(id, expectedVersion: try version(store, id), planID, PlanEvaluation(
            day: day(2025, 5, 10), wentWell: "rust", wentBadly: "", conclusion: .doorgaan, nextEvaluation: day(2025, 7, 10),
            marks: [drinks: .nagekomen])), today: today) } == .refused("Geef aan of de afspraak is nagekomen: Spreekt de kinderen apart"),
                "every open agreement is marked")
        try store.apply(.evaluate(id, expectedVersion: try version(store, id), planID, PlanEvaluation(
            day: day(2025, 5, 10), wentWell: "rust", wentBadly: "vader dronk", conclusion: .doorgaan, nextEvaluation: day(2025, 7, 10),
            marks: [drinks: .nietNagekomen, speaks: .nagekomen])), today: today)

        // The board: ◆VT, found by the filter for the Veiligheidsteam.
        let card = try #require(try store.boardCases(today: today, closedWindowDays: 30).first { $0.id == id })
        #expect(card.activePlanForm == .veiligheidsteam)
        #expect(BoardFacets(jointWork: .veiligheidsteam).matches(card))

        store = try place.open(as: "anouk")
        plan = try store.jointPlans(caseID: id, logOpening: true)[0]
        #expect(plan.form == .veiligheidsteam)
        #expect(plan.jeugdbeschermer.isEmpty && plan.organisation == PlanOrganisation.veiligheidsteam)
        #expect(plan.members.map(\.text) == ["Karin Smit (Veilig Thuis)", "Mehmet Yilmaz (JBRA)", "Ilse Verbeek (Blijf Groep)"])
        #expect(plan.members.map(\.since) == [day(2025, 3, 10), day(2025, 3, 10), day(2025, 4, 1)])
        #expect(plan.conditions == [SafetyCondition(id: plan.conditions[0].id, setBy: .veiligThuis, day: day(2025, 3, 3),
                                                    text: "Geen geweld waar de kinderen bij zijn")])
        #expect(plan.agreements.map(\.check) == ["onaangekondigd huisbezoek", "verslag aan het wijkteam"])
        #expect(plan.agreements.map(\.consent) == [consent, consent])
        #expect(plan.agreements[1].party == .veiligheidsteam)
        #expect(plan.evaluations.map(\.marks) == [[drinks: .nietNagekomen, speaks: .nagekomen]])
        #expect(plan.quartersPerOrganisation.map(\.organisation) == ["Veilig Thuis", PlanOrganisation.wijkteam])

        let events = try store.dossier(caseID: id, openedSection: nil).viewed.events
        #expect(events.contains { $0.kind == .planGestart && $0.detail.hasPrefix("Plan Veiligheidsteam: Karin Smit (Veilig Thuis), Mehmet Yilmaz (JBRA) met Sanne Kuipers") })
        #expect(events.contains { $0.kind == .planTeamlid && $0.detail == "Ilse Verbeek (Blijf Groep) werkt mee sinds 01-04-2025" })
        #expect(events.contains { $0.kind == .planVoorwaarde && $0.detail.hasPrefix("gesteld door Veilig Thuis op 03-03-2025") })
        #expect(events.contains { $0.kind == .planEvaluatie && $0.detail.contains("afspraken: 1 nagekomen, 1 niet nagekomen") })
        #expect(events.contains { $0.kind == .geopend && $0.detail == "scherm Plan Veiligheidsteam" })
        #expect(try place.integrityCheck().isHealthy, "the new records are covered by the log")

        let totals = try store.jointPlanTotals(in: try #require(ReportPeriod(from: day(2025, 1, 1), to: day(2025, 12, 31))))
        #expect(totals.startedPerForm.map(\.count) == [0, 1])
        #expect(totals.hoursPerOrganisation.map(\.organisation) == ["Veilig Thuis", PlanOrganisation.wijkteam])
    }

    @Test(arguments: StoreKind.all) func membersBelongToAVeiligheidsteamOnly(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let store = try TestStore(kind, in: scratch).open(as: "anouk")
        let id = try store.addReport(report("2025-0002"))
        var start = teamStart()
        start.form = .jeugdbeschermerInDeWijk
        start.members = []
        start.jeugdbeschermer = "Fatima Ouali"
        start.organisation = PlanOrganisation.jbra
        try store.apply(.start(id, expectedVersion: 1, start), today: today)
        let plan = try store.jointPlans(caseID: id, logOpening: false)[0]
        #expect(plan.form == .jeugdbeschermerInDeWijk)
        #expect(storeError { try store.apply(.addMember(id, plan.id, Self.karin), today: today) }
                == .refused("Teamleden horen bij een plan Veiligheidsteam; dit is een plan JB in de wijk."))
        let card = try #require(try store.boardCases(today: today, closedWindowDays: 30).first { $0.id == id })
        #expect(card.activePlanForm == .jeugdbeschermerInDeWijk)
        var empty = teamStart()
        empty.members = []
        let other = try store.addReport(report("2025-0003", family: "Jansen"))
        #expect(storeError { try store.apply(.start(other, expectedVersion: 1, empty), today: today) }
                == .refused("Noem ten minste één lid van het Veiligheidsteam"))
    }

    /// A store from before `v17-veiligheidsteam`: its plans are Jeugdbeschermer in de wijk, with
    /// their agreements and evaluations as they were.
    @Test func anOldStoresPlanIsAJeugdbeschermerInDeWijk() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("oud.sqlite")
        let queue = try DatabaseQueue(path: path)
        // Made as the schema fixtures are: the log before v3 chains it, the plan once its tables exist.
        try Schema.migrator.migrate(queue, upTo: "v2-family-dossier")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO family (id, name, wijk) VALUES (1, 'de Vries', 'Osdorp');
                INSERT INTO "case" (id, kenmerk, family_id, source, reported_on, stage, stage_since, medewerker, version)
                    VALUES (1, '2025-0001', 1, 'Veilig Thuis', '2025-03-03', 'onderzoek', '2025-03-05', 'Sanne Kuipers', 2);
                INSERT INTO event (case_id, family_id, recorded_at, user, kind, from_stage, to_stage, day, detail)
                    VALUES (1, 1, '2025-03-03T09:00:00.000Z', 'skuipers', 'aangemeld', NULL, 'aangemeld', '2025-03-03', ''),
                           (1, 1, '2025-03-05T10:15:00.000Z', 'skuipers', 'verplaatst', 'aangemeld', 'onderzoek', '2025-03-05', '');
                """)
        }
        try Schema.migrator.migrate(queue, upTo: PlanSchema.migrationName)
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO joint_plan (id, case_id, jeugdbeschermer, organisation, wijkteam_colleague, start_date, consent_date, consent_by,
                                        next_evaluation, recorded_by, recorded_at)
                    VALUES (1, 1, 'Fatima Ouali', 'JBRA', 'Sanne Kuipers', '2025-03-10', '2025-03-09', 'moeder', '2025-07-10', 'skuipers',
                            '2025-03-10T10:00:00.000Z');
                INSERT INTO plan_goal (plan_id, case_id, text, safety_conditions) VALUES (1, 1, 'Rust thuis', 'Geen geweld');
                INSERT INTO plan_agreement (id, plan_id, case_id, party, who, what, due) VALUES (1, 1, 1, 'gezinslid', 'moeder', 'Belt de huisarts', '2025-04-01');
                INSERT INTO plan_hours (plan_id, case_id, day, quarters, person, recorded_by, recorded_at)
                    VALUES (1, 1, '2025-03-12', 4, 'Fatima Ouali', 'skuipers', '2025-03-12T10:00:00.000Z');
                INSERT INTO plan_evaluation (plan_id, case_id, day, went_well, conclusion, next_evaluation, recorded_by, recorded_at)
                    VALUES (1, 1, '2025-05-10', 'rust', 'doorgaan', '2025-07-10', 'skuipers', '2025-05-10T10:00:00.000Z');
                """)
        }
        try Schema.migrator.migrate(queue, upTo: Schema.recordDigestsMigrationName)
        try queue.close()

        let store = try Store(path: path, user: "skuipers")
        let plan = try #require(try store.jointPlans(caseID: 1, logOpening: false).first)
        #expect(plan.form == .jeugdbeschermerInDeWijk)
        #expect(plan.members.isEmpty && plan.conditions.isEmpty)
        #expect(plan.goals[0].safetyConditions == "Geen geweld", "a goal's own conditions stay as they were")
        #expect(plan.agreements[0].check.isEmpty && plan.agreements[0].consent == nil)
        #expect(plan.evaluations[0].marks.isEmpty)
        #expect(plan.quartersPerOrganisation.map(\.organisation) == [PlanOrganisation.jbra])
        let card = try #require(try store.boardCases(today: today, closedWindowDays: 30).first)
        #expect(card.activePlanForm == .jeugdbeschermerInDeWijk)
        // The next evaluation marks the agreement from before the veiligheidsplan too.
        try store.apply(.evaluate(1, expectedVersion: 2, 1, PlanEvaluation(day: day(2025, 7, 10), wentWell: "rust", wentBadly: "",
                                                                           conclusion: .afschalen, marks: [1: .nagekomen])), today: today)
        #expect(try store.jointPlans(caseID: 1, logOpening: false)[0].evaluations.last?.marks == [1: .nagekomen])
        let check = try IntegrityCheck.run(path: path)
        #expect(check.isHealthy, "\(check.sections.filter { !$0.isHealthy })")
    }

    /// The board's card reads the plan's form from the members' index, only for a case with a running plan.
    @Test func theBoardReadsThePlansFormThroughAnIndex() throws {
        let scratch = try ScratchDirectory()
        let (store, _, _) = try caseWithTeam(TestStore(.file, in: scratch))
        let plan = try store.pool.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + Store.summarySelect + " WHERE c.closed_on IS NULL").map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("plan_member_by_plan") }, "\(plan)")
        #expect(!plan.contains { $0.hasPrefix("SCAN") && ($0.contains("plan_member") || $0.hasSuffix(" pm")) }, "\(plan)")
    }

    @Test func theDemoHasVeiligheidsteamPlansWithAVeiligheidsplan() throws {
        let scratch = try ScratchDirectory()
        let store = try DemoStore.create(path: scratch.file("demo.sqlite"), families: 120, seed: 2026, today: day(2026, 11, 20), user: "demo")
        let plans = try store.allJointPlans()
        let teams = plans.filter { $0.form == .veiligheidsteam }
        #expect(teams.count >= 3)
        #expect(plans.contains { $0.form == .jeugdbeschermerInDeWijk })
        #expect(teams.contains { $0.isActive }, "a running Veiligheidsteam shows ◆VT on the board")
        #expect(plans.allSatisfy { !$0.conditions.isEmpty && $0.agreements.allSatisfy { !$0.check.isEmpty && $0.consent != nil } })
        let marks = plans.flatMap(\.evaluations).flatMap(\.marks.values)
        #expect(marks.contains(.nagekomen) && marks.contains(.nietNagekomen))
        let cards = try store.boardCases(today: day(2026, 11, 20), closedWindowDays: 30)
        #expect(cards.contains { $0.activePlanForm == .veiligheidsteam })
        #expect(try IntegrityCheck.run(path: scratch.file("demo.sqlite")).isHealthy)
    }
}
