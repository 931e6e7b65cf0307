import Foundation
import PostgresClient

/// The server store's session as the rules' database (StoreDatabase.swift). What differs from
/// SQLite is settled here, once: `?` parameters become `$1`, `$2`, …; values are sent as text,
/// which the server casts to each column's type; and columns are read back as the file store
/// holds them: integers and floats as numbers, booleans as 0 and 1, `bytea` as bytes, days as
/// `2026-12-04` and times in `Clock.timestamp`'s text, so that the events' hashes and the
/// records' digests come out the same on both stores.
final class PostgresStoreDatabase: StoreDatabase {
    let connection: PostgresConnection
    /// Each statement's SQL with numbered parameters, translated once.
    private var translated: [String: String] = [:]
    /// Statements run more than once in this session, prepared on the server under these names:
    /// planning the dossier's small reads cost the server more than running them.
    private var preparedNames: [String: String] = [:]
    /// Statements run once so far: one run does not pay for preparing.
    private var seenOnce: Set<String> = []
    /// Enough for every statement of the rules; SQL made with values in it stops being prepared.
    private static let preparedLimit = 1_000
    /// Whether this session made its table for changed records (ServerRecordChanges.swift); a
    /// new session (after a lost connection) is a new database object that makes it again.
    var hasChangesTable = false

    init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    var dialect: SQLDialect { .postgres }

    func execute(_ sql: String, values: [SQLValue]) throws {
        _ = try run(sql, values)
    }

    func insert(_ sql: String, values: [SQLValue]) throws -> Int64 {
        let result = try run(sql + " RETURNING id", values)
        guard result.rowCount == 1, let id = result.int64(row: 0, column: 0) else {
            throw PostgresError.query(sqlState: "", message: "INSERT … RETURNING id gave \(result.rowCount) rows", detail: nil)
        }
        return id
    }

    func scan(_ sql: String, values: [SQLValue], _ body: (SQLRow) throws -> Bool) throws {
        try Self.forEachRow(of: try run(sql, values), body)
    }

    /// Sent together in libpq's pipeline: one round trip for all of them.
    func rowSets(_ queries: [SQLQuery]) throws -> [[SQLRow]] {
        let statements = queries.map { query in (sql: numbered(query.sql), parameters: Self.bound(query.arguments).map(Self.parameter)) }
        let results = try connection.executeAll(statements, prepared: try statements.map { try preparedName($0.sql) })
        return try results.map { result in
            var rows: [SQLRow] = []
            try Self.forEachRow(of: result) { rows.append($0); return true }
            return rows
        }
    }

    private static func forEachRow(of result: PostgresResult, _ body: (SQLRow) throws -> Bool) throws {
        let columns = SQLColumns(result.columnNames)
        let types = columns.names.indices.map { result.typeOID(column: $0) }
        for row in 0..<result.rowCount {
            let values = types.enumerated().map { column, type in Self.value(result, row: row, column: column, type: type) }
            guard try body(SQLRow(columns: columns, values: values)) else { return }
        }
    }

    func tableNames() throws -> [String] {
        try values(String.self, sql: """
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ? AND c.relkind = 'r' ORDER BY c.oid
            """, arguments: [ServerSchema.namespace])
    }

    func columnNames(of table: String) throws -> [String] {
        try values(String.self, sql: """
            SELECT a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum
            """, arguments: [ServerSchema.namespace, table])
    }

    func beginRecording(_ memory: TransactionMemory) {
        // The server store's transaction ends the memory itself (it knows when it commits).
        _ = memory.start()
    }

    private func run(_ sql: String, _ values: [SQLValue]) throws -> PostgresResult {
        let statement = numbered(sql)
        if let name = try preparedName(statement) { return try connection.executePrepared(name, values.map(Self.parameter)) }
        return try connection.execute(statement, values.map(Self.parameter))
    }

    /// The statement's prepared name from its second run on; nil while it is new, or once the
    /// session holds `preparedLimit` of them.
    private func preparedName(_ statement: String) throws -> String? {
        if let name = preparedNames[statement] { return name }
        guard preparedNames.count < Self.preparedLimit else { return nil }
        guard seenOnce.contains(statement) else {
            if seenOnce.count < Self.preparedLimit { seenOnce.insert(statement) }
            return nil
        }
        let name = "beschermbord_\(preparedNames.count + 1)"
        try connection.prepare(name, statement)
        preparedNames[statement] = name
        return name
    }

    private func numbered(_ sql: String) -> String {
        if let known = translated[sql] { return known }
        let numbered = Self.numberingParameters(sql)
        translated[sql] = numbered
        return numbered
    }

    private static func parameter(_ value: SQLValue) -> (any PostgresValue)? {
        switch value {
        case .null: return nil
        case .integer(let number): return number
        case .real(let number): return number
        case .text(let text): return text
        case .blob(let bytes): return Data(bytes)
        }
    }

    /// `?` → `$1`, `$2`, … outside string literals, quoted names and comments.
    static func numberingParameters(_ sql: String) -> String {
        var result = ""
        result.reserveCapacity(sql.utf8.count + 8)
        var number = 0
        var quote: Character?
        var lineComment = false
        var previous: Character?
        for character in sql {
            defer { previous = character }
            if lineComment {
                if character == "\n" { lineComment = false }
            } else if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "-" && previous == "-" {
                lineComment = true
            } else if character == "?" {
                number += 1
                result += "$\(number)"
                continue
            }
            result.append(character)
        }
        return result
    }

    // MARK: Reading values back as the file store holds them

    private static let boolean: UInt32 = 16, bytea: UInt32 = 17, int8: UInt32 = 20, int2: UInt32 = 21, int4: UInt32 = 23,
                       float4: UInt32 = 700, float8: UInt32 = 701, numeric: UInt32 = 1700, timestamptz: UInt32 = 1184

    private static func value(_ result: PostgresResult, row: Int, column: Int, type: UInt32) -> SQLValue {
        if type == bytea { return result.data(row: row, column: column).map { .blob([UInt8]($0)) } ?? .null }
        guard let text = result.string(row: row, column: column) else { return .null }
        switch type {
        case boolean: return .integer(text == "t" ? 1 : 0)
        case int2, int4, int8: return Int64(text).map(SQLValue.integer) ?? .text(text)
        case float4, float8: return Double(text).map(SQLValue.real) ?? .text(text)
        case numeric: return Int64(text).map(SQLValue.integer) ?? Double(text).map(SQLValue.real) ?? .text(text)
        case timestamptz: return .text(fileTimestamp(text))
        default: return .text(text)
        }
    }

    /// `2026-12-04 21:17:37.12+00` (the server's ISO output in UTC) as `Clock.timestamp` writes
    /// it: `2026-12-04T21:17:37.120Z`. Store times are written in milliseconds, so nothing is lost.
    static func fileTimestamp(_ text: String) -> String {
        var rest = Substring(text)
        if rest.hasSuffix("+00") { rest = rest.dropLast(3) }
        guard rest.count >= 19 else { return text }
        let date = rest.prefix(10)
        let time = rest.dropFirst(11).prefix(8)
        var fraction = rest.dropFirst(19).drop(while: { $0 == "." })
        fraction = fraction.prefix(3)
        return "\(date)T\(time).\(fraction)\(String(repeating: "0", count: 3 - fraction.count))Z"
    }
}
