import Foundation
import GRDB
import PostgresClient
import PostgresTestSupport
import Testing
@testable import BoardStore

/// `backup` from a file store into a server database: every row, the log's hashes and times
/// unchanged, all or nothing, and never over a store that holds anything.
@Suite struct ServerBackupTests {
    @Test(.needsServer) func everyRowOfADemoStoreArrivesWithItsIdsHashesDaysAndTimes() throws {
        let scratch = try ScratchDirectory()
        let store = try DemoStore.create(path: scratch.file("demo.sqlite"), families: 40, seed: 11, today: day(2026, 12, 4), user: "demo")
        let address = try Self.emptyDatabase()
        let copy = try store.backup(toServer: address)
        let server = try ServerConnection.open(address)

        for table in Store.serverCopyOrder {
            let onFile = try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.quotedDatabaseIdentifier)") ?? 0 }
            let onServer = try server.execute("SELECT count(*) AS n FROM \(ServerRoles.quoted(table))").int(row: 0, column: "n")
            #expect(onServer == onFile, "\(table)")
            #expect(copy.rows[table] == onFile, "\(table)")
        }
        #expect(copy.events > 500)

        // The log as the chain reads it: text of times exactly as stored, hashes byte for byte.
        let fileLog = try store.pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT id || '|' || user || '|' || kind || '|' || recorded_at || '|' || day || '|' || hex(hash) || '|' || IFNULL(hex(records), '')
                FROM event ORDER BY id
                """)
        }
        let serverLog = try server.execute("""
            SELECT id || '|' || "user" || '|' || kind || '|' || to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
                   || '|' || day || '|' || upper(encode(hash, 'hex')) || '|' || COALESCE(upper(encode(records, 'hex')), '') AS line
            FROM event ORDER BY id
            """)
        #expect((0..<serverLog.rowCount).map { serverLog.string(row: $0, column: "line")! } == fileLog)

        // Derived on the server by its triggers, the same as the file's.
        let fileSummary = try store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT id || ' ' || child_count || ' ' || IFNULL(youngest_birth_date, '') FROM family_children ORDER BY id")
        }
        let serverSummary = try server.execute("SELECT id || ' ' || child_count || ' ' || COALESCE(youngest_birth_date::text, '') AS line FROM family_children ORDER BY id")
        #expect((0..<serverSummary.rowCount).map { serverSummary.string(row: $0, column: "line")! } == fileSummary)
        let fileDuties = try store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT id || ' ' || done || ' ' || IFNULL(reported_back_for, '') FROM case_duties ORDER BY id")
        }
        let serverDuties = try server.execute("SELECT id || ' ' || done || ' ' || COALESCE(reported_back_for::text, '') AS line FROM case_duties ORDER BY id")
        #expect(!fileDuties.isEmpty, "the demo has duties done")
        #expect((0..<serverDuties.rowCount).map { serverDuties.string(row: $0, column: "line")! } == fileDuties, "the termijnen's summary too")

        // New rows on the server continue after the copied ids.
        let next = try server.execute("INSERT INTO family (name) VALUES ('Nieuw') RETURNING id").int64(row: 0, column: "id")
        let highest = try store.pool.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM family") }
        #expect(next == highest.map { $0 + 1 })
    }

    @Test(.needsServer) func aStoreThatHoldsAnythingIsNeverAddedTo() throws {
        let scratch = try ScratchDirectory()
        let store = try DemoStore.create(path: scratch.file("demo.sqlite"), families: 5, seed: 2, today: day(2026, 12, 4), user: "demo")
        let address = try Self.emptyDatabase()
        let first = try store.backup(toServer: address)
        #expect(throws: StoreError.serverStoreNotEmpty(server: address.description)) { try store.backup(toServer: address) }
        let server = try ServerConnection.open(address)
        #expect(try server.execute("SELECT count(*) AS n FROM event").int(row: 0, column: "n") == first.events)
    }

    @Test(.needsServer) func aValueTheServerRefusesLeavesNothingOnTheServer() throws {
        let scratch = try ScratchDirectory()
        let store = try DemoStore.create(path: scratch.file("demo.sqlite"), families: 5, seed: 2, today: day(2026, 12, 4), user: "demo")
        // A day the file took as text but that is no date (a birth date is text on the server too:
        // an erasure writes over it).
        try store.pool.write { db in try db.execute(sql: "UPDATE \"case\" SET reported_on = 'onbekend' WHERE id = (SELECT max(id) FROM \"case\")") }
        let address = try Self.emptyDatabase()
        #expect(throws: StoreError.serverCopyRefused(server: address.description, table: "case", sqlState: "22007")) {
            try store.backup(toServer: address)
        }
        let server = try ServerConnection.open(address)
        #expect(try server.execute("SELECT count(*) AS n FROM family").int(row: 0, column: "n") == 0)
    }

    @Test(.needsServer) func aDatabaseOfAnotherProgramIsLeftAlone() throws {
        let scratch = try ScratchDirectory()
        let store = try DemoStore.create(path: scratch.file("demo.sqlite"), families: 3, seed: 2, today: day(2026, 12, 4), user: "demo")
        let address = try Self.emptyDatabase()
        let admin = try PostgresConnection(uri: address.uri)
        try admin.execute("CREATE TABLE public.klanten (id integer)")
        #expect(throws: StoreError.foreignServerDatabase(server: address.description)) { try store.backup(toServer: address) }
        #expect(try admin.execute("SELECT count(*) AS n FROM pg_namespace WHERE nspname = 'beschermbord'").int(row: 0, column: "n") == 0)
    }

    static func emptyDatabase() throws -> ServerAddress {
        try #require(try ServerAddress(TestCluster.shared.makeDatabase(name: "kopie")))
    }
}

/// A file store through the server and back: the same store, which `check` passes.
@Suite struct ServerRoundTripTests {
    @Test(.needsServer) func aFileStoreThroughTheServerAndBackIsTheSameStoreAndPassesCheck() throws {
        let scratch = try ScratchDirectory()
        let today = day(2026, 12, 4)
        let original = try DemoStore.create(path: scratch.file("demo.sqlite"), families: 30, seed: 5, today: today, user: "demo")
        let address = try #require(try ServerAddress(TestCluster.shared.makeDatabase(name: "heen_en_terug")))
        try original.backup(toServer: address)
        let copyPath = scratch.file("terug.sqlite")
        let size = try ServerToFileBackup.backup(address, to: copyPath, overwrite: false)
        #expect(size > 0)
        #expect(permissions(copyPath) == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.hasPrefix(".") }.isEmpty)

        let report = try IntegrityCheck.run(path: copyPath)
        #expect(report.isHealthy, "\(report.sections.filter { !$0.isHealthy }.map(\.summary))")
        for table in Store.serverCopyOrder + ["family_children"] {
            #expect(try Self.rows(of: table, in: original.location) == Self.rows(of: table, in: copyPath), "\(table)")
        }
        let copy = try Store(path: copyPath, user: "demo")
        #expect(try copy.boardCases(today: today, closedWindowDays: nil) == original.boardCases(today: today, closedWindowDays: nil))
        #expect(try copy.chainHead() == original.chainHead())
    }

    @Test(.needsServer) func anExistingFileIsReplacedOnlyWhenAskedAndAFailureLeavesItAlone() throws {
        let scratch = try ScratchDirectory()
        let original = try DemoStore.create(path: scratch.file("demo.sqlite"), families: 3, seed: 5, today: day(2026, 12, 4), user: "demo")
        let address = try #require(try ServerAddress(TestCluster.shared.makeDatabase(name: "terug")))
        try original.backup(toServer: address)
        let target = scratch.file("bestaat.sqlite")
        try Data("van iemand anders".utf8).write(to: URL(fileURLWithPath: target))
        #expect(throws: (any Error).self) { try ServerToFileBackup.backup(address, to: target, overwrite: false) }
        #expect(bytes(target) == Data("van iemand anders".utf8))

        let empty = try #require(try ServerAddress(TestCluster.shared.makeDatabase(name: "leeg")))
        #expect(throws: StoreError.serverWithoutSchema(server: empty.description)) {
            try ServerToFileBackup.backup(empty, to: target, overwrite: true)
        }
        #expect(bytes(target) == Data("van iemand anders".utf8))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "\(leftovers)")

        try ServerToFileBackup.backup(address, to: target, overwrite: true)
        #expect(try IntegrityCheck.run(path: target).isHealthy)
    }

    /// Every row of a table with its rowid, as text: what a copy must keep.
    static func rows(of table: String, in path: String) throws -> [String] {
        try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: "SELECT rowid, * FROM \(table.quotedDatabaseIdentifier) ORDER BY rowid").map { "\($0)" }
        }
    }
}
