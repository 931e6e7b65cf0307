import BoardCore
import Foundation
import GRDB
import PostgresTestSupport
import Testing
@testable import BoardStore

/// The store's rules over either database (StoreDatabase.swift): the same SQL, with what differs
/// settled in one place per database.
@Suite struct StoreDatabaseTests {
    @Test func parametersAreNumberedOutsideLiteralsQuotedNamesAndComments() {
        let sql = """
            SELECT '?', "a?b", x FROM t -- why?
            WHERE a = ? AND b = 'it''s ?' AND c IN (?, ?)
            """
        #expect(PostgresStoreDatabase.numberingParameters(sql) == """
            SELECT '?', "a?b", x FROM t -- why?
            WHERE a = $1 AND b = 'it''s ?' AND c IN ($2, $3)
            """)
    }

    @Test func serverTimesAreReadBackInTheFileStoresText() {
        #expect(PostgresStoreDatabase.fileTimestamp("2026-12-04 21:17:37.123+00") == "2026-12-04T21:17:37.123Z")
        #expect(PostgresStoreDatabase.fileTimestamp("2026-12-04 21:17:37.1+00") == "2026-12-04T21:17:37.100Z")
        #expect(PostgresStoreDatabase.fileTimestamp("2026-12-04 21:17:37+00") == "2026-12-04T21:17:37.000Z")
        #expect(PostgresStoreDatabase.fileTimestamp("2026-12-04 21:17:37.123456+00") == "2026-12-04T21:17:37.123Z")
    }

    /// The file store hands `scan`'s rows over in place (SQLRow.swift): each value reads as the
    /// copy that `rows` keeps, and the kept copies stay true after the same statement runs again.
    @Test func aScansRowsReadAsTheCopiesThatAreKept() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (n INTEGER, x REAL, s TEXT, b BLOB)")
            try db.execute(sql: "INSERT INTO t VALUES (1, 0.5, 'één', x'00ff'), (2, NULL, '', x''), (NULL, 2, 'twee', NULL)")
            let sql = "SELECT n, x, s, b FROM t WHERE rowid <= ? ORDER BY rowid"
            var inPlace: [[SQLValue]] = []
            try db.forEachRow(sql: sql, arguments: [3]) { row in
                inPlace.append(row.columns.names.indices.map { row.isNull($0) ? .null : row.value($0) })
            }
            let kept = try db.rows(sql: sql, arguments: [3])
            let first = try #require(try db.row(sql: sql, arguments: [1]))
            // The cached statement runs again, on other rows, before the kept ones are read.
            _ = try db.rows(sql: sql, arguments: [2])
            #expect(inPlace.count == 3)
            #expect(kept.map(\.values) == inPlace)
            #expect(first.values == inPlace[0])
            #expect(kept.map { $0["s"] as String } == ["één", "", "twee"])
            #expect(kept.map { $0[3] as [UInt8]? } == [[0, 255], [], nil])
        }
    }

    /// A row kept past its turn would read whatever row the statement is on by then: it stops the
    /// program instead.
    @Test func readingARowAfterItsScanMovedOnIsAFault() async {
        await #expect(processExitsWith: .failure) {
            let queue = try DatabaseQueue()
            try queue.write { db in
                try db.execute(sql: "CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2)")
                var first: SQLRow?
                try db.forEachRow(sql: "SELECT n FROM t ORDER BY n") { row in first = first ?? row }
                _ = first.map { $0[0] as Int64 }
            }
        }
    }

    /// The board's cards, the plans, the export's records, the staff list, the next kenmerk and
    /// the log's head: read by the same code from a file store and from its copy on a server.
    @Test(.needsServer) func theRulesReadTheSameFromAFileStoreAndItsCopyOnAServer() throws {
        let scratch = try ScratchDirectory()
        let store = try DemoStore.create(path: scratch.file("demo.sqlite"), families: 60, seed: 3, today: day(2026, 12, 4), user: "demo")
        let address = try #require(try ServerAddress(TestCluster.shared.makeDatabase(name: "regels")))
        try store.backup(toServer: address)
        let server = PostgresStoreDatabase(try ServerConnection.open(address))

        func both<T: Equatable>(_ read: (any StoreDatabase) throws -> T) throws -> (file: T, server: T) {
            (try store.read(read), try read(server))
        }
        // In no particular order (each database reads by its own index and joins by its own plan): the board sorts.
        let cards = try both { try Store.cards($0, where: "1 = 1", arguments: []).sorted { $0.id < $1.id } }
        #expect(cards.file.count > 50)
        #expect(cards.server == cards.file)
        let open = try both { try Store.cards($0, where: "(c.closed_on IS NULL OR c.closed_on >= ?)", arguments: ["2026-11-01"]).sorted { $0.id < $1.id } }
        #expect(!open.file.isEmpty && open.server == open.file)
        let plans = try both { try Store.loadPlans($0, where: "1 = 1", arguments: []) }
        #expect(!plans.file.isEmpty && plans.server == plans.file)
        let records = try both { try Store.caseRecords($0, whereClause: nil, arguments: []) }
        #expect(records.server == records.file)
        let staff = try both { try Store.staffDirectory($0) }
        #expect(staff.server == staff.file)
        let kenmerk = try both { try Store.highestKenmerkNumber($0, prefix: "2026-") }
        #expect(kenmerk.file > 0 && kenmerk.server == kenmerk.file)
        let head = try both { try EventLog.head($0) }
        #expect(head.file != nil && head.server == head.file)
    }

    /// An event appended on the server by the chain's own code continues the chain that the file
    /// store began: copied back into a file, `check` passes and the head is the new event.
    @Test(.needsServer) func anEventAppendedOnTheServerContinuesTheChain() throws {
        let scratch = try ScratchDirectory()
        let store = try DemoStore.create(path: scratch.file("demo.sqlite"), families: 10, seed: 4, today: day(2026, 12, 4), user: "demo")
        let address = try #require(try ServerAddress(TestCluster.shared.makeDatabase(name: "keten")))
        try store.backup(toServer: address)
        let connection = try ServerConnection.open(address)
        let server = PostgresStoreDatabase(connection)
        let before = try #require(try EventLog.head(server))
        let memory = TransactionMemory()
        try connection.transaction {
            server.beginRecording(memory)
            try EventLog.append(server, memory: memory, caseID: nil, familyID: nil, recordedAt: Clock.timestamp(), user: "demo",
                                kind: EventKind.geopend.rawValue, from: nil, to: nil, day: "2026-12-04", detail: "overzicht", records: [])
        }
        memory.forget()
        let after = try #require(try EventLog.head(server))
        #expect(after.id == before.id + 1 && after.hash != before.hash)

        let copyPath = scratch.file("terug.sqlite")
        try ServerToFileBackup.backup(address, to: copyPath, overwrite: false)
        let report = try IntegrityCheck.run(path: copyPath)
        #expect(report.isHealthy, "\(report.sections.filter { !$0.isHealthy }.map(\.summary))")
        #expect(try Store(path: copyPath, user: "demo").chainHead() == after)
    }
}
