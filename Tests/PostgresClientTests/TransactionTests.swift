import PostgresClient
import PostgresTestSupport
import Testing

@Suite(.needsServer)
struct TransactionTests {
    struct Refusal: Error {}

    let uri: String
    let database: PostgresConnection

    init() throws {
        uri = try TestCluster.shared.makeDatabase(name: "transaction")
        database = try PostgresConnection(uri: uri)
        try database.executeScript("CREATE TABLE notes (id integer PRIMARY KEY, body text NOT NULL)")
    }

    private func noteCount() throws -> Int64? {
        try database.execute("SELECT count(*) FROM notes").int64(row: 0, column: 0)
    }

    @Test func aThrownErrorRollsBackAndIsRethrown() throws {
        #expect(throws: Refusal.self) {
            try database.transaction {
                try database.execute("INSERT INTO notes VALUES (1, 'weg')")
                throw Refusal()
            }
        }
        #expect(try noteCount() == 0)
    }

    @Test func aBodyThatReturnsIsCommittedAndItsValueReturned() throws {
        let id = try database.transaction {
            try database.execute("INSERT INTO notes VALUES (2, 'blijft') RETURNING id").int(row: 0, column: 0)
        }
        #expect(id == 2)
        let other = try PostgresConnection(uri: uri)
        #expect(try other.execute("SELECT body FROM notes WHERE id = 2").string(row: 0, column: 0) == "blijft")
    }

    @Test func aSwallowedStatementErrorDoesNotPassForACommit() throws {
        let error = #expect(throws: PostgresError.self) {
            try database.transaction {
                try database.execute("INSERT INTO notes VALUES (3, 'eerste')")
                _ = try? database.execute("INSERT INTO notes VALUES (3, 'dubbel')")
            }
        }
        guard case .query(sqlState: "25P02", _, _) = error else {
            Issue.record("expected 25P02, got \(String(describing: error))")
            return
        }
        #expect(try noteCount() == 0)
    }
}
