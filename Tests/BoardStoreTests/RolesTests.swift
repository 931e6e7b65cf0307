import BoardCore
import Foundation
import GRDB
import Testing
@testable import BoardStore

@Suite("Staff list and roles")
struct RolesTests {
    let today = day(2025, 6, 30)

    @Test(arguments: StoreKind.all) func firstUserOfANewStoreIsTeamleader(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let anouk = try place.open(as: "anouk")
        #expect(try anouk.currentStaff() == StaffMember(name: "anouk", displayName: "anouk", role: .teamleider))
        #expect(try anouk.staff().map(\.name) == ["anouk"])
        let log = try anouk.auditLog(filter: AuditFilter())
        #expect(log.entries.map(\.kind) == [.medewerkerGewijzigd], "becoming teamleider is logged")
        #expect(log.entries.first?.detail.contains("eerste gebruiker") == true)
        // The second user to open it is no teamleider (nor on the list).
        let karim = try place.open(as: "karim")
        #expect(try karim.currentStaff() == nil)
        #expect(try anouk.staff().count == 1)
    }

    @Test func demoCreatorIsTeamleader() throws {
        let scratch = try ScratchDirectory()
        let store = try DemoStore.create(path: scratch.file("demo.sqlite"), families: 3, today: today, user: "beamer")
        #expect(try store.currentStaff()?.role == .teamleider)
        #expect(try store.permits(.manageStaff))
    }

