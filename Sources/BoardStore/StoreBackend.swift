import BoardCore

/// What the store's rules need of the database under them, and what differs per database: the
/// file store's SQLite file (FileBackend.swift) or the team's PostgreSQL server
/// (Server/ServerBackend.swift). Everything else, what a write writes and logs, lives once in
/// `Store`.
protocol StoreBackend: AnyObject, Sendable {
    /// The file's path, or the server's description (host and database, never a password).
    var location: String { get }
    /// The store in a few words (`CaseStore.name`).
    var name: String { get }
    /// The SQL spoken, where the two differ (`SQLDialect`).
    var dialect: SQLDialect { get }
    /// Opened without write access: reading works, every write is refused.
    var isReadOnly: Bool { get }
    /// Reads from one consistent snapshot.
    func read<T>(_ body: (any StoreDatabase) throws -> T) throws -> T
    /// One write transaction, one writer at a time: `memory` begins with it and is forgotten when
    /// it ends; what `body` throws rolls everything back.
    func write<T>(_ memory: TransactionMemory, _ body: (any StoreDatabase) throws -> T) throws -> T
    /// A write that erases personal data: where the database keeps old content around (SQLite's
    /// free pages and write-ahead log), it is overwritten too.
    func erasingWrite<T>(_ memory: TransactionMemory, _ body: (any StoreDatabase) throws -> T) throws -> T
    /// The board's cards (`Store.summarySelect`): open cases and those closed since `since`, or all.
    func loadCards(since: String?) throws -> [CaseSummary]
    /// Changes whenever anyone changes what a board shows (see `Store.boardChangeToken`).
    func boardChangeToken() throws -> Int64
    /// The board has what it shows: background work may now take a core.
    func boardLoaded()
}
