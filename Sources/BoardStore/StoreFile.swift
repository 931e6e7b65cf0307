import Foundation
import GRDB

/// Checks on the store file itself, done before and right after SQLite opens it.
enum StoreFile {
    /// Creates the directory (0700) when needed and refuses files that are no SQLite database.
    /// Returns whether the store is new.
    static func prepare(path: String) throws -> Bool {
        let manager = FileManager.default
        // SQLite would make a store at the link's target, where nobody expects it; a command that
        // took the path for new might even remove the link.
        if let target = danglingLinkTarget(path) {
            throw StoreError.cannotOpen(path: path, reason: "dit is een verwijzing naar \(target), en daar staat geen bestand. "
                                        + "De verwijzing is niet gewijzigd en er is geen opslag gemaakt; herstel de verwijzing of kies een ander pad met --store.")
        }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty && !manager.fileExists(atPath: directory) {
            do {
                try manager.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                            attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError.cannotOpen(path: path, reason: "de map \(directory) kan niet worden gemaakt")
            }
        }
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { return true }
        if isDirectory.boolValue { throw StoreError.cannotOpen(path: path, reason: "dit is een map, geen bestand") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.cannotOpen(path: path, reason: "geen leesrechten")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if header.isEmpty { throw StoreError.emptyFile(path: path) }
        if header != Data("SQLite format 3\u{0}".utf8) { throw StoreError.notADatabase(path: path) }
        return false
    }

    /// Where `path` points when it is a symbolic link to nothing.
    static func danglingLinkTarget(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK, stat(path, &info) != 0 else { return nil }
        return (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
    }

    /// An existing SQLite file must carry our application id, or be a fresh one we just created.
    static func checkOwnership(_ db: Database, path: String, isNew: Bool) throws {
        let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        if applicationID == Schema.applicationID {
            if try Schema.isFromNewerVersion(db) { throw StoreError.newerSchema(path: path) }
            return
        }
        let tables = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") ?? 0
        if applicationID != 0 || tables > 0 { throw StoreError.foreignDatabase(path: path) }
    }

    /// Checks an existing file through a read-only connection before the store opens it for writing:
    /// opening a DatabasePool switches a file to WAL mode and writes to it, so a file that is refused
    /// must be refused before that to stay byte-for-byte unchanged.
    /// Without `quickCheck`, only ownership and the schema version are checked here (the caller
    /// runs the integrity check itself, see DeferredIntegrityCheck.swift).
    static func checkExisting(path: String, quickCheck: Bool = true) throws {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        do {
            let queue = try DatabaseQueue(path: readOnlyOpenPath(path), configuration: configuration)
            defer { try? queue.close() }
            try queue.read { db in
                try checkOwnership(db, path: path, isNew: false)
                // Never write to a damaged store: SQLite's cheap check reads every page once.
                if quickCheck, let problem = try IntegrityCheck.quickCheck(db).first { throw StoreError.damaged(path: path, reason: problem) }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw openError(path: path, error)
        }
    }

    /// An error while opening, in Dutch: damage (SQLITE_CORRUPT) gets its own message, which
    /// points at `beschermbord check` and the backup.
    static func openError(path: String, _ error: Error) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? DatabaseError, error.resultCode == .SQLITE_CORRUPT {
            return .damaged(path: path, reason: "SQLite kan de inhoud niet lezen")
        }
        if let error = error as? DatabaseError, error.resultCode == .SQLITE_READONLY, let companion = unwritableCompanion(of: path) {
            return .cannotOpen(path: path, reason: unwritableCompanionReason(companion))
        }
        return .cannotOpen(path: path, reason: describe(error))
    }

    static func describe(_ error: Error) -> String {
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB: return "het bestand is geen database"
            case .SQLITE_CORRUPT: return "het bestand is beschadigd (draai `beschermbord check`)"
            case .SQLITE_FULL: return "de schijf is vol"
            case .SQLITE_READONLY: return "het bestand is alleen-lezen"
            case .SQLITE_CANTOPEN: return "het bestand kan niet worden geopend (rechten of pad)"
            case .SQLITE_BUSY, .SQLITE_LOCKED: return "de opslag is bezet door een collega; probeer het zo opnieuw"
            case .SQLITE_PERM, .SQLITE_AUTH: return "geen toegang"
            case .SQLITE_IOERR: return "schrijf- of leesfout op de schijf"
            default: return error.message ?? "SQLite-fout \(error.resultCode.rawValue)"
            }
        }
        if let code = posixCode(of: error) { return describe(errno: code) }
        return String(describing: error)
    }

    /// A failed system call's error number in Dutch; a full disk in the words SQLITE_FULL gets.
    static func describe(errno code: Int32) -> String {
        switch code {
        case ENOSPC, EDQUOT: return "de schijf is vol"
        case EACCES, EPERM: return "geen toegang"
        case EROFS: return "het bestandssysteem is alleen-lezen"
        case EIO: return "schrijf- of leesfout op de schijf"
        default: return String(cString: strerror(code))
        }
    }

    /// The error number behind a Foundation error (a Cocoa file error carries it as its underlying error).
    static func posixCode(of error: Error) -> Int32? {
        if let error = error as? POSIXError { return error.code.rawValue }
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain { return Int32(error.code) }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? Error { return posixCode(of: underlying) }
        if error.domain == NSCocoaErrorDomain && error.code == CocoaError.fileWriteOutOfSpace.rawValue { return ENOSPC }
        return nil
    }
}
