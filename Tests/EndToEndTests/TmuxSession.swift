import Foundation
import Testing

/// Drives the real `beschermbord` binary in a private tmux server: type keys, read the screen.
final class TmuxSession {
    let socket: String
    let directory: URL

    /// Starts `command` in a detached tmux session of the given size. After the program ends, the
    /// pane prints the terminal's mode and a marker, then waits, so tests can check it was restored.
    init(command: [String], width: Int = 100, height: Int = 30, directory: URL, environment: [String: String] = [:]) throws {
        socket = "bb-\(UUID().uuidString.prefix(8))"
        self.directory = directory
        var env = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "tmux-256color", "HOME": directory.path,
                   "XDG_DATA_HOME": directory.appendingPathComponent("data").path]
        env.merge(environment) { _, new in new }
        let exports = env.sorted(by: { $0.key < $1.key }).map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        let program = command.map(Self.quote).joined(separator: " ")
        let script = "env \(exports) \(program); echo \"EXIT=$?\"; stty -a | tr ' ' '\\n' | grep -x -e '-\\?icanon' -e '-\\?echo'; echo EINDE; exec cat"
        try tmux(["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "sh", "-c", script])
    }

    deinit { try? tmux(["kill-server"]) }

    /// Sends keys in tmux's notation (`Enter`, `Escape`, `C-s`, `BTab`) or literal text with `literal`.
    func send(_ keys: String...) throws { try tmux(["send-keys"] + keys) }

    func type(_ text: String) throws { try tmux(["send-keys", "-l", text]) }

    func capture() throws -> String { try tmux(["capture-pane", "-p"]) }

    /// Polls the screen until `predicate` holds; fails the test with the last screen after `seconds`.
    @discardableResult
    func waitFor(_ what: String, seconds: Double = 15, sourceLocation: SourceLocation = #_sourceLocation,
                 _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var screen = ""
        while Date() < deadline {
            screen = try capture()
            if predicate(screen) { return screen }
            usleep(50_000)
        }
        Issue.record("wachtte op \(what); het scherm was:\n\(screen)", sourceLocation: sourceLocation)
        throw TmuxError.timeout(what)
    }

    func waitFor(text: String, seconds: Double = 15, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try waitFor("‘\(text)’", seconds: seconds, sourceLocation: sourceLocation) { $0.contains(text) }
    }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        try TmuxSession.run("/usr/bin/env", ["tmux", "-L", socket] + arguments)
    }

    enum TmuxError: Error { case timeout(String), failed(String) }

    @discardableResult
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw TmuxError.failed("\(arguments.joined(separator: " ")) gaf \(process.terminationStatus): \(text)")
        }
        return text
    }

    static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}

/// Where the built binary is: next to the test bundle in the build directory.
enum Binary {
    static var path: String {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [beside, beside.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("beschermbord")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url.path }
        }
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return repository.appendingPathComponent(".build/debug/beschermbord").path
    }

    /// Runs the binary to completion; returns its exit code and everything it printed.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["BESCHERMBORD_STORE"] = nil
        env.merge(environment) { _, new in new }
        process.environment = env
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// A private temporary directory for one test.
func makeTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("bb-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
