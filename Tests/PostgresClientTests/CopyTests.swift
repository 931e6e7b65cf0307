import PostgresClient
import PostgresTestSupport
import Testing

@Suite(.needsServer)
struct CopyTests {
    let database: PostgresConnection

    init() throws {
        database = try PostgresConnection(uri: TestCluster.shared.makeDatabase(name: "copy"))
        try database.executeScript("CREATE TABLE families (id integer PRIMARY KEY, name text, note text)")
    }

    @Test func rowsWithAwkwardTextArriveUnchanged() throws {
        let awkward: [String?] = ["tab\there", "new\nline", "back\\slash", "\\N", "Öztürk ĳ", "cr\rlf", nil, ""]
        let rows = (0..<100_000).map { id in PostgresCopyText.line([String(id), "Familie \(id)", awkward[id % awkward.count]]) }
        #expect(try database.copyIn("COPY families (id, name, note) FROM STDIN", rows: rows) == 100_000)
        let stored = try database.execute("SELECT note FROM families WHERE id < $1 ORDER BY id", [awkward.count])
        #expect((0..<stored.rowCount).map { stored.string(row: $0, column: "note") } == awkward)
        #expect(try database.execute("SELECT count(*) FROM families").int(row: 0, column: 0) == 100_000)
    }

    @Test func aBadRowLoadsNothingAndLeavesTheConnectionUsable() throws {
        let rows = ["1\tJansen\t\\N", "twee\tDe Vries\t\\N"]
        let error = #expect(throws: PostgresError.self) {
            try database.copyIn("COPY families (id, name, note) FROM STDIN", rows: rows)
        }
        guard case .query(sqlState: "22P02", _, _) = error else {
            Issue.record("expected invalid text representation, got \(String(describing: error))")
            return
        }
        #expect(try database.execute("SELECT count(*) FROM families").int(row: 0, column: 0) == 0)
    }
}
