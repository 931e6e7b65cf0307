import Foundation
import Testing

/// Who signs the log is the kernel's account of the user, never the environment: a process in an
/// unprivileged user namespace runs as a user id without a passwd entry and sets `$USER` as it
/// likes (issue #9, point 5). Runs the real binary under `unshare --user --map-user`, which any
/// local user can do, and which maps the test's own user to the unnamed id (so file access stays
/// that of the test's user).
@Suite("Identity comes from the kernel", .serialized)
struct IdentityTests {
    /// A user id without a passwd entry on this machine.
    static let unnamedUID: UInt32 = {
        var uid: UInt32 = 4242
        while getpwuid(uid) != nil { uid += 1 }
        return uid
    }()

    /// Runs the binary as the unnamed user, claiming in every environment variable to be `claimed`.
    func runUnnamed(_ arguments: [String], claiming claimed: String) throws -> (status: Int32, output: String) {
        let (status, output) = try spawnAndWait(
            ["unshare", "--user", "--map-user=\(Self.unnamedUID)", Binary.path] + arguments,
            environment: ProcessInfo.processInfo.environment.merging(
                ["USER": claimed, "LOGNAME": claimed, "BESCHERMBORD_STORE": ""]) { _, new in new })
        return (status, output)
    }

    @Test func anUnnamedUserClaimingToBeTheTeamLeadMayReadButNotWrite() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("bord.sqlite").path
        #expect(try Binary.run(["_schrijftest", "--store", store, "--count", "2", "--prefix", "Z"]).status == 0)
        let added = try Binary.run(["medewerkers", "toevoegen", "teamleider", "--naam", "Tessa Leider", "--rol", "teamleider", "--store", store])
        #expect(added.status == 0, "\(added.output)")
        let name = "uid-\(Self.unnamedUID)"

        let setting = try runUnnamed(["instellingen", "zet", "bewaartermijn.jaren", "1", "--store", store], claiming: "teamleider")
        #expect(setting.status == 1, "\(setting.output)")
        #expect(setting.output.contains("geen gebruikersnaam voor jouw gebruikersnummer (\(name))"), "\(setting.output)")
        #expect(!setting.output.contains("Je bent teamleider"))
        let staff = try runUnnamed(["medewerkers", "toevoegen", name, "--naam", "Ik", "--rol", "teamleider", "--store", store], claiming: "teamleider")
        #expect(staff.status == 1, "\(staff.output)")

        // Reading works, under the kernel's name for the user.
        let board = try runUnnamed(["board", "--store", store], claiming: "teamleider")
        #expect(board.status == 0, "\(board.output)")
        let audit = try runUnnamed(["audit", "--store", store], claiming: "teamleider")
        #expect(audit.status == 0 && audit.output.contains("alleen je eigen regels"), "\(audit.output)")

        // Nothing was written: the setting is unchanged and no event names the claimed user or the uid.
        let settings = try Binary.run(["instellingen", "--store", store]).output
        let retention = settings.split(separator: "\n").first { $0.contains("bewaartermijn.jaren") } ?? ""
        #expect(retention.contains("20 (standaard)"), "\(settings)")
        let log = try Binary.run(["audit", "--store", store]).output
        #expect(!log.contains(name), "\(log)")
        #expect(!log.contains("Instelling gewijzigd"), "\(log)")
        #expect(try Binary.run(["check", "--store", store]).status == 0)
    }

    @Test func anUnnamedUserCannotMakeAStoreAndBecomeItsTeamLead() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("eigen.sqlite").path
        let made = try runUnnamed(["_schrijftest", "--store", store, "--count", "1", "--prefix", "Z"], claiming: "teamleider")
        #expect(made.status == 1, "\(made.output)")
        #expect(made.output.contains("uid-\(Self.unnamedUID)"), "\(made.output)")
        #expect(!FileManager.default.fileExists(atPath: store))
    }
}
