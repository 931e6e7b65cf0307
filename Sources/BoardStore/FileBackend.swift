import BoardCore
import Foundation
import GRDB

/// The file store: one SQLite file in WAL mode that several staff use at once (through GRDB).
final class FileBackend: StoreBackend {
    let location: String
    /// Opened without write access (asked for, or the file or its directory is not writable).
    let isReadOnly: Bool
    let pool: DatabasePool
    var dialect: SQLDialect { .sqlite }
    var name: String { (location as NSString).lastPathComponent }
    /// The integrity check deferred to the background (`.beforeFirstWrite`); writes wait for it.
    let integrity: BackgroundIntegrityCheck?
    /// The file was made by this open (it then gets `access` once complete).
    let isNew: Bool
    /// The group the store is shared with (SharedFileStore.swift); nil for an owner's own file.
    let sharedGroup: OSGroup?

    /// Opens (and on first use creates) the store at `path`. A file that is not a Beschermbord
    /// store is refused before SQLite touches it, so it is never changed; so is a damaged store.
    /// A new store is made complete under a temporary name and then linked into place, with
    /// `user` as its first teamleider and the permissions of `access`. Brings an older store's
    /// schema up to date.
    init(path: String, user: String, readOnly: Bool, integrityCheck: IntegrityCheckTiming, access: StoreAccess = .owner) throws {
        location = path
        var isNew = try StoreFile.prepare(path: path)
        // Hidden copies of store creations killed part way (a new store's creator removes them too).
        if !isNew && !readOnly { HiddenCopy.newStore.removeStale(beside: path) }
        if isNew {
            if readOnly { throw StoreError.cannotOpen(path: path, reason: "het bestand bestaat niet") }
            // A new store's creator becomes its teamleider: that must be someone the system can name.
            if UnnamedUser.isUnnamed(user) { throw StoreError.unnamedUser(user: user) }
            isNew = try StoreCreation.create(path: path, user: user, access: access)
        }
        self.isNew = isNew
        sharedGroup = SharedFileStore.group(ofStore: path)
        let deferCheck = integrityCheck == .beforeFirstWrite && !isNew
        try StoreFile.checkExisting(path: path, quickCheck: !deferCheck)
        integrity = deferCheck ? BackgroundIntegrityCheck(path: path) : nil
        isReadOnly = readOnly || !StoreCreation.isWritable(path: path)
        var configuration = Configuration()
        configuration.readonly = isReadOnly
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        do {
            pool = try DatabasePool(path: isReadOnly ? StoreFile.readOnlyOpenPath(path) : path, configuration: configuration)
        } catch {
            throw StoreFile.openError(path: path, error)
        }
        try opening {
            try pool.read { db in try StoreFile.checkOwnership(db, path: path, isNew: isNew) }
            if isReadOnly {
                guard try pool.read({ db in try Schema.migrator.hasCompletedMigrations(db) }) else { throw StoreError.needsUpgrade(path: path) }
            } else {
                if integrity != nil, try !pool.read({ db in try Schema.migrator.hasCompletedMigrations(db) }) { try integrity?.wait() }
                try Schema.migrator.migrate(pool)
            }
        }
    }

    /// Runs a step of opening with SQLite's faults said as the store's.
    func opening(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreFile.openError(path: location, error)
        }
    }

    /// Folds the write-ahead log into the file and closes every connection (SQLite then removes the
    /// `-wal`), so that the file alone is the whole store. Nothing can be read or written afterwards.
    func close() throws {
        do {
            try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
            try pool.close()
        } catch {
            throw StoreError.writeFailed(StoreFile.describe(error))
        }
    }

    func read<T>(_ body: (any StoreDatabase) throws -> T) throws -> T {
        do { return try pool.read(body) } catch let error as StoreError { throw error } catch {
            throw StoreError.cannotOpen(path: location, reason: StoreFile.describe(error))
        }
    }

    func write<T>(_ memory: TransactionMemory, _ body: (any StoreDatabase) throws -> T) throws -> T {
        if isReadOnly { throw StoreError.readOnly(path: location) }
        try integrity?.wait()
        do {
            return try pool.write { db in
                memory.begin(db)
                return try body(db)
            }
        } catch let error as StoreError { throw error } catch {
            throw StoreError.writeFailed(StoreFile.describe(error))
        }
    }

    func erasingWrite<T>(_ memory: TransactionMemory, _ body: (any StoreDatabase) throws -> T) throws -> T {
        if isReadOnly { throw StoreError.readOnly(path: location) }
        try integrity?.wait()
        do {
            return try pool.writeWithoutTransaction { db in
                // Overwrite the old content in the file too, rather than leave it in free space.
                let secureDelete = try db.value(Int.self, sql: "PRAGMA secure_delete") ?? 0
                try db.execute(sql: "PRAGMA secure_delete = ON")
                defer { try? db.execute(sql: "PRAGMA secure_delete = \(secureDelete)") }
                var result: T?
                try db.inTransaction {
                    memory.begin(db)
                    result = try body(db)
                    return .commit
                }
                // And out of the write-ahead log, when no reader holds it (otherwise at the next checkpoint).
                _ = try? db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                return result!
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.writeFailed(StoreFile.describe(error))
        }
    }

    func boardChangeToken() throws -> Int64 {
        try read(Store.lastBoardChange)
    }

    func boardLoaded() {
        integrity?.start()
    }

    /// From this many cards on, the board is read in two halves at once.
    static let parallelLoadFrom = 4_000

    /// A large board is read in two halves, split by case id, on two reader connections at once:
    /// the store has readers to spare and the machine at least two cores, and loading is most of
    /// starting the board. Splitting by id means no card can be read twice or missed, even if a
    /// colleague moves a case in between; at worst one half is a moment older, until the next reload.
    func loadCards(since: String?) throws -> [CaseSummary] {
        try loadCards(since: since, parallelFrom: Self.parallelLoadFrom)
    }

    func loadCards(since: String?, parallelFrom: Int, sampleEvery: Int = 16) throws -> [CaseSummary] {
        let condition = Store.boardCondition(since: since)
        guard let split = try read({ db in try Store.splitID(db, since: since, parallelFrom: parallelFrom, sampleEvery: sampleEvery) }) else {
            return try read { db in try Store.cards(db, where: condition, arguments: since.map { [$0] } ?? []) }
        }
        let pool = self.pool
        // `+c.id`: the split must not make SQLite scan the table by id instead of using the
        // closed_on index (unless every case is wanted: then the id range is the way).
        let id = since == nil ? "c.id" : "+c.id"
        let halves = ["\(condition) AND \(id) < ?", "\(condition) AND \(id) >= ?"]
        // Each task writes only its own slot; the buffer outlives both (concurrentPerform returns when they are done).
        nonisolated(unsafe) let results = UnsafeMutableBufferPointer<Result<[CaseSummary], Error>>.allocate(capacity: halves.count)
        defer { results.deallocate() }
        DispatchQueue.concurrentPerform(iterations: halves.count) { index in
            let result = Result {
                try pool.read { db in try Store.cards(db, where: halves[index], arguments: (since.map { [$0] } ?? []) + [split]) }
            }
            (results.baseAddress! + index).initialize(to: result)
        }
        defer { _ = results.baseAddress!.deinitialize(count: halves.count) }
        do {
            return try results.reduce(into: []) { cards, half in cards += try half.get() }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotOpen(path: location, reason: StoreFile.describe(error))
        }
    }
}
