import BoardCore
import Foundation
import Testing
@testable import BoardStore

/// The clocks (termijnen) in the store: a duty met is a journal note, a row that answers it and a
/// logged event, on either database; the card then carries it, and the norms are settings.
@Suite struct DutyStoreTests {
    /// A thursday; the report of `report(_:)` (from Veilig Thuis) came on monday 03-03-2025.
    let today = day(2025, 3, 20)

    func card(_ store: Store, _ id: CaseID, on day: Day? = nil) throws -> CaseSummary {
        try #require(try store.boardCases(today: day ?? today, closedWindowDays: 30).first { $0.id == id })
    }

    @Test(arguments: StoreKind.all) func aTerugmeldingIsANoteAnEventAndLeavesTheCard(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let store = try place.open(as: "anouk")
        let id = try store.addReport(report("2025-0001"))
        let owed = Duties.open(try card(store, id), norms: try store.norms(), today: today)
        #expect(owed.map(\.kind) == [.terugmeldingVeiligThuis])
        #expect(owed.first?.due == day(2025, 3, 17), "10 werkdagen after the report")

        let record = DutyRecord(kind: .terugmeldingVeiligThuis, day: day(2025, 3, 18), what: "Gebeld: gezin werkt mee")
        let confirmation = try store.apply(.recordDuty(id, record), today: today)
        #expect(confirmation == "Terugmelding aan Veilig Thuis vastgelegd in het journaal van zaak 2025-0001.")
        let after = try card(store, id)
        #expect(after.dutiesDone == [.terugmeldingVeiligThuis])
        #expect(Duties.open(after, norms: try store.norms(), today: today).isEmpty)

        let dossier = try store.dossier(caseID: id, openedSection: nil)
        #expect(dossier.notes.map(\.text) == ["Terugmelding aan Veilig Thuis op 18-03-2025: Gebeld: gezin werkt mee"])
        let event = try #require(dossier.viewed.events.last { $0.kind == .termijnAfgehandeld })
        #expect(event.day == day(2025, 3, 18) && event.user == "anouk")
        #expect(event.detail == "terugmelding VT op 18-03-2025; notitie \(dossier.notes[0].id)")

        #expect(storeError { try store.apply(.recordDuty(id, record), today: today) }
                == .refused("Zaak 2025-0001 heeft geen open termijn ‘terugmelding VT’ (meer); misschien legde een collega die al vast."))
        #expect(try place.integrityCheck().isHealthy, "the new rows are covered by the log")
        if kind == .server {
            // A copy in a file rebuilds the cards' summary of duties done from its rows.
            let copy = scratch.file("kopie.sqlite")
            _ = try ServerToFileBackup.backup(try #require(try ServerAddress(place.location)), to: copy, overwrite: false)
            #expect(try card(try Store(path: copy, user: "anouk"), id).dutiesDone == [.terugmeldingVeiligThuis])
        }
    }

    @Test(arguments: StoreKind.all) func badRecordsAreRefusedAndWriteNothing(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let store = try place.open(as: "anouk")
        let id = try store.addReport(report("2025-0001"))
        let refusals: [(DutyRecord, String)] = [
            (DutyRecord(kind: .terugmeldingVeiligThuis, day: today, what: "  "), "Vul in wat er gedaan is."),
            (DutyRecord(kind: .terugmeldingVeiligThuis, day: day(2025, 3, 21), what: "Gebeld"), "De datum 21-03-2025 ligt in de toekomst."),
            (DutyRecord(kind: .terugmeldingVeiligThuis, day: day(2025, 3, 1), what: "Gebeld"),
             "De datum mag niet vóór de aanmelding (03-03-2025) liggen."),
            (DutyRecord(kind: .startRvkOnderzoek, day: today, what: "Gestart"),
             "Zaak 2025-0001 heeft geen open termijn ‘start RvK-onderzoek’ (meer); misschien legde een collega die al vast."),
            (DutyRecord(kind: .evaluatiePlan, day: today, what: "Geëvalueerd"), "Evaluatie van het plan wordt vastgelegd in het plan, niet als termijn."),
        ]
        for (record, message) in refusals {
            #expect(storeError { try store.apply(.recordDuty(id, record), today: today) } == .refused(message))
        }
        #expect(try store.dossier(caseID: id, openedSection: nil).notes.isEmpty)
        #expect(try card(store, id).dutiesDone.isEmpty)
    }

    @Test(arguments: StoreKind.all) func theTablesReportBackAndTheRaadsStartAreAnswered(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let store = try place.open(as: "anouk")
        let id = try store.addReport(report("2025-0001", source: .jeugdteam))
        try store.move(MoveRequest(caseID: id, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2025, 3, 5)), today: today)
        try store.move(MoveRequest(caseID: id, expectedVersion: 2, from: .onderzoek, to: .beschermtafel, day: day(2025, 3, 10),
                                   text: "zorgen blijven", requester: .jeugdteam), today: today)
        try store.apply(.recordTableDecision(id, expectedVersion: 3, TableDecision(meetingDate: day(2025, 3, 12), attendees: "Raad",
                                                                                  advice: "Drang", outcome: .drang, reportBackOn: day(2025, 3, 26),
                                                                                  goals: "Opvoedondersteuning")), today: today)
        let owed = Duties.open(try card(store, id), norms: try store.norms(), today: today)
        #expect(owed == [Duty(kind: .terugkoppelingTafel, caseID: id, due: day(2025, 3, 26), owner: "Sanne Kuipers", answers: day(2025, 3, 26))])
        try store.apply(.recordDuty(id, DutyRecord(kind: .terugkoppelingTafel, answers: day(2025, 3, 26), day: today, what: "Doelen gehaald")), today: today)
        #expect(try card(store, id).reportedBackFor == day(2025, 3, 26))
        #expect(Duties.open(try card(store, id), norms: try store.norms(), today: today).isEmpty)

        try store.move(MoveRequest(caseID: id, expectedVersion: 4, from: .beschermtafel, to: .rvkOnderzoek, day: today,
                                   text: "drang werkte niet"), today: today)
        try store.setSetting("termijn.start_rvk_dagen", to: "14")
        let raad = Duties.open(try card(store, id), norms: try store.norms(), today: today)
        #expect(raad == [Duty(kind: .startRvkOnderzoek, caseID: id, due: day(2025, 4, 3), owner: Duty.raad)])
        try store.apply(.recordDuty(id, DutyRecord(kind: .startRvkOnderzoek, day: today, what: "Raad gestart")), today: today)
        #expect(try card(store, id).dutiesDone == [.startRvkOnderzoek])
        #expect(try place.integrityCheck().isHealthy)
    }

    @Test(arguments: StoreKind.all) func theNormsAreSettings(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let store = try place.open(as: "anouk")
        #expect(try store.norms().werkdagenTerugmeldingVT == 10 && store.norms().dagenStartRvK == 10 && store.norms().dagenVooruit == 7)
        try store.setSetting("termijn.terugmelding_vt_werkdagen", to: "5")
        try store.setSetting("termijn.vooruit_dagen", to: "14")
        #expect(try store.norms().werkdagenTerugmeldingVT == 5 && store.norms().dagenVooruit == 14)
        #expect(storeError { try store.setSetting("termijn.vooruit_dagen", to: "-1") }
                == .refused("‘-1’ is geen geldige waarde voor termijn.vooruit_dagen: geef een heel getal vanaf 0."))
        #expect(Store.knownSettings.map(\.key).filter { $0.hasPrefix("termijn.") }.count == 3)
    }
}
