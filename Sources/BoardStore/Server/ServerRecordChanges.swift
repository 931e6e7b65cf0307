import BoardCore
import PostgresClient

/// The server store's side of the log's record coverage: the change triggers (ServerSchema's
/// `server-record-changes`, once per statement since `server-statement-triggers`) note each changed record in this session's temporary table; the
/// next event takes them, reads each record as it now is, and digests it as the file store does
/// from SQLite's preupdate hook (ChangedRecords.swift).
extension PostgresStoreDatabase {
    /// Makes the session's table before its first write (ServerBackend.write); without it the
    /// triggers note nothing (they return early) and the write's event would name no records.
    /// Rows live until taken; a rolled-back transaction takes its rows with it. Writable by any
    /// role, since what the store's owner changes for this session (its functions,
    /// ServerEnforcedRoles.swift) is noted here too; no other session sees a temporary table.
    func makeChangesTable() throws(PostgresError) {
        guard !hasChangesTable else { return }
        try connection.executeScript(Self.changesTableSQL)
        hasChangesTable = true
    }

    private static let changesTableSQL = """
        CREATE TEMPORARY TABLE IF NOT EXISTS \(ServerSchema.changesTable) (
            volgorde bigint GENERATED ALWAYS AS IDENTITY,
            tabel text NOT NULL,
            rij bigint NOT NULL,
            verwijderd boolean NOT NULL
        );
        GRANT INSERT ON pg_temp.\(ServerSchema.changesTable) TO PUBLIC
        """

    func takeChangedRecords(_ memory: TransactionMemory) throws -> [RecordDigest.Entry] {
        let noted = try rows(sql: "DELETE FROM pg_temp.\(ServerSchema.changesTable) RETURNING volgorde, tabel, rij, verwijderd")
            .sorted { ($0[0] as Int64) < ($1[0] as Int64) }
        guard !noted.isEmpty else { return [] }
        // Each record once, as last changed, in the order of those last changes.
        var seen = Set<RecordDigest.Key>()
        let last = noted.reversed().filter { row in
            seen.insert(RecordDigest.Key(table: row[1], rowid: row[2])).inserted
        }.reversed()
        var current: [RecordDigest.Key: [SQLValue]] = [:]
        for table in CoveredTables.all {
            let keys = last.filter { ($0[1] as String) == table.name && !($0[3] as Bool) }.map { $0[2] as Int64 }
            guard !keys.isEmpty else { continue }
            let keyColumn = ServerSchema.recordKey(of: table.name)
            try forEachRow(sql: """
                SELECT \(keyColumn), \(table.columnList) FROM \(table.quotedName) WHERE \(keyColumn) = ANY(?::bigint[])
                """, arguments: ["{" + keys.map(String.init).joined(separator: ",") + "}"]) { row in
                current[RecordDigest.Key(table: table.name, rowid: row[0])] = Array(row.values.dropFirst())
            }
        }
        var builder = RecordDigest.Builder()
        return last.map { row in
            let key = RecordDigest.Key(table: row[1], rowid: row[2])
            guard let table = CoveredTables.all.first(where: { $0.name == key.table }), let values = current[key] else {
                // Deleted, or deleted again after its last change.
                return RecordDigest.Entry(key: key, digest: nil)
            }
            return table.entry(rowid: key.rowid, builder: &builder, values: values)
        }
    }

    func pendingRecordChanges(_ memory: TransactionMemory) throws -> (count: Int, first: RecordDigest.Key?) {
        let count = try value(Int.self, sql: "SELECT count(*) FROM pg_temp.\(ServerSchema.changesTable)") ?? 0
        guard count > 0, let first = try row(sql: "SELECT tabel, rij FROM pg_temp.\(ServerSchema.changesTable) ORDER BY volgorde LIMIT 1") else {
            return (0, nil)
        }
        return (count, RecordDigest.Key(table: first[0], rowid: first[1]))
    }
}
