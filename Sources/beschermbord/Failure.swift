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

/// The one place where an error that a command's `run` throws becomes what the user sees.
enum CommandFailure {
    /// The line(s) for stderr and the exit code; nil for ArgumentParser's own outcomes (an exit
    /// code, help, a usage error), which it reports itself. The text may hold a path, a kenmerk or
    /// a store's text, so every line is cleaned of control characters and escape sequences.
    static func report(for error: Error) -> (message: String, exitCode: Int32)? {
        if error is ExitCode || error is CleanExit || error is ValidationError { return nil }
        return ("beschermbord: " + TextSanitizer.lines("\(error)").joined(separator: "\n"), 1)
    }

    static func exit(with error: Error) -> Never {
        guard let report = report(for: error) else { Beschermbord.exit(withError: error) }
        FileHandle.standardError.write(Data((report.message + "\n").utf8))
        Foundation.exit(report.exitCode)
    }
}
