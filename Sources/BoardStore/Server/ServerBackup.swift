import Foundation
import GRDB
import GRDBSQLite
import PostgresClient

/// `backup` from a file store into a server database: how a team moves its store to the server.
/// Every row of every table, ids and the log's hashes included, from one read snapshot of the
/// file (colleagues keep working) and in one transaction on the server, so that the server holds
/// the whole copy or nothing. It fills an empty database or an empty store only: it never
/// replaces or adds to a store that holds anything.
extension Store {
    /// The tables in an order that satisfies their references. `family_children` is not copied:
    /// the server's triggers build it from the children, as the file's do.
    static let serverCopyOrder = [
        "family", "child", "case", "caregiver", "network_member", "medewerkers", "setting",
        "assessment", "risk_instrument", "note", "table_record", "rvk_record",
        "rvk_child_outcome", "assessment_child", "case_safety_score",
        "joint_plan", "plan_intensity", "plan_goal", "plan_agreement", "plan_hours", "plan_evaluation",
        "duty_done", "plan_member", "plan_safety_condition", "plan_agreement_detail", "plan_agreement_mark",
        "event",
    ]

    public struct ServerCopy: Equatable, Sendable {
        /// Rows copied per table, in copy order.
        public let rows: [String: Int]
        public let families: Int
        public let cases: Int
        public let events: Int
    }

    /// Copies this store into the server store at `address`, making it first when the database is
    /// empty (as `init` does).
    @discardableResult
    public func backup(toServer address: ServerAddress) throws -> ServerCopy {
        _ = try ServerStoreSetup.initialize(address)
        let connection = try ServerConnection.open(address)
        return try pool.read { db in
            do {
                return try connection.transaction {
                    // Nobody else fills the store meanwhile: the empty check holds until commit.
                    try connection.execute("LOCK TABLE family, event, medewerkers, setting IN EXCLUSIVE MODE")
                    let filled = try connection.execute("""
                        SELECT EXISTS (SELECT 1 FROM family) OR EXISTS (SELECT 1 FROM event)
                            OR EXISTS (SELECT 1 FROM medewerkers) OR EXISTS (SELECT 1 FROM setting) AS filled
                        """)
                    if filled.bool(row: 0, column: "filled") == true {
                        throw StoreError.serverStoreNotEmpty(server: address.description)
                    }
                    var copied: [String: Int] = [:]
                    for table in Self.serverCopyOrder {
                        copied[table] = try Self.copy(table, from: db, to: connection, server: address)
                    }
                    try Self.continueIdentities(connection)
                    return ServerCopy(rows: copied, families: copied["family"] ?? 0, cases: copied["case"] ?? 0,
                                      events: copied["event"] ?? 0)
                }
            } catch let error as PostgresError {
                throw ServerConnection.storeError(error, at: address)
            }
        }
    }

