import CLibpq
import Foundation

/// Reading a libpq URI or connection string with libpq's own parser, so what is described is
/// what libpq will do.
public enum PostgresURI {
    /// Whether `text` uses one of libpq's URI prefixes (as opposed to a file path).
    public static func isURI(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    /// Where a URI leads, for a title bar: the host (a socket directory for a local socket) and
    /// the database, filled in as libpq fills them (PGHOST, PGDATABASE, then the login's name
    /// as the database). Never the password. Nil when libpq cannot parse it.
    public static func describe(_ uri: String) -> (host: String, database: String)? {
        guard case .success(let given) = parse(uri) else { return nil }
        let defaults = defaultOptions()
        let host = given["host"] ?? given["hostaddr"] ?? defaults["host"] ?? defaults["hostaddr"] ?? "localhost"
        let user = given["user"] ?? defaults["user"]
        let database = given["dbname"] ?? defaults["dbname"] ?? user ?? ""
        return (host, database)
    }

    /// The options the text sets (empty values left out), or libpq's reason it cannot parse it.
    static func parse(_ uri: String) -> Result<[String: String], PostgresError> {
        var message: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(uri, &message) else {
            defer { PQfreemem(message) }
            let reason = message.map { String(cString: $0) } ?? "out of memory"
            return .failure(.invalidURI(reason.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        defer { PQconninfoFree(options) }
        return .success(values(options))
    }

    /// libpq's defaults: its environment variables and the login's own name (from the kernel).
    private static func defaultOptions() -> [String: String] {
        guard let options = PQconndefaults() else { return [:] }
        defer { PQconninfoFree(options) }
        return values(options)
    }

    /// The keyword → value pairs of a libpq option array that have a non-empty value.
    static func values(_ options: UnsafeMutablePointer<PQconninfoOption>) -> [String: String] {
        var values: [String: String] = [:]
        var option = options
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val, value.pointee != 0 {
                values[String(cString: keyword)] = String(cString: value)
            }
            option += 1
        }
        return values
    }
}

