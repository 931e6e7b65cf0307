/// The names of a result's columns, shared by its rows.
final class SQLColumns: Sendable {
    let names: [String]

    init(_ names: [String]) {
        self.names = names
    }

    /// Looked up along the few names rather than hashed: a scan makes its columns once, and many
    /// scans read a handful of rows (a plan's goals, a case's last move).
    func position(of name: String) -> Int {
        // The first of equal names wins, as SQL's own lookup does.
        guard let position = names.firstIndex(of: name) else {
            preconditionFailure("no column \(name) in the result (columns: \(names.joined(separator: ", ")))")
        }
        return position
    }
}

/// A database's result row that `scan` hands over without copying it: its values are read from
/// the running statement when asked for, and only for the time the row is being handed over.
protocol SQLLiveRow: AnyObject {
    /// Goes up each time the statement moves on (to the next row, or past the last one), so that
    /// a row kept past its turn is caught instead of reading another row's values.
    var turn: Int { get }
    func value(at column: Int) -> SQLValue
    func isNull(at column: Int) -> Bool
}

/// One row of a result, read by position or by name as the type the context asks for. Reading a
/// NULL or a mismatched value as a non-optional type is a fault in the SQL, as in GRDB.
///
/// A row from `scan` (and `forEachRow`) may be a live one, valid only inside the closure it is
/// handed to: the report and the board read tens of thousands of rows, most of whose values they
/// turn straight into their own types. `owned()` copies a row to keep (`rows` and `row` do).
struct SQLRow: Sendable {
    let columns: SQLColumns
    private let storage: Storage

    private enum Storage: @unchecked Sendable {
        case owned([SQLValue])
        /// Only read on the thread of the scan that handed it over, during its turn.
        case live(any SQLLiveRow, turn: Int)
    }

    init(columns: SQLColumns, values: [SQLValue]) {
        self.columns = columns
        storage = .owned(values)
    }

    init(columns: SQLColumns, live: any SQLLiveRow) {
        self.columns = columns
        storage = .live(live, turn: live.turn)
    }

    /// The row with its values copied out, to keep after its scan moves on.
    func owned() -> SQLRow {
        if case .owned = storage { return self }
        return SQLRow(columns: columns, values: values)
    }

    var values: [SQLValue] {
        if case .owned(let values) = storage { return values }
        return columns.names.indices.map(value)
    }

    var count: Int { columns.names.count }

    func isNull(_ index: Int) -> Bool {
        switch storage {
        case .owned(let values):
            return values[index].isNull
        case .live(let row, let turn):
            precondition(row.turn == turn, Self.keptTooLong)
            return row.isNull(at: index)
        }
    }

    func value(_ index: Int) -> SQLValue {
        switch storage {
        case .owned(let values):
            return values[index]
        case .live(let row, let turn):
            precondition(row.turn == turn, Self.keptTooLong)
            return row.value(at: index)
        }
    }

    private static let keptTooLong = "a row of a scan was read after the scan moved on; keep an owned() copy instead"

    subscript<Value: SQLReadable>(_ index: Int) -> Value? {
        Value(sqlValue: value(index))
    }

    subscript<Value: SQLReadable>(_ index: Int) -> Value {
        let value = value(index)
        guard let read = Value(sqlValue: value) else {
            preconditionFailure("column \(columns.names[index]) holds \(value), not a \(Value.self)")
        }
        return read
    }

    subscript<Value: SQLReadable>(_ name: String) -> Value? {
        self[columns.position(of: name)]
    }

    subscript<Value: SQLReadable>(_ name: String) -> Value {
        self[columns.position(of: name)]
    }
}
