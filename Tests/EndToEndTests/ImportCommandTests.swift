import Foundation
import GRDB
import Testing

@Suite("import, export and backup through the real binary")
struct ImportCommandTests {
    static let header = "kenmerk;aangemeld_op;bron;gezin;wijk;medewerker;kinderen;onderzoek_op;beschermtafel_op;uitkomst;uitkomst_op"

    @Test func aBrokenFileChangesNothingAndNamesEveryLine() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try makeDemoStore(in: directory, families: 20, name: "bord.sqlite")
        let before = try Self.content(of: store)

        let file = directory.appendingPathComponent("zaken.csv")
        try Data(([
            Self.header,
            "E2E-1;03-03-2025;Veilig Thuis;\"de Vries\nen Jansen\";;;Sem (01-01-2015);;;;",
            "E2E-2;03-03-2025;Veilig Thuis;Bakker;;;Sem (01-01-2015);;;;",
            "E2E-3;31-02-2025;Veilig Thuis;Smit;;;Sem (01-01-2015);;;;",
            "E2E-4;03-03-2025;Politie\u{1B}[2J\u{1B}[31m\u{7};Visser;;;Sem (01-01-2015);;;;",
        ].joined(separator: "\r\n") + "\r\n").utf8).write(to: file)

        let result = try Binary.run(["import", "--store", store, file.path])
        #expect(result.status == 1)
        #expect(result.output.contains("regel 2: gezin bevat een regeleinde op plaats 9; dit veld is één regel"), "\(result.output)")
        #expect(result.output.contains("regel 5: aangemeld_op: ‘31-02-2025’ bestaat niet als datum"), "\(result.output)")
        #expect(result.output.contains("regel 6: bron bevat een stuurteken (U+001B) op plaats 8; haal het weg"), "\(result.output)")
        #expect(result.output.contains("Er is niets geïmporteerd: 3 fouten in zaken.csv"))
        #expect(!result.output.contains("\u{1B}") && !result.output.contains("\u{7}"), "no control characters reach the terminal")
        #expect(!FileManager.default.fileExists(atPath: store + "-wal"), "nothing is waiting in a WAL")
        // The store is opened while the file is read (so its bytes may differ: a page on the free list).
        #expect(try Self.content(of: store) == before, "every row of every table is unchanged")

