import BoardCore
import BoardSession
import BoardStore
import BoardUI
import Foundation
import Testing

/// One clock for people (issue 18, point 11): the timeline, the Journaal and the log view name a
/// recorded moment in the user's zone, in one format, whatever zone the machine runs in.
@Suite struct LocalTimeSessionTests {
    let today = Clock.today()

    @Test func theTimelineTheJournaalAndTheLogSayTheSameLocalTime() throws {
        let store = try TestStore()
        let id = try store.addReport("2026-0001", family: "Jansen", reportedOn: today.adding(days: -2))
        try store.store.apply(.addNote(id, Note(text: "Huisbezoek gepland")), today: today)
        let events = try store.open().details(of: id, logOpening: false).events
        let reported = try #require(events.first { $0.kind == .aangemeld }).recordedAt
        let noted = try #require(events.last).recordedAt
        let amsterdam = LocalTime(zone: TimeZone(identifier: "Europe/Amsterdam")!)
        let inUTC = LocalTime(zone: TimeZone(identifier: "UTC")!)
        #expect(amsterdam.text(reported) != inUTC.text(reported), "Amsterdam is never at UTC")

        let core = SessionCore(store: store.store, width: 100, height: 30, clock: TestClock(day: today, zone: "Europe/Amsterdam"))
        core.start()
        core.dispatch(.key(.enter))
        core.dispatch(.key(.character("2")))
        let timeline = core.render().screen.text
        #expect(timeline.contains("vastgelegd \(amsterdam.text(reported))"), "\(timeline)")
        #expect(!timeline.contains("UTC"))

        core.dispatch(.key(.character("4")))
        let journaal = core.render().screen.text
        #expect(journaal.contains("notitie 1 · \(amsterdam.text(noted))"), "\(journaal)")

        core.dispatch(.key(.escape))
        core.dispatch(.key(.character("L")))
        let log = core.render().screen.text
        #expect(log.contains(amsterdam.text(reported)), "\(log)")
    }
}
