import PostgresClient
import PostgresTestSupport
import Testing

/// `executeAll`: several statements in one round trip, their results in order.
@Suite(.needsServer)
struct PipelineTests {
    let database: PostgresConnection

    init() throws {
        database = try PostgresConnection(uri: TestCluster.shared.makeDatabase(name: "pipeline"))
        try database.executeScript("""
            CREATE TABLE families (id integer PRIMARY KEY, name text NOT NULL);
            INSERT INTO families VALUES (1, 'Jansen'), (2, 'Öztürk'), (3, 'De Vries');
            """)
    }

    @Test func eachStatementGetsItsOwnParametersAndResultInOrder() throws {
        let results = try database.executeAll([
            ("SELECT name FROM families WHERE id = $1", [Int64(2)]),
            ("SELECT name FROM families WHERE id > $1 ORDER BY id", [Int64(1)]),
            ("SELECT count(*) AS n FROM families WHERE name = $1", ["Jansen"]),
            ("SELECT name FROM families WHERE id = $1", [nil]),
        ])
        #expect(results.count == 4)
        #expect(results[0].string(row: 0, column: "name") == "Öztürk")
        #expect((0..<results[1].rowCount).map { results[1].string(row: $0, column: "name") } == ["Öztürk", "De Vries"])
        #expect(results[2].int64(row: 0, column: "n") == 1)
        #expect(results[3].rowCount == 0)
    }

    /// A prepared statement runs by its name, alone or among others in one round trip.
    @Test func aPreparedStatementRunsByNameAloneAndInAPipeline() throws {
        try database.prepare("familie", "SELECT name FROM families WHERE id = $1")
        #expect(try database.executePrepared("familie", [Int64(3)]).string(row: 0, column: "name") == "De Vries")
        let results = try database.executeAll([("", [Int64(1)]), ("SELECT count(*) AS n FROM families", [])], prepared: ["familie", nil])
        #expect(results[0].string(row: 0, column: "name") == "Jansen")
        #expect(results[1].int64(row: 0, column: "n") == 3)
    }

    /// Inside a transaction the statements are part of it: what one writes, the next reads, and
    /// a rollback takes it back.
    @Test func theStatementsRunInTheOpenTransaction() throws {
        try database.executeScript("BEGIN")
        let results = try database.executeAll([
            ("INSERT INTO families VALUES ($1, $2)", [Int64(4), "Bakker"]),
            ("SELECT count(*) AS n FROM families", []),
        ])
        try database.executeScript("ROLLBACK")
        #expect(results[1].int64(row: 0, column: "n") == 4)
        #expect(try database.execute("SELECT count(*) AS n FROM families").int64(row: 0, column: "n") == 3)
    }

    /// The first failure is what is thrown; the statements after it do not run, and the
    /// connection takes the next statement as before.
    @Test func aFailureIsThrownAndTheConnectionStaysUsable() throws {
        let error = #expect(throws: PostgresError.self) {
            try database.executeAll([
                ("SELECT name FROM families WHERE id = $1", [Int64(1)]),
                ("SELECT name FROM families WHERE id = $1", ["een"]),
                ("INSERT INTO families VALUES ($1, $2)", [Int64(5), "Na de fout"]),
            ])
        }
        guard case .query(sqlState: "22P02", _, _) = error else {
            Issue.record("expected invalid text representation, got \(String(describing: error))")
            return
        }
        #expect(try database.execute("SELECT count(*) AS n FROM families").int64(row: 0, column: "n") == 3)
        #expect(try database.executeAll([("SELECT 1 AS one", []), ("SELECT 2 AS two", [])]).map { $0.rowCount } == [1, 1])
    }
}
