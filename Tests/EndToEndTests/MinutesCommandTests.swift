import Foundation
import Testing

/// `beschermbord notulen` with bad input: a Dutch message, exit code 1, and no store made. (The
/// minutes of a real meeting: AgendaEndToEndTests.)
@Suite struct MinutesCommandTests {
    @Test(arguments: [("31-02-2026", "--datum: ‘31-02-2026’ bestaat niet als datum."), ("morgen", "--datum: ‘morgen’ is geen datum; typ dd-mm-jjjj."), ("01-01-2999", "--datum: ‘01-01-2999’ ligt niet tussen")])
    func aWrongDateIsRefusedInDutch(date: String, message: String) throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try makeDemoStore(in: directory, families: 3)
        let result = try Binary.run(["notulen", "--store", store, "--datum", date])
        #expect(result.status == 1)
        #expect(result.output.contains(message), "\(result.output)")
    }

    @Test func aStoreThatIsNotThereIsNotMade() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("bestaat-niet.sqlite").path
        let result = try Binary.run(["notulen", "--store", missing])
        #expect(result.status == 1 && result.output.contains("bestaat niet"), "\(result.output)")
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    @Test func aDayWithoutAMeetingSaysSo() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try makeDemoStore(in: directory, families: 3)
        let result = try Binary.run(["notulen", "--store", store, "--datum", "01-01-2020"])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("# Teamoverleg 01-01-2020: besluiten\n\nOp 01-01-2020 is geen besluit over een zaak vastgelegd."))
    }
}
