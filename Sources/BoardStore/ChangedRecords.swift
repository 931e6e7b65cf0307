import BoardCore
import CSQLitePreupdate
import Foundation
import GRDB
import GRDBSQLite

/// The covered records a write transaction changed, as SQLite itself reports every row an
/// INSERT, UPDATE or DELETE is about to change, with the values it will hold (its preupdate hook;
/// also for the rows a trigger changes): no path that writes can forget to say what it wrote, and
/// nothing has to be read back. Each record is digested as it is written; the transaction's next
/// event names the records (`take`), and a transaction may not end with changes that no event
/// named (`requireNone`).
///
/// The hook is set only while the store's own write transaction runs (`TransactionMemory.begin`),
/// on its connection. GRDB would set one only when built with SQLITE_ENABLE_PREUPDATE_HOOK.
final class ChangedRecords: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [RecordDigest.Entry] = []
    private var connection: SQLiteConnection?
    /// Used on the writing thread only, inside the hook.
    private var builder = RecordDigest.Builder()

    /// Listens on the transaction's connection until `stop`.
    func listen(_ db: Database) {
        guard let connection = db.sqliteConnection else { return }
        lock.withLock {
            self.connection = connection
            entries = []
        }
        sqlite3_preupdate_hook(connection, { context, connection, operation, database, table, oldRowid, newRowid in
            guard let context, let connection, let database, let table, strcmp(database, "main") == 0,
                  let index = CoveredTables.index(of: table) else { return }
            Unmanaged<ChangedRecords>.fromOpaque(context).takeUnretainedValue()
                .record(CoveredTables.all[index], connection, operation, oldRowid: oldRowid, newRowid: newRowid)
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    func stop() {
        let listening = lock.withLock { () -> SQLiteConnection? in
            defer {
                connection = nil
                entries = []
            }
            return connection
        }
        if let listening { sqlite3_preupdate_hook(listening, nil, nil) }
    }

    /// Inside the hook: the record as it will be, or as deleted.
    private func record(_ table: CoveredTable, _ connection: OpaquePointer, _ operation: Int32, oldRowid: Int64, newRowid: Int64) {
        if operation == SQLITE_DELETE || oldRowid != newRowid && operation == SQLITE_UPDATE {
            let deleted = RecordDigest.Entry(key: RecordDigest.Key(table: table.name, rowid: oldRowid), digest: nil)
            lock.withLock { entries.append(deleted) }
        }
        guard operation != SQLITE_DELETE else { return }
        let written = table.entry(rowid: newRowid, builder: &builder) { column in
            var value: OpaquePointer?
            return sqlite3_preupdate_new(connection, column, &value) == SQLITE_OK ? value : nil
        }
        lock.withLock { entries.append(written) }
    }

    /// Changes waiting for an event (a record changed twice counts twice).
    var count: Int { lock.withLock { entries.count } }

    /// The records changed since the last event, each once, as last changed, in that order.
    func take() -> [RecordDigest.Entry] {
        let taken = lock.withLock { () -> [RecordDigest.Entry] in
            defer { entries = [] }
            return entries
        }
        // An import changes a handful of records per event, each once: look before building a set.
        guard taken.count > 16 || taken.indices.contains(where: { index in taken[..<index].contains { $0.key == taken[index].key } }) else {
            return taken
        }
        var seen = Set<RecordDigest.Key>()
        return taken.reversed().filter { seen.insert($0.key).inserted }.reversed()
    }

    /// The first change waiting for an event.
    var first: RecordDigest.Key? { lock.withLock { entries.first?.key } }
}