    /// One table's rows in COPY's text format (those after the rowid `floor`, when given), read
    /// straight from SQLite's statement into the outgoing bytes, so that a large log is never all
    /// in memory nor a string per field. Blobs go as bytea's hex form; everything else as the file
    /// holds its text. `throughTemporaryTable`: COPY into a session's copy of the table, then one
    /// INSERT from it, for a table whose row-level security refuses COPY to a staff login (the log).
    /// `progress` hears how many rows have gone out, every few thousand.
    static func copy(_ table: String, from db: Database, after floor: Int64? = nil, to connection: PostgresConnection,
                     server: ServerAddress, throughTemporaryTable: Bool = false, progress: ((_ rows: Int) -> Void)? = nil) throws -> Int {
        let columns = try ServerSchema.copiedColumns(of: table, in: db)
        let list = columns.map(ServerRoles.quoted).joined(separator: ", ")
        let target = throughTemporaryTable ? "pg_temp.\(ServerRoles.quoted(table + "_kopie"))" : ServerRoles.quoted(table)
        if throughTemporaryTable {
            try connection.executeScript("CREATE TEMPORARY TABLE \(target) (LIKE \(ServerRoles.quoted(table))) ON COMMIT DROP")
        }
        let statement = try db.makeStatement(sql: """
            SELECT \(list) FROM \(table.quotedDatabaseIdentifier) \(floor == nil ? "" : "WHERE rowid > ?") ORDER BY rowid
            """)
        try statement.setArguments(StatementArguments(floor.map { [$0] } ?? []))
        let raw = statement.sqliteStatement
        defer { sqlite3_reset(raw) }
        var stepped = SQLITE_OK
        var sent = 0
        let count: Int
        do {
            count = try connection.copyIn("COPY \(target) (\(list)) FROM STDIN") { bytes in
                stepped = sqlite3_step(raw)
                guard stepped == SQLITE_ROW else { return false }
                for column in 0..<Int32(columns.count) {
                    if column > 0 { bytes.append(PostgresCopyText.tab) }
                    appendCopyField(raw, column, to: &bytes)
                }
                bytes.append(PostgresCopyText.newline)
                sent += 1
                if sent % 4096 == 0 { progress?(sent) }
                return true
            }
        } catch {
            guard case .query(let sqlState, _, _) = error else { throw error }
            throw StoreError.serverCopyRefused(server: server.description, table: table, sqlState: sqlState)
        }
        if stepped != SQLITE_DONE { throw DatabaseError(resultCode: ResultCode(rawValue: stepped), message: String(cString: sqlite3_errmsg(db.sqliteConnection))) }
        if throughTemporaryTable {
            try connection.executeScript("INSERT INTO \(ServerRoles.quoted(table)) (\(list)) SELECT \(list) FROM \(target); DROP TABLE \(target)")
        }
        return count
    }

    /// One column of the current row as COPY's text format takes it.
    private static func appendCopyField(_ statement: SQLiteStatement, _ column: Int32, to bytes: inout [UInt8]) {
        switch sqlite3_column_type(statement, column) {
        case SQLITE_NULL:
            PostgresCopyText.appendNull(to: &bytes)
        case SQLITE_INTEGER:
            bytes.append(contentsOf: String(sqlite3_column_int64(statement, column)).utf8)
        case SQLITE_FLOAT:
            bytes.append(contentsOf: String(sqlite3_column_double(statement, column)).utf8)
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(statement, column))
            let start = sqlite3_column_blob(statement, column)?.assumingMemoryBound(to: UInt8.self)
            PostgresCopyText.appendHex(UnsafeBufferPointer(start: start, count: start == nil ? 0 : count), to: &bytes)
        default:
            let start = sqlite3_column_text(statement, column)
            let count = Int(sqlite3_column_bytes(statement, column))
            PostgresCopyText.append(UnsafeBufferPointer(start: start, count: start == nil ? 0 : count), to: &bytes)
        }
    }

    /// The copied ids were given, not drawn: each identity is drawn on past the highest. By
    /// `nextval`, which every login that may insert may call (`setval` needs more): the few ids
    /// drawn in vain are gaps nobody sees (the log numbers its events itself).
    static func continueIdentities(_ connection: PostgresConnection) throws {
        try connection.executeScript("""
            DO $$
            DECLARE
                identity record;
                sequence text;
                highest bigint;
                drawn bigint;
            BEGIN
                FOR identity IN
                    SELECT c.relname AS table_name, a.attname AS column_name FROM pg_attribute a
                    JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = '\(ServerSchema.namespace)' AND a.attidentity <> ''
                LOOP
                    EXECUTE format('SELECT max(%I) FROM %I.%I', identity.column_name, '\(ServerSchema.namespace)', identity.table_name)
                        INTO highest;
                    CONTINUE WHEN highest IS NULL;
                    sequence := pg_get_serial_sequence('\(ServerSchema.namespace).' || quote_ident(identity.table_name), identity.column_name);
                    drawn := nextval(sequence);
                    IF drawn < highest THEN
                        PERFORM nextval(sequence) FROM generate_series(1, highest - drawn);
                    END IF;
                END LOOP;
            END $$;
            """)
    }
}
