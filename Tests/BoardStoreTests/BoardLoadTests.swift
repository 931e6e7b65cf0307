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
            let whole = try store.file.loadCards(since: since, parallelFrom: .max)
            let halves = try store.file.loadCards(since: since, parallelFrom: 2, sampleEvery: 1)
            #expect(!whole.isEmpty)
            #expect(halves.map(\.id).sorted() == whole.map(\.id).sorted())
            #expect(Set(halves.map(\.id)).count == halves.count, "no card twice")
            #expect(halves.sorted { $0.id < $1.id } == whole.sorted { $0.id < $1.id })
        }
    }

    /// The first frame's preview holds each column's first cards in the board's order and every
    /// column's count, as the whole board does: also where cards tie on both days (the kenmerk
    /// decides, not the order of recording) and for cases closed just inside and outside the window;
    /// on both stores, whose SQL for it differs.
    @Test(arguments: StoreKind.all, [1, 3, 1_000])
    func previewIsTheStartOfTheWholeBoard(_ kind: StoreKind, perColumn: Int) throws {
        let scratch = try ScratchDirectory()
        let store: Store
        switch kind {
        case .file:
            store = try DemoStore.create(path: scratch.file("demo.sqlite"), families: 120, today: today, user: "demo")
        case .server:
            let address = try ServerStoreSetupTests.emptyDatabase()
            _ = try DemoStore.create(server: address, families: 120, today: today, now: "2026-03-16T08:00:00.000Z")
            store = try Store(server: address)
        }
        // Recorded against kenmerk order, on one old day: the first cards of Aangemeld, tied.
        for kenmerk in ["2020-0003", "2020-0001", "2020-0002"] {
            try store.addReport(report(kenmerk, reportedOn: day(2020, 1, 6)))
        }
        let window = try store.norms().closedWindowDays
        let whole = BoardColumns(cases: try store.boardCases(today: today, closedWindowDays: window), today: today, closedWindowDays: window)
        let preview = try store.boardPreview(today: today, closedWindowDays: window, perColumn: perColumn)
        let previewed = BoardColumns(cases: preview.cards, today: today, closedWindowDays: window)
        #expect(whole[.aangemeld].prefix(3).map(\.kenmerk) == ["2020-0001", "2020-0002", "2020-0003"])
        #expect(whole[.veiligheidGewaarborgd].count > 0, "the demo has cases in the closed window")
        for stage in Stage.allCases {
            #expect(preview.columnCounts[stage, default: 0] == whole[stage].count, "\(stage)")
            #expect(preview.openCounts[stage, default: 0] == whole[stage].filter { $0.closedDay == nil }.count, "\(stage)")
            #expect(Array(previewed[stage].prefix(perColumn)) == Array(whole[stage].prefix(perColumn)), "\(stage)")
        }
        #expect(preview.cards.count <= Stage.allCases.count * 2 * perColumn)
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
