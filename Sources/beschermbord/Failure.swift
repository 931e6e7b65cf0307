import ArgumentParser
import BoardUI
import Foundation

/// A failure in words the command chose, for when the error alone would not say enough (which
/// option, or that nothing was imported). Any other error is said by its own description: the
/// store's errors (StoreError) are already in Dutch for the user.
struct Failure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// The one place where an error becomes what the user sees: a command's own error, and
/// ArgumentParser's outcomes (help, a usage error, an exit code), whose English is put into Dutch
/// here (ParserWords).
enum CommandFailure {
    struct Report {
        var message: String
        var exitCode: Int32
        /// Help goes to stdout (it is asked for), anything else to stderr.
        var toStandardOutput: Bool
    }

    /// The text (it may hold a path, a kenmerk, a store's text or a typed argument, so every line
    /// is cleaned of control characters and escape sequences) and the exit code.
    static func report(for error: Error) -> Report {
        if isParserOutcome(error) { return parserReport(for: error) }
        return Report(message: "beschermbord: " + TextSanitizer.lines("\(error)").joined(separator: "\n"), exitCode: 1, toStandardOutput: false)
    }

    /// An error of ArgumentParser's own: ExitCode, CleanExit, ValidationError, and the help request
    /// that `beschermbord help COMMAND` throws from its `run` (a type ArgumentParser keeps to itself).
    static func isParserOutcome(_ error: Error) -> Bool {
        String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
    }

    /// ArgumentParser's text for `error` in Dutch. A completion script (also a clean exit) is
    /// passed on as it is.
    static func parserReport(for error: Error) -> Report {
        let code = Beschermbord.exitCode(for: error)
        var text = Beschermbord.fullMessage(for: error)
        let isHelp = text.hasPrefix("OVERVIEW:") || text.hasPrefix("USAGE:")
        if code != .success || isHelp {
            text = TextSanitizer.lines(ParserWords.dutch(text)).joined(separator: "\n")
        }
        return Report(message: text, exitCode: code.rawValue, toStandardOutput: code == .success)
    }

    /// A first word that is no command, told as such with the list of commands, instead of
    /// ArgumentParser's complaint about an argument of `open` (the default command).
    static func unknownCommand(in arguments: [String]) -> Report? {
        guard let word = arguments.first, !word.hasPrefix("-"), !Beschermbord.commandWords.contains(word) else { return nil }
        var lines = ["beschermbord: onbekende opdracht ‘\(TextSanitizer.singleLine(word))’.", "De opdrachten:"]
        for name in Beschermbord.commandNames {
            if lines[lines.count - 1].count + name.count + 2 > 80 { lines.append(" ") }
            lines[lines.count - 1] += " " + name + (name == Beschermbord.commandNames.last ? "." : ",")
        }
        lines.append("Zie ‘beschermbord --help’ voor wat elke opdracht doet.")
        let message = lines.joined(separator: "\n")
        return Report(message: message, exitCode: ExitCode.validationFailure.rawValue, toStandardOutput: false)
    }

    /// Parsing failed (or help was asked for): say why and exit.
    static func exit(parsing error: Error, arguments: [String]) -> Never {
        let unknown = Beschermbord.exitCode(for: error) == .success ? nil : unknownCommand(in: arguments)
        exit(with: unknown ?? parserReport(for: error))
    }

    static func exit(with error: Error) -> Never {
        exit(with: report(for: error))
    }

    static func exit(with report: Report) -> Never {
        if !report.message.isEmpty {
            let handle = report.toStandardOutput ? FileHandle.standardOutput : FileHandle.standardError
            handle.write(Data((report.message + "\n").utf8))
        }
        Foundation.exit(report.exitCode)
    }
}
