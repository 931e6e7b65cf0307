import CLibpq

/// Bulk loading with COPY … FROM STDIN: rows stream to the server in one command, far faster
/// than one INSERT per row.
extension PostgresConnection {
    /// Runs `sql` (a `COPY table (columns) FROM STDIN` in text format) and sends `rows`, each
    /// one line without its newline (see `PostgresCopyText.line`). Returns the rows copied; a
    /// bad row fails the whole command and nothing is loaded.
    @discardableResult
    public func copyIn(_ sql: String, rows: some Sequence<String>) throws(PostgresError) -> Int {
        let started = PQexec(connection, sql)
        guard let started, PQresultStatus(started) == PGRES_COPY_IN else {
            _ = try checked(started)
            preconditionFailure("copyIn needs COPY … FROM STDIN, not: \(sql)")
        }
        PQclear(started)
        // Lines go out in chunks of about 64 KB: one libpq call per chunk, not per row.
        var chunk: [UInt8] = []
        chunk.reserveCapacity(1 << 16)
        var sending = true
        for row in rows {
            chunk.append(contentsOf: row.utf8)
            chunk.append(UInt8(ascii: "\n"))
            if chunk.count >= 1 << 16 {
                sending = send(chunk)
                chunk.removeAll(keepingCapacity: true)
                if !sending { break }
            }
        }
        if sending && !chunk.isEmpty { _ = send(chunk) }
        // After a failed send the connection is gone; the result below says so.
        PQputCopyEnd(connection, nil)
        let outcome = PQgetResult(connection)
        while let extra = PQgetResult(connection) { PQclear(extra) }
        return try checked(outcome).affectedRows
    }

    private func send(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { PQputCopyData(connection, $0.baseAddress, Int32($0.count)) == 1 }
        }
    }
}

/// COPY's text format: fields separated by tabs, NULL as \N, and backslash, tab, newline and
/// carriage return escaped with a backslash.
public enum PostgresCopyText {
    public static func line(_ fields: [String?]) -> String {
        fields.map { field in
            guard let field else { return "\\N" }
            var escaped = ""
            escaped.reserveCapacity(field.utf8.count)
            for character in field.unicodeScalars {
                switch character {
                case "\\": escaped += "\\\\"
                case "\t": escaped += "\\t"
                case "\n": escaped += "\\n"
                case "\r": escaped += "\\r"
                default: escaped.unicodeScalars.append(character)
                }
            }
            return escaped
        }.joined(separator: "\t")
    }
}
