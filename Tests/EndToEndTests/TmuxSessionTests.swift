import Foundation
import Testing

/// The tmux harness itself: a session's private server goes away with the session, so test runs
/// leave no servers behind.
@Suite(.serialized) struct TmuxSessionTests {
    @Test func theServerEndsWithTheSession() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var session: TmuxSession? = try TmuxSession(command: ["sh", "-c", "echo klaar"], directory: directory)
        try session!.waitFor(text: "EINDE")
        let socket = session!.socket
        session = nil
        let deadline = Date().addingTimeInterval(10)
        var alive = true
        while alive && Date() < deadline {
            alive = try spawnAndWait(["/usr/bin/env", "tmux", "-L", socket, "has-session"], environment: ProcessInfo.processInfo.environment).0 == 0
            if alive { usleep(50_000) }
        }
        #expect(!alive, "the tmux server \(socket) still runs after its session ended")
    }
}
