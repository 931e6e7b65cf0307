import BoardCore
import Foundation
import PostgresClient
import PostgresTestSupport
import Testing
@testable import BoardStore

/// `demo` on a server: the store made as `init` makes it and filled by the file's demo builder,
/// in one transaction; a database that holds a store is never touched.
@Suite struct ServerDemoStoreTests {
    let today = day(2026, 3, 16)
    let now = "2026-03-16T08:00:00.000Z"

    @Test(.needsServer) func aServerDemoHoldsTheFileDemosCasesAndLogAsItsMakerFirstTeamleider() throws {
        let address = try ServerStoreSetupTests.emptyDatabase()
        let created = try DemoStore.create(server: address, families: 30, seed: 7, today: today, now: now)
        #expect(created.firstTeamleider == TestCluster.superuser)
        #expect(created.groupRoles == ServerRoles.staffRoles.map { ServerRoles.groupRole($0, database: address.database) })

        let scratch = try ScratchDirectory()
        let file = try DemoStore.create(path: scratch.file("demo.sqlite"), families: 30, seed: 7, today: today,
                                        user: TestCluster.superuser, now: now)
        let server = try Store(server: address)
        // In the order of their ids: the store hands them out in no particular order.
        let cases = try server.boardCases(today: today, closedWindowDays: nil).sorted { $0.id < $1.id }
        #expect(cases.count == 30)
        #expect(cases == (try file.boardCases(today: today, closedWindowDays: nil).sorted { $0.id < $1.id }))
        #expect(try server.staff() == file.staff())
        #expect(try server.settings() == file.settings())
        // The same log, event for event (their moments of recording differ where they are the clock's).
        func events(_ store: Store) throws -> [String] {
            try store.read { db in
                try db.rows(sql: "SELECT e.kind, e.user AS who, e.case_id, e.to_stage FROM event e ORDER BY e.id").map { row in
                    let parts: [String?] = [row["kind"], row["who"], (row["case_id"] as Int64?).map { String($0) }, row["to_stage"]]
                    return parts.map { $0 ?? "-" }.joined(separator: " ")
                }
            }
        }
        #expect(try events(server) == events(file))
        #expect(try server.chainHead() != nil)
    }

    @Test(.needsServer) func aDatabaseWithAStoreEvenAnEmptyOneIsRefusedUntouched() throws {
        let address = try ServerStoreSetupTests.emptyDatabase()
        _ = try ServerStoreSetup.initialize(address)
        let admin = try PostgresConnection(uri: address.uri)
        let before = try Self.contents(admin)
        guard case .refused(let message)? = storeError({ try DemoStore.create(server: address, families: 3, today: today, now: now) }) else {
            Issue.record("a database that holds a store must be refused")
            return
        }
        #expect(message.contains("staat al een opslag") && message.contains(address.description), "\(message)")
        #expect(try Self.contents(admin) == before)
    }

    @Test(.needsServer) func aFillThatFailsLeavesTheDatabaseAsEmptyAsItWas() throws {
        struct Interrupted: Error {}
        let address = try ServerStoreSetupTests.emptyDatabase()
        #expect(throws: Interrupted.self) {
            try ServerStoreSetup.create(address, refusingExisting: .refused("bestaat")) { store in
                try DemoStore.fill(store, families: 5, seed: 1, today: today, now: now)
                throw Interrupted()
            }
        }
        let admin = try PostgresConnection(uri: address.uri)
        #expect(try ServerStoreSetupTests.schemaExists(admin) == false)
        let roles = try admin.execute("SELECT count(*) AS n FROM pg_roles WHERE rolname LIKE $1", [address.database + "\\_%"])
        #expect(roles.int64(row: 0, column: "n") == 0, "the group roles are rolled back with the schema")
        // And the database takes a demo afterwards.
        #expect(try DemoStore.create(server: address, families: 3, today: today, now: now).firstTeamleider == TestCluster.superuser)
    }

    /// Every event's hash and every staff member: what a refused demo must leave as it was.
    static func contents(_ connection: PostgresConnection) throws -> [String] {
        let rows = try connection.execute("""
            SELECT id::text || ' ' || kind || ' ' || encode(hash, 'hex') AS line FROM beschermbord.event
            UNION ALL SELECT name || ' ' || role FROM beschermbord.medewerkers
            UNION ALL SELECT key || ' ' || value FROM beschermbord.setting ORDER BY 1
            """)
        return (0..<rows.rowCount).map { rows.string(row: $0, column: "line") ?? "" }
    }
}
