import CLibpq
import Foundation

/// The rows of one command, read in place from libpq's result in text format. A result is
/// immutable once made, and libpq allows reading it from any thread, hence Sendable.
public final class PostgresResult: @unchecked Sendable {
    private let result: OpaquePointer
    public let rowCount: Int
    public let columnNames: [String]
    private let columnIndexes: [String: Int]

    /// Takes ownership of a successful result (PQclear in deinit).
    init(_ result: OpaquePointer) {
        self.result = result
        rowCount = Int(PQntuples(result))
        columnNames = (0..<PQnfields(result)).map { String(cString: PQfname(result, $0)) }
        // Exact names, first wins like SQL's own lookup (PQfnumber would fold case).
        columnIndexes = Dictionary(columnNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    deinit {
        PQclear(result)
    }

    /// Rows the command inserted, updated, deleted, copied or selected (PQcmdTuples); 0 when
    /// the command does not count rows.
    public var affectedRows: Int {
        Int(String(cString: PQcmdTuples(result))) ?? 0
    }

    /// The command's tag: "INSERT 0 1", "COMMIT", "ROLLBACK", ...
    public var commandStatus: String {
        String(cString: PQcmdStatus(result))
    }

    /// The position of a column by its exact name; a name the query does not return is a
    /// programming error.
    public func column(_ name: String) -> Int {
        guard let index = columnIndexes[name] else {
            preconditionFailure("no column \(name) in the result (columns: \(columnNames.joined(separator: ", ")))")
        }
        return index
    }

    /// The type of a column (its `pg_type` oid), as the server describes the result.
    public func typeOID(column: Int) -> UInt32 {
        precondition(column >= 0 && column < columnNames.count, "column \(column) outside a result of \(columnNames.count) columns")
        return UInt32(PQftype(result, Int32(column)))
    }

    // MARK: Values by position

    /// The value as PostgreSQL's text output, nil for NULL.
    public func string(row: Int, column: Int) -> String? {
        checkBounds(row: row, column: column)
        if PQgetisnull(result, Int32(row), Int32(column)) != 0 { return nil }
        return String(cString: PQgetvalue(result, Int32(row), Int32(column)))
    }

    public func int64(row: Int, column: Int) -> Int64? {
        string(row: row, column: column).map { parsed($0, as: Int64.init, row: row, column: column) }
    }

    public func int(row: Int, column: Int) -> Int? {
        string(row: row, column: column).map { parsed($0, as: Int.init, row: row, column: column) }
    }

    /// float8 text, "Infinity" and "NaN" included.
    public func double(row: Int, column: Int) -> Double? {
        string(row: row, column: column).map { parsed($0, as: Double.init, row: row, column: column) }
    }

    public func bool(row: Int, column: Int) -> Bool? {
        string(row: row, column: column).map { text in
            parsed(text, as: { ["t": true, "f": false][$0] }, row: row, column: column)
        }
    }

    /// bytea, decoded by libpq (hex or the old escape format, whichever the server sends).
    public func data(row: Int, column: Int) -> Data? {
        checkBounds(row: row, column: column)
        guard PQgetisnull(result, Int32(row), Int32(column)) == 0 else { return nil }
        var length = 0
        let text = UnsafeRawPointer(PQgetvalue(result, Int32(row), Int32(column))!).assumingMemoryBound(to: UInt8.self)
        guard let bytes = PQunescapeBytea(text, &length) else {
            preconditionFailure("libpq could not decode bytea at row \(row), column \(column) (out of memory)")
        }
        defer { PQfreemem(bytes) }
        return Data(bytes: bytes, count: length)
    }

    // MARK: Values by column name

    public func string(row: Int, column name: String) -> String? { string(row: row, column: column(name)) }
    public func int64(row: Int, column name: String) -> Int64? { int64(row: row, column: column(name)) }
    public func int(row: Int, column name: String) -> Int? { int(row: row, column: column(name)) }
    public func double(row: Int, column name: String) -> Double? { double(row: row, column: column(name)) }
    public func bool(row: Int, column name: String) -> Bool? { bool(row: row, column: column(name)) }
    public func data(row: Int, column name: String) -> Data? { data(row: row, column: column(name)) }

    private func checkBounds(row: Int, column: Int) {
        precondition(row >= 0 && row < rowCount && column >= 0 && column < columnNames.count,
                     "row \(row), column \(column) outside a result of \(rowCount) × \(columnNames.count)")
    }

    /// A column read as the wrong type is a programming error (the SQL decides the type).
    private func parsed<T>(_ text: String, as parse: (String) -> T?, row: Int, column: Int) -> T {
        guard let value = parse(text) else {
            preconditionFailure("\(columnNames[column]) at row \(row) is \"\(text)\", not a \(T.self)")
        }
        return value
    }
}
