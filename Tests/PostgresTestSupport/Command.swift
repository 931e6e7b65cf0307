import Foundation

/// A program run to its end with its output (stdout and stderr together) kept for a failure's
/// message.
///
/// Spawned directly rather than through Foundation's Process: `pg_ctl start` leaves a server
/// running that inherits the child's descriptors, and Process then never sees its child end.
/// The output goes to a temporary file for the same reason (a pipe would never reach its end).
struct Command {
    let status: Int32
    let output: String
    var succeeded: Bool { status == 0 }

    struct SpawnFailure: Error, CustomStringConvertible {
        let executable: String
        let code: Int32
        var description: String { "\(executable): \(String(cString: strerror(code)))" }
    }

    static func run(_ executable: String, _ arguments: [String], in directory: String? = nil) throws -> Command {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("beschermbord-command-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        // posix_spawn's chdir action is not visible to Swift; the shell changes directory.
        let command = directory.map { ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", $0, executable] + arguments }
            ?? [executable] + arguments
        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, command[0], &actions, nil, argv, environ)
        guard spawned == 0 else { throw SpawnFailure(executable: executable, code: spawned) }

        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED/WEXITSTATUS are macros Swift does not import: exit code, or 128 + signal.
        let exitCode = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        return Command(status: exitCode, output: text)
    }
}
