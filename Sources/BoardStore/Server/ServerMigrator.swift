import PostgresClient

/// Where a server database stands against this version's schema, and bringing it there.
enum ServerMigrator {
    enum State: Equatable {
        /// No Beschermbord schema and no tables of anyone else: `init` may create the store here.
        case empty
        /// No Beschermbord schema, but tables of another program: nothing is created here.
        case foreign
        /// The migrations in `ServerSchema` that have not run yet (none when current).
        case behind(missing: [String])
        /// Migrations ran that this version does not know: a newer Beschermbord's store.
        case newer
    }

    static func state(_ connection: PostgresConnection) throws(PostgresError) -> State {
        let table = "\(ServerSchema.namespace).\(ServerSchema.migrationsTable)"
        let exists = try connection.execute("SELECT to_regclass($1) IS NOT NULL AS present", [table])
        guard exists.string(row: 0, column: "present") == "t" else {
            // Tables, views or sequences in any schema but the system's mean someone else's data.
            let others = try connection.execute("""
                SELECT count(*) AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
                  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
                """)
            return others.int64(row: 0, column: "n") == 0 ? .empty : .foreign
        }
        let applied = try connection.execute("SELECT identifier FROM \(table)")
        let names = Set((0..<applied.rowCount).compactMap { applied.string(row: $0, column: "identifier") })
        let known = ServerSchema.migrations.map(\.name)
        if !names.isSubset(of: Set(known)) { return .newer }
        return .behind(missing: known.filter { !names.contains($0) })
    }

    /// Runs `missing` (as `state` found them) in order and records them, in the caller's
    /// transaction, which holds the lock that keeps two `init`s apart.
    static func migrate(_ connection: PostgresConnection, missing: [String]) throws {
        try connection.executeScript("""
            CREATE SCHEMA IF NOT EXISTS \(ServerSchema.namespace);
            CREATE TABLE IF NOT EXISTS \(ServerSchema.namespace).\(ServerSchema.migrationsTable) (
                identifier text PRIMARY KEY,
                applied_at timestamptz NOT NULL DEFAULT now(),
                applied_by text NOT NULL DEFAULT session_user
            );
            """)
        for migration in ServerSchema.migrations where missing.contains(migration.name) {
            try connection.executeScript(migration.sql)
            try connection.execute("INSERT INTO \(ServerSchema.namespace).\(ServerSchema.migrationsTable) (identifier) VALUES ($1)",
                                   [migration.name])
        }
    }
}
