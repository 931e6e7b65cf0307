import Foundation
import Testing

/// Drives the real `beschermbord` binary in a private tmux server: type keys, read the screen.
final class TmuxSession {
    let socket: String
    let directory: URL

    /// Starts `command` in a detached tmux session of the given size. After the program ends, the
    /// pane prints the terminal's mode and a marker, then waits, so tests can check it was restored.
    /// The shell traps (rather than dies of) Ctrl-C, so that only the program gets the signal.
    init(command: [String], width: Int = 100, height: Int = 30, directory: URL, environment: [String: String] = [:]) throws {
        socket = "bb-\(UUID().uuidString.prefix(8))"
        self.directory = directory
        var env = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "tmux-256color", "HOME": directory.path,
                   "XDG_DATA_HOME": directory.appendingPathComponent("data").path]
        env.merge(environment) { _, new in new }
        let exports = env.sorted(by: { $0.key < $1.key }).map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        let program = command.map(Self.quote).joined(separator: " ")
        let script = "trap : INT TERM HUP; env \(exports) \(program); echo \"EXIT=$?\"; stty -a | tr ' ' '\\n' | grep -x -e '-\\?icanon' -e '-\\?echo'; echo EINDE; exec cat"
        try tmux(["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "sh", "-c", script])
    }

    deinit { _ = try? tmux(["kill-server"]) }

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

    @discardableResult
    func waitFor(text: String, seconds: Double = 15, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try waitFor("‘\(text)’", seconds: seconds, sourceLocation: sourceLocation) { $0.contains(text) }
    }

    /// Waits until the screen shows every one of `texts` and none of `absent`, and returns it.
    /// ncurses writes a frame in pieces and tmux can be read between two of them, so a capture that
    /// shows one line of a new frame need not show the rest yet: wait for everything a test asserts
    /// about a screen, never for one line and then assert on the same capture.
    @discardableResult
    func waitFor(all texts: [String], none absent: [String] = [], seconds: Double = 15,
                 sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let what = texts.map { "‘\($0)’" }.joined(separator: ", ") + (absent.isEmpty ? "" : " zonder " + absent.map { "‘\($0)’" }.joined(separator: ", "))
        return try waitFor(what, seconds: seconds, sourceLocation: sourceLocation) { screen in
            texts.allSatisfy(screen.contains) && !absent.contains(where: screen.contains)
        }
    }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        try TmuxSession.run("/usr/bin/env", ["tmux", "-L", socket] + arguments)
    }

    enum TmuxError: Error { case timeout(String), failed(String) }

    /// Runs a command to completion. Output goes through a file, not a pipe: the tmux server that
    /// `new-session` starts would inherit a pipe and keep it open for ever.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let (status, text) = try spawnAndWait([executable] + arguments, environment: ProcessInfo.processInfo.environment)
        guard status == 0 else {
            throw TmuxError.failed("\(arguments.joined(separator: " ")) gaf \(status): \(text)")
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
        var env = ProcessInfo.processInfo.environment
        env["BESCHERMBORD_STORE"] = nil
        env.merge(environment) { _, new in new }
        return try spawnAndWait([path] + arguments, environment: env)
    }
}

/// Runs a program to completion with posix_spawn and waitpid; returns its exit code and output.
/// Output goes through a file, not a pipe, and Foundation's Process is not used: the tmux server
/// that `new-session` forks would inherit the pipe and keep the client from being reaped.
func spawnAndWait(_ arguments: [String], environment: [String: String]) throws -> (Int32, String) {
    let log = FileManager.default.temporaryDirectory.appendingPathComponent("bb-out-\(UUID().uuidString)").path
    defer { unlink(log) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    let argv = arguments.map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    // The test runner's threads block most signals and a spawned program inherits the mask: a
    // tmux server started with it never sees SIGCHLD or SIGTERM and outlives its kill-server.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t()
    sigemptyset(&none)
    var handled = sigset_t()
    sigfillset(&handled)
    sigdelset(&handled, SIGKILL)
    sigdelset(&handled, SIGSTOP)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setsigdefault(&attributes, &handled)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var pid: pid_t = 0
    let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
    guard spawned == 0 else { throw TmuxSession.TmuxError.failed("\(arguments[0]) kan niet starten (\(spawned))") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
    let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return (exitCode, output)
}

/// A private temporary directory for one test.
/// A demo store of `families` families in `directory`, made by the real binary; its path.
func makeDemoStore(in directory: URL, families: Int, name: String = "demo.sqlite") throws -> String {
    let store = directory.appendingPathComponent(name).path
    let demo = try Binary.run(["demo", "--store", store, "--families", String(families)])
    guard demo.status == 0 else { throw TmuxSession.TmuxError.failed("demo: \(demo.output)") }
    return store
}

func makeTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("bb-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A store in `directory` made by importing one report (2025-0001, family Zwanenburg): a store
/// with a case whose moment of recording the tests can read, and the user as its teamleider.
func storeWithOneImportedReport(in directory: URL) throws -> String {
    let store = directory.appendingPathComponent("bord.sqlite").path
    let csv = directory.appendingPathComponent("zaken.csv")
    try "kenmerk;aangemeld_op;bron;gezin;kinderen\n2025-0001;03-03-2025;Veilig Thuis;Zwanenburg;Quirijn (05-05-2015)\n"
        .write(to: csv, atomically: true, encoding: .utf8)
    let imported = try Binary.run(["import", csv.path, "--store", store])
    guard imported.status == 0 else { throw TmuxSession.TmuxError.failed("import: \(imported.output)") }
    return store
}
