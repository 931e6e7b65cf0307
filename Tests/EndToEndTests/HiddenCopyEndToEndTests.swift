import Foundation
import Testing

/// The id of a process that has ended: a child that ran `true` and was waited for.
func endedProcessID() throws -> pid_t {
    var pid: pid_t = 0
    let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/true"), nil]
    defer { argv.forEach { free($0) } }
    guard posix_spawn(&pid, "/bin/true", nil, nil, argv, nil) == 0 else { throw TmuxSession.TmuxError.failed("/bin/true") }
    reap(pid)
    return pid
}

/// A backup or a new store killed part way leaves a hidden copy full of personal data; the next
/// run of the same kind of command removes it, but never a copy of a process that still runs.
@Suite("Hidden copies are cleaned up by the next run")
struct HiddenCopyEndToEndTests {
    func plant(_ names: [String], in directory: URL) {
        for name in names {
            FileManager.default.createFile(atPath: directory.appendingPathComponent(name).path, contents: Data("persoonsgegevens".utf8))
        }
    }

    func entries(_ directory: URL) throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: directory.path))
    }

    @Test func backupAndExportRemoveTheirStaleCopies() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try makeDemoStore(in: directory, families: 5, name: "bord.sqlite")
        let ended = try endedProcessID()
        let live = ".kopie.sqlite.\(getpid()).0badf00d.tmp"
        let stale = [".kopie.sqlite.\(ended).1A2B3C4D.tmp", ".kopie.sqlite.\(ended).1A2B3C4D.tmp-journal",
                     ".zaken.csv.\(ended).5e6f7a8b.tmp"]
        plant(stale + [live], in: directory)

        let backup = try Binary.run(["backup", "--store", store, directory.appendingPathComponent("kopie.sqlite").path])
        #expect(backup.status == 0, "\(backup.output)")
        let export = try Binary.run(["export", "--store", store, "--out", directory.appendingPathComponent("zaken.csv").path])
        #expect(export.status == 0, "\(export.output)")

        let left = try entries(directory)
        #expect(left.isDisjoint(with: stale), "stale copies are gone: \(left.sorted())")
        #expect(left.contains(live), "a running process's copy stays")
    }

    @Test func aNewStoreAndAWriterRemoveStaleStoreCopies() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("bord.sqlite").path
        let ended = try endedProcessID()
        let live = ".bord.sqlite.nieuw-\(getpid())-1"
        let stale = [".bord.sqlite.nieuw-\(ended)-2", ".bord.sqlite.nieuw-\(ended)-2-wal", ".bord.sqlite.nieuw-\(ended)-2-shm"]
        plant(stale + [live], in: directory)

        // An import into a new store: its creation cleans up.
        let file = directory.appendingPathComponent("zaken.csv")
        try Data("kenmerk;aangemeld_op;bron;gezin;kinderen\nK-1;03-03-2025;Jeugdteam;Klein;Kind (01-01-2020)\n".utf8).write(to: file)
        let imported = try Binary.run(["import", file.path, "--store", store])
        #expect(imported.status == 0, "\(imported.output)")
        var left = try entries(directory)
        #expect(left.isDisjoint(with: stale), "\(left.sorted())")
        #expect(left.contains(live))

        // An import killed into the existing store's path later: the next writer cleans up.
        plant(stale, in: directory)
        #expect(try Binary.run(["_schrijftest", "--store", store, "--count", "1"]).status == 0)
        left = try entries(directory)
        #expect(left.isDisjoint(with: stale), "\(left.sorted())")
        #expect(left.contains(live))
    }
}
