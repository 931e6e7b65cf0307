import BoardCore

/// The database under the store's rules, inside one transaction: the file store's SQLite
/// connection (SQLiteStoreDatabase.swift) or the server store's PostgreSQL session
/// (Server/PostgresStoreDatabase.swift). The rules write their SQL once, with `?` parameters, in
/// the part of SQL that both speak; where the dialects differ they ask `dialect`.
protocol StoreDatabase: AnyObject {
    var dialect: SQLDialect { get }
    /// Runs one statement that returns no rows.
    func execute(_ sql: String, values: [SQLValue]) throws
    /// Runs one INSERT into a table with an `id` column and returns the new row's id.
    func insert(_ sql: String, values: [SQLValue]) throws -> Int64
    /// Runs one query and hands its rows to `body` one at a time, in order, for as long as
    /// `body` returns true. A row may be read only inside `body` (SQLRow.swift): `owned()` keeps one.
    func scan(_ sql: String, values: [SQLValue], _ body: (SQLRow) throws -> Bool) throws
    /// The store's tables, in the order they were made.
    func tableNames() throws -> [String]
    /// A table's columns in order; none for a table the store lacks (one from before a migration).
    func columnNames(of table: String) throws -> [String]
    /// Starts the store's memory of this transaction (EventLog.swift): what it changes is seen,
    /// and the memory is forgotten when the transaction ends.
    func beginRecording(_ memory: TransactionMemory)
    /// The covered records this transaction changed since the last call, each once, as last
    /// changed, in that order, for the next event to name (CoveredTables.swift).
    func takeChangedRecords(_ memory: TransactionMemory) throws -> [RecordDigest.Entry]
    /// How many changes wait for an event, and the first of them.
    func pendingRecordChanges(_ memory: TransactionMemory) throws -> (count: Int, first: RecordDigest.Key?)
    /// The rows of several queries that do not depend on each other, in order, kept (`owned`):
    /// one round trip on the server instead of one per query; SQLite runs them in turn.
    func rowSets(_ queries: [SQLQuery]) throws -> [[SQLRow]]
}

/// A statement's parameters, as the rules list them.
typealias SQLArguments = [(any SQLBindable)?]

/// A query with its parameters, for `rowSets`.
struct SQLQuery {
    let sql: String
    let arguments: SQLArguments

    init(_ sql: String, _ arguments: SQLArguments = []) {
        self.sql = sql
        self.arguments = arguments
    }
}

/// The few places where the two databases' SQL differs.
enum SQLDialect: Sendable {
    case sqlite
    case postgres

    /// The larger of two values in one row (SQLite's two-argument MAX).
    func greatest(_ first: String, _ second: String) -> String {
        self == .sqlite ? "MAX(\(first), \(second))" : "GREATEST(\(first), \(second))"
    }

    /// The texts of a group joined by `separator` (a quoted SQL literal).
    func joined(_ expression: String, separator: String) -> String {
        self == .sqlite ? "group_concat(\(expression), \(separator))" : "string_agg(\(expression), \(separator))"
    }

    /// Names the index a query must use (SQLite's `INDEXED BY`, which fails the query rather than
    /// read the whole table when the index stops fitting); the server's planner chooses itself.
    func indexedBy(_ index: String) -> String {
        self == .sqlite ? " INDEXED BY \(index)" : ""
    }

    /// A join whose left side is read first: SQLite's CROSS JOIN keeps its planner to that order,
    /// the server's planner orders joins itself.
    var leftFirstJoin: String { self == .sqlite ? "CROSS JOIN" : "JOIN" }

    /// LIKE as SQLite has it: blind to the case of ASCII letters.
    var like: String { self == .sqlite ? "LIKE" : "ILIKE" }

    /// An ORDER BY that lists a table's rows in the order they were inserted.
    var insertionOrder: String { self == .sqlite ? "rowid" : "1" }
}

/// The forms the rules call: parameters as Swift values, rows or single values back.
extension StoreDatabase {
    /// A statement with its parameters listed (`db.run(sql, caseID, day.iso)`): the form of the
    /// writes that an import and the demo builder make hundreds of thousands of times.
    func run<each Value: SQLBindable>(_ sql: String, _ values: repeat each Value) throws {
        var bound: [SQLValue] = []
        for value in repeat each values { bound.append(value.sqlValue) }
        try execute(sql, values: bound)
    }

    func execute(sql: String, arguments: SQLArguments = []) throws {
        try execute(sql, values: Self.bound(arguments))
    }

    func insert(sql: String, arguments: SQLArguments = []) throws -> Int64 {
        try insert(sql, values: Self.bound(arguments))
    }

    func rowSets(_ queries: [SQLQuery]) throws -> [[SQLRow]] {
        try queries.map { try rows(sql: $0.sql, arguments: $0.arguments) }
    }

    func rows(sql: String, arguments: SQLArguments = []) throws -> [SQLRow] {
        var rows: [SQLRow] = []
        try forEachRow(sql: sql, arguments: arguments) { rows.append($0.owned()) }
        return rows
    }

    func row(sql: String, arguments: SQLArguments = []) throws -> SQLRow? {
        var first: SQLRow?
        try scan(sql, values: Self.bound(arguments)) { row in
            first = row.owned()
            return false
        }
        return first
    }

    /// The first column of the first row; nil when there is no row or it holds NULL.
    func value<Value: SQLReadable>(_ type: Value.Type, sql: String, arguments: SQLArguments = []) throws -> Value? {
        try row(sql: sql, arguments: arguments).flatMap { $0[0] }
    }

    /// The first column of every row, NULLs left out.
    func values<Value: SQLReadable>(_ type: Value.Type, sql: String, arguments: SQLArguments = []) throws -> [Value] {
        var values: [Value] = []
        try forEachRow(sql: sql, arguments: arguments) { row in
            if let value: Value = row[0] { values.append(value) }
        }
        return values
    }

    func forEachRow(sql: String, arguments: SQLArguments = [], _ body: (SQLRow) throws -> Void) throws {
        try scan(sql, values: Self.bound(arguments)) { row in
            try body(row)
            return true
        }
    }

    static func bound(_ arguments: SQLArguments) -> [SQLValue] {
        arguments.map { $0?.sqlValue ?? .null }
    }
}
