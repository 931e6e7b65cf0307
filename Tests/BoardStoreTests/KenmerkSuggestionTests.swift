import BoardCore
import Foundation
import GRDB
import Testing
@testable import BoardStore

/// The suggestion reads the highest number from the end of an index; it must give what parsing
/// every kenmerk of the year (prefix, then only digits) gives, also for kenmerken typed by hand.
@Suite("Kenmerk suggestion from the index")
struct KenmerkSuggestionTests {
    func highest(_ kenmerken: [String], prefix: String = "2025-", on kind: StoreKind) throws -> Int {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let store = try place.open(as: "anouk")
        // Stored the way a store from before the kenmerk rule (InputText) may hold them.
        for (index, kenmerk) in kenmerken.enumerated() {
            try store.addReport(report("X-\(index)"))
            try place.tamper("UPDATE \"case\" SET kenmerk = '\(kenmerk)' WHERE kenmerk = 'X-\(index)'")
        }
        let fromIndex = try store.read { db in try Store.highestKenmerkNumber(db, prefix: prefix) }
        let plain = kenmerken.filter { $0.hasPrefix(prefix) }.map { $0.dropFirst(prefix.count) }
            .filter { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }.compactMap { Int($0) }.max() ?? 0
        #expect(fromIndex == plain, "\(kenmerken)")
        return fromIndex
    }

    @Test(arguments: StoreKind.all) func sameAsParsingEveryKenmerk(_ kind: StoreKind) throws {
        #expect(try highest([], on: kind) == 0)
        #expect(try highest(["2025-0001", "2025-0007", "2024-0100"], on: kind) == 7)
        #expect(try highest(["2025-9999", "2025-10000", "2025-0500"], on: kind) == 10000)
        #expect(try highest(["2025-60452", "2025-9999", "2025-1"], on: kind) == 60452)
        #expect(try highest(["2025-00042", "2025-0041"], on: kind) == 42, "leading zeros make a long kenmerk small")
        #expect(try highest(["2025-000041", "2025-0042", "2025-7"], on: kind) == 42)
        #expect(try highest(["2025-VT12", "2025-99a9", "2025-0003"], on: kind) == 3, "suffixes that are no number are skipped")
        #expect(try highest(["2025-+120", "2025--900", "2025-0100"], on: kind) == 100, "only digits make a kenmerk number")
        #expect(try highest(["12025-0050", "2025-0002"], on: kind) == 2, "another year's prefix is not this year")
        #expect(try highest(["2025-0003"], prefix: "2026-", on: kind) == 0)
    }

    /// The walk reads a page of kenmerken at a time: more odd ones than fit on a page before
    /// the first number, and more numbers of one length than a page (a leading zero makes the
    /// longest ones small), carry it on to the next pages.
    @Test(arguments: StoreKind.all) func theWalkGoesOnPastAPage(_ kind: StoreKind) throws {
        let odd = (1...70).map { "2025-VT\(String(format: "%03d", $0))" }
        #expect(try highest(odd + ["2025-0007"], on: kind) == 7)
        let zeros = (1...70).map { "2025-0\(String(format: "%04d", $0))" }
        #expect(try highest(zeros + ["2025-0071"], on: kind) == 71)
    }

    /// SQLite's query plan: the server's planner chooses for itself.
    @Test func theIndexIsUsed() throws {
        let scratch = try ScratchDirectory()
        let store = try Store(path: scratch.file("bord.sqlite"), user: "anouk")
        let plan = try store.pool.read { db in
            try String.fetchAll(db, sql: """
                EXPLAIN QUERY PLAN SELECT kenmerk FROM "case" WHERE substr(kenmerk, 1, 5) = '2025-'
                ORDER BY length(kenmerk) DESC, kenmerk DESC
                """, adapter: SuffixRowAdapter(fromIndex: 3))
        }
        #expect(plan.contains { $0.contains("case_by_kenmerk_number") }, "\(plan)")
    }
}
