import Foundation
import Testing

/// Commands of every kind that writes, run against the same new store path while another one is
/// part way: nothing one of them confirmed is deleted or replaced by another.
///
/// The first command is frozen (SIGSTOP) part way, while its hidden copy beside the path exists
/// and nothing is at the path yet; the others run to their end, and then it is let go (SIGCONT):
/// so the order is fixed without sleeping on a guess.
@Suite("Commands racing for a new store", .serialized)
struct NewStoreRaceTests {
    static let header = "kenmerk;aangemeld_op;bron;gezin;kinderen"

    /// Starts the binary (its arguments made for a target path) and freezes it part way: it has
    /// begun its hidden copy beside the target and put nothing at the target itself, and it still
    /// runs. Polling cannot promise to catch a command in that window when the machine stalls the
    /// test; an attempt that missed it proves nothing either way, so it is let finish and tried
    /// again on a new target. Returns the frozen command and its target.
    func startPartWay(_ arguments: (String) -> [String], target name: String, in directory: URL,
                      output: String) throws -> (pid: pid_t, target: String) {
        for attempt in 1...5 {
            let target = directory.appendingPathComponent("\(attempt)-\(name)").path
            let pid = try spawnDetached(arguments(target), output: output)
            if try freezeWhileHidden(pid, target: target, output: output) { return (pid, target) }
            kill(pid, SIGCONT)
            reap(pid)
        }
        Issue.record("\(arguments("…").first ?? "") was never caught part way in five attempts: \(errors(output))")
        throw TmuxSession.TmuxError.failed("never caught part way")
    }

