import Foundation
import Testing

/// Runs the binary as an ordinary user, for whom file modes count: when the tests run as root
/// (as in CI), as `nobody` through `setpriv`; otherwise as the user running the tests.
struct OrdinaryUser {
    let uid: uid_t
    let gid: gid_t
    static let isRoot = getuid() == 0

    init() throws {
        guard Self.isRoot else {
            uid = getuid()
            gid = getgid()
            return
        }
        guard let nobody = getpwnam("nobody") else { throw TmuxSession.TmuxError.failed("there is no user nobody to run as") }
        uid = nobody.pointee.pw_uid
        gid = nobody.pointee.pw_gid
    }

    /// A directory of this user's own, 0700, that only they (and root) can write.
    func makeDirectory() throws -> URL {
        let directory = try makeTemporaryDirectory()
        guard chown(directory.path, uid, gid) == 0, chmod(directory.path, 0o700) == 0 else {
            throw TmuxSession.TmuxError.failed("cannot hand \(directory.path) to uid \(uid)")
        }
        return directory
    }

    func run(_ arguments: [String], home: URL) throws -> (status: Int32, output: String) {
        var environment = ProcessInfo.processInfo.environment
        environment["BESCHERMBORD_STORE"] = nil
        environment["HOME"] = home.path
        guard Self.isRoot else { return try spawnAndWait([Binary.path] + arguments, environment: environment) }
        let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let setpriv else { throw TmuxSession.TmuxError.failed("setpriv (util-linux) is needed to run as nobody") }
        return try spawnAndWait([setpriv, "--reuid=\(uid)", "--regid=\(gid)", "--clear-groups", Binary.path] + arguments,
                                environment: environment)
    }
}

@Suite("Read-only sessions, as an ordinary user")
struct ReadOnlyEndToEndTests {
    /// The reproduction: the owner makes the store read-only, looks at the board, makes
    /// it writable again; saving works at once (it failed with "alleen-lezen" until someone
    /// removed the `-shm` the read-only session had left).
    @Test func readingAReadOnlyStoreDoesNotLockOutLaterWriters() throws {
        let user = try OrdinaryUser()
        let directory = try user.makeDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("bord.sqlite").path
        let made = try user.run(["_schrijftest", "--store", store, "--count", "2", "--prefix", "A"], home: directory)
        #expect(made.status == 0, "\(made.output)")

        #expect(chmod(store, 0o400) == 0)
        let refused = try user.run(["_schrijftest", "--store", store, "--count", "1", "--prefix", "RO"], home: directory)
        #expect(refused.status == 1 && refused.output.contains("alleen-lezen"), "a read-only store really is read-only: \(refused.output)")
        let board = try user.run(["board", "--store", store], home: directory)
        #expect(board.status == 0, "\(board.output)")
        #expect(board.output.contains("2 zaken"), "\(board.output)")
        #expect(chmod(store, 0o600) == 0)

        let saved = try user.run(["_schrijftest", "--store", store, "--count", "1", "--prefix", "NA"], home: directory)
        #expect(saved.status == 0, "\(saved.output)")
        let listed = try user.run(["_schrijftest", "--store", store, "--lijst"], home: directory)
        #expect(Set(listed.output.split(separator: "\n")) == ["A-1", "A-2", "NA-1"], "\(listed.output)")
    }

    /// A read-only `-shm` of the store's owner, as a read-only session of an earlier version left
    /// it: the next program that opens the store makes it writable for the owner again.
    @Test func aCompanionLeftReadOnlyIsRepaired() throws {
        let user = try OrdinaryUser()
        let directory = try user.makeDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("bord.sqlite").path
        #expect(try user.run(["_schrijftest", "--store", store, "--count", "1"], home: directory).status == 0)
        // Not empty, as a -shm in use: SQLite itself resets the mode of an empty one.
        #expect(FileManager.default.createFile(atPath: store + "-shm", contents: Data(count: 32_768), attributes: [.posixPermissions: 0o400]))
        #expect(chown(store + "-shm", user.uid, user.gid) == 0)

        let saved = try user.run(["_schrijftest", "--store", store, "--count", "1", "--prefix", "NA"], home: directory)
        #expect(saved.status == 0, "\(saved.output)")
    }

    /// A `-shm` this user cannot write and cannot repair (another user's): the message names the
    /// file and says what to do. Only root can leave a file of another user behind.
    @Test(.enabled(if: OrdinaryUser.isRoot, "only root can leave a file of another user in the store's directory"))
    func anUnwritableCompanionIsNamed() throws {
        let user = try OrdinaryUser()
        let directory = try user.makeDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("bord.sqlite").path
        #expect(try user.run(["_schrijftest", "--store", store, "--count", "1"], home: directory).status == 0)
        #expect(FileManager.default.createFile(atPath: store + "-shm", contents: Data(), attributes: [.posixPermissions: 0o644]))

        let refused = try user.run(["_schrijftest", "--store", store, "--count", "1", "--prefix", "NA"], home: directory)
        #expect(refused.status == 1)
        #expect(refused.output.contains("\(store)-shm"), "\(refused.output)")
        #expect(refused.output.contains("verwijder"), "\(refused.output)")
    }
}
