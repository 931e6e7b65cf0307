import Foundation
import PostgresClient

/// Why the cluster could not start; its text goes into the failing test's report.
public enum TestClusterError: Error, CustomStringConvertible {
    case programsMissing(String)
    case cannotStart(String)
    case cannotStop(String)
    case noDatabase(String)

    public var description: String {
        switch self {
        case .programsMissing(let reason), .cannotStart(let reason), .cannotStop(let reason): "PostgreSQL-testcluster: \(reason)"
        case .noDatabase(let uri): "PostgreSQL-testcluster: geen database in \(uri)"
        }
    }
}

/// A throwaway PostgreSQL cluster: initdb and pg_ctl in a temporary directory, reachable only
/// through a Unix socket in it, trust login, durability off for speed.
///
/// `shared` is one per test process, shared by every server test: started by the first test that
/// asks (Swift's static initialisation makes that happen once, whichever tests run in parallel)
/// and stopped at process exit. A test that stops the server under its boards takes a private
/// one (`makePrivate`), so that the tests using `shared` meanwhile keep theirs.
public final class TestCluster: Sendable {
    public static let shared: TestCluster = {
        let cluster = TestCluster(running: Result { () throws(TestClusterError) in try RunningCluster.start() })
        if case .success = cluster.running {
            atexit { if case .success(let cluster) = TestCluster.shared.running { cluster.stopAndRemove() } }
        }
        return cluster
    }()

    /// BESCHERMBORD_SERVER_TESTS=verplicht (CI): server tests run, and fail when no cluster starts.
    public static let isRequired = ProcessInfo.processInfo.environment["BESCHERMBORD_SERVER_TESTS"] == "verplicht"

    /// Whether server tests run: when required, or when the server programs are installed.
    /// Otherwise they are skipped, and the first test to ask says so on stderr.
    public static let isAvailable: Bool = {
        if isRequired || ServerPrograms.directory != nil { return true }
        FileHandle.standardError.write(Data("""

            ⚠️  PostgreSQL-serverprogramma's (initdb, pg_ctl, postgres) niet gevonden \
            (BESCHERMBORD_PG_BINDIR, pg_config --bindir, /usr/lib/postgresql/*/bin): \
            ALLE SERVERTESTS WORDEN OVERGESLAGEN. Installeer het pakket postgresql, of zet \
            BESCHERMBORD_SERVER_TESTS=verplicht om ze te laten falen.


            """.utf8))
        return false
    }()

    /// The login every test database is made with: initdb's superuser, whoever runs the tests.
    public static let superuser = "postgres"

    private let running: Result<RunningCluster, TestClusterError>
    /// A private cluster is stopped and removed when its test lets go of it; the shared one at exit.
    private let isPrivate: Bool

    private init(running: Result<RunningCluster, TestClusterError>, isPrivate: Bool = false) {
        self.running = running
        self.isPrivate = isPrivate
    }

    /// A cluster of the calling test's own, in its own directory with its own socket, that it may
    /// stop and start (`stop()`, `start()`); stopped and removed when the test drops it. Like the
    /// shared one it is recognised as stale by a later run if this test process dies first.
    public static func makePrivate() throws -> TestCluster {
        TestCluster(running: .success(try RunningCluster.start()), isPrivate: true)
    }

    deinit {
        if isPrivate, case .success(let cluster) = running { cluster.stopAndRemove() }
    }

    /// Stops the server (fast shutdown: every session is ended, as when the server goes down), and
    /// waits until it is gone. Only for a private cluster: other tests use the shared one.
    public func stop() throws {
        precondition(isPrivate, "the shared test cluster is never stopped by a test")
        try running.get().stop()
    }

    /// Starts the stopped server again and waits until it accepts connections.
    public func start() throws {
        precondition(isPrivate, "the shared test cluster is never stopped by a test")
        try running.get().startServer()
    }

    /// The URI of the `postgres` database as the superuser, for admin work (roles, terminating
    /// backends).
    public var superuserURI: String {
        get throws {
            try running.get().uri(database: "postgres")
        }
    }

    /// The URI of `database` as `user` (the superuser when nil): for tests that log in as someone else.
    public func uri(database: String, user: String?) throws -> String {
        let cluster = try running.get()
        guard let user else { return cluster.uri(database: database) }
        return "postgresql:///\(database)?host=\(cluster.socketDirectory)&user=\(user)"
    }

    /// A login role `name` (with trust authentication on the test cluster's socket), made once,
    /// also when two tests ask at the same time.
    public func ensureLogin(_ name: String) throws {
        let admin = try PostgresConnection(uri: superuserURI)
        try admin.executeScript("""
            DO $$ BEGIN CREATE ROLE "\(name)" LOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$
            """)
    }

    /// A login on the store in `database` (a URI), made once; returns the URI to log in as
    /// `name`. The staff list grants a member's group role (`medewerkers toevoegen`); `role`
    /// grants one as the administrator would by hand: a store's first teamleider, before the list
    /// names anyone, or a login that only reads.
    public func staffLogin(_ name: String, database uri: String, granting groupRole: String? = nil) throws -> String {
        try ensureLogin(name)
        if let groupRole {
            try PostgresConnection(uri: uri).executeScript("GRANT \"\(groupRole)\" TO \"\(name)\"")
        }
        guard let database = PostgresURI.describe(uri)?.database else { throw TestClusterError.noDatabase(uri) }
        return try self.uri(database: database, user: name)
    }

