import Foundation

/// Who runs the cluster's programs. initdb and postgres refuse to run as root, so a root test
/// process (CI) runs them as the `postgres` OS user that Debian's postgresql package creates,
/// through runuser, and hands that user the cluster's directories.
struct ClusterUser {
    /// nil: the test process's own user.
    let postgres: (uid: uid_t, gid: gid_t)?

    static func current() throws(TestClusterError) -> ClusterUser {
        guard geteuid() == 0 else { return ClusterUser(postgres: nil) }
        guard let entry = getpwnam("postgres") else {
            throw .cannotStart("de tests draaien als root en initdb weigert root, maar de OS-gebruiker postgres bestaat niet (installeer het pakket postgresql)")
        }
        return ClusterUser(postgres: (entry.pointee.pw_uid, entry.pointee.pw_gid))
    }

    /// Makes `path` the cluster user's (a no-op for the test process's own user).
    func takeOwnership(of path: String) throws(TestClusterError) {
        guard let postgres else { return }
        guard chown(path, postgres.uid, postgres.gid) == 0 else {
            throw .cannotStart("chown \(path) naar postgres: \(String(cString: strerror(errno)))")
        }
    }

    /// Runs a server program as the cluster user, in `directory` (the postgres user may not be
    /// able to enter the test process's working directory).
    func run(_ program: String, _ arguments: [String], in directory: String) throws -> Command {
        guard postgres != nil else { return try Command.run(program, arguments, in: directory) }
        let runuser = ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        } ?? "/usr/sbin/runuser"
        return try Command.run(runuser, ["-u", "postgres", "--", program] + arguments, in: directory)
    }
}