    @Test(arguments: StoreKind.all) func someoneNotOnTheListReadsButCannotChange(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let anouk = try place.open(as: "anouk")
        let id = try anouk.addReport(report("2025-0001"))
        let karim = try place.open(as: "karim")
        let tokenBefore = try anouk.changeToken()

        #expect(try karim.boardCases(today: today, closedWindowDays: nil).map(\.kenmerk) == ["2025-0001"], "reading works")
        #expect(storeError { try karim.addReport(report("2025-0002")) } == .notStaff(user: "karim"))
        #expect(storeError {
            try karim.move(MoveRequest(caseID: id, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2025, 3, 5)), today: today)
        } == .notStaff(user: "karim"))
        #expect(storeError { try karim.setSetting(Store.retentionYearsKey, to: "15") } == .notStaff(user: "karim"))
        #expect(storeError { try karim.addStaff(StaffMember(name: "karim", displayName: "Karim", role: .teamleider)) } == .notStaff(user: "karim"))
        #expect(try anouk.changeToken() == tokenBefore, "nothing was written")
        #expect(try karim.boardCases(today: today, closedWindowDays: nil).count == 1)

        let message = StoreError.notStaff(user: "karim").description
        #expect(message.contains("Gebruiker 'karim' staat niet in de lijst van medewerkers en kan alleen lezen"))
        #expect(message.contains("beschermbord medewerkers toevoegen karim"))
        #expect(try karim.refusal(for: .changeCases) == .notStaff(user: "karim"))

        // Opening a dossier is reading: it is allowed, and logged under karim's name.
        _ = try karim.details(of: id, logOpening: true)
        let last = try #require(try anouk.details(of: id, logOpening: false).events.last)
        #expect(last.kind == .geopend && last.user == "karim")
    }

    @Test(arguments: StoreKind.all) func medewerkerChangesCasesButNotTheListOrSettings(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let anouk = try place.open(as: "anouk")
        try anouk.addStaff(StaffMember(name: "karim", displayName: " Karim El Amrani ", role: .medewerker))
        try anouk.addStaff(StaffMember(name: "sanne", displayName: "Sanne Kuipers", role: .jeugdbeschermer))
        let karim = try place.open(as: "karim")
        #expect(try karim.currentStaff() == StaffMember(name: "karim", displayName: "Karim El Amrani", role: .medewerker))

        let id = try karim.addReport(report("2025-0001"))
        try karim.move(MoveRequest(caseID: id, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2025, 3, 5)), today: today)
        let sanne = try place.open(as: "sanne")
        try sanne.move(MoveRequest(caseID: id, expectedVersion: 2, from: .onderzoek, to: .veiligheidGewaarborgd, day: day(2025, 3, 9),
                                   text: "Ouders werken mee"), today: today)

        let refused = storeError { try karim.addStaff(StaffMember(name: "piet", displayName: "Piet", role: .medewerker)) }
        #expect(refused == .notPermitted(action: Permission.manageStaff.action, user: "karim", role: "Medewerker"))
        #expect(refused?.description == "Alleen een teamleider mag de lijst van medewerkers beheren; karim is medewerker. Er is niets opgeslagen.")
        #expect(storeError { try karim.setSetting("norm.weken_onderzoek", to: "12") }
            == .notPermitted(action: Permission.editSettings.action, user: "karim", role: "Medewerker"))
        #expect(storeError { try sanne.removeStaff("karim") } != nil)
        #expect(try karim.permits(.changeCases) && !(try karim.permits(.manageStaff)))
        #expect(try anouk.staff().map(\.name) == ["anouk", "sanne", "karim"], "by role (teamleider first), then by display name")
    }

    @Test(arguments: StoreKind.all) func teamleiderManagesTheList(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let anouk = try place.open(as: "anouk")
        try anouk.addStaff(StaffMember(name: "karim", displayName: "Karim", role: .medewerker))
        #expect(storeError { try anouk.addStaff(StaffMember(name: "karim", displayName: "Karim 2", role: .teamleider)) }?
            .description.contains("staat al in de lijst") == true)
        #expect(storeError { try anouk.addStaff(StaffMember(name: "twee woorden", displayName: "X", role: .medewerker)) } != nil)
        #expect(storeError { try anouk.addStaff(StaffMember(name: "leeg", displayName: "  ", role: .medewerker)) } != nil)

        try anouk.updateStaff(StaffMember(name: "karim", displayName: "Karim El Amrani", role: .teamleider))
        #expect(try place.open(as: "karim").currentStaff()?.role == .teamleider)
        // The last teamleider can be neither demoted nor removed; with two, one can go.
        try anouk.removeStaff("karim")
        #expect(storeError { try anouk.removeStaff("anouk") }?.description.contains("enige teamleider") == true)
        #expect(storeError { try anouk.updateStaff(StaffMember(name: "anouk", displayName: "anouk", role: .medewerker)) }?
            .description.contains("enige teamleider") == true)
        #expect(storeError { try anouk.removeStaff("niemand") }?.description.contains("staat niet in de lijst") == true)
        #expect(try anouk.staff().map(\.name) == ["anouk"])
        let karim = try place.open(as: "karim")
        #expect(storeError { try karim.addReport(report("2025-0001")) } == .notStaff(user: "karim"), "removed means read-only")

        let changes = try anouk.auditLog(filter: AuditFilter()).entries.filter { $0.kind == .medewerkerGewijzigd }.map(\.detail)
        #expect(changes.count == 4)
        #expect(changes[1] == "karim (Karim) toegevoegd als medewerker")
        #expect(changes[2] == "karim gewijzigd: naam ‘Karim’ → ‘Karim El Amrani’, rol medewerker → teamleider")
        #expect(changes[3] == "karim (Karim El Amrani) verwijderd uit de lijst; was teamleider")
    }

    @Test(arguments: StoreKind.all) func onlyTeamleiderChangesSettings(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let anouk = try place.open(as: "anouk")
        #expect(try anouk.retentionYears() == 20)
        try anouk.setSetting(Store.retentionYearsKey, to: "15")
        try anouk.setSetting("norm.weken_onderzoek", to: " 12 ")
        #expect(try anouk.retentionYears() == 15)
        #expect(try anouk.norms().weeksInOnderzoek == 12)
        #expect(storeError { try anouk.setSetting("demo", to: "0") } != nil)
        #expect(storeError { try anouk.setSetting("norm.weken_onderzoek", to: "tien") } != nil)
        #expect(storeError { try anouk.setSetting(Store.retentionYearsKey, to: "0") } != nil)
        #expect(storeError { try anouk.setSetting("Norm Weken", to: "3") } != nil)
        let logged = try anouk.auditLog(filter: AuditFilter()).entries.filter { $0.kind == .instellingGewijzigd }.map(\.detail)
        #expect(logged == ["bewaartermijn.jaren: standaard → 15", "norm.weken_onderzoek: standaard → 12"])
    }

    /// The idle screen lock: 10 minutes unless a teamleider sets it; never less than a minute.
    @Test(arguments: StoreKind.all) func theIdleLockIsASetting(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let anouk = try place.open(as: "anouk")
        #expect(try anouk.idleLockMinutes() == 10)
        try anouk.setSetting(Store.idleLockMinutesKey, to: "3")
        #expect(try anouk.idleLockMinutes() == 3)
        #expect(storeError { try anouk.setSetting(Store.idleLockMinutesKey, to: "0") }?.description.contains("minstens 1 minuut") == true)
        try anouk.addStaff(StaffMember(name: "karim", displayName: "Karim", role: .medewerker))
        let karim = try place.open(as: "karim")
        #expect(storeError { try karim.setSetting(Store.idleLockMinutesKey, to: "60") } != nil, "only a teamleider")
        #expect(try karim.idleLockMinutes() == 3)
    }

    /// The mouse on the board: on unless a teamleider sets `bord.muis` to 0; only 0 and 1 mean something.
    @Test(arguments: StoreKind.all) func theMouseIsATeamSetting(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let anouk = try place.open(as: "anouk")
        #expect(try anouk.mouseEnabled())
        #expect(storeError { try anouk.setSetting(Store.mouseKey, to: "2") }?.description.contains("1 = aan, 0 = uit") == true)
        try anouk.setSetting(Store.mouseKey, to: "0")
        #expect(try !anouk.mouseEnabled())
        try anouk.setSetting(Store.mouseKey, to: "1")
        #expect(try anouk.mouseEnabled())
    }

    /// A store from before the staff list: whoever changed cases keeps working as medewerker, the
    /// first to open it becomes teamleider, and the old events get their place in the hash chain.
    @Test func storeFromBeforeRolesIsUpgraded() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("oud.sqlite")
        try makeStoreFromBeforeTrust(path: path)

        let karim = try Store(path: path, user: "karim")
        #expect(try karim.currentStaff()?.role == .teamleider, "first to open after the upgrade")
        let staff = try karim.staff()
        #expect(Set(staff.map(\.name)) == ["anouk", "rachid", "karim"])
        #expect(staff.first { $0.name == "anouk" }?.role == .medewerker)
        #expect(!staff.contains { $0.name == "lezer" }, "someone who only opened dossiers is not added")
        let anouk = try Store(path: path, user: "anouk")
        let id = try #require(try anouk.boardCases(today: today, closedWindowDays: nil).first?.id)
        try anouk.move(MoveRequest(caseID: id, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2025, 3, 5)), today: today)

        let report = try IntegrityCheck.run(path: path)
        #expect(report.isHealthy, "\(report.sections.filter { !$0.isHealthy })")
        // Three old events, the seals of the old records (family, child, case, staff), karim as teamleider, the move.
        #expect(report.section(IntegrityCheck.chainTitle)?.summary.hasPrefix("in orde (9 gebeurtenissen") == true)
    }
}

