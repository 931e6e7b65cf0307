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

    /// Every line of the demo's log lies in the past, and `audit` lists them oldest first.
    @Test func theDemoLogIsInThePastAndInTimeOrder() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try makeDemoStore(in: directory, families: 40)
        let result = try Binary.run(["audit", "--store", store])
        #expect(result.status == 0)
        // Local `dd-mm-jjjj hh:mm` as `jjjjmmddhhmm`, comparable as text.
        func sortable(_ moment: String) -> String? {
            let parts = moment.split(whereSeparator: { $0 == "-" || $0 == " " || $0 == ":" }).map(String.init)
            guard parts.count == 5, parts.allSatisfy({ Int($0) != nil }) else { return nil }
            return parts[2] + parts[1] + parts[0] + parts[3] + parts[4]
        }
        let moments = result.output.split(separator: "\n").dropFirst().compactMap { sortable(String($0.prefix(16))) }
        #expect(moments.count > 400)
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyyMMddHHmm"
        let now = formatter.string(from: Date())
        #expect(moments.allSatisfy { $0 <= now }, "later than now: \(moments.filter { $0 > now }.prefix(5))")
        let unordered = zip(moments, moments.dropFirst()).filter { $0 > $1 }
        #expect(unordered.isEmpty, "out of order: \(unordered.prefix(5))")
    }
}
