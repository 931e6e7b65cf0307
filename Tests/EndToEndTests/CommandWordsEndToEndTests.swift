import Foundation
import Testing

/// The command line's words, through the real binary: what a user types gets a Dutch answer, a
/// count in the singular where it is one, and the demo's log reads as a real one.
@Suite("The command line's words")
struct CommandWordsEndToEndTests {
    @Test func anInzageIsJSONWithoutAskingForIt() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try ReportCommandTests.makeStore(in: directory)
        let result = try Binary.run(["export", "--store", store, "--family", "R-1"])
        #expect(result.status == 0, "\(result.output)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(object["soort"] as? String == "inzage gezinsdossier")
        #expect((object["gezin"] as? [String: Any])?.keys.contains("verwijderd_op") == true)
        let csv = try Binary.run(["export", "--store", store, "--family", "R-1", "--format", "csv"])
        #expect(csv.status != 0 && csv.output.contains("alleen als JSON"), "\(csv.output)")
    }

    @Test func aYearThatHasNotBegunIsRefused() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try ReportCommandTests.makeStore(in: directory)
        let next = Calendar(identifier: .gregorian).component(.year, from: Date()) + 1
        for year in [next, 2030 > next ? 2030 : next + 3] {
            let result = try Binary.run(["report", "--store", store, "--year", String(year)])
            #expect(result.status == 1, "\(result.output)")
            #expect(result.output.contains("\(year) is nog niet begonnen"), "\(result.output)")
        }
    }
}
