import BoardCore
import Foundation
import GRDB
import Testing
@testable import BoardStore

/// The Raad's outcome and the safety scale per child, on both databases, and a store from before
/// they were kept per child.
@Suite struct ChildOutcomeStoreTests {
    let today = day(2025, 9, 1)

    /// A store with one case of the de Vries family (Zoë and Daan) at the Raad since 10 June 2025.
    func caseAtTheRaad(_ place: TestStore) throws -> (Store, CaseID, zoe: Int64, daan: Int64) {
        let store = try place.open(as: "anouk")
        let id = try store.addReport(report("2025-0001"))
        try store.move(MoveRequest(caseID: id, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2025, 3, 5)), today: today)
        try store.move(MoveRequest(caseID: id, expectedVersion: 2, from: .onderzoek, to: .beschermtafel, day: day(2025, 6, 1),
                                   requester: .veiligThuis), today: today)
        try store.apply(.recordTableDecision(id, expectedVersion: 3, TableDecision(meetingDate: day(2025, 6, 10), attendees: "",
                                                                                  advice: "Raad", outcome: .rvkOnderzoek)), today: today)
        let children = try store.dossier(caseID: id, openedSection: nil).children
        return (store, id, children[0].id, children[1].id)
    }

    @Test(arguments: StoreKind.all) func anOTSForOneSiblingIsKeptPerChildAndCountedInChildren(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        var (store, id, zoe, daan) = try caseAtTheRaad(place)
        // Daan is left out: the investigation did not concern him.
        try store.apply(.recordRvkOutcome(id, expectedVersion: 4, [ChildOutcome(childID: zoe, outcome: .ots)], day(2025, 8, 1)), today: today)

        store = try place.open(as: "anouk")
        let dossier = try store.dossier(caseID: id, openedSection: nil)
        #expect(dossier.rvk == RvkRecord(startDate: day(2025, 6, 10), outcome: .ots, outcomeDate: day(2025, 8, 1),
                                         children: [ChildOutcome(childID: zoe, outcome: .ots)]))
        #expect(dossier.viewed.summary.closedOn == day(2025, 8, 1))
        #expect(dossier.viewed.events.last { $0.kind == .rvkUitkomst }?.detail == "OTS (Zoë: OTS)")
        #expect(dossier.children.map(\.id).contains(daan))

        let report = try store.cohortReport(in: try #require(ReportPeriod(year: 2025)))
        #expect(report.children == 2 && report.families == 1)
        #expect(report.count(for: .ots) == 1)
        #expect(report.children(with: .ots) == 1 && report.children(with: .geenMaatregel) == 0)
        #expect(report.measureTrend.years.map(\.year) == [2025])
        #expect(report.measureTrend.years.last?.ots == 1 && report.measureTrend.years.last?.perCase == 0)
        #expect(try place.verifiedChain().breaks == 0)
    }

    @Test(arguments: StoreKind.all) func anOutcomeNamesOnlyTheFamilysChildrenEachOnceAndAtLeastOne(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let (store, id, zoe, _) = try caseAtTheRaad(place)
        let other = try store.addReport(report("2025-0002", family: "Bakker", children: [Child(firstName: "Sem", birthDate: day(2015, 1, 1))]))
        let sem = try #require(try store.dossier(caseID: other, openedSection: nil).children.first).id
        #expect(storeError { try store.apply(.recordRvkOutcome(id, expectedVersion: 4, [], day(2025, 8, 1)), today: today) }
                == .refused("Geef de uitkomst van de Raad voor minstens één kind van het gezin."))
        #expect(storeError { try store.apply(.recordRvkOutcome(id, expectedVersion: 4, [ChildOutcome(childID: sem, outcome: .ots)], day(2025, 8, 1)),
                                             today: today) } == .refused("Dit kind hoort niet bij het gezin van deze zaak."))
        #expect(storeError { try store.apply(.recordRvkOutcome(id, expectedVersion: 4, [ChildOutcome(childID: zoe, outcome: .ots),
                                                                                       ChildOutcome(childID: zoe, outcome: .geenMaatregel)],
                                                               day(2025, 8, 1)), today: today) } == .refused("Elk kind krijgt één uitkomst van de Raad."))
        let dossier = try store.dossier(caseID: id, openedSection: nil)
        #expect(dossier.rvk?.outcome == nil && dossier.rvk?.children == [], "nothing of a refused outcome is kept")
        #expect(dossier.viewed.summary.closedOn == nil)
    }

    /// The inzage names the child of each outcome and score by first name, as the family screen does.
    @Test(arguments: StoreKind.all) func theInzageShowsTheOutcomesAndScoresPerChild(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let (store, id, zoe, daan) = try caseAtTheRaad(place)
        try store.apply(.addAssessment(id, SafetyAssessment(day: day(2025, 6, 20), concerns: "slaapt slecht", strengths: "", needs: "", score: 3,
                                                            givenBy: .jeugdige, childID: daan)), today: today)
        try store.apply(.recordRvkOutcome(id, expectedVersion: 4, [ChildOutcome(childID: zoe, outcome: .ots)], day(2025, 8, 1)), today: today)
        let json = try #require(try JSONSerialization.jsonObject(with: store.exportFamilyDossier(kenmerk: "2025-0001").json()) as? [String: Any])
        let other = try #require(json["overige_gegevens"] as? [String: Any])
        let outcomes = try #require(other["rvk_uitkomst_per_kind"] as? [[String: Any]])
        #expect(outcomes.count == 1)
        #expect(outcomes.first?["zaak"] as? String == "2025-0001" && outcomes.first?["kind"] as? String == "Zoë")
        #expect(outcomes.first?["uitkomst"] as? String == "OTS" && outcomes.first?["vervallen_op"] is NSNull)
        let scores = try #require(other["veiligheidsbeoordelingen_per_kind"] as? [[String: Any]])
        #expect(scores.first?["kind"] as? String == "Daan" && scores.first?["score"] as? Int == 3)
        #expect(scores.first?["dag"] as? String == "2025-06-20")
        #expect((other["laagste_veiligheidsscore"] as? [[String: Any]])?.first?["laagste_score"] as? Int == 3)
    }

    /// A case moved back from the Raad and sent again: the earlier outcomes per child no longer
    /// stand (they are kept, marked superseded), and the new investigation gets its own.
    @Test(arguments: StoreKind.all) func aNewInvestigationSupersedesTheEarlierOutcomesPerChild(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let (store, id, zoe, daan) = try caseAtTheRaad(place)
        try store.apply(.recordRvkOutcome(id, expectedVersion: 4, [ChildOutcome(childID: zoe, outcome: .ots)], day(2025, 7, 1)), today: today)
        try store.move(MoveRequest(caseID: id, expectedVersion: 5, from: .rvkOnderzoek, to: .beschermtafel, day: day(2025, 7, 2),
                                   text: "Uitkomst bij de verkeerde zaak vastgelegd"), today: today)
        var report = try store.cohortReport(in: try #require(ReportPeriod(year: 2025)))
        #expect(report.measureTrend.years.last?.ots == 0, "a case moved back from the Raad counts no measure")
        try store.move(MoveRequest(caseID: id, expectedVersion: 6, from: .beschermtafel, to: .rvkOnderzoek, day: day(2025, 7, 2),
                                   text: "Raad opnieuw"), today: today)
        #expect(try store.dossier(caseID: id, openedSection: nil).rvk?.children == [])
        try store.apply(.recordRvkOutcome(id, expectedVersion: 7, [ChildOutcome(childID: zoe, outcome: .geenMaatregel),
                                                                   ChildOutcome(childID: daan, outcome: .uithuisplaatsing)], day(2025, 8, 1)),
                        today: today)
        let rvk = try #require(try store.dossier(caseID: id, openedSection: nil).rvk)
        #expect(rvk.outcome == .uithuisplaatsing)
        #expect(rvk.children == [ChildOutcome(childID: zoe, outcome: .geenMaatregel), ChildOutcome(childID: daan, outcome: .uithuisplaatsing)])
        report = try store.cohortReport(in: try #require(ReportPeriod(year: 2025)))
        #expect(report.children(with: .ots) == 0 && report.children(with: .uithuisplaatsing) == 1 && report.children(with: .geenMaatregel) == 1)
        #expect(report.measureTrend.years.last.map { ($0.ots, $0.uithuisplaatsing) } ?? (-1, -1) == (0, 1))
        #expect(try place.verifiedChain().breaks == 0)
    }

    @Test(arguments: StoreKind.all) func theCardShowsTheLowestOfTheLatestScores(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        var (store, id, zoe, daan) = try caseAtTheRaad(place)
        func card() throws -> CaseSummary? { try store.boardCases(today: today, closedWindowDays: nil).first { $0.id == id } }
        func assess(_ d: Day, _ score: Int, child: Int64?) throws {
            try store.apply(.addAssessment(id, SafetyAssessment(day: d, concerns: "zorgen", strengths: "", needs: "", score: score,
                                                                givenBy: .medewerker, childID: child)), today: today)
        }
        #expect(try card()?.lowestSafetyScore == nil)
        try assess(day(2025, 6, 2), 6, child: nil)
        #expect(try card()?.lowestSafetyScore == 6)
        try assess(day(2025, 6, 3), 3, child: zoe)
        #expect(try card()?.lowestSafetyScore == 3)
        try assess(day(2025, 6, 20), 7, child: zoe)
        try assess(day(2025, 6, 21), 5, child: daan)
        store = try place.open(as: "anouk")
        #expect(try card()?.lowestSafetyScore == 5)
        let dossier = try store.dossier(caseID: id, openedSection: nil)
        #expect(dossier.assessments.map(\.childID) == [nil, zoe, zoe, daan])
        #expect(dossier.viewed.events.last { $0.kind == .beoordeling }?.detail == "veiligheidsschaal 5 (medewerker), kind Daan")
        // A child with a score of their own is corrected, not removed.
        let seen = SeenCase(caseID: id, version: dossier.viewed.summary.version)
        let refused = storeError { try store.apply(.removePerson(dossier.family.id, seen: seen, .child(dossier.children[1]), reason: "dubbel"),
                                                   today: today) }
        #expect(refused == .refused("Bij Daan staat een uitkomst van de Raad of een veiligheidsscore: het kind wordt niet verwijderd. Corrigeer het als het verkeerd is vastgelegd."))
        #expect(try place.verifiedChain().breaks == 0)
    }

    /// A store of schema v14 whose case got its outcome per case keeps showing and counting it
    /// (as one child), and its card shows its latest score from the migration on.
    @Test func aStoreFromBeforeKeepsItsOutcomePerCaseAndItsScore() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("bord.sqlite")
        try FileManager.default.copyItem(atPath: SchemaFixtureTests.fixture(Schema.recordDigestsMigrationName), toPath: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: """
                UPDATE "case" SET stage = 'rvk_onderzoek', stage_since = '2025-05-01', closed_on = '2025-07-01' WHERE id = 1;
                INSERT INTO rvk_record (case_id, start_date, outcome, outcome_date) VALUES (1, '2025-05-01', 'OTS', '2025-07-01');
                """)
        }
        try queue.close()
        let store = try Store(path: path, user: "skuipers")
        let dossier = try store.dossier(caseID: 1, openedSection: nil)
        #expect(dossier.rvk == RvkRecord(startDate: day(2025, 5, 1), outcome: .ots, outcomeDate: day(2025, 7, 1)))
        #expect(dossier.children.count == 2)
        let report = try store.cohortReport(in: try #require(ReportPeriod(year: 2025)))
        #expect(report.count(for: .ots) == 1)
        #expect(report.children(with: .ots) == 1, "an outcome per case counts as one child")
        #expect(report.measureTrend.years.last?.ots == 1 && report.measureTrend.years.last?.perCase == 1)
        #expect(CohortReportText.trendLines(report.measureTrend).last == CohortReportText.perCaseNote)
        let card = try #require(try store.boardCases(today: day(2025, 9, 1), closedWindowDays: nil).first { $0.id == 1 })
        #expect(card.lowestSafetyScore == 4, "the fixture's one assessment")
    }
}
