import CLibpq
import Foundation

/// One libpq connection, used synchronously like the rest of the store: each call sends its
/// statement and waits for the answer. Not thread-safe (libpq allows one thread at a time on a
/// connection): give each thread its own, or guard one with a lock.
public final class PostgresConnection {
    let connection: OpaquePointer
    /// Channels to listen on again after `reconnect()`: a new session starts with none.
    var listenedChannels: Set<String> = []

    /// Connects with a libpq URI or connection string as given (`postgresql:///db?host=/run/x`),
    /// with every login method libpq has (peer over the socket, ~/.pgpass, PGPASSWORD, TLS).
    public init(uri: String) throws(PostgresError) {
        if case .failure(let error) = PostgresURI.parse(uri) { throw error }
        connection = try ConnectFailure.withUntranslatedMessages { () throws(PostgresError) in
            try Self.connect(uri)
        }
    }

    deinit {
        PQfinish(connection)
    }

    private static func connect(_ uri: String) throws(PostgresError) -> OpaquePointer {
        // dbname comes first and is expanded as the URI; client_encoding after it wins over
        // the URI and the environment, since Swift strings are UTF-8.
        let keywords = ["dbname", "client_encoding"]
        let values = [uri, "UTF8"]
        // libpq reads each list up to a NULL.
        let started = withCStrings(keywords + [nil]) { keywords in
            withCStrings(values + [nil]) { values in PQconnectStartParams(keywords, values, 1) }
        }
        guard let connection = started else { throw .unreachable("libpq: out of memory") }
        // Verbose errors put the server's SQLSTATE in the login failure's text (ConnectFailure).
        PQsetErrorVerbosity(connection, PQERRORS_VERBOSE)
        // libpq prints notices and an idle session's FATAL to stderr, which would land on a
        // full-screen board; what matters reaches the caller as an error anyway.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        do {
            try awaitLogin(connection)
        } catch {
            PQfinish(connection)
            throw error
        }
        return connection
    }

    /// Drives libpq's non-blocking login to its end, waiting on the socket with poll().
    private static func awaitLogin(_ connection: OpaquePointer) throws(PostgresError) {
        let timeout = connectTimeoutMilliseconds(connection)
        var state = PQstatus(connection) == CONNECTION_BAD ? PGRES_POLLING_FAILED : PGRES_POLLING_WRITING
        while true {
            switch state {
            case PGRES_POLLING_OK:
                return
            case PGRES_POLLING_FAILED:
                throw ConnectFailure.classify(errorMessage(connection))
            default:
                var socket = pollfd(fd: PQsocket(connection), events: Int16(state == PGRES_POLLING_READING ? POLLIN : POLLOUT), revents: 0)
                let ready = poll(&socket, 1, timeout)
                if ready == 0 {
                    throw .unreachable("no answer from the server within connect_timeout (\(timeout / 1000) s)")
                }
                if ready < 0 && errno == EINTR { continue }
            }
            state = PQconnectPoll(connection)
        }
    }

    /// libpq's connect_timeout (URI or PGCONNECT_TIMEOUT) for each wait, as libpq applies it:
    /// 0 or absent waits for the operating system, and less than 2 s is taken as 2 s.
    private static func connectTimeoutMilliseconds(_ connection: OpaquePointer) -> Int32 {
        guard let options = PQconninfo(connection) else { return -1 }
        defer { PQconninfoFree(options) }
        guard let seconds = PostgresURI.values(options)["connect_timeout"].flatMap({ Int32($0) }), seconds > 0 else { return -1 }
        return max(seconds, 2) * 1000
    }

    static func errorMessage(_ connection: OpaquePointer) -> String {
        String(cString: PQerrorMessage(connection)).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // MARK: The session

    /// Whether the session is up as far as libpq knows; a server that went away since the last
    /// command is noticed only by the next one (`.connectionLost`).
    public var isConnected: Bool {
        PQstatus(connection) == CONNECTION_OK
    }

    /// Whether the session is up, having read what has arrived on the socket without sending
    /// anything: a server that ended the session while it was idle (a restart, an administrator)
    /// said so and closed the socket, which this notices. Not for use in the middle of a command.
    public var isAlive: Bool {
        // Twice: the first read may take the server's last words but not the end of the connection behind them.
        PQconsumeInput(connection) == 1 && PQconsumeInput(connection) == 1 && isConnected
    }

    /// Reconnects with the same options after `.connectionLost` (PQreset), and listens again on
    /// the channels this connection listened on.
    public func reconnect() throws(PostgresError) {
        try ConnectFailure.withUntranslatedMessages { () throws(PostgresError) in
            PQreset(connection)
            guard PQstatus(connection) == CONNECTION_OK else {
                throw ConnectFailure.classify(Self.errorMessage(connection))
            }
        }
        for channel in listenedChannels.sorted() {
            try executeScript("LISTEN \(try quotedIdentifier(channel))")
        }
    }

    /// The login the server established for this session (peer, password or trust), which is
    /// who the server's privileges apply to.
    public var sessionUser: String {
        get throws(PostgresError) {
            try execute("SELECT session_user").string(row: 0, column: 0) ?? ""
        }
    }

    /// The server's host (a socket directory for a local socket) and the database, as libpq
    /// connected; never a password.
    public var serverDescription: (host: String, database: String) {
        (PQhost(connection).map { String(cString: $0) } ?? "", PQdb(connection).map { String(cString: $0) } ?? "")
    }

    // MARK: Commands

    /// Runs one statement with `$1`, `$2`, ... bound to `parameters` in text format (nil is
    /// NULL); the rows come back in text format.
    @discardableResult
    public func execute(_ sql: String, _ parameters: [PostgresValue?] = []) throws(PostgresError) -> PostgresResult {
        let texts = parameters.map { $0?.postgresText }
        try refuseNUL(in: [sql] + texts)
        return try checked(withCStrings(texts) { PQexecParams(connection, sql, Int32($0.count), nil, $0, nil, nil, 0) })
    }

    /// Makes `sql` this session's prepared statement `name`: parsed and planned by the server from
    /// then on as it sees fit (a generic plan after a few runs), instead of at every run.
    public func prepare(_ name: String, _ sql: String) throws(PostgresError) {
        try refuseNUL(in: [sql])
        _ = try checked(PQprepare(connection, name, sql, 0, nil))
    }

    /// Runs the prepared statement `name`, its parameters as `execute` takes them.
    @discardableResult
    public func executePrepared(_ name: String, _ parameters: [PostgresValue?] = []) throws(PostgresError) -> PostgresResult {
        let texts = parameters.map { $0?.postgresText }
        try refuseNUL(in: texts)
        return try checked(withCStrings(texts) { PQexecPrepared(connection, name, Int32($0.count), $0, nil, nil, 0) })
    }

    /// Runs several statements separated by semicolons (DDL, migrations), without parameters;
    /// without an explicit transaction in it, all of them or none take effect.
    public func executeScript(_ sql: String) throws(PostgresError) {
        try refuseNUL(in: [sql])
        _ = try checked(PQexec(connection, sql))
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws
    /// (the body's own error is rethrown). `begin` may set the transaction's mode in the same
    /// statement (`BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY`), saving a round trip.
    public func transaction<T>(begin: String = "BEGIN", _ body: () throws -> T) throws -> T {
        try executeScript(begin)
        let value: T
        do {
            value = try body()
        } catch {
            try? executeScript("ROLLBACK")
            throw error
        }
        // A failed statement whose error the body swallowed turns COMMIT into a rollback
        // that reports success; say so instead of pretending the work was saved.
        let commit = try execute("COMMIT")
        guard commit.commandStatus == "COMMIT" else {
            throw PostgresError.query(sqlState: "25P02", message: "the transaction was rolled back: a statement in it failed", detail: nil)
        }
        return value
    }

    /// The identifier quoted for SQL by libpq (for names that cannot be parameters: channels).
    func quotedIdentifier(_ name: String) throws(PostgresError) -> String {
        try refuseNUL(in: [name])
        guard let quoted = PQescapeIdentifier(connection, name, name.utf8.count) else {
            throw .query(sqlState: "", message: Self.errorMessage(connection), detail: nil)
        }
        defer { PQfreemem(quoted) }
        return String(cString: quoted)
    }

    /// The successful result, or the failure classified; a result is always freed or kept.
    func checked(_ result: OpaquePointer?) throws(PostgresError) -> PostgresResult {
        let status = result.map(PQresultStatus) ?? PGRES_FATAL_ERROR
        switch status {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return PostgresResult(result!)
        case PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_COPY_BOTH:
            preconditionFailure("COPY through execute: use copyIn")
        default:
            let error = PostgresError.fromFailedCommand(result, connectionIsBad: PQstatus(connection) == CONNECTION_BAD,
                                                        connectionMessage: Self.errorMessage(connection))
            PQclear(result)
            throw error
        }
    }

    /// A C string ends at NUL, so libpq would silently cut such a text short; PostgreSQL text
    /// cannot hold NUL anyway, and says so with this SQLSTATE.
    func refuseNUL(in texts: [String?]) throws(PostgresError) {
        if texts.contains(where: { $0?.utf8.contains(0) == true }) {
            throw .query(sqlState: "22021", message: "invalid byte sequence for encoding \"UTF8\": 0x00", detail: nil)
        }
    }
}

/// Calls `body` with C strings as libpq takes them (nil for NULL: a parameter's, or a list's end)
/// that live for the call: copies, freed afterwards.
func withCStrings<R>(_ texts: [String?], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
    let copies = texts.map { $0.flatMap { strdup($0) } }
    defer { copies.forEach { free($0) } }
    return body(copies.map { UnsafePointer($0) })
}
