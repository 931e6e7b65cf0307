import BoardCore
import Foundation
import PostgresClient

/// The team's store on a PostgreSQL server: one session (libpq connection) per open store, used
/// by one caller at a time. Writes follow one another as on the file, under the store's write
/// lock (an advisory lock held until commit), so that the chain's tip and the rules' checks read
/// what the last writer committed; reads see one snapshot. A lost connection is said as such
/// (`StoreError.serverConnectionLost`), and the next read or write connects again.
final class ServerBackend: StoreBackend, @unchecked Sendable {
    let address: ServerAddress
    /// The login the server established (peer, password or certificate): who the log names.
    let sessionUser: String
    /// Recursive, so that a read the rules make inside a write (the norms, the staff list) runs
    /// in that write's transaction instead of waiting for it for ever: one session has one.
    private let lock = NSRecursiveLock()
    /// Transactions open on the session; touched only by the lock's holder.
    private var depth = 0
    private var database: PostgresStoreDatabase
    /// Colleagues' changes, as the server announces them (made at the first ask).
    let changes: ServerChangeListener

    init(_ address: ServerAddress) throws {
        self.address = address
        changes = ServerChangeListener(address)
        database = PostgresStoreDatabase(try Self.connect(address))
        do {
            sessionUser = try database.connection.sessionUser
        } catch {
            throw ServerConnection.storeError(error, at: address)
        }
    }

    /// A backend inside the transaction the caller holds open on `connection` (a new store being
    /// filled, ServerStoreSetup.create): every read and write runs in that transaction, so what is
    /// written commits, or rolls back, with the schema it is written into.
    init(_ address: ServerAddress, inTransactionOn connection: PostgresConnection) throws {
        self.address = address
        changes = ServerChangeListener(address)
        database = PostgresStoreDatabase(connection)
        depth = 1
        do {
            try database.makeChangesTable()
            sessionUser = try connection.sessionUser
        } catch {
            throw ServerConnection.storeError(error, at: address)
        }
    }

    /// A session ready for the rules: the schema there and current. The table in which the
    /// session notes its changed records comes with its first write (`write`): most sessions
    /// start by reading, and making it (catalog rows, a commit) was a tenth of a first frame.
    private static func connect(_ address: ServerAddress) throws(StoreError) -> PostgresConnection {
        let connection = try ServerConnection.open(address)
        try ServerStoreSetup.checkReady(connection, at: address)
        return connection
    }

    var location: String { address.description }
    var isReadOnly: Bool { false }
    var dialect: SQLDialect { .postgres }
    var name: String { address.shortDescription }

    func read<T>(_ body: (any StoreDatabase) throws -> T) throws -> T {
        try session { db in
            try transaction(db, begin: "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY") {
                try body(db)
            } nested: {
                try body(db)
            }
        }
    }

    func write<T>(_ memory: TransactionMemory, _ body: (any StoreDatabase) throws -> T) throws -> T {
        try session { db in
            // Before the transaction, not in it: a first write that rolls back must not take the
            // table with it, or the next write's changes would be noted nowhere.
            if depth == 0 { try db.makeChangesTable() }
            return try transaction(db) {
                defer { memory.forget() }
                try db.connection.executeScript("SELECT pg_advisory_xact_lock(hashtext('beschermbord-schrijven'))")
                memory.begin(db)
                return try body(db)
            } nested: {
                memory.begin(db)
                return try body(db)
            }
        }
    }

    /// `outer` in a transaction of its own, or `nested` in the one already open on the session.
    private func transaction<T>(_ db: PostgresStoreDatabase, begin: String = "BEGIN", _ outer: () throws -> T,
                                nested: () throws -> T) throws -> T {
        if depth > 0 { return try nested() }
        depth += 1
        defer { depth -= 1 }
        return try db.connection.transaction(begin: begin, outer)
    }

    /// The server overwrites nothing in place: the old row versions stay in its files until
    /// VACUUM reclaims them, which the server's administrator schedules (README, retention).
    func erasingWrite<T>(_ memory: TransactionMemory, _ body: (any StoreDatabase) throws -> T) throws -> T {
        try write(memory, body)
    }

    func loadCards(since: String?) throws -> [CaseSummary] {
        try read { db in try Store.cards(db, since: since) }
    }

    func boardChangeToken() throws -> Int64 {
        try changes.token()
    }

    func boardLoaded() {}

    /// Runs `body` on the session, connecting again first when the last one was lost; the
    /// driver's faults said as the store's.
    private func session<T>(_ body: (PostgresStoreDatabase) throws -> T) throws -> T {
        try lock.withLock {
            if depth == 0, !database.connection.isAlive {
                database = PostgresStoreDatabase(try Self.connect(address))
            }
            do {
                return try body(database)
            } catch let error as PostgresError {
                throw ServerConnection.storeError(error, at: address)
            }
        }
    }
}
