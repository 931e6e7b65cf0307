import Foundation
import Testing
@testable import BoardCore

@Suite("LocalTime: a stored UTC moment in the user's own zone")
struct LocalTimeTests {
    static let amsterdam = LocalTime(zone: TimeZone(identifier: "Europe/Amsterdam")!)

    @Test func winterAndSummerTimeInAmsterdam() {
        #expect(Self.amsterdam.text("2026-12-04T13:30:05.123Z") == "04-12-2026 14:30", "CET is UTC+1")
        #expect(Self.amsterdam.text("2026-07-01T13:30:00.000Z") == "01-07-2026 15:30", "CEST is UTC+2")
    }

    @Test func theDaySwitchesAtLocalMidnight() {
        #expect(Self.amsterdam.text("2026-12-31T23:30:00.000Z") == "01-01-2027 00:30")
        let newYork = LocalTime(zone: TimeZone(identifier: "America/New_York")!)
        #expect(newYork.text("2027-01-01T02:15:00.000Z") == "31-12-2026 21:15")
    }

    @Test func theChangeToSummerTimeIsTakenAtItsMoment() {
        // Clocks go forward at 01:00 UTC on 29 March 2026.
        #expect(Self.amsterdam.text("2026-03-29T00:59:00.000Z") == "29-03-2026 01:59")
        #expect(Self.amsterdam.text("2026-03-29T01:00:00.000Z") == "29-03-2026 03:00")
    }

    @Test func utcStaysAsStored() {
        #expect(LocalTime(zone: TimeZone(identifier: "UTC")!).text("2026-12-04T13:30:05.123Z") == "04-12-2026 13:30")
    }

    @Test("what is not a stored moment is shown as it is", arguments: ["geen tijd", "", "2026-12-04", "2026-12-04T25:00:00Z"])
    func notAMoment(text: String) {
        #expect(Self.amsterdam.text(text) == text)
    }
}
