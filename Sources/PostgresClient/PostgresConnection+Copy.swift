import CLibpq

/// Bulk loading with COPY … FROM STDIN: rows stream to the server in one command, far faster
/// than one INSERT per row.
extension PostgresConnection {
    /// Runs `sql` (a `COPY table (columns) FROM STDIN` in text format) and sends `rows`, each
    /// one line without its newline (see `PostgresCopyText.line`). Returns the rows copied; a
    /// bad row fails the whole command and nothing is loaded.
    @discardableResult
    public func copyIn(_ sql: String, rows: some Sequence<String>) throws(PostgresError) -> Int {
        var iterator = rows.makeIterator()
        return try copyIn(sql) { buffer in
            guard let row = iterator.next() else { return false }
            buffer.append(contentsOf: row.utf8)
            buffer.append(UInt8(ascii: "\n"))
            return true
        }
    }

    /// The same, with each row written straight into the outgoing bytes by `nextRow` (fields
    /// through `PostgresCopyText.append`, then a newline), which returns false at the end: a
    /// large table goes out without a string per field.
    @discardableResult
    public func copyIn(_ sql: String, nextRow: (inout [UInt8]) -> Bool) throws(PostgresError) -> Int {
        let started = PQexec(connection, sql)
        guard let started, PQresultStatus(started) == PGRES_COPY_IN else {
            _ = try checked(started)
            preconditionFailure("copyIn needs COPY … FROM STDIN, not: \(sql)")
        }
        PQclear(started)
        // Lines go out in chunks of about 64 KB: one libpq call per chunk, not per row.
        var chunk: [UInt8] = []
        chunk.reserveCapacity(1 << 17)
        var sending = true
        while nextRow(&chunk) {
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
        var bytes: [UInt8] = []
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(tab) }
            if let field { append(field.utf8, to: &bytes) } else { appendNull(to: &bytes) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    public static let tab = UInt8(ascii: "\t")
    public static let newline = UInt8(ascii: "\n")

    /// One field's bytes, escaped.
    @inlinable
    public static func append(_ field: some Sequence<UInt8>, to bytes: inout [UInt8]) {
        for byte in field {
            switch byte {
            case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "\t"): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
            case UInt8(ascii: "\n"): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
            case UInt8(ascii: "\r"): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
            default: bytes.append(byte)
            }
        }
    }

    public static func appendNull(to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(UInt8(ascii: "N"))
    }

    /// A bytea field in its hex form (`\x0a1b…`, the backslash escaped for COPY).
    @inlinable
    public static func appendHex(_ field: some Sequence<UInt8>, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(UInt8(ascii: "x"))
        for byte in field {
            bytes.append(hexDigits[Int(byte >> 4)])
            bytes.append(hexDigits[Int(byte & 0x0f)])
        }
    }

    @usableFromInline static let hexDigits = Array("0123456789abcdef".utf8)
}
