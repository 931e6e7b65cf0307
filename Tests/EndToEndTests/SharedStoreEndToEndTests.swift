import Foundation
import Testing

/// `init --shared GROEP` through the real binary: the directory and the files the group's, the
/// `-wal` and `-shm` that a later process makes writable for the group despite the program's
/// umask 077, the title that says the roles are not enforced, and every refusal touching nothing.
/// Run as root, a throwaway group and user (made and removed here) write the store as well.
@Suite("init --shared: a file store for one OS group")
struct SharedStoreEndToEndTests {
    struct FileState: Equatable {
        let mode: mode_t
        let group: gid_t
    }

    static func state(_ path: String) -> FileState? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileState(mode: info.st_mode & 0o7777, group: info.st_gid)
    }

    /// The process's primary group, by name: a group the user surely holds.
    static var ownGroup: (name: String, id: gid_t) {
        let id = getgid()
        return (String(cString: getgrgid(id)!.pointee.gr_name), id)
    }

    @Test func makesTheStoreTheGroupsAndEveryProcessKeepsItSo() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let team = directory.appendingPathComponent("team").path
        let store = team + "/bord.sqlite"
        let group = Self.ownGroup

        let made = try Binary.run(["init", "--gedeeld", group.name, "--store", store])
        #expect(made.status == 0, "\(made.output)")
        #expect(made.output.contains("Gedeelde opslag gemaakt in \(store) voor de groep \(group.name)"), "\(made.output)")
        #expect(made.output.contains("de rollen houdt het programma bij, maar ze worden niet afgedwongen"), "\(made.output)")
        #expect(Self.state(team) == FileState(mode: 0o2770, group: group.id), "the directory: the group's, setgid")
        #expect(Self.state(store) == FileState(mode: 0o660, group: group.id), "the store: read and write for the group")

        // A second process (umask 077 like every run of the program) makes the -wal and -shm anew.
        #expect(Self.state(store + "-wal") == nil && Self.state(store + "-shm") == nil, "closed, the file is the whole store")
        let session = try TmuxSession(command: [Binary.path, "--store", store], width: 80, height: 24, directory: directory)
        try session.waitFor(text: "rollen niet afgedwongen")
        for companion in [store + "-wal", store + "-shm"] {
            #expect(Self.state(companion) == FileState(mode: 0o660, group: group.id), "\(companion)")
        }
        try session.send("q")

        let again = try Binary.run(["init", "--shared", group.name, "--store", store])
        #expect(again.status == 0 && again.output.contains("staat al een opslag die met de groep \(group.name) gedeeld is"), "\(again.output)")
        #expect(Self.state(store) == FileState(mode: 0o660, group: group.id))
    }

    @Test func refusalsTouchNothing() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let group = Self.ownGroup

        let missingGroup = directory.appendingPathComponent("nieuw").path
        let unknown = try Binary.run(["init", "--gedeeld", "geen-groep-\(getpid())", "--store", missingGroup + "/bord.sqlite"])
        #expect(unknown.status == 1 && unknown.output.contains("De groep ‘geen-groep-\(getpid())’ bestaat niet op deze machine."), "\(unknown.output)")
        #expect(!FileManager.default.fileExists(atPath: missingGroup), "no directory made")

        let deep = directory.appendingPathComponent("a/b").path
        let noParent = try Binary.run(["init", "--gedeeld", group.name, "--store", deep + "/bord.sqlite"])
        #expect(noParent.status == 1 && noParent.output.contains("init --gedeeld maakt alleen de laatste map"), "\(noParent.output)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("a").path))

        // An owner's own store is not made shared behind their back.
        let own = directory.appendingPathComponent("eigen/bord.sqlite").path
        #expect(try Binary.run(["init", "--store", own]).status == 0)
        let ownBytes = FileManager.default.contents(atPath: own)
        let ownDirectory = Self.state((own as NSString).deletingLastPathComponent)
        let existing = try Binary.run(["init", "--gedeeld", group.name, "--store", own])
        #expect(existing.status == 1 && existing.output.contains("bestaat al en is niet gedeeld met de groep \(group.name)"), "\(existing.output)")
        #expect(FileManager.default.contents(atPath: own) == ownBytes && Self.state(own)?.mode == 0o600)
        #expect(Self.state((own as NSString).deletingLastPathComponent) == ownDirectory)

        // A directory with other files in it keeps its group and mode.
        let busy = directory.appendingPathComponent("druk")
        try FileManager.default.createDirectory(at: busy, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
        try Data("x".utf8).write(to: busy.appendingPathComponent("notities.txt"))
        let busyBefore = Self.state(busy.path)
        let notEmpty = try Binary.run(["init", "--gedeeld", group.name, "--store", busy.appendingPathComponent("bord.sqlite").path])
        #expect(notEmpty.status == 1 && notEmpty.output.contains("is niet voor de groep \(group.name) ingericht"), "\(notEmpty.output)")
        #expect(Self.state(busy.path) == busyBefore && !FileManager.default.fileExists(atPath: busy.appendingPathComponent("bord.sqlite").path))

        let server = try Binary.run(["init", "--gedeeld", group.name, "--store", "postgresql:///beschermbord?host=/nergens"])
        #expect(server.status != 0 && server.output.contains("--gedeeld is voor een opslagbestand"), "\(server.output)")

        // A group this user does not hold (only when not root: root may use any group).
        if getuid() != 0, let foreign = Self.groupNotHeld() {
            let target = directory.appendingPathComponent("vreemd").path
            let refused = try Binary.run(["init", "--gedeeld", foreign, "--store", target + "/bord.sqlite"])
            #expect(refused.status == 1 && refused.output.contains("geen lid van de groep \(foreign)"), "\(refused.output)")
            #expect(!FileManager.default.fileExists(atPath: target))
        }
    }

    /// Another member of the group writes the store that root made, and leaves it writable for the next.
    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/useradd")
                   && FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser")))
    func anotherMemberWritesTheStore() throws {
        let tag = "\(getpid())\(Int.random(in: 1000...9999))"
        let group = "bbgroep\(tag)", user = "bbmw\(tag)"
        try TmuxSession.run("/usr/sbin/groupadd", [group])
        defer { _ = try? TmuxSession.run("/usr/sbin/groupdel", [group]) }
        try TmuxSession.run("/usr/sbin/useradd", ["-M", "-N", "-G", group, "-s", "/bin/sh", user])
        defer { _ = try? TmuxSession.run("/usr/sbin/userdel", [user]) }
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        chmod(directory.path, 0o755)
        let store = directory.appendingPathComponent("team/bord.sqlite").path

        #expect(try Binary.run(["init", "--gedeeld", group, "--store", store]).status == 0)
        #expect(try Binary.run(["medewerkers", "toevoegen", user, "--naam", "Mw Test", "--store", store]).status == 0)
        var environment = ProcessInfo.processInfo.environment
        environment["BESCHERMBORD_STORE"] = nil
        let (status, output) = try spawnAndWait(["/usr/sbin/runuser", "-u", user, "--", Binary.path, "_schrijftest", "--store", store,
                                                 "--count", "2", "--prefix", "G"], environment: environment)
        #expect(status == 0, "\(output)")
        let check = try Binary.run(["check", "--store", store])
        #expect(check.status == 0 && check.output.contains("Uitkomst: alles in orde."), "\(check.output)")
        let gid = try #require(getgrnam(group)).pointee.gr_gid
        #expect(Self.state(store) == FileState(mode: 0o660, group: gid))
    }

    /// A group in the system's database that this process does not hold.
    static func groupNotHeld() -> String? {
        let count = getgroups(0, nil)
        var held = [gid_t](repeating: 0, count: Int(max(count, 1)))
        _ = getgroups(count, &held)
        for candidate in ["root", "shadow", "disk", "adm", "sudo"] {
            if let entry = getgrnam(candidate), !held.contains(entry.pointee.gr_gid), entry.pointee.gr_gid != getgid() { return candidate }
        }
        return nil
    }
}
