import Foundation

/// The `-wal` and `-shm` files SQLite keeps beside a store in WAL mode.
///
/// SQLite gives them the mode the store file has when it creates them (and again whenever it
/// opens one that is empty), and keeps it for a `-shm` in use. A session that could only read
/// because the owner had made the store read-only (chmod 0400) thus left a `-shm` the owner could
/// not write: once the store was writable again, every program was refused as "alleen-lezen" until
/// someone removed the file by hand. So every opening of a store first gives the owner's
/// companions back the owner's write permission (making them writable beforehand would not last:
/// SQLite sets an empty one to the store's mode when it opens it).
extension StoreFile {
    static let companionSuffixes = ["-wal", "-shm"]

    /// Makes the store owner's companions that the owner cannot write writable for them again.
    /// Only the owner (and root) may change a file's mode; for anyone else this does nothing.
    static func repairCompanions(of path: String) {
        let store = resolved(path)
        var info = stat()
        guard stat(store, &info) == 0 else { return }
        for companion in companionSuffixes.map({ store + $0 }) {
            var existing = stat()
            guard lstat(companion, &existing) == 0, (existing.st_mode & S_IFMT) == S_IFREG,
                  existing.st_uid == info.st_uid, existing.st_mode & S_IWUSR == 0 else { continue }
            chmod(companion, (existing.st_mode & 0o777) | S_IWUSR)
        }
    }

    /// A companion this process cannot write; with one, SQLite refuses to open the store for writing.
    static func unwritableCompanion(of path: String) -> String? {
        let store = resolved(path)
        return companionSuffixes.map { store + $0 }.first { FileManager.default.fileExists(atPath: $0) && access($0, W_OK) != 0 }
    }

    /// Why the store cannot be written because of `companion`, and what to do: a `-shm` holds nothing
    /// once nobody has the store open, but a `-wal` may hold saved changes.
    static func unwritableCompanionReason(_ companion: String) -> String {
        let problem = "het hulpbestand \(companion) kan niet worden geschreven (het is alleen-lezen of van een andere gebruiker). "
        if companion.hasSuffix("-shm") {
            return problem + "Zorg dat niemand de opslag open heeft en verwijder dan \(companion), of laat de eigenaar het schrijfbaar maken (chmod 600)."
        }
        return problem + "Laat de eigenaar of je beheerder het schrijfbaar maken (chmod 600); verwijder het niet, want er kunnen opgeslagen wijzigingen in staan."
    }

    /// SQLite puts the companions beside the file a link points at.
    static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }
}
