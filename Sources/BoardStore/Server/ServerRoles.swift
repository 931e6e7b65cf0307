import PostgresClient

/// The group roles of a server store: one per role of the staff list, named after the database so
/// that two teams' stores on one server (roles are the whole server's) never share one. A login is
/// granted the group role of its place in the staff list; what each may do is the server's to
/// enforce (ServerEnforcedRoles.swift). The owner role owns the schema: the login that made the
/// store is its member, and no staff member is.
enum ServerRoles {
    /// The staff list's roles, in the order of `medewerkers.role`'s check.
    static let staffRoles = ["medewerker", "jeugdbeschermer", "teamleider"]

    /// The owner role's part of its name: `jeugdteam_noord_eigenaar`.
    static let ownerRole = "eigenaar"

    /// `jeugdteam_noord_medewerker` for the database `jeugdteam_noord`. The database's part is cut
    /// so that the name stays within PostgreSQL's 63 bytes (it would cut the role's part instead).
    static func groupRole(_ role: String, database: String) -> String {
        var prefix = database
        while prefix.utf8.count > 63 - 1 - role.utf8.count { prefix.removeLast() }
        return "\(prefix)_\(role)"
    }

    /// Creates the group roles that do not exist yet (without login), and the owner role, in the
    /// caller's transaction; returns the group roles' names created.
    static func create(_ connection: PostgresConnection, database: String) throws -> [String] {
        var created: [String] = []
        for role in staffRoles {
            let name = groupRole(role, database: database)
            let exists = try connection.execute("SELECT count(*) AS n FROM pg_roles WHERE rolname = $1", [name])
            guard exists.int64(row: 0, column: "n") == 0 else { continue }
            try connection.execute("CREATE ROLE \(quoted(name)) NOLOGIN")
            created.append(name)
        }
        try createOwner(connection, database: database)
        return created
    }

    /// The owner role, when it does not exist yet, with the calling login as its member. It makes
    /// the logins that the staff list names (CREATEROLE) and nothing else: it has no login itself.
    private static func createOwner(_ connection: PostgresConnection, database: String) throws {
        let name = groupRole(ownerRole, database: database)
        let exists = try connection.execute("SELECT count(*) AS n FROM pg_roles WHERE rolname = $1", [name])
        guard exists.int64(row: 0, column: "n") == 0 else { return }
        try connection.execute("CREATE ROLE \(quoted(name)) NOLOGIN CREATEROLE")
        try connection.execute("GRANT \(quoted(name)) TO session_user")
    }

    /// An identifier in double quotes, as PostgreSQL reads it whatever it holds.
    static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
