import Foundation
import GRDB

/// Creating a new store, and telling whether an existing one may be written.
enum StoreCreation {
    /// Builds a complete new store (schema, and the creator as teamleider) under a hidden name
    /// beside `path`, then links it into place in one step. Whatever moment the program is killed,
    /// `path` is either absent or a complete store: never an empty or half-made file that the next
    /// start would refuse. Returns false when someone else created the store meanwhile (theirs is
    /// kept and ours thrown away).
    static func create(path: String, user: String, access: StoreAccess = .owner) throws -> Bool {
        let temporary = try build(beside: path, user: user, access: access)
        defer { discard(temporary) }
        return try place(temporary, at: path)
    }

    /// A complete new store (schema, `user` as teamleider) under a hidden name beside `path`
    /// (`HiddenCopy.newStore`); returns that name. The hidden copies of earlier creations that were
    /// killed part way are removed first. The store gets `access` before it is placed.
    static func build(beside path: String, user: String, access: StoreAccess = .owner) throws -> String {
        HiddenCopy.newStore.removeStale(beside: path)
        let temporary = HiddenCopy.newStore.name(beside: path)
        do {
            var configuration = Configuration()
            configuration.journalMode = .wal
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA foreign_keys = ON") }
            let queue = try DatabaseQueue(path: temporary, configuration: configuration)
            try Schema.migrator.migrate(queue)
            try queue.write { db in _ = try Store.bootstrapTeamleider(db, user: user, memory: TransactionMemory()) }
            try queue.close()
        } catch {
            discard(temporary)
            throw (error as? StoreError) ?? StoreError.cannotOpen(path: path, reason: StoreFile.describe(error))
        }
        access.apply(toStore: temporary)
        return temporary
    }

    /// Puts the finished store `temporary` (closed, its WAL folded in) at `path` in one step, never
    /// over an existing file: false when there is one. `temporary` stays until `discard`.
    static func place(_ temporary: String, at path: String) throws -> Bool {
        let directory = (path as NSString).deletingLastPathComponent
        if link(temporary, path) == 0 {
            syncDirectory(directory)
            return true
        }
        if errno == EEXIST { return false }
        // A file system without hard links: rename, unless the store appeared meanwhile.
        if FileManager.default.fileExists(atPath: path) { return false }
        guard rename(temporary, path) == 0 else {
            throw StoreError.cannotOpen(path: path, reason: "de nieuwe opslag kan niet op zijn plaats worden gezet (\(StoreFile.describe(errno: errno)))")
        }
        syncDirectory(directory)
        return true
    }

    /// Removes a hidden store and its SQLite files; a store already placed keeps its own name.
    static func discard(_ temporary: String) {
        for suffix in [""] + HiddenCopy.sqliteSuffixes { unlink(temporary + suffix) }
    }

    /// Makes the new directory entry durable (a power cut right after creation keeps the store).
    static func syncDirectory(_ directory: String) {
        let descriptor = open(directory.isEmpty ? "." : directory, O_RDONLY)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// Whether this process may write the store: the file, and either the directory (SQLite creates
    /// `-wal` and `-shm` beside it) or both of those files. Root passes `access` on any file of a
    /// writable file system, as the kernel would let it write.
    static func isWritable(path: String) -> Bool {
        guard access(path, W_OK) == 0 else { return false }
        let directory = (path as NSString).deletingLastPathComponent
        if access(directory.isEmpty ? "." : directory, W_OK) == 0 { return true }
        return access(path + "-wal", W_OK) == 0 && access(path + "-shm", W_OK) == 0
    }
}

extension StoreFile {
    /// The name under which SQLite should open the store read-only. Normally the path itself;
    /// but SQLite cannot read a WAL store whose directory is not writable while no `-shm` file
    /// exists (nobody has the store open), because it cannot create one. Then the store is opened
    /// as `immutable`: read straight from the file, without locks. That is right for a store on
    /// read-only media or in a directory that nobody writes; a colleague who can write there and
    /// starts working meanwhile is not seen until the store is opened again.
    /// Every opening of a store comes here first (`checkExisting`), so the store's companion files
    /// are repaired here too (StoreCompanions.swift).
    static func readOnlyOpenPath(_ path: String) -> String {
        repairCompanions(of: path)
        let directory = (path as NSString).deletingLastPathComponent
        if access(directory.isEmpty ? "." : directory, W_OK) == 0 || FileManager.default.fileExists(atPath: path + "-shm") {
            return path
        }
        guard sqliteTakesURIs, let encoded = path.addingPercentEncoding(withAllowedCharacters: uriPathCharacters) else { return path }
        return "file:\(encoded)?immutable=1"
    }

    /// Whether this SQLite reads file names as URIs (Debian's and most others are built so).
    static let sqliteTakesURIs: Bool = {
        guard let queue = try? DatabaseQueue() else { return false }
        return (try? queue.read { db in try Bool.fetchOne(db, sql: "SELECT sqlite_compileoption_used('USE_URI')") }) == true
    }()

    private static let uriPathCharacters = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "?#%"))
}
