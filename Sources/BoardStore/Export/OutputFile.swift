import Foundation

/// Writing files that hold personal data: readable by the owner only (0600), never half-written
/// (a temporary file beside the target, then moved into place), and never over an existing file
/// unless asked to.
public enum OutputFile {
    /// Refuses a directory, a missing parent directory, or an existing file without `overwrite`.
    public static func checkTarget(_ path: String, overwrite: Bool) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw StoreError.refused("\(path) is een map; geef een bestandsnaam.") }
            if !overwrite {
                throw StoreError.refused("\(path) bestaat al en wordt niet overschreven; kies een andere naam of gebruik --force.")
            }
        }
        let directory = parent(of: path)
        if !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) || !isDirectory.boolValue {
            throw StoreError.refused("De map \(directory) bestaat niet.")
        }
    }

    /// Writes `data` to `path` with mode 0600.
    public static func write(_ data: Data, to path: String, overwrite: Bool) throws {
        try write(data, to: path, overwrite: overwrite, through: FileHandle.init(forWritingAtPath:))
    }

    /// The same, with the data going through the handle `open` gives for the temporary file (a
    /// test passes one on /dev/full, which fails as a full disk does).
    static func write(_ data: Data, to path: String, overwrite: Bool, through open: (String) -> FileHandle?) throws {
        try checkTarget(path, overwrite: overwrite)
        let temporary = try makeTemporary(beside: path)
        do {
            guard let handle = open(temporary) else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            defer { try? handle.close() }
            try handle.write(contentsOf: data)
            try handle.synchronize()
        } catch {
            unlink(temporary)
            // In the words of backup and import (SQLite's errors), not Foundation's English.
            throw StoreError.refused("Het schrijven is mislukt: \(StoreFile.describe(error)). Er is niets geschreven naar \(path).")
        }
        try place(temporary, at: path, overwrite: overwrite)
    }

    /// A new empty file (0600) in the directory of `path`, for building the result before it is
    /// placed. The hidden copies that earlier runs for `path` left when they were killed are removed first.
    static func makeTemporary(beside path: String) throws -> String {
        HiddenCopy.output.removeStale(beside: path)
        let temporary = HiddenCopy.output.name(beside: path)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw StoreError.refused("In de map \(parent(of: path)) kan geen bestand worden gemaakt (\(StoreFile.describe(errno: errno))).")
        }
        fchmod(descriptor, 0o600)
        close(descriptor)
        return temporary
    }

    /// Removes a temporary SQLite copy and the companions SQLite may have made beside it.
    static func removeTemporaryStore(_ temporary: String) {
        for file in [temporary, temporary + "-journal", temporary + "-wal", temporary + "-shm"] { unlink(file) }
    }

    /// Moves the finished temporary file to `path`. Without `overwrite` a hard link makes the
    /// "does it exist yet" check and the placing one step, so a file made meanwhile is not replaced.
    static func place(_ temporary: String, at path: String, overwrite: Bool) throws {
        chmod(temporary, 0o600)
        if overwrite {
            guard rename(temporary, path) == 0 else {
                let reason = StoreFile.describe(errno: errno)
                unlink(temporary)
                throw StoreError.refused("\(path) kan niet worden geschreven (\(reason)).")
            }
            return
        }
        defer { unlink(temporary) }
        if link(temporary, path) != 0 {
            if errno == EEXIST {
                throw StoreError.refused("\(path) bestaat al en wordt niet overschreven; kies een andere naam of gebruik --force.")
            }
            throw StoreError.refused("\(path) kan niet worden geschreven (\(StoreFile.describe(errno: errno))).")
        }
    }

    static func parent(of path: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        return directory.isEmpty ? "." : directory
    }

    public static func size(of path: String) -> Int64 {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
    }
}
