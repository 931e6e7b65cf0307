import Foundation
import Testing

/// Input that the commands must refuse (issue 14), through the real binary: a Dutch message,
/// exit code 1 (or ArgumentParser's 64 for a bad option value), and nothing stored.
@Suite("Refused input on the command line", .serialized)
struct RefusedInputEndToEndTests {
    /// The last year a date may lie in: next year, by the machine's clock as the binary reads it.
    static var nextYear: Int { Calendar(identifier: .gregorian).component(.year, from: Date()) + 1 }

    @Test func datesOnTheCommandLineLieBetween1900AndNextYear() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try makeDemoStore(in: directory, families: 2)
        let range = "ligt niet tussen 1900 en \(Self.nextYear); controleer het jaar"
        let from = try Binary.run(["report", "--store", store, "--from", "01-01-0025"])
        #expect(from.status == 1 && from.output.contains("--from: ‘01-01-0025’ \(range)."), "\(from.output)")
        let to = try Binary.run(["report", "--store", store, "--from", "01-01-2025", "--to", "31-12-9999"])
        #expect(to.status == 1 && to.output.contains("--to: ‘31-12-9999’ \(range)."), "\(to.output)")
        let year = try Binary.run(["report", "--store", store, "--year", "\(Self.nextYear + 1)"])
        #expect(year.status == 1 && year.output.contains("\(Self.nextYear + 1) is nog niet begonnen"), "\(year.output)")
        let since = try Binary.run(["audit", "--store", store, "--since", "01-01-1899"])
        #expect(since.status == 64 && since.output.contains("--since: ‘01-01-1899’ \(range)."), "\(since.output)")
    }

    @Test func kenmerkenOnTheCommandLineAreCheckedAsAtInput() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try makeDemoStore(in: directory, families: 2)
        let lookAlike = "Z-0001\u{200B}"
        for arguments in [["export", "--format", "json", "--family", lookAlike], ["retention", "--family", lookAlike],
                          ["audit", "--family", lookAlike]] {
            let result = try Binary.run(arguments + ["--store", store])
            #expect(result.status == 1, "\(arguments[0]): \(result.output)")
            #expect(result.output.contains("bevat een onzichtbaar teken (U+200B) op plaats 7"), "\(arguments[0]): \(result.output)")
        }
        let staff = try Binary.run(["medewerkers", "toevoegen", "piet", "--naam", "Piet\u{202E}reeJ", "--store", store])
        #expect(staff.status == 1 && staff.output.contains("De weergavenaam bevat een onzichtbaar teken (U+202E) op plaats 5"), "\(staff.output)")
    }

    /// A header of 100,000 unknown columns is one line on the screen, not one per column.
    @Test func manyUnknownColumnsAreOneLine() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("bord.sqlite").path
        let file = directory.appendingPathComponent("zaken.csv")
        let unknown = (1...100_000).map { "kolom\($0)" }.joined(separator: ";")
        try Data("kenmerk;aangemeld_op;bron;gezin;kinderen;\(unknown)\r\nA-1;03-03-2025;Veilig Thuis;de Vries;Zoë (12-04-2016)\r\n".utf8).write(to: file)
        let result = try Binary.run(["import", "--store", store, file.path])
        #expect(result.status == 0, "\(result.output.prefix(500))")
        #expect(result.output.split(separator: "\n").count == 2, "\(result.output.prefix(500))")
        #expect(result.output.contains("100000 onbekende kolommen worden genegeerd, waaronder ‘kolom1’, ‘kolom2’, ‘kolom3’, ‘kolom4’, ‘kolom5’."))
    }

    /// A store path is the user's own text, and every command's error that names it reaches the
    /// terminal through the one place that says command errors: cleaned of escape sequences and
    /// controls, which could otherwise retitle or recolour the terminal.
    @Test func errorsNamingTheStorePathCarryNoEscapeSequences() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("\u{1B}]2;gekaapt\u{07}.sqlite").path
        try Data("geen opslag".utf8).write(to: URL(fileURLWithPath: store))
        let said = "beschermbord: \(directory.path)/]2;gekaapt.sqlite is geen Beschermbord-opslag (het is geen SQLite-bestand)."
        for arguments in [["board"], ["audit"], ["check"], ["retention"], ["instellingen"], ["medewerkers"], ["_schrijftest"],
                          ["export"], ["report"], ["backup", directory.appendingPathComponent("kopie.sqlite").path]] {
            let result = try Binary.run(arguments + ["--store", store])
            #expect(result.status == 1, "\(arguments[0]): \(result.output)")
            #expect(result.output.hasPrefix(said), "\(arguments[0]): \(result.output.debugDescription)")
            #expect(!result.output.contains("\u{1B}") && !result.output.contains("\u{07}"), "\(arguments[0]): \(result.output.debugDescription)")
        }
        #expect(try String(contentsOfFile: store, encoding: .utf8) == "geen opslag")
    }
}
