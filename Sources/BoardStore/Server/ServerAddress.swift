import PostgresClient

/// A store on a PostgreSQL server, named by a libpq URI (`postgresql://…`) where a file store has
/// a path: `--store postgresql:///beschermbord?host=/var/run/postgresql`.
public struct ServerAddress: Sendable, Equatable, CustomStringConvertible {
    public let uri: String
    /// Host name or socket directory, and database: what the title bar and messages name. libpq's
    /// own parser reads them, so a password in the URI is never among them.
    public let host: String
    public let database: String

    /// Whether `location` names a server rather than a file.
    public static func isServer(_ location: String) -> Bool {
        location.hasPrefix("postgresql://") || location.hasPrefix("postgres://")
    }

    /// The server that `location` names, or nil for a file path; a server URI that libpq cannot
    /// read is refused.
    public init?(_ location: String) throws(StoreError) {
        guard Self.isServer(location) else { return nil }
        guard let parts = PostgresURI.describe(location) else { throw StoreError.invalidServerAddress }
        uri = location
        host = parts.host
        database = parts.database
    }

    public var description: String { "PostgreSQL-database \(database) op \(host)" }

    /// For the title bar: `server jeugdteam op db.gemeente.nl`, or `op deze machine` for a local
    /// socket (whose directory says nothing to a user).
    public var shortDescription: String { "server \(database) op \(host.hasPrefix("/") ? "deze machine" : host)" }
}
