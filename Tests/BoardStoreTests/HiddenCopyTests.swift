import Foundation
import Testing
@testable import BoardStore

/// The id of a process that has ended: a child that ran `true` and was waited for.
func endedProcessID() throws -> pid_t {
    var pid: pid_t = 0
    let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/true"), nil]
    defer { argv.forEach { free($0) } }
    guard posix_spawn(&pid, "/bin/true", nil, nil, argv, nil) == 0 else { throw CocoaError(.executableLoad) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    return pid
}

@Suite("Hidden copies left by a killed command")
struct HiddenCopyTests {
    @Test func namesTellTheirProcess() {
        #expect(HiddenCopy.newStore.owner(of: ".bord.sqlite.nieuw-4242-3735928559", base: "bord.sqlite") == 4242)
        #expect(HiddenCopy.newStore.owner(of: ".bord.sqlite.nieuw-4242-3735928559-wal", base: "bord.sqlite") == 4242)
        #expect(HiddenCopy.output.owner(of: ".kopie.sqlite.4242.9F3A6C1B.tmp", base: "kopie.sqlite") == 4242, "as older versions named them")
        #expect(HiddenCopy.output.owner(of: ".kopie.sqlite.4242.deadbeef.tmp-journal", base: "kopie.sqlite") == 4242)
        for other in [".bord.sqlite.nieuw-4242", ".bord.sqlite.nieuw-x42-1", ".bord.sqlite.nieuw-+42-1", ".bord.sqlite.nieuw-4242-1-oud",
                      ".ander.sqlite.nieuw-4242-1", "bord.sqlite-wal", ".bord.sqlite.4242.deadbeef.tmp", ".bord.sqlite.nieuw-0-1"] {
            #expect(HiddenCopy.newStore.owner(of: other, base: "bord.sqlite") == nil, "\(other)")
        }
        for other in [".kopie.sqlite.4242.tmp", ".kopie.sqlite.4242.xyz.tmp", ".kopie.sqlite.4242.deadbeef", ".kopie.sqlite.nieuw-4242-1"] {
            #expect(HiddenCopy.output.owner(of: other, base: "kopie.sqlite") == nil, "\(other)")
        }
    }

    /// Copies of an ended process go, with their SQLite files; a running process's copy (this
    /// test's own), other names, and directories stay.
    @Test func onlyCopiesOfEndedProcessesAreRemoved() throws {
        let scratch = try ScratchDirectory()
        let ended = try endedProcessID()
        let running = getpid()
        let stale = [".bord.sqlite.nieuw-\(ended)-17", ".bord.sqlite.nieuw-\(ended)-17-wal", ".bord.sqlite.nieuw-\(ended)-17-shm"]
        let kept = [".bord.sqlite.nieuw-\(running)-18", ".bord.sqlite.nieuw-\(running)-18-wal", ".ander.sqlite.nieuw-\(ended)-19",
                    ".bord.sqlite.\(ended).deadbeef.tmp", "bord.sqlite"]
        for name in stale + kept { #expect(FileManager.default.createFile(atPath: scratch.file(name), contents: Data("x".utf8))) }
        try FileManager.default.createDirectory(atPath: scratch.file(".bord.sqlite.nieuw-\(ended)-20"), withIntermediateDirectories: false)

        HiddenCopy.newStore.removeStale(beside: scratch.file("bord.sqlite"))
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: scratch.path))
        #expect(left == Set(kept + [".bord.sqlite.nieuw-\(ended)-20"]))

        HiddenCopy.output.removeStale(beside: scratch.file("bord.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: scratch.file(".bord.sqlite.\(ended).deadbeef.tmp")))
        #expect(FileManager.default.fileExists(atPath: scratch.file(".bord.sqlite.nieuw-\(running)-18")))
    }

    @Test func aProcessOfAnotherUserCountsAsRunning() {
        // pid 1 runs as root: an ordinary user may not signal it (EPERM), and it runs.
        #expect(HiddenCopy.isRunning(1))
        #expect(HiddenCopy.isRunning(getpid()))
    }
}
