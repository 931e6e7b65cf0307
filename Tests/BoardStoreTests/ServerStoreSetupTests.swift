import Foundation
import GRDB
import PostgresClient
import PostgresTestSupport
import Testing
@testable import BoardStore

/// `init` on a PostgreSQL server: the schema, the group roles, and what a server without them says.
@Suite struct ServerStoreSetupTests {
    @Test func theServerHasAFormOfEveryMigrationOfTheFileStoreInTheSameOrder() {
        #expect(ServerSchema.migrations.filter { !$0.serverOnly }.map(\.name) == Schema.migrator.migrations)
        #expect(ServerSchema.migrations.filter(\.serverOnly).allSatisfy { $0.name.hasPrefix("server-") })
    }

    @Test(.needsServer) func initMakesEveryTableColumnIndexAndTriggerOfTheFileStore() throws {
        let address = try Self.emptyDatabase()
        #expect(try ServerStoreSetup.initialize(address) == .created(groupRoles: ServerRoles.staffRoles.map {
            ServerRoles.groupRole($0, database: address.database)
        }))
        let server = try PostgresConnection(uri: address.uri)
        let scratch = try ScratchDirectory()
        let file = try Store(path: scratch.file("bord.sqlite"))
        let tables = try file.pool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations'")
        }
        #expect(tables.count > 15)
        for table in tables {
            let columns = try file.pool.read { db in try Row.fetchAll(db, sql: "PRAGMA table_info(\(table.quotedDatabaseIdentifier))") }
            let onServer = try server.execute("""
                SELECT column_name, data_type, is_nullable FROM information_schema.columns
                WHERE table_schema = 'beschermbord' AND table_name = $1
                """, [table])
            var serverColumns: [String: (type: String, nullable: Bool)] = [:]
            for row in 0..<onServer.rowCount {
                serverColumns[onServer.string(row: row, column: "column_name")!] =
                    (onServer.string(row: row, column: "data_type")!, onServer.string(row: row, column: "is_nullable") == "YES")
            }
            // SQLite's implicit rowid is a column on the server where the records are named by it.
            let expected = try file.pool.read { db in try ServerSchema.copiedColumns(of: table, in: db) }
            #expect(Set(serverColumns.keys) == Set(expected), "kolommen van \(table)")
            for column in columns {
                let name: String = column["name"]
                guard let match = serverColumns[name] else {
                    Issue.record("\(table).\(name) ontbreekt op de server")
                    continue
                }
                let fileType: String = column["type"]
                #expect(Self.compatible[fileType.uppercased()]?.contains(match.type) == true, "\(table).\(name): \(fileType) tegen \(match.type)")
                // A primary key is NOT NULL on the server; SQLite's table_info says so only when declared.
                let fileNullable = (column["notnull"] as Int) == 0 && (column["pk"] as Int) == 0
                #expect(fileNullable == match.nullable, "\(table).\(name) NULL")
            }
        }
        let fileIndexes = try file.pool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL")
        }
        let serverObjects = try server.execute("""
            SELECT indexname AS name FROM pg_indexes WHERE schemaname = 'beschermbord'
            UNION SELECT tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'beschermbord' AND NOT t.tgisinternal
            """)
        let serverNames = Set((0..<serverObjects.rowCount).compactMap { serverObjects.string(row: $0, column: "name") })
        #expect(fileIndexes.count > 20)
        for name in fileIndexes { #expect(serverNames.contains(name), "index of trigger \(name) ontbreekt op de server") }
    }

    /// SQLite's declared types and the server's types that hold the same values.
    static let compatible: [String: Set<String>] = [
        "INTEGER": ["bigint", "integer"],
        "TEXT": ["text", "date", "timestamp with time zone"],
        "BLOB": ["bytea"],
    ]

    @Test(.needsServer) func theServersTriggersKeepTheChildSummaryAndTheCaseVersionAsTheFileDoes() throws {
        let address = try Self.emptyDatabase()
        _ = try ServerStoreSetup.initialize(address)
        let server = try PostgresConnection(uri: address.uri)
        try server.executeScript("""
            SET search_path = beschermbord;
            INSERT INTO family (id, name) VALUES (1, 'de Vries'), (2, 'Öztürk');
            INSERT INTO child (family_id, first_name, birth_date) VALUES (1, 'Zoë', '2016-04-12'), (1, 'Daan', '2019-11-02'), (2, 'Ela', '2020-01-01');
            UPDATE child SET family_id = 2 WHERE first_name = 'Daan';
            INSERT INTO "case" (kenmerk, family_id, source, reported_on, stage, stage_since) VALUES ('2026-0001', 1, 'veilig_thuis', '2026-01-05', 'aangemeld', '2026-01-05');
            UPDATE "case" SET stage = 'onderzoek';
            """)
        let summary = try server.execute("SELECT id, child_count, youngest_birth_date FROM beschermbord.family_children ORDER BY id")
        #expect(summary.rowCount == 2)
        #expect(summary.int64(row: 0, column: "child_count") == 1)
        #expect(summary.string(row: 0, column: "youngest_birth_date") == "2016-04-12")
        #expect(summary.int64(row: 1, column: "child_count") == 2)
        #expect(summary.string(row: 1, column: "youngest_birth_date") == "2020-01-01")
        let version = try server.execute("SELECT version FROM beschermbord.\"case\"")
        #expect(version.int64(row: 0, column: "version") == 2)
    }

    @Test(.needsServer) func initOnAStoreOfThisVersionChangesNothing() throws {
        let address = try Self.emptyDatabase()
        _ = try ServerStoreSetup.initialize(address)
        #expect(try ServerStoreSetup.initialize(address) == .current)
        let server = try PostgresConnection(uri: address.uri)
        let ran = try server.execute("SELECT count(*) AS n FROM beschermbord.migraties")
        #expect(ran.int64(row: 0, column: "n") == Int64(ServerSchema.migrations.count))
    }

    @Test(.needsServer) func aStoreMissingItsLastMigrationsIsBroughtUpToDateByInitAndRefusedBeforeThat() throws {
        let address = try Self.emptyDatabase()
        let server = try ServerConnection.open(address)
        // A store as the previous version left it: every migration but the last.
        let names = ServerSchema.migrations.map(\.name)
        try server.transaction {
            _ = try ServerRoles.create(server, database: address.database)
            try ServerMigrator.migrate(server, missing: Array(names.dropLast()))
        }
        #expect(throws: StoreError.serverNeedsUpgrade(server: address.description)) { try ServerStoreSetup.checkReady(address) }
        #expect(try ServerStoreSetup.initialize(address) == .upgraded(migrations: [names.last!]))
        try ServerStoreSetup.checkReady(address)
    }

    @Test(.needsServer) func twoInitsAtOnceMakeOneStore() throws {
        let address = try Self.emptyDatabase()
        let outcomes = Outcomes()
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            outcomes.add(Result { try ServerStoreSetup.initialize(address) })
        }
        let results = outcomes.all.map { try? $0.get() }
        #expect(results.filter { $0 == .current }.count == 1)
        #expect(results.filter { if case .created = $0 { true } else { false } }.count == 1)
    }

    @Test(.needsServer) func initLeavesADatabaseOfAnotherProgramAlone() throws {
        let address = try Self.emptyDatabase()
        let server = try PostgresConnection(uri: address.uri)
        try server.execute("CREATE TABLE public.klanten (id integer)")
        #expect(throws: StoreError.foreignServerDatabase(server: address.description)) { try ServerStoreSetup.initialize(address) }
        #expect(try Self.schemaExists(server) == false)
        let roles = try server.execute("SELECT count(*) AS n FROM pg_roles WHERE rolname LIKE $1", [address.database + "\\_%"])
        #expect(roles.int64(row: 0, column: "n") == 0)
        #expect(throws: StoreError.serverWithoutSchema(server: address.description)) { try ServerStoreSetup.checkReady(address) }
    }

    @Test(.needsServer) func initByALoginThatMayNotCreateRolesChangesNothing() throws {
        let address = try Self.emptyDatabase()
        let admin = try PostgresConnection(uri: address.uri)
        let login = "zonder_rollen_\(UUID().uuidString.prefix(8).lowercased())"
        try admin.execute("CREATE ROLE \(login) LOGIN")
        try admin.execute("GRANT CREATE ON DATABASE \(address.database) TO \(login)")
        let asLogin = try ServerAddress(TestCluster.shared.uri(database: address.database, user: login))!
        #expect(throws: StoreError.serverInitNotPermitted(server: asLogin.description)) { try ServerStoreSetup.initialize(asLogin) }
        #expect(try Self.schemaExists(admin) == false)
    }

    @Test(.needsServer) func aServerThatCannotBeUsedSaysWhyWithoutThePassword() throws {
        let missingSocket = try ServerAddress("postgresql://anna:geheim@/bord?host=/nonexistent-\(UUID().uuidString)")!
        let unreachable = storeError { try ServerStoreSetup.checkReady(missingSocket) }
        #expect(unreachable == .serverUnreachable(server: missingSocket.description))
        #expect(unreachable.map { "\($0)".contains("geheim") } == false)

        let noDatabase = try ServerAddress(TestCluster.shared.uri(database: "bestaat_niet_\(UUID().uuidString.prefix(8).lowercased())", user: nil))!
        #expect(storeError { try ServerStoreSetup.checkReady(noDatabase) } == .serverDatabaseMissing(server: noDatabase.description, database: noDatabase.database))

        let existing = try Self.emptyDatabase()
        let stranger = try ServerAddress(TestCluster.shared.uri(database: existing.database, user: "onbekende_login"))!
        #expect(storeError { try ServerStoreSetup.checkReady(stranger) } == .serverLoginRefused(server: stranger.description))
        #expect(storeError { try ServerStoreSetup.checkReady(existing) } == .serverWithoutSchema(server: existing.description))
    }

    @Test(.needsServer) func aStoreOfANewerVersionIsRefused() throws {
        let address = try Self.emptyDatabase()
        _ = try ServerStoreSetup.initialize(address)
        let server = try PostgresConnection(uri: address.uri)
        try server.execute("INSERT INTO beschermbord.migraties (identifier) VALUES ('v99-uit-de-toekomst')")
        #expect(throws: StoreError.newerServerSchema(server: address.description)) { try ServerStoreSetup.checkReady(address) }
        #expect(throws: StoreError.newerServerSchema(server: address.description)) { try ServerStoreSetup.initialize(address) }
    }

    @Test func aServerAddressNamesHostAndDatabaseButNeverThePassword() throws {
        let address = try #require(try ServerAddress("postgresql://anna:geheim@db.gemeente.nl:5433/jeugdteam?sslmode=require"))
        #expect(address.host == "db.gemeente.nl")
        #expect(address.database == "jeugdteam")
        #expect(!address.description.contains("geheim"))
        #expect(try ServerAddress("/home/anna/bord.sqlite") == nil)
        #expect(throws: StoreError.invalidServerAddress) { try ServerAddress("postgresql://[::1") }
    }

    @Test func groupRoleNamesStayWithinPostgreSQLsLimit() {
        let long = String(repeating: "wijkteam", count: 10)
        let name = ServerRoles.groupRole("jeugdbeschermer", database: long)
        #expect(name.utf8.count <= 63)
        #expect(name.hasSuffix("_jeugdbeschermer"))
    }

    static func emptyDatabase() throws -> ServerAddress {
        try #require(try ServerAddress(TestCluster.shared.makeDatabase(name: "bord")))
    }

    static func schemaExists(_ server: PostgresConnection) throws -> Bool {
        try server.execute("SELECT count(*) AS n FROM pg_namespace WHERE nspname = 'beschermbord'").int64(row: 0, column: "n") == 1
    }
}

/// Results gathered from several threads.
private final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<ServerStoreSetup.Outcome, Error>] = []
    func add(_ result: Result<ServerStoreSetup.Outcome, Error>) { lock.withLock { results.append(result) } }
    var all: [Result<ServerStoreSetup.Outcome, Error>] { lock.withLock { results } }
}
