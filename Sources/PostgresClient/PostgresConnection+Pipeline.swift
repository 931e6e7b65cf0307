import CLibpq
import Foundation

extension PostgresConnection {
    /// Several statements sent at once and their results read back in order: one round trip
    /// instead of one per statement (libpq's pipeline mode), for reads that do not depend on each
    /// other, such as the parts of a family's dossier. Inside a transaction they stay in it. The
    /// first failure is thrown (the statements after it are not run, as in a transaction); the
    /// connection is usable afterwards, as after a failed `execute`. A statement with a name in
    /// `prepared` runs that prepared statement (`prepare`) instead of its SQL.
    public func executeAll(_ statements: [(sql: String, parameters: [PostgresValue?])],
                           prepared: [String?] = []) throws(PostgresError) -> [PostgresResult] {
        let names = prepared + Array(repeating: nil, count: max(0, statements.count - prepared.count))
        guard statements.count > 1 else {
            return try zip(statements, names).map { statement, name throws(PostgresError) in
                if let name { return try executePrepared(name, statement.parameters) }
                return try execute(statement.sql, statement.parameters)
            }
        }
        let texts = statements.map { $0.parameters.map { $0?.postgresText } }
        for (statement, parameters) in zip(statements, texts) { try refuseNUL(in: [statement.sql] + parameters) }
        guard PQenterPipelineMode(connection) == 1 else {
            throw .query(sqlState: "", message: Self.errorMessage(connection), detail: nil)
        }
        defer { PQexitPipelineMode(connection) }
        var sent = 0
        for ((statement, parameters), name) in zip(zip(statements, texts), names) {
            let queued = withCStrings(parameters) { pointers in
                if let name { return PQsendQueryPrepared(connection, name, Int32(pointers.count), pointers, nil, nil, 0) }
                return PQsendQueryParams(connection, statement.sql, Int32(pointers.count), nil, pointers, nil, nil, 0)
            }
            guard queued == 1 else { break }
            sent += 1
        }
        let synced = PQpipelineSync(connection) == 1
        var results: [PostgresResult] = []
        var failure: PostgresError?
        for _ in 0..<sent {
            // Each statement's result, then a NULL that ends it; after a failure the rest come
            // back as aborted, and are only freed.
            let result = PQgetResult(connection)
            if failure == nil {
                do { results.append(try checked(result)) } catch { failure = error }
            } else {
                PQclear(result)
            }
            while let extra = PQgetResult(connection) { PQclear(extra) }
        }
        if synced, let sync = PQgetResult(connection) { PQclear(sync) }
        if let failure { throw failure }
        guard sent == statements.count, synced else {
            throw PostgresError.fromFailedCommand(nil, connectionIsBad: PQstatus(connection) == CONNECTION_BAD,
                                                  connectionMessage: Self.errorMessage(connection))
        }
        return results
    }
}
