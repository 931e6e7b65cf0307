import GRDB
import PostgresClient

/// What a failed statement means to the rules, whichever database refused it.
enum SQLFailure {
    /// A UNIQUE constraint refused the row (SQLite's extended code, PostgreSQL's SQLSTATE 23505).
    static func isUniqueViolation(_ error: any Error) -> Bool {
        if let error = error as? DatabaseError { return error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE }
        if case .query(let sqlState, _, _) = error as? PostgresError { return sqlState == "23505" }
        return false
    }
}
