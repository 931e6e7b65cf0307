import Foundation
import PostgresClient
import PostgresTestSupport
import Testing

@Suite(.needsServer)
struct ParameterRoundTripTests {
    let database: PostgresConnection

    init() throws {
        database = try PostgresConnection(uri: TestCluster.shared.makeDatabase(name: "roundtrip"))
        try database.executeScript("""
            CREATE TABLE samples (id integer PRIMARY KEY, label text, amount bigint, ratio float8, flag boolean, blob bytea);
            """)
    }

    /// Stores one row and reads it back by column name.
    private func roundTrip(_ values: [PostgresValue?]) throws -> PostgresResult {
        try database.execute("DELETE FROM samples")
        try database.execute("INSERT INTO samples VALUES (1, $1, $2, $3, $4, $5)", values)
        return try database.execute("SELECT label, amount, ratio, flag, blob FROM samples WHERE id = $1", [1])
    }

    @Test(arguments: ["it's \"quoted\"", "$1 and $$ dollars $$", "Öztürk ĳ — Ĳsselmeer", "back\\slash \\x00",
                      "", "tab\tnew\nline", "😀 emoji"])
    func textComesBackUnchanged(text: String) throws {
        let row = try roundTrip([text, nil, nil, nil, nil])
        #expect(row.string(row: 0, column: "label") == text)
    }

    @Test(arguments: [Int64.min, -1, 0, 42, Int64.max])
    func bigintsComeBackUnchanged(number: Int64) throws {
        let row = try roundTrip([nil, number, nil, nil, nil])
        #expect(row.int64(row: 0, column: "amount") == number)
    }

    @Test(arguments: [0.1, 1.0 / 3, -1e300, .leastNonzeroMagnitude, .infinity, -.infinity])
    func doublesComeBackExactly(number: Double) throws {
        let row = try roundTrip([nil, nil, number, nil, nil])
        #expect(row.double(row: 0, column: "ratio") == number)
    }

    @Test func notANumberComesBack() throws {
        let row = try roundTrip([nil, nil, Double.nan, nil, nil])
        #expect(row.double(row: 0, column: "ratio")?.isNaN == true)
    }

    @Test(arguments: [true, false])
    func booleansComeBack(flag: Bool) throws {
        let row = try roundTrip([nil, nil, nil, flag, nil])
        #expect(row.bool(row: 0, column: "flag") == flag)
    }

    @Test(arguments: [Data(), Data(0...255), Data("\\x5c'\"".utf8)])
    func byteaComesBackUnchanged(bytes: Data) throws {
        let row = try roundTrip([nil, nil, nil, nil, bytes])
        #expect(row.data(row: 0, column: "blob") == bytes)
        #expect(try database.execute("SELECT octet_length(blob) FROM samples").int(row: 0, column: 0) == bytes.count)
    }

    @Test func nilIsNullAndReadsAsNil() throws {
        let row = try roundTrip([nil, nil, nil, nil, nil])
        #expect(row.string(row: 0, column: "label") == nil)
        #expect(row.int64(row: 0, column: "amount") == nil)
        #expect(row.double(row: 0, column: "ratio") == nil)
        #expect(row.bool(row: 0, column: "flag") == nil)
        #expect(row.data(row: 0, column: "blob") == nil)
        #expect(try database.execute("SELECT count(*) FROM samples WHERE label IS NULL AND blob IS NULL").int64(row: 0, column: 0) == 1)
    }

    @Test func optionalSwiftValuesBindAsTheirValueOrNull() throws {
        let present: String? = "Jansen"
        let absent: Int64? = nil
        let row = try roundTrip([present, absent, nil, nil, nil])
        #expect(row.string(row: 0, column: "label") == "Jansen")
        #expect(row.int64(row: 0, column: "amount") == nil)
    }

    @Test func columnsAreFoundByTheirExactNames() throws {
        let result = try database.execute(#"SELECT 1 AS "Eerste", 2 AS eerste, 'drie' AS derde"#)
        #expect(result.columnNames == ["Eerste", "eerste", "derde"])
        #expect(result.int(row: 0, column: "Eerste") == 1)
        #expect(result.int(row: 0, column: "eerste") == 2)
        #expect(result.string(row: 0, column: "derde") == "drie")
    }

    @Test func affectedRowsCountsWhatTheCommandChanged() throws {
        try database.execute("INSERT INTO samples (id) SELECT generate_series(10, 14)")
        let updated = try database.execute("UPDATE samples SET label = 'x' WHERE id >= 12")
        #expect(updated.affectedRows == 3)
        #expect(updated.commandStatus == "UPDATE 3")
        #expect(try database.execute("SELECT id FROM samples WHERE id >= 10").rowCount == 5)
    }

    @Test func aNULCharacterIsRefusedNotCutShort() throws {
        let error = #expect(throws: PostgresError.self) {
            try database.execute("INSERT INTO samples (id, label) VALUES (2, $1)", ["voor\u{0}na"])
        }
        #expect(error == .query(sqlState: "22021", message: "invalid byte sequence for encoding \"UTF8\": 0x00", detail: nil))
        #expect(try database.execute("SELECT id FROM samples WHERE id = 2").rowCount == 0)
    }

    @Test func aUniqueViolationCarriesItsSQLState() throws {
        try database.execute("INSERT INTO samples (id) VALUES (7)")
        let error = #expect(throws: PostgresError.self) {
            try database.execute("INSERT INTO samples (id) VALUES (7)")
        }
        guard case .query(let sqlState, _, let detail) = error else {
            Issue.record("expected a query error, got \(String(describing: error))")
            return
        }
        #expect(sqlState == "23505")
        #expect(detail?.contains("(id)=(7)") == true)
        // The connection is still usable after a statement error.
        #expect(try database.execute("SELECT 1").int(row: 0, column: 0) == 1)
    }
}