    /// Freezes `pid` once its hidden copy beside `target` appears; true when it was caught before it
    /// ended or put anything at `target`.
    func freezeWhileHidden(_ pid: pid_t, target: String, output: String) throws -> Bool {
        let directory = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            if entries.contains(where: { $0 == name || $0.hasPrefix(".\(name).") }) {
                kill(pid, SIGSTOP)
                var status: Int32 = 0
                let ended = waitpid(pid, &status, WNOHANG) == pid
                return !ended && !FileManager.default.fileExists(atPath: target)
            }
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                Issue.record("\(Binary.path) ended before it made anything: \(errors(output))")
                throw TmuxSession.TmuxError.failed("ended early")
            }
            usleep(1_000)
        }
        kill(pid, SIGKILL)
        reap(pid)
        throw TmuxSession.TmuxError.timeout("made nothing within a minute")
    }

    /// Lets a frozen command go and returns its exit code.
    func release(_ pid: pid_t) -> Int32 {
        kill(pid, SIGCONT)
        let status = reap(pid)
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    func errors(_ output: String) -> String {
        ((try? String(contentsOfFile: output, encoding: .utf8)) ?? "") + ((try? String(contentsOfFile: output + ".err", encoding: .utf8)) ?? "")
    }

    func kenmerken(in store: String) throws -> Set<String> {
        let (status, output) = try Binary.run(["_schrijftest", "--store", store, "--lijst"])
        #expect(status == 0, "\(output)")
        return Set(output.split(separator: "\n").map(String.init))
    }

    func expectSound(_ store: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (status, output) = try Binary.run(["check", "--store", store])
        #expect(status == 0, "check says\n\(output)", sourceLocation: sourceLocation)
    }

    /// The store passes `check`, and no command left a hidden copy beside it.
    func expectSoundWithoutHiddenCopies(_ store: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try expectSound(store, sourceLocation: sourceLocation)
        let leftovers = try hiddenCopies(of: store)
        #expect(leftovers.isEmpty, "hidden copies left: \(leftovers)", sourceLocation: sourceLocation)
    }

    func hiddenCopies(of store: String) throws -> [String] {
        let name = (store as NSString).lastPathComponent
        return try FileManager.default.contentsOfDirectory(atPath: (store as NSString).deletingLastPathComponent)
            .filter { $0.hasPrefix(".\(name).") }
    }

    func writeCSV(_ rows: [String], to path: String) throws {
        try Data(([Self.header] + rows).joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: path))
    }

    /// The issue's reproduction: an import of a large file with an error in its last row is part
    /// way when a small import, a writer, a demo and a backup use the same new path. When the large
    /// import fails, everything the others confirmed is still there.
    @Test func aFailingImportLeavesWhatOthersWroteMeanwhile() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bad = directory.appendingPathComponent("groot.csv").path
        try writeCSV((1...10_000).map { "G-\($0);03-03-2025;Veilig Thuis;Gezin \($0);Kind (01-01-2020)" } + ["G-LAATST;31-02-2025;Veilig Thuis;Laatste;Kind (01-01-2020)"], to: bad)
        let small = directory.appendingPathComponent("klein.csv").path
        try writeCSV((1...3).map { "K-\($0);04-03-2025;Jeugdteam;Klein \($0);Kind (01-01-2020)" }, to: small)

        let output = directory.appendingPathComponent("groot.txt").path
        let (large, store) = try startPartWay({ ["import", bad, "--store", $0] }, target: "nieuw.sqlite", in: directory, output: output)

        let smallImport = try Binary.run(["import", small, "--store", store])
        #expect(smallImport.status == 0, "\(smallImport.output)")
        #expect(smallImport.output.contains("3 zaken, 3 gezinnen en 3 kinderen toegevoegd"), "\(smallImport.output)")
        let writer = try Binary.run(["_schrijftest", "--store", store, "--count", "2", "--prefix", "S"])
        #expect(writer.status == 0, "\(writer.output)")
        let demo = try Binary.run(["demo", "--store", store, "--families", "3"])
        #expect(demo.status == 1 && demo.output.contains("bestaat al"), "\(demo.output)")
        let copy = directory.appendingPathComponent("kopie.sqlite").path
        let backup = try Binary.run(["backup", "--store", store, copy])
        #expect(backup.status == 0, "\(backup.output)")

        let status = release(large)
        #expect(status == 1, "\(errors(output))")
        #expect(errors(output).contains("regel 10002: aangemeld_op: ‘31-02-2025’ bestaat niet als datum"), "\(errors(output))")

        let expected: Set<String> = ["K-1", "K-2", "K-3", "S-1", "S-2"]
        #expect(FileManager.default.fileExists(atPath: store), "the store others wrote to is still there")
        #expect(try kenmerken(in: store) == expected)
        try expectSound(store)
        #expect(try kenmerken(in: copy) == expected)
        let leftovers = try hiddenCopies(of: store)
        #expect(leftovers.isEmpty, "the failed import took its own hidden copy away: \(leftovers)")
    }

    /// An import into a new store that someone else creates meanwhile goes into their store, with
    /// what they wrote kept.
    @Test func aGoodImportGoesIntoAStoreMadeMeanwhile() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("zaken.csv").path
        try writeCSV((1...5_000).map { "G-\($0);03-03-2025;Veilig Thuis;Gezin \($0);Kind (01-01-2020)" }, to: file)
        let output = directory.appendingPathComponent("import.txt").path
        let (importer, store) = try startPartWay({ ["import", file, "--store", $0] }, target: "nieuw.sqlite", in: directory, output: output)

        let writer = try Binary.run(["_schrijftest", "--store", store, "--count", "2", "--prefix", "S"])
        #expect(writer.status == 0, "\(writer.output)")

        let status = release(importer)
        #expect(status == 0, "\(errors(output))")
        #expect(errors(output).contains("Intussen heeft iemand anders de opslag"), "\(errors(output))")
        #expect(errors(output).contains("5000 zaken, 5000 gezinnen en 5000 kinderen toegevoegd"), "\(errors(output))")
        let stored = try kenmerken(in: store)
        #expect(stored.count == 5_002 && stored.isSuperset(of: ["S-1", "S-2", "G-1", "G-5000"]))
        try expectSoundWithoutHiddenCopies(store)
    }

    /// A demo being built when someone else creates the store at the same path: the demo is
    /// refused and their store holds their work only, no fictitious families.
    @Test func aDemoNeverWritesIntoAStoreMadeMeanwhile() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("demo.txt").path
        let (demo, store) = try startPartWay({ ["demo", "--store", $0, "--families", "600"] }, target: "nieuw.sqlite", in: directory, output: output)

        let writer = try Binary.run(["_schrijftest", "--store", store, "--count", "2", "--prefix", "S"])
        #expect(writer.status == 0, "\(writer.output)")

        let status = release(demo)
        #expect(status == 1, "\(errors(output))")
        #expect(errors(output).contains("bestaat al"), "\(errors(output))")
        #expect(try kenmerken(in: store) == ["S-1", "S-2"])
        try expectSoundWithoutHiddenCopies(store)
    }

    /// Two backups to the same new file without --force: the second finishes first, and the first
    /// is refused rather than replacing it; the copy is complete.
    @Test func aBackupNeverReplacesOneMadeMeanwhile() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try makeDemoStore(in: directory, families: 400, name: "bord.sqlite")
        let output = directory.appendingPathComponent("backup.txt").path
        let (first, copy) = try startPartWay({ ["backup", "--store", store, $0] }, target: "kopie.sqlite", in: directory, output: output)

        #expect(try Binary.run(["_schrijftest", "--store", store, "--count", "1", "--prefix", "NA"]).status == 0)
        let second = try Binary.run(["backup", "--store", store, copy])
        #expect(second.status == 0, "\(second.output)")

        let status = release(first)
        #expect(status == 1, "\(errors(output))")
        #expect(errors(output).contains("bestaat al en wordt niet overschreven"), "\(errors(output))")
        #expect(try kenmerken(in: copy).contains("NA-1"), "the copy is the second backup's, made after the new report")
        try expectSoundWithoutHiddenCopies(copy)
    }
}

/// A store path that is a link to nothing is never removed, nor used to make a store at its
/// target: every command that writes refuses it, naming the link and where it points.
@Suite("A store path that is a link to nothing")
struct DanglingLinkTests {
    @Test func everyWritingCommandRefusesAndKeepsTheLink() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let link = directory.appendingPathComponent("bord.sqlite").path
        let target = directory.appendingPathComponent("gedeeld/bord.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let file = directory.appendingPathComponent("zaken.csv")
        try Data("kenmerk;aangemeld_op;bron;gezin;kinderen\nK-1;03-03-2025;Jeugdteam;Klein;Kind (01-01-2020)\n".utf8).write(to: file)

        for arguments in [["import", file.path], ["_schrijftest", "--count", "1"], ["board"]] {
            let result = try Binary.run(arguments + ["--store", link])
            #expect(result.status == 1, "\(arguments[0]): \(result.output)")
            #expect(result.output.contains("verwijzing naar \(target)"), "\(arguments[0]): \(result.output)")
        }
        let demo = try Binary.run(["demo", "--store", link])
        #expect(demo.status == 1 && demo.output.contains("bestaat al"), "\(demo.output)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target, "the link is kept")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["bord.sqlite", "zaken.csv"])
    }
}
