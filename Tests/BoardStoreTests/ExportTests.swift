import BoardCore
import Foundation
import Testing
@testable import BoardStore

@Suite("Export: CSV and JSON of all cases, and the inzage of one family")
struct ExportTests {
    let today = day(2025, 6, 30)

    /// What the board shows of a case, with its children: what a round trip must keep.
    struct Card: Hashable {
        var kenmerk: String
        var family: String
        var wijk: String
        var medewerker: String
        var source: Source
        var reportedOn: Day
        var stage: Stage
        var stageSince: Day
        var children: [String]
    }

    func cards(_ store: Store) throws -> Set<Card> {
        Set(try store.boardCases(today: today, closedWindowDays: nil).map { summary in
            let children = try store.details(of: summary.id, logOpening: false).children
            return Card(kenmerk: summary.kenmerk, family: summary.familyName, wijk: summary.wijk, medewerker: summary.medewerker,
                        source: summary.source, reportedOn: summary.reportedOn, stage: summary.stage, stageSince: summary.stageSince,
                        children: children.map { "\($0.firstName) \($0.birthDate?.iso ?? "-")" })
        })
    }

    @Test(arguments: StoreKind.all) func csvRoundTripGivesTheSameBoard(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let demo = try DemoStore.create(path: scratch.file("demo.sqlite"), families: 150, seed: 11, today: today, user: "demo")
        // Awkward text that must survive: the delimiter and quotes inside fields (a line break no
        // longer gets into a one-line field: InputText).
        try demo.addReport(NewReport(kenmerk: "2025-X1", reportedOn: day(2025, 6, 1), source: .overig,
                                     familyName: "Özdemir; \"de\" Vries", wijk: "Oud-Zaandam; \"centrum\"", medewerker: "d’Hondt",
                                     children: [Child(firstName: "Zoë", birthDate: day(2016, 4, 12))]))
        let csv = try CaseExport.csv(try demo.exportCases())

        let parsed = CaseImporter.parse(data: csv, today: today)
        #expect(parsed.errors.isEmpty, "\(parsed.errors.prefix(5))")
        #expect(parsed.encoding == .utf8WithBOM && parsed.delimiter == ";" && parsed.unknownColumns.isEmpty)
        let copy = try TestStore(kind, in: scratch, name: "kopie").open(as: "import")
        // The import takes only medewerkers on the staff list: the copy gets the demo's, and d’Hondt.
        for member in try demo.staff() where member.name != "import" { try copy.addStaff(member) }
        try copy.addStaff(StaffMember(name: "dhondt", displayName: "d’Hondt", role: .medewerker))
        let result = try copy.importRows(parsed.rows, origin: "export.csv")
        #expect(result.cases == 151 && result.skipped.isEmpty)

        let original = try cards(demo)
        #expect(original.count == 151)
        #expect(Set(original.map(\.stage)) == Set(Stage.allCases), "every column takes part")
        #expect(try cards(copy) == original)
        // The stage days survive too: exporting the copy gives the same file.
        #expect(try CaseExport.csv(try copy.exportCases()) == csv)
    }

