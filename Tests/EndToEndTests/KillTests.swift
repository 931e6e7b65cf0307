import Foundation
import Testing

/// Starts the binary with stdout (and stderr) into `output`, without waiting: the caller kills it.
func spawnDetached(_ arguments: [String], output: String) throws -> pid_t {
    var env = ProcessInfo.processInfo.environment
    env["BESCHERMBORD_STORE"] = nil
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, output + ".err", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    let argv = ([Binary.path] + arguments).map { strdup($0) } + [nil]
    let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, Binary.path, &actions, nil, argv, envp)
    guard spawned == 0 else { throw TmuxSession.TmuxError.failed("\(Binary.path) kan niet starten (\(spawned))") }
    return pid
}

/// Waits for the child and returns its wait status.
@discardableResult
func reap(_ pid: pid_t) -> Int32 {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    return status
}

/// The complete lines of a file (a line cut off by the kill does not count as confirmed).
func completeLines(_ path: String) -> [String] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
    var lines = text.components(separatedBy: "\n")
    lines.removeLast()  // after the last newline: empty, or a line that was being written
    return lines
}

@Suite("Killed at any moment", .serialized)
struct KillTests {
    func kenmerken(in store: String) throws -> Set<String> {
        let (status, output) = try Binary.run(["_schrijftest", "--store", store, "--lijst"])
        #expect(status == 0, "\(output)")
        return Set(output.split(separator: "\n").map(String.init))
    }

    func expectSound(_ store: String, round: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (status, output) = try Binary.run(["check", "--store", store])
        #expect(status == 0, "round \(round): check says\n\(output)", sourceLocation: sourceLocation)
        #expect(output.contains("SQLite-integriteit: in orde"), sourceLocation: sourceLocation)
        #expect(output.contains("Hash-keten van het logboek: in orde"), sourceLocation: sourceLocation)
    }

    /// A writer that adds reports one by one is killed (SIGKILL) at varying moments: while it
    /// starts and creates the store, while it opens it, and in the middle of saves. After every
    /// kill the store is sound (SQLite's integrity check, the consistency checks, the hash chain)
    /// and holds every kenmerk the writer had confirmed.
    @Test func killedWriterLosesNothingConfirmed() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("bord.sqlite").path
        var confirmed: Set<String> = []
        var killedMidway = 0
        for round in 0..<20 {
            let output = directory.appendingPathComponent("uit-\(round).txt").path
            let pid = try spawnDetached(["_schrijftest", "--store", store, "--count", "500", "--prefix", "R\(round)"], output: output)
            if round % 2 == 0 {
                // By time since the start: from the very first instant (the store being created) on.
                usleep(UInt32(round) * 5_000)
            } else {
                // After some confirmed saves, and a little more, so the kill lands inside a save.
                let deadline = Date().addingTimeInterval(20)
                while completeLines(output).count < round * 2 && Date() < deadline { usleep(1_000) }
                usleep(UInt32((round * 797) % 3_000))
            }
            kill(pid, SIGKILL)
            let status = reap(pid)
            let lines = completeLines(output)
            if (status & 0x7f) == SIGKILL && !lines.isEmpty { killedMidway += 1 }
            confirmed.formUnion(lines)
            guard FileManager.default.fileExists(atPath: store) else {
                #expect(confirmed.isEmpty, "round \(round): confirmed saves but no store")
                continue
            }
            try expectSound(store, round: round)
            let stored = try kenmerken(in: store)
            let missing = confirmed.subtracting(stored)
            #expect(missing.isEmpty, "round \(round): confirmed but lost: \(missing.sorted())")
        }
        #expect(killedMidway >= 5, "the writer was killed in the middle of its work in several rounds")
        #expect(confirmed.count >= 20)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix("bord.sqlite") }
        #expect(Set(leftovers).isSubset(of: ["bord.sqlite", "bord.sqlite-wal", "bord.sqlite-shm"]), "\(leftovers)")
    }

    /// An import is one transaction: killed in the middle it leaves all or nothing of the file,
    /// and a sound store.
    @Test func killedImportLeavesAllOrNothing() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("bord.sqlite").path
        let seed = try Binary.run(["_schrijftest", "--store", store, "--count", "3", "--prefix", "VOOR"])
        #expect(seed.status == 0, "\(seed.output)")
        let rows = 3000
        for round in 0..<4 {
            let csv = directory.appendingPathComponent("import-\(round).csv").path
            var text = "kenmerk;aangemeld_op;bron;gezin;kinderen\n"
            for number in 1...rows { text += "I\(round)-\(number);03-03-2025;Veilig Thuis;Gezin \(number);Kind (01-01-2020)\n" }
            try text.write(toFile: csv, atomically: true, encoding: .utf8)
            let output = directory.appendingPathComponent("import-\(round).txt").path
            let pid = try spawnDetached(["import", csv, "--store", store], output: output)
            if round < 3 {
                // A debug build reads such a file in about a second and writes it in another:
                // spread the kills over both.
                usleep(UInt32(400_000 + round * 500_000))
                kill(pid, SIGKILL)
            }
            let status = reap(pid)
            try expectSound(store, round: round)
            let stored = try kenmerken(in: store)
            let imported = stored.filter { $0.hasPrefix("I\(round)-") }.count
            #expect(imported == 0 || imported == rows, "round \(round): \(imported) of \(rows) rows")
            #expect(stored.isSuperset(of: ["VOOR-1", "VOOR-2", "VOOR-3"]))
            if round == 3 {
                #expect(status == 0, "the import that was not killed completes: \((try? String(contentsOfFile: output + ".err", encoding: .utf8)) ?? "")")
                #expect(imported == rows)
            }
        }
    }

    /// Two programs writing at the same time: the second waits for the first's lock instead of
    /// failing, so both finish and every save is there.
    @Test func twoWritersAtOnceBothSucceed() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("bord.sqlite").path
        #expect(try Binary.run(["_schrijftest", "--store", store, "--count", "1", "--prefix", "START"]).status == 0)
        let first = directory.appendingPathComponent("a.txt").path
        let second = directory.appendingPathComponent("b.txt").path
        let a = try spawnDetached(["_schrijftest", "--store", store, "--count", "60", "--prefix", "A"], output: first)
        let b = try spawnDetached(["_schrijftest", "--store", store, "--count", "60", "--prefix", "B"], output: second)
        let statusA = reap(a)
        let statusB = reap(b)
        #expect(statusA == 0 && statusB == 0, "\((try? String(contentsOfFile: first + ".err", encoding: .utf8)) ?? "") \((try? String(contentsOfFile: second + ".err", encoding: .utf8)) ?? "")")
        #expect(completeLines(first).count == 60 && completeLines(second).count == 60)
        #expect(try kenmerken(in: store).count == 121)
        try expectSound(store, round: 0)
    }
}
