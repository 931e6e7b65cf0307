import PostgresClient

/// `beschermbord init` on a server, and the check every other command makes of a server store.
public enum ServerStoreSetup {
    public enum Outcome: Equatable {
        /// The schema and the group roles were created in an empty database.
        case created(groupRoles: [String])
        /// The store existed and these migrations brought it to this version.
        case upgraded(migrations: [String])
        /// The store was already this version's: nothing changed.
        case current
    }

    /// Creates the store's schema and group roles in an empty database, or brings an existing store
    /// to this version's schema; all in one transaction, so a refusal leaves the database as it was.
    public static func initialize(_ address: ServerAddress) throws -> Outcome {
        let connection = try ServerConnection.open(address)
        do {
            return try connection.transaction {
                // Two inits at once: the second waits here, then finds the first one's work.
                try connection.execute("SELECT pg_advisory_xact_lock(hashtext('beschermbord-init'))")
                let state = try ServerMigrator.state(connection)
                let missing: [String]
                switch state {
                case .foreign: throw StoreError.foreignServerDatabase(server: address.description)
                case .newer: throw StoreError.newerServerSchema(server: address.description)
                case .empty: missing = ServerSchema.migrations.map(\.name)
                case .behind(let behind):
                    if behind.isEmpty { return .current }
                    missing = behind
                }
                let roles = try ServerRoles.create(connection, database: address.database)
                try ServerMigrator.migrate(connection, missing: missing)
                return state == .empty ? .created(groupRoles: roles) : .upgraded(migrations: missing)
            }
        } catch let error as PostgresError {
            throw initError(error, at: address)
        }
    }

    /// What `create` made: the group roles (none when they existed already) and the login it made
    /// the first teamleider.
    public struct Created: Equatable {
        public let groupRoles: [String]
        public let firstTeamleider: String
    }

    /// A new store in an empty database, filled by `fill` before anything is committed: the
    /// schema, the group roles, the login as first teamleider and what `fill` writes commit
    /// together, or nothing does (a demo that fails leaves the database as empty as it was). A
    /// database that holds a store already is refused with `existing`, one with another program's
    /// tables as `init` refuses it; either is left untouched.
    public static func create(_ address: ServerAddress, refusingExisting existing: StoreError,
                              filling fill: (Store) throws -> Void) throws -> Created {
        let connection = try ServerConnection.open(address)
        do {
            return try connection.transaction {
                try connection.execute("SELECT pg_advisory_xact_lock(hashtext('beschermbord-init'))")
                switch try ServerMigrator.state(connection) {
                case .foreign: throw StoreError.foreignServerDatabase(server: address.description)
                case .newer, .behind: throw existing
                case .empty: break
                }
                let roles = try ServerRoles.create(connection, database: address.database)
                try ServerMigrator.migrate(connection, missing: ServerSchema.migrations.map(\.name))
                let store = Store(server: try ServerBackend(address, inTransactionOn: connection))
                try store.makeFirstTeamleider()
                try fill(store)
                return Created(groupRoles: roles, firstTeamleider: store.user)
            }
        } catch let error as PostgresError {
            throw initError(error, at: address)
        }
    }

    /// What a command other than `init` finds on a server: reachable, the login accepted, and a
    /// store of this version; otherwise what to do, in Dutch.
    public static func checkReady(_ address: ServerAddress) throws(StoreError) {
        try checkReady(ServerConnection.open(address), at: address)
    }

    /// The same on a connection the caller goes on to use.
    static func checkReady(_ connection: PostgresConnection, at address: ServerAddress) throws(StoreError) {
        let state: ServerMigrator.State
        do {
            state = try ServerMigrator.state(connection)
        } catch {
            throw ServerConnection.storeError(error, at: address)
        }
        switch state {
        case .empty, .foreign: throw StoreError.serverWithoutSchema(server: address.description)
        case .newer: throw StoreError.newerServerSchema(server: address.description)
        // Staff logins may not change the schema: whoever ran init brings the store up to date.
        case .behind(let missing) where !missing.isEmpty: throw StoreError.serverNeedsUpgrade(server: address.description)
        case .behind: return
        }
    }

    /// Creating roles needs the right to (CREATEROLE), creating a schema the right to create in the
    /// database: without them, init changes nothing and says who can run it.
    static func initError(_ error: PostgresError, at address: ServerAddress) -> StoreError {
        if case .query(let sqlState, _, _) = error, sqlState == "42501" {
            return .serverInitNotPermitted(server: address.description)
        }
        return ServerConnection.storeError(error, at: address)
    }
}
