import Foundation

/// Clusters that earlier test processes left behind when they died before their atexit (a
/// crash, a kill): a cluster directory is stale when the test process named in its owner file
/// is gone. Its postmaster, if still running, is stopped, then the directory is removed. Only
/// directories with this suite's prefix and owner file are touched: nothing else in /tmp.
enum StaleClusters {
    static let parent = "/tmp"
    static let prefix = "beschermbord-pg-"
    static let ownerFile = "owner.pid"

    static func remove(user: ClusterUser, bindir: String) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        for entry in entries where entry.hasPrefix(prefix) {
            let directory = parent + "/" + entry
            guard let owner = pid(inFirstLineOf: directory + "/" + ownerFile), !isAlive(owner) else { continue }
            let data = directory + "/data"
            if let postmaster = pid(inFirstLineOf: data + "/postmaster.pid"), isAlive(postmaster) {
                _ = try? user.run(ServerPrograms.path("pg_ctl", in: bindir), ["-D", data, "-m", "immediate", "-w", "stop"], in: directory)
            }
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    private static func pid(inFirstLineOf path: String) -> pid_t? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return text.split(separator: "\n").first.flatMap { pid_t($0.trimmingCharacters(in: .whitespaces)) }
    }

    /// A process exists (EPERM: it does, but belongs to another user).
    private static func isAlive(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}
