import BoardCore
import GRDB
import PostgresClient

/// An import into the server store. Row by row, the rules' statements would each cross to the
/// server and back (some fifteen per row: 150 rows a second). Instead the same rules write the
/// rows into a staging store in memory (MemoryBackend.swift), numbered on from the server's ids
/// and chained on from its log's tip, exactly as an import into a file; then one COPY per table
/// streams the new rows, events and their hashes included, to the server, inside the write
/// transaction that read those ids and that tip under the store's write lock. So the server
/// gets what a file import writes, the whole file or (on any error, a killed process, a lost
/// connection) nothing.
extension Store {
    func stagedImport(_ db: any StoreDatabase, _ batches: ImportBatches) throws -> ImportResult {
        guard let server = backend as? ServerBackend, let session = db as? PostgresStoreDatabase else {
            preconditionFailure("a staged import is the server store's")
        }
        try requireChange(db)
        let staging = try Store(stagingFor: user)
        let floors = try staging.prepareStaging(from: db)
        let tip = try memory.chainTip ?? EventLog.readTip(db)
        let known = try Self.storedKenmerken(db)
        let staff = try Self.staffDirectory(db)
        var stagedTip: (id: Int64, hash: [UInt8]?)?
        let result = try staging.write { staged in
            staging.memory.chainTip = tip
            defer { stagedTip = staging.memory.chainTip }
            // The staging store starts empty, so rebuilding its indexes at the end always pays.
            var inMemory = batches
            inMemory.deferIndexes = true
            return try staging.importBatches(staged, dryRun: false, known: known, staff: staff, inMemory)
        }
        guard result.cases > 0, let memoryBackend = staging.backend as? MemoryBackend else { return result }
        try memoryBackend.queue.read { staged in
            var total = 0
            for table in Self.serverCopyOrder {
                total += try Int.fetchOne(staged, sql: "SELECT count(*) FROM \(table.quotedDatabaseIdentifier) WHERE rowid > ?",
                                          arguments: [floors[table] ?? 0]) ?? 0
            }
            // The log's row-level security (ServerEnforcedRoles.swift) refuses COPY to a staff
            // login; its owner, whom the policy does not bind, copies straight in.
            let logIsGuarded = try session.connection.execute("SELECT row_security_active('event') AS guarded").bool(row: 0, column: "guarded") == true
            var copiedBefore = 0
            batches.copying?(0, total)
            for table in Self.serverCopyOrder {
                copiedBefore += try Self.copy(table, from: staged, after: floors[table] ?? 0, to: session.connection, server: server.address,
                                              throughTemporaryTable: table == "event" && logIsGuarded) {
                    batches.copying?(copiedBefore + $0, total)
                }
                batches.copying?(copiedBefore, total)
            }
        }
        // The copied events name every copied record; what the triggers noted is named already.
        try session.connection.executeScript("TRUNCATE pg_temp.\(ServerSchema.changesTable)")
        try Self.continueIdentities(session.connection)
        memory.chainTip = stagedTip
        return result
    }

    /// Makes this (staging) store continue where the server store stands: its staff list and
    /// settings as the server has them, and in every other table a placeholder row with the
    /// server's highest key, so that the rows the import adds get the ids they will have on the
    /// server. Written around the rules (nothing here is logged: none of it is copied), with the
    /// references and checks off, since the placeholders point at nothing and hold nothing.
    /// Returns each table's highest key before the import: the rows after it are the import's.
    private func prepareStaging(from server: any StoreDatabase) throws -> [String: Int64] {
        guard let staging = backend as? MemoryBackend else { preconditionFailure("only a staging store is prepared") }
        let keys = Self.serverCopyOrder.map { table in (table, ServerSchema.recordKey(of: table)) }
        // The log's newest event may be one the login may not see (another's opening of a dossier):
        // its id comes from the server's function, as the chain's tip does (EventLog.readTip).
        let highest = try server.row(sql: "SELECT " + keys.map { table, key in
            table == "event" ? "(SELECT COALESCE(max(id), 0) FROM event_chain_tip())"
                : "(SELECT COALESCE(max(\(ServerRoles.quoted(key))), 0) FROM \(ServerRoles.quoted(table)))"
        }.joined(separator: ", "))
        let copiedWhole: Set<String> = ["medewerkers", "setting"]
        return try staging.queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON")
            defer { try? db.execute(sql: "PRAGMA foreign_keys = ON; PRAGMA ignore_check_constraints = OFF") }
            var floors: [String: Int64] = [:]
            try db.inTransaction {
                for (index, (table, key)) in keys.enumerated() {
                    let columns = try ServerSchema.copiedColumns(of: table, in: db)
                    if copiedWhole.contains(table) {
                        try db.execute(sql: "DELETE FROM \(table.quotedDatabaseIdentifier)")
                        let list = columns.map(ServerRoles.quoted).joined(separator: ", ")
                        try server.forEachRow(sql: "SELECT \(list) FROM \(ServerRoles.quoted(table))") { row in
                            try db.execute("INSERT INTO \(table.quotedDatabaseIdentifier) (\(list)) VALUES (\(databaseQuestionMarks(count: columns.count)))",
                                           values: row.values)
                        }
                    } else if let top: Int64 = highest?[index], top > 0 {
                        try Self.insertPlaceholder(db, table: table, key: key, id: top)
                    }
                    floors[table] = try Int64.fetchOne(db, sql: "SELECT COALESCE(max(rowid), 0) FROM \(table.quotedDatabaseIdentifier)") ?? 0
                }
                return .commit
            }
            return floors
        }
    }

    /// A row that holds only its key: every other required column 0 (a number fits where a
    /// summary's trigger copies it into an integer key; SQLite keeps it as text in a text column).
    private static func insertPlaceholder(_ db: Database, table: String, key: String, id: Int64) throws {
        let required = try Row.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?) WHERE \"notnull\" = 1 AND dflt_value IS NULL AND name != ?",
                                        arguments: [table, key]).map { $0[0] as String }
        let columns = ([key] + required).map(ServerRoles.quoted).joined(separator: ", ")
        try db.execute(sql: "INSERT INTO \(table.quotedDatabaseIdentifier) (\(columns)) VALUES (?\(String(repeating: ", 0", count: required.count)))",
                       arguments: [id])
    }
}
