import BoardCore
import Foundation
import GRDB
import Testing
@testable import BoardStore

/// A large import sets the indexes of the tables it fills aside and builds them again at its end
/// (`DeferredIndexes`): the store must come out exactly as an import that kept them.
@Suite("Import: indexes built afterwards")
struct DeferredIndexesTests {
    static let today = day(2025, 6, 30)
    static let header = "kenmerk;aangemeld_op;bron;gezin;wijk;medewerker;kinderen;onderzoek_op;beschermtafel_op;uitkomst;uitkomst_op"

    static func rows(_ numbers: ClosedRange<Int>) -> [ImportRow] {
        let text = ([header] + numbers.map(ImportBatchTests.line)).joined(separator: "\n")
        return CaseImporter.parse(data: Data(text.utf8), today: today).rows
    }

    /// Every index and trigger, as the store defines it.
    static func schema(_ store: Store) throws -> [String] {
        try store.pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT type || ' ' || name || ' ON ' || tbl_name || ': ' || IFNULL(sql, '-') FROM sqlite_master
                WHERE type IN ('index', 'trigger') ORDER BY name
                """)
        }
    }

    /// Two stores that already hold 60 cases, then 150 more imported into each: one with the
    /// indexes kept, one with them set aside. Same rows, same schema, and the family summary of
    /// the families that were already there is left as it was.
    @Test func settingAsideStoresWhatKeepingStores() throws {
        let scratch = try ScratchDirectory()
        var stores: [Store] = []
        for (name, deferIndexes) in [("kept.sqlite", false), ("aside.sqlite", true)] {
            let store = try storeWithSanne(path: scratch.file(name))
            _ = try store.importRows(Self.rows(1...60), origin: "eerst.csv")
            var handedOut = false
            let result = try store.importRows(origin: "zaken.csv", expectedRows: 150, deferIndexes: deferIndexes) {
                defer { handedOut = true }
                return handedOut ? nil : Self.rows(61...210)
            }
            #expect(result.cases == 150)
            stores.append(store)
        }
        let (kept, aside) = (stores[0], stores[1])
        let content = try ImportBatchTests.content(kept)
        #expect(content.filter { $0.hasPrefix("kinderen ") }.count == 210, "every family has a child")
        #expect(try ImportBatchTests.content(aside) == content)
        #expect(try Self.schema(aside) == (try Self.schema(kept)))
        #expect(try Self.schema(aside).contains { $0.hasPrefix("trigger \(FamilyChildSummary.insertTrigger) ") })
        let chain = try aside.pool.read { db in try EventLog.verify(db) }
        #expect(chain.breaks == 0 && chain.events == content.filter { $0.hasPrefix("gebeurtenis ") }.count)
        #expect(try IntegrityCheck.run(path: scratch.file("aside.sqlite")).isHealthy)
    }

    /// After the import, the rebuilt trigger keeps the summary again, and the rebuilt indexes serve.
    @Test func whatWasSetAsideWorksAfterwards() throws {
        let scratch = try ScratchDirectory()
        let store = try storeWithSanne(path: scratch.file("bord.sqlite"))
        var handedOut = false
        _ = try store.importRows(origin: "zaken.csv", expectedRows: 30, deferIndexes: true) {
            defer { handedOut = true }
            return handedOut ? nil : Self.rows(1...30)
        }
        try store.pool.write { db in
            let family = try Int64.fetchOne(db, sql: "SELECT family_id FROM \"case\" WHERE kenmerk = 'B-3'")!
            try db.execute(sql: "INSERT INTO child (family_id, first_name, birth_date) VALUES (?, 'Nina', '2024-01-01')", arguments: [family])
            let summary = try Row.fetchOne(db, sql: "SELECT child_count, youngest_birth_date FROM family_children WHERE id = ?", arguments: [family])
            #expect(summary?[0] == 2 && summary?[1] == "2024-01-01", "B-3 had one child; the trigger counts the new one")
            let plan = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT id FROM event WHERE case_id = 7 ORDER BY id")
                .map { $0["detail"] as String }
            #expect(plan.contains { $0.contains("event_by_case") || $0.contains("event_moves_covering") }, "\(plan)")
        }
        #expect(try store.boardCases(today: Self.today, closedWindowDays: nil).count == 30)
    }

    /// An error after rows were written: the rollback brings back the indexes with the rows.
    @Test func aRollbackKeepsTheIndexes() throws {
        struct Broken: Error {}
        let scratch = try ScratchDirectory()
        let store = try storeWithSanne(path: scratch.file("bord.sqlite"))
        _ = try store.importRows(Self.rows(1...10), origin: "eerst.csv")
        let (schema, content) = (try Self.schema(store), try ImportBatchTests.content(store))
        var batches = 0
        #expect(throws: (any Error).self) {
            try store.importRows(origin: "zaken.csv", expectedRows: 100, deferIndexes: true) {
                batches += 1
                if batches == 3 { throw Broken() }
                return Self.rows((batches * 20 + 1)...(batches * 20 + 20))
            }
        }
        #expect(try Self.schema(store) == schema)
        #expect(try ImportBatchTests.content(store) == content)
    }

    static func schemaVersion(_ store: Store) throws -> Int {
        try store.pool.read { db in try Int.fetchOne(db, sql: "PRAGMA schema_version")! }
    }

    /// The same file again adds nothing and changes no index (every DROP and CREATE would bump
    /// the schema version); the same file with a few new rows at the end adds those, indexes kept.
    @Test func importingAFileAgainLeavesTheIndexesAlone() throws {
        let scratch = try ScratchDirectory()
        let store = try storeWithSanne(path: scratch.file("bord.sqlite"))
        _ = try store.importRows(Self.rows(1...50), origin: "zaken.csv")
        let version = try Self.schemaVersion(store)

        let again = try store.importRows(Self.rows(1...50), origin: "zaken.csv")
        #expect(again.cases == 0 && again.skipped.count == 50)
        #expect(try Self.schemaVersion(store) == version)

        let grown = try store.importRows(Self.rows(1...55), origin: "zaken.csv")
        #expect(grown.cases == 5 && grown.skipped.count == 50)
        #expect(try Self.schemaVersion(store) == version, "5 new rows against 50 cases: kept")
    }

    @Test func onlyAnImportAsLargeAsTheStoreSetsThemAside() {
        #expect(DeferredIndexes.pays(expectedRows: 10_000, storedCases: 0))
        #expect(DeferredIndexes.pays(expectedRows: 10_000, storedCases: 10_000))
        #expect(!DeferredIndexes.pays(expectedRows: 1_000, storedCases: 10_000))
        #expect(!DeferredIndexes.pays(expectedRows: 0, storedCases: 0))
    }

    @Test(arguments: [
        ("", 0), ("kenmerk;gezin", 0), ("kenmerk;gezin\n", 0), ("kenmerk;gezin\r\nA;B", 1),
        ("kenmerk;gezin\r\nA;B\r\n", 1), ("kenmerk;gezin\nA;B\nC;D", 2),
    ])
    func theRowsAreCountedBeforeReading(text: String, rows: Int) {
        #expect(ImportPipeline.estimatedRows(in: Data(text.utf8)) == rows)
    }
}