    @Test(arguments: StoreKind.all) func csvIsWhatExcelExpects(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let store = try place.open(as: "anouk")
        let id = try store.addReport(NewReport(kenmerk: "2025-0001", reportedOn: day(2025, 3, 3), source: .veiligThuis,
                                               familyName: "Jansen; de Groot", wijk: "Poelenburg", medewerker: "Sanne",
                                               children: [Child(firstName: "Zoë", birthDate: day(2016, 4, 12)),
                                                          Child(firstName: "Daan", birthDate: day(2019, 11, 2))]))
        try store.move(MoveRequest(caseID: id, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2025, 3, 5)), today: today)
        try store.move(MoveRequest(caseID: id, expectedVersion: 2, from: .onderzoek, to: .veiligheidGewaarborgd, day: day(2025, 4, 1),
                                   text: "afspraken werken"), today: today)
        let data = try CaseExport.csv(try store.exportCases())
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text == "kenmerk;aangemeld_op;bron;gezin;wijk;medewerker;kinderen;onderzoek_op;beschermtafel_op;uitkomst;uitkomst_op\r\n"
                + "2025-0001;03-03-2025;Veilig Thuis;\"Jansen; de Groot\";Poelenburg;Sanne;Zoë (12-04-2016) | Daan (02-11-2019);"
                + "05-03-2025;;veiligheid gewaarborgd;01-04-2025\r\n")
    }

    @Test(arguments: StoreKind.all) func aCorrectionBackIsExportedAsTheCurrentPath(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let store = try place.open(as: "anouk")
        let id = try store.addReport(report("2025-0001", reportedOn: day(2025, 3, 3)))
        try store.move(MoveRequest(caseID: id, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2025, 3, 5)), today: today)
        try store.move(MoveRequest(caseID: id, expectedVersion: 2, from: .onderzoek, to: .beschermtafel, day: day(2025, 4, 20),
                                   text: "zorgen", requester: .jeugdteam), today: today)
        try store.move(MoveRequest(caseID: id, expectedVersion: 3, from: .beschermtafel, to: .onderzoek, day: day(2025, 4, 22),
                                   text: "te vroeg ingebracht"), today: today)
        let record = try #require(try store.exportCases().first)
        #expect(record.stage == .onderzoek && record.stageSince == day(2025, 4, 22))
        #expect(record.path == [.init(stage: .onderzoek, day: day(2025, 4, 22))], "the table was corrected away")
        #expect(CaseExport.fields(of: record)[7...10] == ["22-04-2025", "", "", ""])
    }

    @Test(arguments: StoreKind.all) func jsonHasEveryCaseWithChildrenAndStageDays(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let store = try place.open(as: "anouk")
        let id = try store.addReport(report("2025-0001", family: "Özdemir", reportedOn: day(2025, 3, 3)))
        try store.move(MoveRequest(caseID: id, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2025, 3, 5)), today: today)
        try store.addReport(report("2025-0002", family: "Bakker", reportedOn: day(2025, 3, 4), source: .jeugdteam, children: []))
        // The input refuses control characters now; a store from before may still hold them.
        try place.tamper("UPDATE family SET name = 'Bakker\u{1B}]0;titel\u{7}' WHERE name = 'Bakker'")

        let data = CaseExport.json(try store.exportCases())
        let raw = String(decoding: data, as: UTF8.self)
        #expect(!raw.contains("\u{1B}") && !raw.contains("\u{7}"), "control characters are escaped, not written raw")
        let cases = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(cases.count == 2)
        let first = cases[0]
        #expect(first["kenmerk"] as? String == "2025-0001")
        #expect(first["gezin"] as? String == "Özdemir")
        #expect(first["bron"] as? String == "Veilig Thuis")
        #expect(first["aangemeld_op"] as? String == "2025-03-03")
        #expect(first["onderzoek_op"] as? String == "2025-03-05")
        #expect(first["beschermtafel_op"] is NSNull)
        #expect(first["kolom"] as? String == "Onderzoek")
        #expect(first["kolom_sinds"] as? String == "2025-03-05")
        let children = try #require(first["kinderen"] as? [[String: String]])
        #expect(children == [["voornaam": "Zoë", "geboortedatum": "2016-04-12"], ["voornaam": "Daan", "geboortedatum": "2019-11-02"]])
        #expect(cases[1]["gezin"] as? String == "Bakker\u{1B}]0;titel\u{7}", "the exact text comes back after decoding")
        #expect((cases[1]["kinderen"] as? [Any])?.isEmpty == true)
    }

    @Test(arguments: StoreKind.all) func inzageHasTheWholeFamilyAndItsAccessLogAndIsItselfLogged(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let store = try place.open(as: "anouk")
        let id = try store.addReport(report("2025-0001", family: "Özdemir"))
        let other = try store.addReport(report("2025-0002", family: "Bakker"))
        try store.move(MoveRequest(caseID: id, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2025, 3, 5)), today: today)
        _ = try store.details(of: id, logOpening: true)
        _ = try place.open(as: "rachid").details(of: id, logOpening: true)
        _ = try store.details(of: other, logOpening: true)

        let dossier = try store.exportFamilyDossier(kenmerk: " 2025-0001 ")
        #expect(dossier.cases.map(\.kenmerk) == ["2025-0001"])
        let events = dossier.events[id] ?? []
        #expect(events.map(\.kind) == [.aangemeld, .verplaatst, .geopend, .geopend, .inzageGeexporteerd])
        #expect(events.filter { $0.kind == .geopend }.map(\.user) == ["anouk", "rachid"])
        #expect(events.last?.user == "anouk" && events.last?.detail == "inzage-export van het gezinsdossier (1 zaak)")
        #expect(dossier.allEvents.allSatisfy { $0.caseID == id }, "nothing of the other family")

        // The export is in the case's own log too.
        #expect(try store.details(of: id, logOpening: false).events.last?.kind == .inzageGeexporteerd)
        #expect(EventKind.inzageGeexporteerd.title == "Inzage geëxporteerd")

        let json = try #require(try JSONSerialization.jsonObject(with: dossier.json()) as? [String: Any])
        #expect(json["geexporteerd_door"] as? String == "anouk")
        #expect((json["gezin"] as? [String: Any])?["naam"] as? String == "Özdemir")
        let children = try #require(json["kinderen"] as? [[String: Any]])
        #expect(children.compactMap { $0["voornaam"] as? String } == ["Zoë", "Daan"])
        let cases = try #require(json["zaken"] as? [[String: Any]])
        #expect(cases.count == 1 && cases[0]["kenmerk"] as? String == "2025-0001")
        let log = try #require(cases[0]["gebeurtenissen"] as? [[String: Any]])
        #expect(log.compactMap { $0["soort"] as? String } == ["aangemeld", "verplaatst", "geopend", "geopend", "inzage_geexporteerd"])
        #expect(log.compactMap { $0["gebruiker"] as? String }.contains("rachid"))
        #expect(!String(decoding: dossier.json(), as: UTF8.self).contains("Bakker"))
    }

    /// The inzage shows every column of the family's records (read from the schema), so each
    /// needs a Dutch key; a column added by a later migration without one fails here.
    @Test(arguments: StoreKind.all) func everyKeyOfTheInzageIsDutch(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let store = try place.open(as: "anouk")
        try store.read { db in
            for table in try db.tableNames() where !["case", "event", "setting", "grdb_migrations"].contains(table) {
                let columns = try db.columnNames(of: table)
                let exported = ["family", "child"].contains(table) || columns.contains("family_id") || columns.contains("case_id")
                guard exported else { continue }
                if !["family", "child"].contains(table) {
                    #expect(Store.dutchTableNames[table] != nil, "table \(table)")
                }
                for column in columns where !["id", "family_id", "case_id"].contains(column) {
                    #expect(Store.dutchColumnNames[column] != nil, "\(table).\(column)")
                }
            }
        }
        try store.addReport(report("2025-0001", family: "Özdemir"))
        let json = try #require(try JSONSerialization.jsonObject(with: store.exportFamilyDossier(kenmerk: "2025-0001").json()) as? [String: Any])
        let family = try #require(json["gezin"] as? [String: Any])
        #expect(family.keys.contains("verwijderd_op") && !family.keys.contains("erased_on"))
    }

    @Test(arguments: StoreKind.all) func inzageOfAnUnknownKenmerkIsRefusedAndLogsNothing(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let store = try place.open(as: "anouk")
        try store.addReport(report("2025-0001"))
        let token = try store.changeToken()
        #expect(storeError { _ = try store.exportFamilyDossier(kenmerk: "2025-9999") } == .caseNotFound("2025-9999"))
        #expect(try store.changeToken() == token)
    }

    @Test func outputFilesAreNeverOverwrittenUnlessAskedAndOnlyForTheOwner() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("zaken.csv")
        try OutputFile.write(Data("eerste".utf8), to: path, overwrite: false)
        #expect(bytes(path) == Data("eerste".utf8))
        #expect(permissions(path) == 0o600)
        let refused = storeError { try OutputFile.write(Data("tweede".utf8), to: path, overwrite: false) }
        #expect(refused == .refused("\(path) bestaat al en wordt niet overschreven; kies een andere naam of gebruik --force."))
        #expect(bytes(path) == Data("eerste".utf8))
        try OutputFile.write(Data("tweede".utf8), to: path, overwrite: true)
        #expect(bytes(path) == Data("tweede".utf8))
        #expect(permissions(path) == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["zaken.csv"], "no temporary file left behind")
        #expect(storeError { try OutputFile.write(Data(), to: scratch.path, overwrite: true) } == .refused("\(scratch.path) is een map; geef een bestandsnaam."))
    }

    /// A full disk (writing to /dev/full fails with ENOSPC, as a full disk does) gets the Dutch
    /// message of backup and import, and leaves neither the file nor its temporary copy.
    @Test func aFullDiskIsSaidInDutchAndLeavesNothing() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("zaken.csv")
        let error = storeError {
            try OutputFile.write(Data(count: 100_000), to: path, overwrite: false) { _ in FileHandle(forWritingAtPath: "/dev/full") }
        }
        #expect(error == .refused("Het schrijven is mislukt: de schijf is vol. Er is niets geschreven naar \(path)."))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
    }
}
