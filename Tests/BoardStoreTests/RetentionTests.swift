import BoardCore
import Foundation
import GRDB
import Testing
@testable import BoardStore

@Suite("Retention: erasing personal data after the retention period")
struct RetentionTests {
    let today = day(2026, 3, 16)

    struct Families {
        let store: Store
        /// Closed in 2005: past the 20 years.
        let old: CaseID
        /// Closed in 2007: within the 20 years.
        let recent: CaseID
        /// Still in Onderzoek since 2004.
        let open: CaseID
        /// To the Raad in 2005: closed by entering RvK-onderzoek.
        let raad: CaseID
    }

    func families(_ place: TestStore) throws -> Families {
        let store = try place.open(as: "anouk")
        let old = try store.addReport(report("2004-0001", family: "Zwanenburg", reportedOn: day(2004, 1, 10),
                                             children: [Child(firstName: "Quirijn", birthDate: day(2001, 5, 5))]))
        try store.move(MoveRequest(caseID: old, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2004, 1, 20)), today: today)
        try store.move(MoveRequest(caseID: old, expectedVersion: 2, from: .onderzoek, to: .veiligheidGewaarborgd, day: day(2005, 2, 1),
                                   text: "Quirijn woont veilig bij oma Wilhelmina"), today: today)
        let recent = try store.addReport(report("2006-0001", family: "Bakker", reportedOn: day(2006, 5, 1)))
        try store.move(MoveRequest(caseID: recent, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2006, 5, 2)), today: today)
        try store.move(MoveRequest(caseID: recent, expectedVersion: 2, from: .onderzoek, to: .veiligheidGewaarborgd, day: day(2007, 1, 10),
                                   text: "ok"), today: today)
        let open = try store.addReport(report("2004-0002", family: "Visser", reportedOn: day(2004, 2, 1)))
        try store.move(MoveRequest(caseID: open, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2004, 2, 2)), today: today)
        let raad = try store.addReport(report("2004-0003", family: "Mulder", reportedOn: day(2004, 3, 1)))
        try store.move(MoveRequest(caseID: raad, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2004, 3, 2)), today: today)
        try store.move(MoveRequest(caseID: raad, expectedVersion: 2, from: .onderzoek, to: .beschermtafel, day: day(2004, 6, 1),
                                   requester: .jeugdteam), today: today)
        try store.move(MoveRequest(caseID: raad, expectedVersion: 3, from: .beschermtafel, to: .rvkOnderzoek, day: day(2005, 1, 5),
                                   text: "Raad start onderzoek"), today: today)
        // Dossier text beside the board's own (an address, a caregiver, a note), written by the family screen.
        let family = try store.details(of: old, logOpening: false).summary.familyID
        func seen() throws -> SeenCase { SeenCase(caseID: old, version: try store.details(of: old, logOpening: false).summary.version) }
        try store.apply(.editFamily(family, seen: try seen(), name: "Zwanenburg", address: "Geheimstraat 12", wijk: "Poelenburg"), today: today)
        try store.apply(.addCaregiver(family, seen: try seen(), Caregiver(name: "Wilhelmina Zwanenburg", relation: "oma", phone: "06-12345678")),
                        today: today)
        try store.apply(.addNote(old, Note(text: "Gesprek met Quirijn")), today: today)
        return Families(store: store, old: old, recent: recent, open: open, raad: raad)
    }

    @Test(arguments: StoreKind.all) func listsFamiliesPastTheRetentionPeriod(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let families = try families(place)
        let candidates = try families.store.retentionCandidates(today: today)
        #expect(candidates.map(\.kenmerken) == [["2004-0003"], ["2004-0001"]], "oldest closure first")
        #expect(candidates.map(\.closedOn) == [day(2005, 1, 5), day(2005, 2, 1)])
        #expect(candidates.map(\.familyName) == ["Mulder", "Zwanenburg"])
        // With a longer period, nobody; with a shorter one, the 2007 family too; never the open one.
        try families.store.setSetting(Store.retentionYearsKey, to: "25")
        #expect(try families.store.retentionCandidates(today: today).isEmpty)
        try families.store.setSetting(Store.retentionYearsKey, to: "15")
        #expect(try families.store.retentionCandidates(today: today).map(\.familyName) == ["Mulder", "Zwanenburg", "Bakker"])
    }

    /// An older version accepted `03-03-0025`: a case of such a store "closed" in the year 25 is a
    /// typing error, and never makes its family look past the retention period.
    @Test(arguments: StoreKind.all) func aClosingDayInTheYear25IsNoReasonToErase(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let families = try families(place)
        try place.tamper(#"UPDATE "case" SET stage_since = '0025-03-03', closed_on = '0025-03-03' WHERE id = "# + "\(families.recent)")
        #expect(try families.store.retentionCandidates(today: today).map(\.familyName) == ["Mulder", "Zwanenburg"])
        let bakker = try families.store.retentionCandidate(kenmerk: "2006-0001")
        #expect(throws: StoreError.self) {
            try families.store.erasePersonalData(of: [bakker.familyID], reason: .retentionPeriod(years: 20), today: today)
        }
        #expect(try families.store.dossier(caseID: families.recent, openedSection: nil).family.name == "Bakker")
    }

    @Test(arguments: StoreKind.all) func erasesPersonalDataAndKeepsTheFigures(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let families = try families(place)
        let store = families.store
        let before = try store.details(of: families.old, logOpening: false)
        let boardBefore = try store.boardCases(today: today, closedWindowDays: nil)
        let candidates = try store.retentionCandidates(today: today)
        let erased = try store.erasePersonalData(of: candidates.map(\.familyID), reason: .retentionPeriod(years: 20), today: today)
        #expect(erased == 2)

        let after = try store.details(of: families.old, logOpening: false)
        #expect(after.summary.familyName == Retention.placeholder && after.summary.wijk == Retention.placeholder)
        #expect(after.children.map(\.firstName) == [Retention.placeholder])
        #expect(after.summary.youngestBirthDate == nil)
        // The anonymous figures stay: kenmerk, source, stages, dates, counts.
        #expect(after.summary.kenmerk == before.summary.kenmerk && after.summary.stage == .veiligheidGewaarborgd)
        #expect(after.summary.reportedOn == before.summary.reportedOn && after.summary.stageSince == before.summary.stageSince)
        #expect(after.summary.childCount == 1 && after.summary.source == before.summary.source)
        #expect(after.summary.version == before.summary.version + 1, "an open form on this case is refused")
        #expect(after.events.map(\.kind) == before.events.map(\.kind))
        #expect(after.events.map(\.day) == before.events.map(\.day) && after.events.map(\.toStage) == before.events.map(\.toStage))
        #expect(after.events.allSatisfy { $0.detail == Retention.placeholder })
        let dossierText = try store.read { db in
            try [db.value(String.self, sql: "SELECT address FROM family WHERE id = ?", arguments: [after.summary.familyID]),
                 db.value(String.self, sql: "SELECT name || '|' || relation || '|' || phone FROM caregiver"),
                 db.value(String.self, sql: "SELECT text || '|' || author FROM note")]
        }
        #expect(dossierText == ["[verwijderd]", "[verwijderd]|[verwijderd]|[verwijderd]", "[verwijderd]|anouk"])

        // The others are untouched.
        let boardAfter = try store.boardCases(today: today, closedWindowDays: nil)
        #expect(boardAfter.filter { $0.id == families.recent || $0.id == families.open }
            == boardBefore.filter { $0.id == families.recent || $0.id == families.open })
        #expect(try store.details(of: families.recent, logOpening: false).events.first?.detail.hasPrefix("bron") == true)

        // The erasure is logged, and the chain still verifies.
        let logged = try store.auditLog(filter: AuditFilter()).entries.filter { $0.kind == .gegevensVerwijderd }
        #expect(logged.count == 2)
        #expect(logged.map(\.detail).contains("Persoonsgegevens verwijderd: bewaartermijn van 20 jaar verstreken (laatste zaak afgesloten op 01-02-2005); kenmerken 2004-0001"))
        let check = try place.integrityCheck()
        #expect(check.isHealthy, "\(check.sections.filter { !$0.isHealthy })")
        #expect(check.section(IntegrityCheck.chainTitle)?.summary.contains("toelichtingen verwijderd") == true)
        #expect(try store.retentionCandidates(today: today).isEmpty, "erased families are not listed again")
        #expect(storeError { try store.erasePersonalData(of: [after.summary.familyID], reason: .request, today: today) } != nil)
    }

    /// An erased birth date is unknown, never the epoch (01-01-1970), wherever it is shown.
    @Test(arguments: StoreKind.all) func anErasedBirthDateIsUnknown(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let families = try families(place)
        let store = families.store
        let familyID = try store.details(of: families.old, logOpening: false).summary.familyID
        try store.erasePersonalData(of: [familyID], reason: .retentionPeriod(years: 20), today: today)
        #expect(try store.details(of: families.old, logOpening: false).children.map(\.birthDate) == [nil])
        #expect(try store.dossier(caseID: families.old, openedSection: nil).children.map(\.birthDate) == [nil])
        let records = try store.exportCases().filter { $0.kenmerk == "2004-0001" }
        #expect(records.first?.children.map(\.birthDate) == [nil])
        let csv = String(decoding: try CaseExport.csv(records), as: UTF8.self)
        let json = String(decoding: CaseExport.json(records), as: UTF8.self)
        #expect(csv.contains("[verwijderd] (onbekend)"), "\(csv)")
        #expect(json.contains("\"geboortedatum\": \"onbekend\""), "\(json)")
        for text in [csv, json] { #expect(!text.contains("1970")) }
    }

    /// Not merely hidden: the erased text is gone from the file and its write-ahead log. (A
    /// server keeps old row versions until VACUUM, which its administrator schedules.)
    @Test func erasedTextIsGoneFromTheFile() throws {
        let scratch = try ScratchDirectory()
        let path: String
        do {
            let families = try families(TestStore(.file, in: scratch))
            path = families.store.location
            let candidates = try families.store.retentionCandidates(today: today)
            try families.store.erasePersonalData(of: candidates.map(\.familyID), reason: .retentionPeriod(years: 20), today: today)
        }
        var contents = try #require(bytes(path))
        contents.append(bytes(path + "-wal") ?? Data())
        for secret in ["Zwanenburg", "Quirijn", "Wilhelmina", "Geheimstraat", "06-12345678", "2001-05-05"] {
            #expect(contents.range(of: Data(secret.utf8)) == nil, "\(secret) is still in the file")
        }
        #expect(contents.range(of: Data("Bakker".utf8)) != nil, "the family within the period is still there")
    }

    @Test(arguments: StoreKind.all) func earlyDestructionOnRequest(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let families = try families(place)
        let store = families.store
        let open = try store.retentionCandidate(kenmerk: "2004-0002")
        #expect(open.closedOn == nil && open.familyName == "Visser")
        #expect(storeError { try store.erasePersonalData(of: [open.familyID], reason: .request, today: today) }?
            .description.contains("nog een open zaak") == true)
        let recent = try store.retentionCandidate(kenmerk: " 2006-0001 ")
        #expect(recent.closedOn == day(2007, 1, 10))
        #expect(storeError { try store.erasePersonalData(of: [recent.familyID], reason: .retentionPeriod(years: 20), today: today) }?
            .description.contains("niet meer buiten de bewaartermijn") == true, "the period is checked again when erasing")
        try store.erasePersonalData(of: [recent.familyID], reason: .request, today: today)
        #expect(try store.details(of: families.recent, logOpening: false).summary.familyName == Retention.placeholder)
        #expect(try store.auditLog(filter: AuditFilter(familyKenmerk: "2006-0001")).entries.last?.detail
            == "Persoonsgegevens verwijderd op verzoek (vernietiging vóór het einde van de bewaartermijn); kenmerken 2006-0001")
        #expect(storeError { _ = try store.retentionCandidate(kenmerk: "9999-0001") } == .caseNotFound("9999-0001"))
    }

    @Test(arguments: StoreKind.all) func onlyATeamleiderErases(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let families = try families(place)
        try families.store.addStaff(StaffMember(name: "karim", displayName: "Karim", role: .medewerker))
        let karim = try place.open(as: "karim")
        let candidates = try karim.retentionCandidates(today: today)
        #expect(candidates.count == 2, "anyone on the list may see the list")
        #expect(storeError { try karim.erasePersonalData(of: candidates.map(\.familyID), reason: .retentionPeriod(years: 20), today: today) }
            == .notPermitted(action: Permission.applyRetention.action, user: "karim", role: "Medewerker"))
        #expect(try karim.details(of: families.old, logOpening: false).summary.familyName == "Zwanenburg")
    }

    /// A family that got a new case between the list and the erasure is refused, and nothing is erased.
    @Test(arguments: StoreKind.all) func newCaseMeanwhileStopsTheErasure(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let families = try families(place)
        let store = families.store
        let candidates = try store.retentionCandidates(today: today)
        let zwanenburg = try #require(candidates.first { $0.familyName == "Zwanenburg" })
        var again = report("2026-0001", family: "Zwanenburg", reportedOn: day(2026, 3, 1))
        again.existingFamilyID = zwanenburg.familyID
        try store.addReport(again)
        #expect(storeError { try store.erasePersonalData(of: candidates.map(\.familyID), reason: .retentionPeriod(years: 20), today: today) } != nil)
        #expect(try store.details(of: families.raad, logOpening: false).summary.familyName == "Mulder", "all or nothing")
    }

    /// Every TEXT column of the store is classified as personal (erased) or not (kept). A new
    /// column must be added to one of the lists in Retention.swift (`PersonalData`), so that no
    /// personal data survives an erasure unnoticed. (The file's schema; the server's has the
    /// same columns, see ServerSchema's tests.)
    @Test func everyTextColumnIsClassified() throws {
        let scratch = try ScratchDirectory()
        let store = try Store(path: scratch.file("bord.sqlite"), user: "anouk")
        let personal = Set(PersonalData.personal.map { "\($0.table).\($0.column)" })
        let kept = Set(PersonalData.kept.flatMap { table, columns in columns.map { "\(table).\($0)" } })
        #expect(personal.isDisjoint(with: kept))
        let unclassified = try store.pool.read { db -> [String] in
            var found: [String] = []
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'") {
                for column in try db.columns(in: table) where column.type.uppercased().contains("TEXT") || column.type.isEmpty {
                    let name = "\(table).\(column.name)"
                    if !personal.contains(name) && !kept.contains(name) { found.append(name) }
                }
            }
            return found
        }
        #expect(unclassified.isEmpty, "classify these columns in PersonalData (Retention.swift): \(unclassified)")
    }
}