/// A store with the schema as it was before the staff list and the hash chain (up to
/// `v2-family-dossier`), with events by three users written the old way.
func makeStoreFromBeforeTrust(path: String) throws {
    var configuration = Configuration()
    configuration.journalMode = .wal
    let queue = try DatabaseQueue(path: path, configuration: configuration)
    try Schema.migrator.migrate(queue, upTo: "v2-family-dossier")
    try queue.write { db in
        try db.execute(sql: """
            INSERT INTO family (id, name, wijk) VALUES (1, 'de Vries', 'Poelenburg'), (2, 'Jansen', 'Kogerveld');
            INSERT INTO child (family_id, first_name, birth_date) VALUES (1, 'Zoë', '2016-04-12'), (2, 'Daan', '2019-11-02');
            INSERT INTO "case" (id, kenmerk, family_id, source, reported_on, stage, stage_since, medewerker)
                VALUES (1, '2025-0001', 1, 'Veilig Thuis', '2025-03-03', 'aangemeld', '2025-03-03', 'Sanne'),
                       (2, '2025-0002', 2, 'Jeugdteam', '2025-03-04', 'aangemeld', '2025-03-04', 'Sanne');
            INSERT INTO event (case_id, family_id, recorded_at, user, kind, from_stage, to_stage, day, detail) VALUES
                (1, 1, '2025-03-03T09:00:00.000Z', 'anouk', 'aangemeld', NULL, 'aangemeld', '2025-03-03', 'bron Veilig Thuis; kinderen: Zoë'),
                (2, 2, '2025-03-04T09:00:00.000Z', 'rachid', 'aangemeld', NULL, 'aangemeld', '2025-03-04', 'bron Jeugdteam; kinderen: Daan'),
                (1, 1, '2025-03-04T10:00:00.000Z', 'lezer', 'geopend', NULL, NULL, '2025-03-04', 'zaakoverzicht');
            """)
    }
    try queue.close()
}
