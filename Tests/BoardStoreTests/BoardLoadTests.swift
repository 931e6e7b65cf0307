import BoardCore
import Foundation
import GRDB
import Testing
@testable import BoardStore

/// Loading the board fast must load exactly the same cards.
@Suite("Loading the board in a large store")
struct BoardLoadTests {
    let today = day(2026, 3, 16)

    /// The two halves read at once hold every card exactly once, as one query does.
    @Test func twoHalvesAreTheWholeBoard() throws {
        let scratch = try ScratchDirectory()
        let store = try DemoStore.create(path: scratch.file("demo.sqlite"), families: 90, today: today, user: "demo")
        for since in [Optional(today.adding(days: -30).iso), nil] {
            let whole = try store.loadCards(since: since, parallelFrom: .max)
            let halves = try store.loadCards(since: since, parallelFrom: 2, sampleEvery: 1)
            #expect(!whole.isEmpty)
            #expect(halves.map(\.id).sorted() == whole.map(\.id).sorted())
            #expect(Set(halves.map(\.id)).count == halves.count, "no card twice")
            #expect(halves.sorted { $0.id < $1.id } == whole.sorted { $0.id < $1.id })
        }
    }

    /// `family_children` (kept by triggers) gives what counting the children gives, after every
    /// kind of change to them.
    @Test func childFiguresFollowEveryChange() throws {
        let scratch = try ScratchDirectory()
        let store = try DemoStore.create(path: scratch.file("demo.sqlite"), families: 30, today: today, user: "demo")
        func check(_ note: Comment) throws {
            let mismatches = try store.pool.read { db in
                try Int.fetchOne(db, sql: """
                    SELECT COUNT(*) FROM family f LEFT JOIN family_children fc ON fc.id = f.id
                    WHERE IFNULL(fc.child_count, 0) != (SELECT COUNT(*) FROM child WHERE family_id = f.id)
                       OR fc.youngest_birth_date IS NOT (SELECT MAX(birth_date) FROM child WHERE family_id = f.id)
                    """) ?? -1
            }
            #expect(mismatches == 0, note)
        }
        try check("after the demo")
        let id = try store.addReport(report("2026-9001"))
        try check("after a report")
        try store.pool.write { db in
            let family = try Int64.fetchOne(db, sql: "SELECT family_id FROM \"case\" WHERE id = ?", arguments: [id])!
            try db.execute(sql: "UPDATE child SET birth_date = '2025-12-31' WHERE family_id = ? AND id = (SELECT MIN(id) FROM child WHERE family_id = ?)",
                           arguments: [family, family])
            try db.execute(sql: "UPDATE child SET family_id = 1 WHERE id = (SELECT MAX(id) FROM child WHERE family_id = ?)", arguments: [family])
            try db.execute(sql: "DELETE FROM child WHERE family_id = ?", arguments: [family])
        }
        try check("after changing, moving and deleting children")
        let summary = try #require(try store.boardCases(today: today, closedWindowDays: nil).first { $0.id == id })
        #expect(summary.childCount == 0 && summary.youngestBirthDate == nil)
    }
}
