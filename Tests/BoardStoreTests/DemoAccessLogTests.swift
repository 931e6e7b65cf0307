import BoardCore
import Foundation
import GRDB
import Testing
@testable import BoardStore

@Suite("DemoAccessLog: demo cases are opened as real ones are")
struct DemoAccessLogTests {
    let today = day(2026, 3, 16)

    @Test func everyCaseHasTenToThirtyEventsInOrder() throws {
        let scratch = try ScratchDirectory()
        let store = try DemoStore.create(path: scratch.file("demo.sqlite"), families: 80, today: today, user: "beamer")
        let cases = try store.boardCases(today: today, closedWindowDays: nil)
        #expect(cases.count == 80)
        let users = Set(DemoAccessLog.logins + [DemoAccessLog.teamLead])
        var openingsSeen = 0
        for summary in cases {
            let events = try store.details(of: summary.id, logOpening: false).events
            #expect(DemoAccessLog.eventsPerCase.contains(events.count), "\(summary.kenmerk) has \(events.count) events")
            #expect(events.first?.kind == .aangemeld)
            // The log reads as it happened: ids in the order of recording.
            #expect(events.map(\.recordedAt) == events.map(\.recordedAt).sorted(), "\(summary.kenmerk)")
            for opening in events where opening.kind == .geopend {
                openingsSeen += 1
                #expect(users.contains(opening.user), "\(opening.user)")
                #expect(opening.day >= summary.reportedOn && opening.day <= today)
                #expect(opening.recordedAt.hasPrefix(opening.day.iso))
                #expect(opening.toStage == nil && opening.fromStage == nil && !opening.detail.isEmpty)
                if let closed = summary.closedDay { #expect(opening.day <= closed.adding(days: 14)) }
            }
        }
        #expect(openingsSeen > cases.count * 5)
    }

    /// A demo made at seven in the morning has no moment in its log or its records after seven (the
    /// moments of the day are drawn from office hours), and each case's log still reads in order.
    @Test func noMomentInTheLogLiesAfterNow() throws {
        let scratch = try ScratchDirectory()
        let today = day(2026, 12, 4)
        let now = "\(today.iso)T07:00:00.000Z"
        let store = try DemoStore.create(path: scratch.file("demo.sqlite"), families: 30, today: today, user: "beamer", now: now)
        let latest = try store.pool.read { db in try String.fetchOne(db, sql: "SELECT MAX(recorded_at) FROM event WHERE case_id IS NOT NULL") }
        #expect(try #require(latest) <= now)
        // The dossier's records too: a note of today at half past ten would be one from the future.
        for table in ["note", "assessment", "joint_plan", "plan_intensity", "plan_hours", "plan_evaluation"] {
            let later = try store.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE recorded_at > ?", arguments: [now]) ?? 0
            }
            #expect(later == 0, "\(table)")
        }
        for summary in try store.boardCases(today: today, closedWindowDays: nil) {
            let events = try store.details(of: summary.id, logOpening: false).events
            #expect(events.map(\.recordedAt) == events.map(\.recordedAt).sorted(), "\(summary.kenmerk)")
        }
    }

    @Test func sameSeedSameLog() throws {
        let plans = DemoPlanner.plan(families: 30, seed: 11, today: today)
        for (number, plan) in plans.enumerated() {
            let first = DemoAccessLog.openings(for: plan, number: number, seed: 11, today: today)
            #expect(first == DemoAccessLog.openings(for: plan, number: number, seed: 11, today: today))
            #expect(first.allSatisfy { $0.recordedAt > plan.recordedAt }, "opened only after the report was recorded")
        }
        let other = DemoAccessLog.openings(for: plans[0], number: 0, seed: 12, today: today)
        #expect(other != DemoAccessLog.openings(for: plans[0], number: 0, seed: 11, today: today))
    }

    @Test func loginsAreLowercaseAscii() {
        #expect(DemoAccessLog.login("Anouk de Wit") == "adewit")
        #expect(DemoAccessLog.login("Mehmet Aydın") == "maydin")
        #expect(DemoAccessLog.login("Kevin Tjon A Fong") == "ktjonafong")
        #expect(DemoAccessLog.minuteOfDay("2026-03-16T09:41:07.000Z") == 581)
    }
}
