import Foundation
import GRDB
import PostgresClient

/// `backup` of a server store into a file: a self-contained SQLite store that opens with
/// `--store` and passes `check`, from one snapshot of the server while colleagues keep working.
/// The file gets this version's schema through the file store's own migrations; every row is
/// carried over with its id, and times in the exact text the log's hashes were made over.
public enum ServerToFileBackup {
    /// Rows fetched from the server at a time: a large log never has to be in memory at once.
    static let batchSize = 5_000

    /// Writes the copy under a temporary name beside `destination` and moves it into place when
    /// complete; an existing file is only replaced with `overwrite`. Returns the copy's size.
    @discardableResult
    public static func backup(_ address: ServerAddress, to destination: String, overwrite: Bool) throws -> Int64 {
        try OutputFile.checkTarget(destination, overwrite: overwrite)
        try ServerStoreSetup.checkReady(address)
        let server = try ServerConnection.open(address)
        let temporary = try OutputFile.makeTemporary(beside: destination)
        do {
            let copy = try DatabaseQueue(path: temporary)
            try Schema.migrator.migrate(copy)
            try server.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            defer { _ = try? server.execute("ROLLBACK") }
            try refusePartialCopy(server)
            try copy.write { db in
                for table in Store.serverCopyOrder {
                    try copyTable(table, from: server, into: db)
                }
            }
            try copy.close()
        } catch let error as PostgresError {
            OutputFile.removeTemporaryStore(temporary)
            throw ServerConnection.storeError(error, at: address)
        } catch {
            OutputFile.removeTemporaryStore(temporary)
            throw error
        }
        do {
            try OutputFile.place(temporary, at: destination, overwrite: overwrite)
        } catch {
            OutputFile.removeTemporaryStore(temporary)
            throw error
        }
        chmod(destination, 0o600)
        return OutputFile.size(of: destination)
    }

    /// Colleagues' openings of dossiers are a teamleider's to read (ServerEnforcedRoles.swift): a
    /// copy made by anyone else would lack them, its chain broken, so none is made.
    private static func refusePartialCopy(_ server: PostgresConnection) throws {
        let partial = try server.execute("""
            SELECT CASE WHEN row_security_active('event') THEN NOT session_is('teamleider') ELSE false END AS partial
            """)
        if partial.bool(row: 0, column: "partial") == true {
            throw StoreError.refused("Een volledige kopie van de serveropslag (backup, check) maakt alleen een teamleider: "
                                     + "wie welk dossier opende is voor jouw login niet te lezen, dus je kopie zou onvolledig zijn. "
                                     + "Er is niets geschreven.")
        }
    }

    /// One table through a server-side cursor, its columns read as the file holds them.
    static func copyTable(_ table: String, from server: PostgresConnection, into db: Database) throws {
        let columns = try ServerSchema.copiedColumns(of: table, in: db)
        let types = try server.execute("""
            SELECT column_name, data_type FROM information_schema.columns
            WHERE table_schema = $1 AND table_name = $2
            """, [ServerSchema.namespace, table])
        var typeOf: [String: String] = [:]
        for row in 0..<types.rowCount {
            typeOf[types.string(row: row, column: "column_name")!] = types.string(row: row, column: "data_type")
        }
        let selected = columns.map { column in Self.fileText(ServerRoles.quoted(column), type: typeOf[column] ?? "") }
        let cursor = "kopie_\(table)"
        try server.execute("DECLARE \(cursor) NO SCROLL CURSOR FOR SELECT \(selected.joined(separator: ", ")) FROM \(ServerRoles.quoted(table)) ORDER BY 1")
        let insert = try db.makeStatement(sql: """
            INSERT INTO \(table.quotedDatabaseIdentifier) (\(columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")))
            VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))
            """)
        while true {
            let batch = try server.execute("FETCH \(batchSize) FROM \(cursor)")
            if batch.rowCount == 0 { break }
            for row in 0..<batch.rowCount {
                let values: [DatabaseValueConvertible?] = columns.indices.map { index in
                    switch typeOf[columns[index]] {
                    case "bigint", "integer": return batch.int64(row: row, column: index)
                    case "bytea": return batch.data(row: row, column: index)
                    default: return batch.string(row: row, column: index)
                    }
                }
                try insert.execute(arguments: StatementArguments(values))
            }
        }
        try server.execute("CLOSE \(cursor)")
    }

    /// A column as the file store keeps it: times as `Clock.timestamp` writes them (UTC, with
    /// milliseconds), days as ISO text, everything else as it is.
    static func fileText(_ column: String, type: String) -> String {
        switch type {
        case "timestamp with time zone": return "to_char(\(column) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"
        case "date": return "\(column)::text"
        default: return column
        }
    }
}
