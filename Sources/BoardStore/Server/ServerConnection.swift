import PostgresClient

/// Opening a connection to a server store, with what can go wrong said in Dutch.
enum ServerConnection {
    /// A connection set up for the store's SQL: its tables first on the search path, times in UTC
    /// and ISO dates, whatever the server's or the login's defaults are. Without JIT compilation:
    /// the store's queries run in milliseconds, and compiling the board's load at 100,000 cases
    /// cost 150 ms more than it saved.
    static func open(_ address: ServerAddress) throws(StoreError) -> PostgresConnection {
        do {
            let connection = try PostgresConnection(uri: address.uri)
            try connection.executeScript("""
                SET search_path = \(ServerSchema.namespace), pg_catalog;
                SET TimeZone = 'UTC';
                SET DateStyle = 'ISO, YMD';
                SET jit = off;
                """)
            return connection
        } catch {
            throw storeError(error, at: address)
        }
    }

    /// The store's words for a driver's error, naming the server but never the URI (which may hold
    /// a password) nor the driver's English.
    static func storeError(_ error: PostgresError, at address: ServerAddress) -> StoreError {
        switch error {
        case .unreachable:
            return .serverUnreachable(server: address.description)
        case .loginRefused:
            return .serverLoginRefused(server: address.description)
        case .databaseMissing:
            return .serverDatabaseMissing(server: address.description, database: address.database)
        case .connectionLost:
            return .serverConnectionLost(server: address.description)
        case .invalidURI:
            return .invalidServerAddress
        case .query(let sqlState, let message, _):
            return .serverRefused(server: address.description, sqlState: sqlState, message: message)
        }
    }
}
