import BoardCore
import GRDB
import GRDBSQLite

/// The file store's connection as the rules' database: GRDB's connection, with each statement
/// cached by GRDB and its values bound and read straight through the SQLite C API.
///
/// For the writes that every report, move and event makes, which an import or the demo builder
/// makes hundreds of thousands of times: profiled, GRDB's general `execute(arguments:)`
/// (collecting existentials into `StatementArguments`, converting them, binding them through
/// nested closures) cost nearly as much as SQLite's own work. A failure throws GRDB's
/// `DatabaseError` with SQLite's extended result code, as GRDB does.
///
/// GRDB does not see these statements run, so a `TransactionObserver` would not be told of the
/// single rows they change (commits and rollbacks it is told of as ever). The store observes no
/// rows: the board notices changes through `changeToken()`.
extension Database: StoreDatabase {
    var dialect: SQLDialect { .sqlite }

    func execute(_ sql: String, values: [SQLValue]) throws {
        try step(sql, values) { _ in false }
    }

    func insert(_ sql: String, values: [SQLValue]) throws -> Int64 {
        try execute(sql, values: values)
        return lastInsertedRowID
    }

    func scan(_ sql: String, values: [SQLValue], _ body: (SQLRow) throws -> Bool) throws {
        try step(sql, values, row: body)
    }

    func tableNames() throws -> [String] {
        try values(String.self, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid")
    }

    func columnNames(of table: String) throws -> [String] {
        try tableExists(table) ? columns(in: table).map(\.name) : []
    }

    func beginRecording(_ memory: TransactionMemory) {
        guard memory.start() else { return }
        memory.changes.listen(self)
        afterNextTransaction(onCommit: { [weak memory] _ in memory?.forget() }, onRollback: { [weak memory] _ in memory?.forget() })
    }

    /// SQLite's preupdate hook told `memory.changes` of every change (ChangedRecords.swift).
    func takeChangedRecords(_ memory: TransactionMemory) throws -> [RecordDigest.Entry] {
        memory.changes.take()
    }

    func pendingRecordChanges(_ memory: TransactionMemory) throws -> (count: Int, first: RecordDigest.Key?) {
        (memory.changes.count, memory.changes.first)
    }

    /// Binds `values`, then steps, handing each row to `row` for as long as it returns true.
    private func step(_ sql: String, _ values: [SQLValue], row: (SQLRow) throws -> Bool) throws {
        let statement = try cachedStatement(sql: sql)
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        defer { sqlite3_reset(handle) }
        guard values.count == Int(sqlite3_bind_parameter_count(handle)) else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "wrong number of statement arguments: \(values.count)", sql: sql)
        }
        var code = SQLITE_OK
        for (index, value) in values.enumerated() where code == SQLITE_OK {
            code = Self.bind(value, to: handle, at: Int32(index + 1))
        }
        // Made at the first row: most statements are writes, which return none.
        var live: SQLiteLiveRow?
        defer { live?.turn += 1 }
        if code == SQLITE_OK {
            code = sqlite3_step(handle)
            while code == SQLITE_ROW {
                let current = live ?? SQLiteLiveRow(handle, columns: SQLColumns(statement.columnNames))
                live = current
                guard try row(SQLRow(columns: current.columns, live: current)) else { return }
                current.turn += 1
                code = sqlite3_step(handle)
            }
        }
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: sqlite3_extended_errcode(sqliteConnection)),
                                message: String(cString: sqlite3_errmsg(sqliteConnection)), sql: sql)
        }
    }

    private static func bind(_ value: SQLValue, to statement: SQLiteStatement, at index: Int32) -> Int32 {
        switch value {
        case .null:
            return sqlite3_bind_null(statement, index)
        case .integer(let number):
            return sqlite3_bind_int64(statement, index, number)
        case .real(let number):
            return sqlite3_bind_double(statement, index, number)
        case .text(var text):
            return text.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { characters in
                    // An empty text, not NULL, when there is no storage to point at.
                    sqlite3_bind_text(statement, index, characters.baseAddress ?? emptyText, Int32(characters.count), transient)
                }
            }
        case .blob(let bytes):
            return bytes.withUnsafeBytes { raw in
                sqlite3_bind_blob(statement, index, raw.baseAddress ?? UnsafeRawPointer(emptyText), Int32(raw.count), transient)
            }
        }
    }
}

/// The statement's current row, read in place while `step` hands it over: rows are not copied
/// into arrays of values, and a value the rules do not read is never converted (counted by
/// callgrind, copying every row cost the report 5 % more instructions than GRDB's cursor).
private final class SQLiteLiveRow: SQLLiveRow {
    let statement: SQLiteStatement
    let columns: SQLColumns
    var turn = 0

    init(_ statement: SQLiteStatement, columns: SQLColumns) {
        self.statement = statement
        self.columns = columns
    }

    func value(at column: Int) -> SQLValue {
        let index = checked(column)
        switch sqlite3_column_type(statement, index) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, index))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, index))
        case SQLITE_TEXT:
            let count = Int(sqlite3_column_bytes(statement, index))
            guard count > 0, let text = sqlite3_column_text(statement, index) else { return .text("") }
            return .text(String(decoding: UnsafeRawBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(statement, index))
            guard count > 0, let bytes = sqlite3_column_blob(statement, index) else { return .blob([]) }
            return .blob([UInt8](UnsafeRawBufferPointer(start: bytes, count: count)))
        default: return .null
        }
    }

    func isNull(at column: Int) -> Bool {
        sqlite3_column_type(statement, checked(column)) == SQLITE_NULL
    }

    /// SQLite reads a column past the last as NULL; the rules asking for one is a fault, as with an array.
    private func checked(_ column: Int) -> Int32 {
        precondition(column >= 0 && column < columns.names.count, "column \(column) of a row of \(columns.names.count)")
        return Int32(column)
    }
}

/// SQLite copies bound text and blobs at once (SQLITE_TRANSIENT), so Swift's storage need not outlive the call.
private var transient: sqlite3_destructor_type { unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self) }
/// Somewhere to point at for an empty text or blob: SQLite binds NULL for a nil pointer.
private var emptyText: UnsafePointer<CChar> { UnsafeRawPointer(StaticString("").utf8Start).assumingMemoryBound(to: CChar.self) }
