import BoardCore
import Foundation
import GRDB
import Testing
@testable import BoardStore

@Suite struct DossierStoreTests {
    let today = day(2025, 9, 1)

    /// A store with one case moved to the Beschermtafel on 1 June 2025.
    func caseAtTheTable(_ place: TestStore) throws -> (Store, CaseID) {
        let store = try place.open(as: "anouk")
        let id = try store.addReport(report("2025-0001"))
        try store.move(MoveRequest(caseID: id, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2025, 3, 5)), today: today)
        try store.move(MoveRequest(caseID: id, expectedVersion: 2, from: .onderzoek, to: .beschermtafel, day: day(2025, 6, 1),
                                   requester: .veiligThuis), today: today)
        return (store, id)
    }

    @Test(arguments: StoreKind.all) func everySectionIsStoredAndLoggedAndFoundAfterReopening(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        var (store, id) = try caseAtTheTable(place)
        let familyID = try store.dossier(caseID: id, openedSection: nil).family.id
        func seen() throws -> SeenCase { SeenCase(caseID: id, version: try store.details(of: id, logOpening: false).summary.version) }
        try store.apply(.editFamily(familyID, seen: try seen(), name: "de Vries", address: "Dorpsstraat 1", wijk: "Kogerveld"), today: today)
        try store.apply(.addChild(familyID, seen: try seen(), ChildRecord(firstName: "Sem", surname: "Bakker", birthDate: day(2021, 1, 5), bsn: "111222333")), today: today)
        try store.apply(.addCaregiver(familyID, seen: try seen(), Caregiver(name: "Petra de Vries", relation: "moeder", phone: "06-1")), today: today)
        try store.apply(.addNetworkMember(familyID, seen: try seen(), NetworkMember(name: "Oma Ria", role: "grootmoeder", organisation: "", phone: "")), today: today)
        try store.apply(.addAssessment(id, SafetyAssessment(day: day(2025, 6, 2), concerns: "a", strengths: "b", needs: "c", score: 4, givenBy: .ouder)), today: today)
        try store.apply(.addRiskInstrument(id, RiskInstrumentRecord(instrument: "ARIJ", day: day(2025, 6, 3), outcome: "hoog", note: "")), today: today)
        try store.apply(.addNote(id, Note(text: "Eerste\nnotitie")), today: today)
        let firstNote = try store.dossier(caseID: id, openedSection: nil).notes[0].id
        try store.apply(.addNote(id, Note(text: "Correctie", refersTo: firstNote)), today: today)

        store = try place.open(as: "anouk")
        let dossier = try store.dossier(caseID: id, openedSection: "Gezin")
        #expect(dossier.family == FamilyRecord(id: familyID, name: "de Vries", address: "Dorpsstraat 1", wijk: "Kogerveld"))
        #expect(dossier.children.map(\.firstName) == ["Zoë", "Daan", "Sem"])
        #expect(dossier.children[2].bsn == "111222333")
        #expect(dossier.caregivers == [Caregiver(id: 1, name: "Petra de Vries", relation: "moeder", phone: "06-1")])
        #expect(dossier.network.map(\.name) == ["Oma Ria"])
        #expect(dossier.assessments.map(\.score) == [4])
        #expect(dossier.assessments[0].recordedBy == "anouk")
        #expect(dossier.risks.map(\.instrument) == ["ARIJ"])
        #expect(dossier.notes.map(\.text) == ["Correctie", "Eerste\nnotitie"], "newest first")
        #expect(dossier.notes[0].refersTo == firstNote)
        #expect(dossier.tableRecords.map(\.requester) == [.veiligThuis])
        let kinds = try store.dossier(caseID: id, openedSection: nil).viewed.events.map(\.kind)
        for kind: EventKind in [.gezinGewijzigd, .kindToegevoegd, .verzorgerToegevoegd, .netwerkToegevoegd, .beoordeling, .risicoInstrument, .notitie, .geopend] {
            #expect(kinds.contains(kind), "geen \(kind) in het logboek")
        }
    }

    @Test(arguments: StoreKind.all) func aNoteCannotReferToANoteOfAnotherCaseOrBeEmpty(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let (store, id) = try caseAtTheTable(place)
        #expect(storeError { try store.apply(.addNote(id, Note(text: "x", refersTo: 999)), today: today) }
                == .refused("De notitie waarnaar verwezen wordt, bestaat niet bij deze zaak."))
        #expect(storeError { try store.apply(.addNote(id, Note(text: "  ")), today: today) }
                == .refused("Een lege notitie wordt niet opgeslagen."))
    }

    @Test(arguments: StoreKind.all) func drangKeepsTheCaseAtTheTableAndItsReportBackDateMakesItOverdue(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let (store, id) = try caseAtTheTable(place)
        let decision = TableDecision(meetingDate: day(2025, 6, 10), attendees: "Raad", advice: "Drang", outcome: .drang,
                                     reportBackOn: day(2025, 8, 10), goals: "Opvoedondersteuning")
        try store.apply(.recordTableDecision(id, expectedVersion: 3, decision), today: today)
        let card = try #require(try store.boardCases(today: today, closedWindowDays: 30).first)
        #expect(card.stage == .beschermtafel)
        #expect(card.reportBackOn == day(2025, 8, 10))
        #expect(Norms.standard.isOverdue(card, today: today), "report-back date passed")
        #expect(!Norms.standard.isOverdue(card, today: day(2025, 8, 10)))
        // The table decides again: voluntary help suffices, the case is closed as safe.
        try store.apply(.recordTableDecision(id, expectedVersion: 4, TableDecision(meetingDate: day(2025, 8, 12), attendees: "", advice: "Goed verlopen", outcome: .vrijwillig)), today: today)
        let dossier = try store.dossier(caseID: id, openedSection: nil)
        #expect(dossier.tableRecords.map(\.outcome) == [.drang, .vrijwillig])
        #expect(dossier.viewed.summary.stage == .veiligheidGewaarborgd)
        #expect(dossier.viewed.summary.closedOn == day(2025, 8, 12))
    }

    @Test(arguments: StoreKind.all) func theRaadsOutcomeClosesTheCase(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let (store, id) = try caseAtTheTable(place)
        try store.apply(.recordTableDecision(id, expectedVersion: 3, TableDecision(meetingDate: day(2025, 6, 10), attendees: "", advice: "Raad", outcome: .rvkOnderzoek)), today: today)
        var card = try #require(try store.boardCases(today: day(2026, 9, 1), closedWindowDays: 30).first)
        #expect(card.stage == .rvkOnderzoek)
        #expect(card.closedOn == nil, "an investigation under way stays on the board")
        #expect(storeError { try store.apply(.recordRvkOutcome(id, expectedVersion: 4, try everyChild(of: id, in: store, .ots), day(2025, 6, 1)), today: today) }
                == .refused("De uitkomst mag niet vóór de start van het onderzoek (10-06-2025) liggen"))
        try store.apply(.recordRvkOutcome(id, expectedVersion: 4, try everyChild(of: id, in: store, .ots), day(2025, 8, 1)), today: today)
        card = try #require(try store.boardCases(today: today, closedWindowDays: 60).first)
        #expect(card.closedOn == day(2025, 8, 1))
        #expect(try store.boardCases(today: today, closedWindowDays: 10).isEmpty)
        #expect(try store.dossier(caseID: id, openedSection: nil).rvk == RvkRecord(startDate: day(2025, 6, 10), outcome: .ots, outcomeDate: day(2025, 8, 1),
                                                                                         children: try everyChild(of: id, in: store, .ots)))
    }

    @Test(arguments: StoreKind.all) func aStaleDecisionIsRefused(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let (store, id) = try caseAtTheTable(place)
        let error = storeError {
            try store.apply(.recordTableDecision(id, expectedVersion: 2, TableDecision(meetingDate: day(2025, 6, 10), attendees: "", advice: "x", outcome: .vrijwillig)), today: today)
        }
        guard case .changedMeanwhile(let kenmerk, let by, _, _)? = error else { Issue.record("niet geweigerd: \(String(describing: error))"); return }
        #expect(kenmerk == "2025-0001")
        #expect(by == "anouk")
    }

    /// Family data is shared by the family's cases: a colleague's change of it raises their
    /// versions, and a family form filled in over the older version is refused, naming who changed what.
    @Test(arguments: StoreKind.all) func aStaleSaveOfFamilyDataIsRefused(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let (anouk, id) = try caseAtTheTable(place)
        try anouk.addStaff(StaffMember(name: "sanne", displayName: "Sanne Kuipers", role: .medewerker))
        let sanne = try place.open(as: "sanne")
        let seenByAnouk = try anouk.dossier(caseID: id, openedSection: nil)
        let familyID = seenByAnouk.family.id
        let seen = SeenCase(caseID: id, version: seenByAnouk.viewed.summary.version)

        try sanne.apply(.addChild(familyID, seen: seen, ChildRecord(firstName: "Sem", birthDate: day(2021, 1, 5))), today: today)
        #expect(try anouk.details(of: id, logOpening: false).summary.version == seen.version + 1, "a family change raises the case's version")

        for change: DossierChange in [
            .editFamily(familyID, seen: seen, name: "de Vries-Bakker", address: "Dorpsstraat 1", wijk: "Kogerveld"),
            .addChild(familyID, seen: seen, ChildRecord(firstName: "Noor", birthDate: day(2022, 2, 2))),
            .addCaregiver(familyID, seen: seen, Caregiver(name: "Petra de Vries", relation: "moeder", phone: "")),
            .addNetworkMember(familyID, seen: seen, NetworkMember(name: "Oma Ria", role: "grootmoeder", organisation: "", phone: "")),
        ] {
            let error = storeError { try anouk.apply(change, today: today) }
            guard case .changedMeanwhile(let kenmerk, let by, let what, _)? = error else {
                Issue.record("niet geweigerd: \(change) gaf \(String(describing: error))")
                continue
            }
            #expect(kenmerk == "2025-0001" && by == "Sanne Kuipers" && what == "kind toegevoegd")
        }
        let after = try anouk.dossier(caseID: id, openedSection: nil)
        #expect(after.family == seenByAnouk.family && after.caregivers.isEmpty && after.network.isEmpty)
        #expect(after.children.map(\.firstName) == ["Zoë", "Daan", "Sem"])
        // With the new version the same change goes through.
        try anouk.apply(.editFamily(familyID, seen: SeenCase(caseID: id, version: after.viewed.summary.version),
                                    name: "de Vries-Bakker", address: "", wijk: "Kogerveld"), today: today)
        #expect(try anouk.dossier(caseID: id, openedSection: nil).family.name == "de Vries-Bakker")
    }

    @Test(arguments: StoreKind.all) func aNewReportForAKnownFamilyBecomesItsNextCaseButOnlyWhenTheLastIsClosed(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let store = try TestStore(kind, in: scratch).open(as: "anouk")
        let first = try store.addReport(report("2024-0001", family: "Özdemir", reportedOn: day(2024, 1, 10)))
        let match = try #require(try store.familiesMatching("özd", limit: 5).first)
        #expect(match.name == "Özdemir" || match.name.lowercased() == "özdemir")
        #expect(match.hasOpenCase)
        var again = report("2025-0002", family: "Özdemir", children: [])
        again.existingFamilyID = match.id
        #expect(storeError { try store.addReport(again) } == .refused("Dit gezin heeft al een open zaak (2024-0001); een gezin heeft hoogstens één open zaak."))
        try store.move(MoveRequest(caseID: first, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2024, 1, 12)), today: today)
        try store.move(MoveRequest(caseID: first, expectedVersion: 2, from: .onderzoek, to: .veiligheidGewaarborgd, day: day(2024, 3, 1), text: "Veilig"), today: today)
        let second = try store.addReport(again)
        let dossier = try store.dossier(caseID: second, openedSection: nil)
        #expect(dossier.cases.map(\.kenmerk) == ["2025-0002", "2024-0001"])
        #expect(dossier.children.count == 2, "the family's children are kept")
        #expect(dossier.isViewingCurrentCase)
        #expect(try store.dossier(caseID: first, openedSection: nil).isViewingCurrentCase == false)
    }

    @Test func aStoreOfThePreviousSchemaIsMigratedWithItsData() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("oud.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: "v1-families-cases-events")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO family (id, name, wijk) VALUES (1, 'Jansen', 'Oost');
                    INSERT INTO child (family_id, first_name, birth_date) VALUES (1, 'Sem', '2018-02-01');
                    INSERT INTO "case" (id, kenmerk, family_id, source, reported_on, stage, stage_since, medewerker)
                    VALUES (1, '2023-0001', 1, 'Veilig Thuis', '2023-01-02', 'veiligheid_gewaarborgd', '2023-03-01', 'Anouk');
                    """)
            }
        }
        let store = try Store(path: path, user: "anouk")
        let dossier = try store.dossier(caseID: 1, openedSection: nil)
        #expect(dossier.family.name == "Jansen")
        #expect(dossier.family.address == "")
        #expect(dossier.children.map(\.firstName) == ["Sem"])
        #expect(dossier.viewed.summary.closedOn == day(2023, 3, 1), "closed cases get their closing day")
    }
}
