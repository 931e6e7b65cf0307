import Foundation
import GRDB

extension Store {
    /// Copies the store to `destination` with SQLite's online backup, from one read snapshot: a
    /// consistent copy while colleagues keep working (WAL readers do not block writers).
    /// The copy is a single file in rollback-journal mode with mode 0600. It is built beside the
    /// destination and moved into place when complete; an existing file is only replaced with
    /// `overwrite`. Returns the copy's size in bytes.
    @discardableResult
    public func backup(to destination: String, overwrite: Bool = false) throws -> Int64 {
        let target = (destination as NSString).standardizingPath
        if (target as NSString).resolvingSymlinksInPath == (location as NSString).standardizingPath.resolvingSymlinks {
            throw StoreError.refused("\(destination) is de opslag zelf; kies een ander pad voor de reservekopie.")
        }
        try OutputFile.checkTarget(destination, overwrite: overwrite)
        let temporary = try OutputFile.makeTemporary(beside: destination)
        do {
            let copy = try DatabaseQueue(path: temporary)
            try pool.backup(to: copy)
            // The copy carries the source's WAL flag; make it one self-contained file.
            try copy.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = DELETE")
            }
            try copy.close()
        } catch {
            OutputFile.removeTemporaryStore(temporary)
            throw StoreError.refused("De reservekopie is mislukt: \(StoreFile.describe(error)). Er is niets geschreven naar \(destination).")
        }
        do {
            try OutputFile.place(temporary, at: destination, overwrite: overwrite)
        } catch {
            OutputFile.removeTemporaryStore(temporary)
            throw error
        }
        OutputFile.removeTemporaryStore(temporary)
        chmod(destination, 0o600)
        return OutputFile.size(of: destination)
    }
}

private extension String {
    var resolvingSymlinks: String { (self as NSString).resolvingSymlinksInPath }
}
