import CLibpq

/// What went wrong, in the classes a caller turns into a clear message. Classification happens
/// once, here: by SQLSTATE where the server sent one, by libpq's connection status where it did
/// not (see `ConnectFailure` for the login phase).
public enum PostgresError: Error, Equatable, Sendable {
    /// No server answered: it is down, the socket is missing, the connection was refused or the
    /// host name is unknown. The text is libpq's.
    case unreachable(String)
    /// The server refused the login: no or a wrong password, an unknown role, no pg_hba.conf entry,
    /// peer authentication that does not match (SQLSTATE 28000, 28P01).
    case loginRefused(String)
    /// The server runs but the database does not exist (3D000).
    case databaseMissing(String)
    /// The server went away mid-session (terminated backend, restart, network): `reconnect()`.
    case connectionLost
    /// The URI or connection string is not one libpq can parse.
    case invalidURI(String)
    /// Any other error with its SQLSTATE (23505 unique violation, 40001 serialization failure,
    /// 42501 insufficient privilege, ...). A failure that libpq reports without a SQLSTATE has
    /// an empty `sqlState`.
    case query(sqlState: String, message: String, detail: String?)
}

extension PostgresError {
    /// SQLSTATEs that mean the session is gone: class 08 (connection exception) and 57P01–57P03
    /// (admin shutdown, crash shutdown, cannot connect now).
    static func meansConnectionLost(sqlState: String) -> Bool {
        sqlState.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(sqlState)
    }

    /// The error of a failed command, from its result (nil when libpq had none to give, e.g.
    /// out of memory or a dead socket) and the connection's state afterwards.
    static func fromFailedCommand(_ result: OpaquePointer?, connectionIsBad: Bool, connectionMessage: String) -> PostgresError {
        let sqlState = result.flatMap { errorField($0, bb_diag_sqlstate) } ?? ""
        if connectionIsBad || meansConnectionLost(sqlState: sqlState) {
            return .connectionLost
        }
        guard let result else {
            return .query(sqlState: "", message: connectionMessage, detail: nil)
        }
        let message = errorField(result, bb_diag_message_primary) ?? connectionMessage
        return .query(sqlState: sqlState, message: message, detail: errorField(result, bb_diag_message_detail))
    }

    private static func errorField(_ result: OpaquePointer, _ field: Int32) -> String? {
        PQresultErrorField(result, field).map { String(cString: $0) }
    }
}
