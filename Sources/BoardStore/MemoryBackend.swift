import BoardCore
import GRDB

/// A store held in memory only, with the file store's schema: the staging area of an import into
/// the server store (Server/ServerImport.swift), where the import's rules write as they do on a
/// file before the new rows go to the server in one COPY per table. Nothing of it reaches a disk,
/// and it is gone with the process, however that ends.
final class MemoryBackend: StoreBackend {
    let queue: DatabaseQueue
    var location: String { "werkgeheugen" }
    var name: String { location }
    var dialect: SQLDialect { .sqlite }
    var isReadOnly: Bool { false }

    init() throws {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        queue = try DatabaseQueue(configuration: configuration)
        try Schema.migrator.migrate(queue)
    }

    func read<T>(_ body: (any StoreDatabase) throws -> T) throws -> T {
        try queue.read(body)
    }

    func write<T>(_ memory: TransactionMemory, _ body: (any StoreDatabase) throws -> T) throws -> T {
        try queue.write { db in
            memory.begin(db)
            return try body(db)
        }
    }

    /// Memory keeps nothing once freed.
    func erasingWrite<T>(_ memory: TransactionMemory, _ body: (any StoreDatabase) throws -> T) throws -> T {
        try write(memory, body)
    }

    func loadCards(since: String?) throws -> [CaseSummary] {
        try read { db in try Store.cards(db, since: since) }
    }

    func boardChangeToken() throws -> Int64 {
        try read(Store.lastBoardChange)
    }

    func boardLoaded() {}
}
