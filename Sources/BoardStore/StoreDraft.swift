import Foundation

/// A new store that is filled before anyone can see it: built and written under a hidden name
/// beside its path, and put at the path in one step only when complete (an import, a demo).
///
/// So such a command never has to take anything away at the path: when it fails or is killed,
/// there is no store of its own there, and whatever another process made at the path meanwhile
/// was never touched. Its hidden copy is removed by `discard`, or after a kill by the next command
/// that creates or writes the store (`HiddenCopy`).
public final class StoreDraft {
    /// Where the store goes.
    public let path: String
    /// The new store, open under its hidden name.
    public let store: Store
    let temporary: String
    private var isClosed = false

    private init(path: String, temporary: String, store: Store) {
        self.path = path
        self.temporary = temporary
        self.store = store
    }

    /// A draft for `path`, or nil when something is there already (open that instead). A path that
    /// cannot hold a store (a directory, a link to nothing) is refused as opening it would be.
    public static func begin(path: String, user: String = Clock.currentUser()) throws -> StoreDraft? {
        guard try StoreFile.prepare(path: path) else { return nil }
        let temporary = try StoreCreation.build(beside: path, user: user)
        do {
            return StoreDraft(path: path, temporary: temporary, store: try Store(path: temporary, user: user))
        } catch {
            StoreCreation.discard(temporary)
            throw error
        }
    }

    /// Closes the draft's store and puts it at `path`. Returns false, and leaves `path` as it is,
    /// when another process created a store there meanwhile. Call `discard` afterwards either way.
    public func place() throws -> Bool {
        try close()
        return try StoreCreation.place(temporary, at: path)
    }

    /// Closes the draft's store and removes its hidden copy (after `place`, only its second name:
    /// the store at `path` stays).
    public func discard() {
        try? close()
        StoreCreation.discard(temporary)
    }

    private func close() throws {
        guard !isClosed else { return }
        try store.close()
        isClosed = true
    }
}