        let missing = try Binary.run(["importeer", "--store", store, directory.appendingPathComponent("weg.csv").path])
        #expect(missing.status == 1)
        #expect(missing.output.contains("kan niet worden gelezen: het bestaat niet"))
    }

    /// The store is opened while the file is still being read; when the file then turns out to
    /// have an error, a store made for the import is not left behind.
    @Test func aBrokenFileLeavesNoNewStore() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("nieuw.sqlite").path
        let file = directory.appendingPathComponent("zaken.csv")
        let good = (1...600).map { "E2E-\($0);03-03-2025;Veilig Thuis;Gezin \($0);;;Sem (01-01-2015);;;;" }
        try Data(([Self.header] + good + ["E2E-601;03-03-2025;Onbekend;Laatste;;;Sem (01-01-2015);;;;"]).joined(separator: "\n").utf8).write(to: file)

        let result = try Binary.run(["import", "--store", store, file.path])
        #expect(result.status == 1)
        #expect(result.output.contains("regel 602: bron ‘Onbekend’ is onbekend"), "\(result.output)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["zaken.csv"])
    }

    /// Every row of every table of the store at `path`, read-only.
    static func content(of path: String) throws -> [String] {
        var configuration = Configuration()
        configuration.readonly = true
        return try DatabaseQueue(path: path, configuration: configuration).read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            return try tables.flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier)").map { "\(table): \($0)" }
            }
        }
    }

    @Test func importExportAndBackupRoundTrip() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("bord.sqlite").path
        let file = directory.appendingPathComponent("zaken.csv")
        try Data(([
            Self.header,
            "E2E-1;03-03-2025;Veilig Thuis;Özdemir;Poelenburg;Sanne;Zoë (12-04-2016) | Daan (02-11-2019);05-03-2025;;;",
            "E2E-2;04-03-2025;jeugdteam;\"de Vries; Jansen\";Kogerveld;;Mila (02-02-2021);06-03-2025;20-04-2025;rvk-onderzoek;01-06-2025",
        ].joined(separator: "\r\n") + "\r\n").utf8).write(to: file)

        let dry = try Binary.run(["import", "--store", store, "--dry-run", file.path])
        #expect(dry.status == 0, "\(dry.output)")
        #expect(dry.output.contains("er is niets opgeslagen. Er zouden 2 zaken, 2 gezinnen en 3 kinderen worden toegevoegd"), "\(dry.output)")
        #expect(!FileManager.default.fileExists(atPath: store), "a dry run does not even create the store")
        // The import takes only medewerkers on the staff list: Sanne is put on it first.
        let staff = try Binary.run(["medewerkers", "toevoegen", "sanne", "--naam", "Sanne", "--store", store])
        #expect(staff.status == 0, "\(staff.output)")

        let first = try Binary.run(["import", "--store", store, file.path])
        #expect(first.status == 0, "\(first.output)")
        #expect(first.output.contains("Geïmporteerd uit zaken.csv: 2 zaken, 2 gezinnen en 3 kinderen toegevoegd."))
        let again = try Binary.run(["import", "--store", store, file.path])
        #expect(again.status == 0)
        #expect(again.output.contains("0 zaken, 0 gezinnen en 0 kinderen toegevoegd; 2 zaken stonden al in de opslag"))
        let dryAgain = try Binary.run(["import", "--store", store, "--dry-run", file.path])
        #expect(dryAgain.output.contains("Er zouden 0 zaken, 0 gezinnen en 0 kinderen worden toegevoegd; 2 zaken stonden al in de opslag"),
                "\(dryAgain.output)")

        let board = try Binary.run(["board", "--store", store, "--all"])
        let rvk = board.output.components(separatedBy: "\nRvK-onderzoek (").last ?? ""
        #expect(rvk.contains("E2E-2"), "\(board.output)")

        let export = directory.appendingPathComponent("export.csv").path
        let exported = try Binary.run(["export", "--store", store, "--format", "csv", "--out", export])
        #expect(exported.status == 0, "\(exported.output)")
        let text = String(decoding: try #require(FileManager.default.contents(atPath: export)).dropFirst(3), as: UTF8.self)
        #expect(text.contains("E2E-2;04-03-2025;Jeugdteam;\"de Vries; Jansen\";Kogerveld;;Mila (02-02-2021);06-03-2025;20-04-2025;rvk-onderzoek;01-06-2025\r\n"))
        let refused = try Binary.run(["exporteer", "--store", store, "--out", export])
        #expect(refused.status == 1)
        #expect(refused.output.contains("bestaat al en wordt niet overschreven"))

        let inzage = try Binary.run(["export", "--store", store, "--family", "E2E-1", "--format", "json"])
        #expect(inzage.status == 0, "\(inzage.output)")
        #expect(inzage.output.contains("\"inzage_geexporteerd\""))

        let copy = directory.appendingPathComponent("kopie.sqlite").path
        let backup = try Binary.run(["backup", "--store", store, copy])
        #expect(backup.status == 0, "\(backup.output)")
        #expect(backup.output.contains("Reservekopie van \(store) geschreven naar \(copy)"))
        let fromCopy = try Binary.run(["export", "--store", copy, "--format", "csv"])
        #expect(fromCopy.output.contains("E2E-1;03-03-2025;Veilig Thuis;Özdemir"))
        #expect(try Binary.run(["backup", "--store", store, copy]).status == 1, "no overwrite without --force")
        #expect(try Binary.run(["backup", "--store", store, copy, "--force"]).status == 0)
    }
}
