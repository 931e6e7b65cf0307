import GRDB
import GRDBSQLite

/// A value that binds itself to a statement parameter through the SQLite C API.
protocol DirectBindable {
    func bind(to statement: SQLiteStatement, at index: Int32) -> Int32
}

extension Database {
    /// Runs a cached statement that returns no rows, with `values` bound straight through the
    /// SQLite C API, in the current transaction.
    ///
    /// For the writes that every report, move and event makes, which an import or the demo
    /// builder makes hundreds of thousands of times: profiled, GRDB's general
    /// `execute(arguments:)` (collecting existentials into `StatementArguments`, converting them,
    /// binding them through nested closures) cost nearly as much as SQLite's own work. This is the
    /// same statement without that. A failure throws GRDB's `DatabaseError` with SQLite's extended
    /// result code, as `execute(arguments:)` does.
    ///
    /// GRDB does not see these statements run, so a `TransactionObserver` would not be told of the
    /// single rows they change (commits and rollbacks it is told of as ever). The store observes no
    /// rows: the board notices changes through `changeToken()`.
    func run<each Value: DirectBindable>(_ sql: String, _ values: repeat each Value) throws {
        let statement = try cachedStatement(sql: sql)
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        var index: Int32 = 0
        var code = SQLITE_OK
        for value in repeat each values {
            index += 1
            if code == SQLITE_OK { code = value.bind(to: handle, at: index) }
        }
        guard index == sqlite3_bind_parameter_count(handle) else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "wrong number of statement arguments: \(index)", sql: sql)
        }
        if code == SQLITE_OK {
            repeat { code = sqlite3_step(handle) } while code == SQLITE_ROW
        }
        guard code == SQLITE_DONE else {
            let error = DatabaseError(resultCode: ResultCode(rawValue: sqlite3_extended_errcode(sqliteConnection)),
                                      message: String(cString: sqlite3_errmsg(sqliteConnection)), sql: sql)
            sqlite3_reset(handle)
            throw error
        }
        sqlite3_reset(handle)
    }
}

/// SQLite copies bound text and blobs at once (SQLITE_TRANSIENT), so Swift's storage need not outlive the call.
private var transient: sqlite3_destructor_type { unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self) }
/// Somewhere to point at for an empty text or blob: SQLite binds NULL for a nil pointer.
private var emptyText: UnsafePointer<CChar> { UnsafeRawPointer(StaticString("").utf8Start).assumingMemoryBound(to: CChar.self) }

extension Int64: DirectBindable {
    func bind(to statement: SQLiteStatement, at index: Int32) -> Int32 { sqlite3_bind_int64(statement, index, self) }
}

extension Int: DirectBindable {
    func bind(to statement: SQLiteStatement, at index: Int32) -> Int32 { sqlite3_bind_int64(statement, index, Int64(self)) }
}

extension String: DirectBindable {
    func bind(to statement: SQLiteStatement, at index: Int32) -> Int32 {
        var text = self
        return text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { characters in
                // An empty text, not NULL, when there is no storage to point at.
                sqlite3_bind_text(statement, index, characters.baseAddress ?? emptyText, Int32(characters.count), transient)
            }
        }
    }
}

/// A blob (hashes, salts).
extension Array: DirectBindable where Element == UInt8 {
    func bind(to statement: SQLiteStatement, at index: Int32) -> Int32 {
        withUnsafeBytes { bytes in
            sqlite3_bind_blob(statement, index, bytes.baseAddress ?? UnsafeRawPointer(emptyText), Int32(bytes.count), transient)
        }
    }
}

extension Optional: DirectBindable where Wrapped: DirectBindable {
    func bind(to statement: SQLiteStatement, at index: Int32) -> Int32 {
        switch self {
        case .some(let value): return value.bind(to: statement, at: index)
        case .none: return sqlite3_bind_null(statement, index)
        }
    }
}
