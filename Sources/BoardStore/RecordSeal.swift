import BoardCore
import GRDB
import GRDBSQLite

/// Records that no one's change wrote: those of a store from before schema `v14-record-digests`,
/// and the demo's backfill. They are logged ("sealed") in `vastgelegd` events of at most
/// `sealedPerEvent` records each, tied to no family, so that `check` covers them from then on. A
/// seal vouches only for what the records held when it was made: what was changed outside
/// Beschermbord before an upgrade cannot be seen any more (README, `beschermbord check`).
extension Store {
    static let sealedPerEvent = 1000

    /// At open, after the migrations: logs every record of a store whose log names none yet. The
    /// newest event tells cheaply: sealing comes before every other version 2 event, so a store
    /// whose newest event is of version 2 is sealed. Checked again inside the write transaction,
    /// so two users opening an old store at once seal it once.
    func sealLegacyRecordsIfNeeded() throws {
        // A seal is signed by whoever opens the store: never by a user the system cannot name.
        guard !UnnamedUser.isUnnamed(user), try pool.read({ db in try Self.needsSeal(db) }) else { return }
        try file.integrity?.wait()
        try pool.write { db in
            memory.begin(db)
            guard try Self.needsSeal(db) else { return }
            for table in CoveredTables.all where try db.tableExists(table.name) {
                let statement = try db.makeStatement(sql: "SELECT rowid, \(table.columnList) FROM \(table.quotedName) ORDER BY rowid")
                let cursor = try Row.fetchCursor(statement)
                var builder = RecordDigest.Builder()
                var entries: [RecordDigest.Entry] = []
                while try cursor.next() != nil {
                    let raw = statement.sqliteStatement
                    entries.append(table.entry(rowid: sqlite3_column_int64(raw, 0), builder: &builder) { sqlite3_column_value(raw, $0 + 1) })
                }
                try seal(db, entries) { count in
                    "\(count) gegevens uit tabel \(table.name) vastgelegd bij het bijwerken naar \(Schema.recordDigestsMigrationName); "
                        + "wat daarvóór buiten Beschermbord om is gewijzigd, is niet meer na te gaan"
                }
            }
        }
    }

    static func needsSeal(_ db: Database) throws -> Bool {
        if try Bool.fetchOne(db, sql: "SELECT records IS NOT NULL FROM event ORDER BY id DESC LIMIT 1") == true { return false }
        for table in CoveredTables.all where try db.tableExists(table.name) {
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table.quotedName))") == true { return true }
        }
        return false
    }

    /// Logs the records this transaction changed since its last event in `vastgelegd` events,
    /// each with `detail(count)`, once at least `atLeast` changes wait (the demo seals as it goes).
    func sealChangedRecords(_ db: any StoreDatabase, atLeast: Int = 1, detail: (Int) -> String) throws {
        guard try db.pendingRecordChanges(memory).count >= atLeast else { return }
        try seal(db, db.takeChangedRecords(memory), detail: detail)
    }

    private func seal(_ db: any StoreDatabase, _ entries: [RecordDigest.Entry], detail: (Int) -> String) throws {
        var start = 0
        while start < entries.count {
            let chunk = Array(entries[start..<min(entries.count, start + Self.sealedPerEvent)])
            try EventLog.append(db, memory: memory, caseID: nil, familyID: nil, recordedAt: Clock.timestamp(), user: user,
                                kind: EventKind.vastgelegd.rawValue, from: nil, to: nil, day: Clock.today().iso,
                                detail: detail(chunk.count), records: chunk)
            start += Self.sealedPerEvent
        }
    }
}
