import Foundation

/// The hidden files a command builds beside its target before it moves them into place: a new
/// store (`.NAAM.nieuw-PID-TAG`, see StoreCreation) and a backup or export (`.NAAM.PID.TAG.tmp`,
/// see OutputFile), each with the `-journal`, `-wal` or `-shm` SQLite may give it.
///
/// A command killed part way leaves its copy behind, full of personal data. The next command that
/// builds beside the same target removes the copies of its own kind whose process is gone. The
/// process id in the name tells: a copy of a process that still runs (also one of another user,
/// which `kill` may not signal) is never touched.
enum HiddenCopy {
    case newStore
    case output

    /// A fresh name for this process's copy beside `target`.
    func name(beside target: String) -> String {
        let tag = UInt32.random(in: 0...UInt32.max)
        let base = (target as NSString).lastPathComponent
        let name: String
        switch self {
        case .newStore: name = ".\(base).nieuw-\(getpid())-\(tag)"
        case .output: name = ".\(base).\(getpid()).\(String(tag, radix: 16)).tmp"
        }
        return (Self.directory(of: target) as NSString).appendingPathComponent(name)
    }

    /// Removes the copies of this kind beside `target` (and their SQLite files) whose process no
    /// longer runs. Best effort: a copy that cannot be removed stays for a later run.
    func removeStale(beside target: String) {
        let directory = Self.directory(of: target)
        let base = (target as NSString).lastPathComponent
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for entry in entries {
            guard let pid = owner(of: entry, base: base), !Self.isRunning(pid) else { continue }
            let file = (directory as NSString).appendingPathComponent(entry)
            var info = stat()
            // Only plain files: never a directory, nor a link's target.
            guard lstat(file, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            unlink(file)
        }
    }

    /// The process id in `entry` when it is a copy of this kind beside a target named `base`.
    func owner(of entry: String, base: String) -> pid_t? {
        let prefix = ".\(base)."
        guard entry.hasPrefix(prefix) else { return nil }
        var rest = Substring(entry.dropFirst(prefix.count))
        for suffix in Self.sqliteSuffixes where rest.hasSuffix(suffix) {
            rest = rest.dropLast(suffix.count)
            break
        }
        let parts: [Substring]
        switch self {
        case .newStore:
            guard rest.hasPrefix("nieuw-") else { return nil }
            parts = rest.dropFirst("nieuw-".count).split(separator: "-", omittingEmptySubsequences: false)
        case .output:
            guard rest.hasSuffix(".tmp") else { return nil }
            parts = rest.dropLast(".tmp".count).split(separator: ".", omittingEmptySubsequences: false)
        }
        guard parts.count == 2, !parts[1].isEmpty, parts[1].allSatisfy({ $0.isASCII && $0.isHexDigit }),
              !parts[0].isEmpty, parts[0].allSatisfy({ $0.isASCII && $0.isNumber }), let pid = pid_t(parts[0]), pid > 0 else { return nil }
        return pid
    }

    static let sqliteSuffixes = ["-journal", "-wal", "-shm"]

    /// Whether a process with this id runs on this machine (EPERM: it runs, as another user).
    static func isRunning(_ pid: pid_t) -> Bool {
        pid == getpid() || kill(pid, 0) == 0 || errno == EPERM
    }

    static func directory(of target: String) -> String {
        let directory = (target as NSString).deletingLastPathComponent
        return directory.isEmpty ? "." : directory
    }
}
