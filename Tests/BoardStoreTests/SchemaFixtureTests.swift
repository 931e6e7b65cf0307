import BoardCore
import Foundation
import GRDB
import Testing
@testable import BoardStore

/// One store per schema version the program ever shipped, kept in `Tests/Fixtures/schema` (how
/// they were made is in the README there). Each must open with the current program, migrate to
/// exactly the schema of a new store, keep its cases and pass `check`. A migration edited after it
/// landed changes what the old stores become, and these tests see it.
@Suite("Stores of every earlier schema version open")
struct SchemaFixtureTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/schema")

    /// Every registered migration, and the name under which the meeting migration first landed.
    static let versions = Schema.migrator.migrations + [Schema.earlierMeetingMigrationName]

    @Test func everyMigrationHasItsFixture() {
        for version in Self.versions {
            #expect(FileManager.default.fileExists(atPath: Self.fixture(version)),
                    "no fixture store for \(version): add one to Tests/Fixtures/schema (see its README)")
        }
    }

    @Test(arguments: versions)
    func aStoreOfThisVersionOpensMigratesAndPassesCheck(_ version: String) throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("bord.sqlite")
        try FileManager.default.copyItem(atPath: Self.fixture(version), toPath: path)
        let before = try Self.kenmerken(path)
        #expect(before.count == 2)

        let board = try Store(path: path, user: "skuipers").boardCases(today: day(2026, 12, 4), closedWindowDays: nil)
        #expect(Set(board.map(\.kenmerk)) == Set(before))

        let fresh = scratch.file("nieuw.sqlite")
        _ = try Store(path: fresh, user: "skuipers")
        #expect(try Self.schema(path) == Self.schema(fresh))
        #expect(try Self.appliedMigrations(path) == Self.appliedMigrations(fresh))
        let check = try IntegrityCheck.run(path: path)
        #expect(check.isHealthy, "\(check.sections.filter { !$0.isHealthy })")
    }

    /// Before the fix, a store migrated while the meeting migration was called v9 was refused as
    /// made by a newer version.
    @Test func theMeetingMigrationsEarlierNameIsNoNewerVersion() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("bord.sqlite")
        try FileManager.default.copyItem(atPath: Self.fixture(Schema.earlierMeetingMigrationName), toPath: path)
        let queue = try DatabaseQueue(path: path)
        #expect(try queue.read(Schema.isFromNewerVersion) == false)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-from-the-future')") }
        #expect(try queue.read(Schema.isFromNewerVersion) == true)
        try queue.close()
        #expect(throws: StoreError.newerSchema(path: path)) { try Store(path: path, user: "skuipers") }
    }

    /// A user the system cannot name may open an older store, but signs nothing in it: no seal of
    /// its records, and no first teamleider.
    @Test func anUnnamedUserOpeningAnOlderStoreSignsNothing() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("bord.sqlite")
        try FileManager.default.copyItem(atPath: Self.fixture("v13-family-children-linear"), toPath: path)
        _ = try Store(path: path, user: "uid-4242")
        let queue = try DatabaseQueue(path: path, configuration: Self.readOnly)
        defer { try? queue.close() }
        let signed = try queue.read { db in
            try Int.fetchOne(db, sql: "SELECT (SELECT COUNT(*) FROM event WHERE user = 'uid-4242') + (SELECT COUNT(*) FROM medewerkers WHERE name = 'uid-4242')")
        }
        #expect(signed == 0)
    }

    static func fixture(_ version: String) -> String { directory.appendingPathComponent("\(version).sqlite").path }

    static func kenmerken(_ path: String) throws -> [String] {
        let queue = try DatabaseQueue(path: path, configuration: readOnly)
        defer { try? queue.close() }
        return try queue.read { db in try String.fetchAll(db, sql: #"SELECT kenmerk FROM "case" ORDER BY kenmerk"#) }
    }

    /// Every table, index and trigger with its SQL, in name order.
    static func schema(_ path: String) throws -> [String] {
        let queue = try DatabaseQueue(path: path, configuration: readOnly)
        defer { try? queue.close() }
        return try queue.read { db in
            try String.fetchAll(db, sql: """
                SELECT type || ' ' || name || ': ' || IFNULL(sql, '') FROM sqlite_master
                WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name
                """)
        }
    }

    static func appliedMigrations(_ path: String) throws -> [String] {
        let queue = try DatabaseQueue(path: path, configuration: readOnly)
        defer { try? queue.close() }
        return try queue.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") }
    }

    static var readOnly: Configuration {
        var configuration = Configuration()
        configuration.readonly = true
        return configuration
    }
}
