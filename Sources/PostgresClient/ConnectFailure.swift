import CLibpq
import Foundation

/// Classifies a failed login (connect or reset). libpq gives no SQLSTATE for it, but the
/// connection asks for verbose errors, so a server's refusal carries its SQLSTATE in the text
/// ("FATAL:  3D000: database "x" does not exist") whatever language the server speaks. No
/// SQLSTATE means the server never answered with an error: it was not reached, or libpq itself
/// gave up on the login (no password to send), which it says in untranslated text (see
/// `withUntranslatedMessages`).
enum ConnectFailure {
    static func classify(_ message: String) -> PostgresError {
        let text = message.trimmingCharacters(in: .whitespacesAndNewlines)
        switch sqlState(in: text) {
        case "28000", "28P01":
            return .loginRefused(text)
        case "3D000":
            return .databaseMissing(text)
        case .some:
            // The server answered but would not take a session now (starting up, shutting
            // down, too many connections): for the caller that is a server it cannot use.
            return .unreachable(text)
        case nil:
            let clientSideRefusals = ["no password supplied", "password authentication", "SCRAM", "authentication method"]
            if clientSideRefusals.contains(where: { text.contains($0) }) {
                return .loginRefused(text)
            }
            return .unreachable(text)
        }
    }

    /// The first "SEVERITY:  XXXXX: " that a verbose server error puts before its message.
    static func sqlState(in text: String) -> String? {
        var rest = Substring(text)
        while let colon = rest.firstRange(of: ":  ") {
            let candidate = rest[colon.upperBound...].prefix(7)
            if candidate.count == 7, candidate.hasSuffix(": "),
               candidate.prefix(5).allSatisfy({ $0.isASCII && ($0.isNumber || $0.isUppercase) }) {
                return String(candidate.prefix(5))
            }
            rest = rest[colon.upperBound...]
        }
        return nil
    }

    /// Runs `body` with this thread's messages untranslated, so the texts `classify` reads are
    /// libpq's English ones under any LANG.
    static func withUntranslatedMessages<T>(_ body: () throws(PostgresError) -> T) throws(PostgresError) -> T {
        guard let untranslated = bb_untranslated_messages_locale() else { return try body() }
        let previous = uselocale(untranslated)
        defer {
            uselocale(previous)
            freelocale(untranslated)
        }
        return try body()
    }
}
