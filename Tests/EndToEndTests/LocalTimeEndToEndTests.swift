import Foundation
import GRDB
import Testing

/// One clock for people (issue 18, point 11) with the real binary: under TZ=Europe/Amsterdam the
/// family page's timeline and `audit` name a report's moment the same way, in Amsterdam time.
@Suite(.serialized) struct LocalTimeEndToEndTests {
    @Test func theTimelineAndAuditNameTheSameMomentInTheUsersZone() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try storeWithOneImportedReport(in: directory)
        let recordedAt = try #require(try DatabaseQueue(path: store).read { db in
            try String.fetchOne(db, sql: "SELECT recorded_at FROM event WHERE kind = 'aangemeld'")
        })
        let amsterdam = try Self.shown(recordedAt, in: "Europe/Amsterdam")
        #expect(amsterdam != (try Self.shown(recordedAt, in: "UTC")))

        let zone = ["TZ": "Europe/Amsterdam"]
        let audit = try Binary.run(["audit", "--store", store], environment: zone)
        #expect(audit.status == 0)
        #expect(audit.output.contains(amsterdam), "\(audit.output)")

        let session = try TmuxSession(command: [Binary.path, "--store", store], width: 80, height: 24, directory: directory, environment: zone)
        try session.waitFor(text: "Zwanenburg")
        try session.send("Enter")
        try session.waitFor(text: "Quirijn")
        try session.send("2")
        let timeline = try session.waitFor(text: "vastgelegd \(amsterdam)")
        #expect(!timeline.contains("UTC"))
        try session.send("q")
    }

    /// A stored UTC moment as a person in `zone` reads it, by Foundation's own calendar.
    static func shown(_ recordedAt: String, in zone: String) throws -> String {
        let parser = ISO8601DateFormatter()
        parser.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let date = try #require(parser.date(from: recordedAt))
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: zone)
        formatter.dateFormat = "dd-MM-yyyy HH:mm"
        return formatter.string(from: date)
    }
}