    /// A new empty database (its name is `name` plus a unique suffix) and its URI, so tests do
    /// not see each other's rows.
    public func makeDatabase(name: String) throws -> String {
        let cluster = try running.get()
        let database = "\(name.lowercased().prefix(40))_\(UUID().uuidString.prefix(8).lowercased())"
        let admin = try PostgresConnection(uri: cluster.uri(database: "postgres"))
        try admin.executeScript("CREATE DATABASE \"\(database)\"")
        return cluster.uri(database: database)
    }
}

/// A started cluster's places, and its start and stop.
private struct RunningCluster: Sendable {
    let directory: String
    let bindir: String
    let user: ClusterUser

    var dataDirectory: String { directory + "/data" }
    var socketDirectory: String { directory + "/socket" }

    func uri(database: String) -> String {
        "postgresql:///\(database)?host=\(socketDirectory)&user=\(TestCluster.superuser)"
    }

    static func start() throws(TestClusterError) -> RunningCluster {
        guard let bindir = ServerPrograms.directory else {
            throw .programsMissing("BESCHERMBORD_SERVER_TESTS=verplicht, maar initdb, pg_ctl en postgres zijn niet gevonden (installeer postgresql)")
        }
        let user = try ClusterUser.current()
        StaleClusters.remove(user: user, bindir: bindir)
        let cluster = RunningCluster(directory: try makeDirectory(), bindir: bindir, user: user)
        do {
            try cluster.create()
        } catch {
            // Kept, it would be a leak in /tmp; what went wrong is in the error.
            cluster.stopAndRemove()
            throw error
        }
        return cluster
    }

    private static func makeDirectory() throws(TestClusterError) -> String {
        // In /tmp, not $TMPDIR: a socket's path must stay under about 100 bytes.
        var template = Array("\(StaleClusters.parent)/\(StaleClusters.prefix)XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw .cannotStart("mkdtemp: \(String(cString: strerror(errno)))")
        }
        let directory = String(cString: made)
        // The owner file first: from here on a crashed run's directory is recognised as stale.
        try? "\(getpid())\n".write(toFile: directory + "/" + StaleClusters.ownerFile, atomically: false, encoding: .utf8)
        chmod(directory, 0o755)
        return directory
    }

    private func create() throws(TestClusterError) {
        try user.takeOwnership(of: directory)
        guard mkdir(socketDirectory, 0o755) == 0 else {
            throw .cannotStart("mkdir \(socketDirectory): \(String(cString: strerror(errno)))")
        }
        try user.takeOwnership(of: socketDirectory)
        try initdb()
        let settings = """

            # The test suite's throwaway cluster: the socket only, and no durability.
            listen_addresses = ''
            unix_socket_directories = '\(socketDirectory)'
            fsync = off
            synchronous_commit = off
            full_page_writes = off
            shared_buffers = 16MB
            max_connections = 200

            """
        guard let config = FileHandle(forWritingAtPath: dataDirectory + "/postgresql.conf") else {
            throw .cannotStart("postgresql.conf ontbreekt na initdb in \(dataDirectory)")
        }
        config.seekToEndOfFile()
        config.write(Data(settings.utf8))
        config.closeFile()
        try startServer()
    }

    /// -w: pg_ctl itself waits until the server accepts connections.
    func startServer() throws(TestClusterError) {
        let log = directory + "/server.log"
        let started = try run("pg_ctl", ["-D", dataDirectory, "-l", log, "-w", "-t", "60", "start"])
        guard started.succeeded else {
            let serverLog = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw .cannotStart("pg_ctl start mislukt:\n\(started.output)\n\(serverLog)")
        }
    }

    /// Fast shutdown: the server ends every session and stops; pg_ctl waits until it is gone.
    func stop() throws(TestClusterError) {
        let stopped = try run("pg_ctl", ["-D", dataDirectory, "-m", "fast", "-w", "-t", "60", "stop"])
        guard stopped.succeeded else { throw .cannotStop("pg_ctl stop mislukt:\n\(stopped.output)") }
    }

    /// C.UTF-8 so that upper() and lower() know Ö and ĳ; C where that locale is missing.
    private func initdb() throws(TestClusterError) {
        var outputs: [String] = []
        for locale in ["C.UTF-8", "C"] {
            let arguments = ["-D", dataDirectory, "-U", TestCluster.superuser, "--auth=trust", "-E", "UTF8",
                             "--locale=\(locale)", "--no-sync", "--no-instructions"]
            let made = try run("initdb", arguments)
            if made.succeeded { return }
            outputs.append("initdb --locale=\(locale):\n\(made.output)")
        }
        throw .cannotStart("initdb mislukt:\n" + outputs.joined(separator: "\n"))
    }

    private func run(_ program: String, _ arguments: [String]) throws(TestClusterError) -> Command {
        do {
            return try user.run(ServerPrograms.path(program, in: bindir), arguments, in: directory)
        } catch {
            throw .cannotStart("\(program) niet te starten: \(error)")
        }
    }

    /// Immediate stop: the cluster's contents are thrown away anyway.
    func stopAndRemove() {
        if FileManager.default.fileExists(atPath: dataDirectory + "/postmaster.pid") {
            _ = try? run("pg_ctl", ["-D", dataDirectory, "-m", "immediate", "-w", "stop"])
        }
        try? FileManager.default.removeItem(atPath: directory)
    }
}
