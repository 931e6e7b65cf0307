import Foundation
import GRDB
import PostgresClient
import PostgresTestSupport
import Testing

/// `init` and `--store postgresql://…` through the binary: what a user reads, and the exit code.
@Suite struct ServerStoreEndToEndTests {
    @Test(.needsServer) func initMakesAServerStoreOnceThatTheCommandsWorkOn() throws {
        let uri = try TestCluster.shared.makeDatabase(name: "bord")
        let before = try Binary.run(["board", "--store", uri])
        #expect(before.status == 1)
        #expect(before.output.contains("staat nog geen Beschermbord-opslag: voer eerst beschermbord init uit"))

        let made = try Binary.run(["init", "--store", uri])
        #expect(made.status == 0, "\(made.output)")
        #expect(made.output.contains("Lege opslag gemaakt op PostgreSQL-database"))
        #expect(made.output.contains("_teamleider"))
        #expect(made.output.contains("met \(TestCluster.superuser) als eerste teamleider"), "\(made.output)")

        let again = try Binary.run(["init"], environment: ["BESCHERMBORD_STORE": uri])
        #expect(again.status == 0)
        #expect(again.output.contains("staat al een opslag van deze versie; er is niets gewijzigd"))

        for command in [["board"], ["audit"], ["instellingen"], ["medewerkers"], ["report", "--year", "2026"]] {
            let result = try Binary.run(command + ["--store", uri])
            #expect(result.status == 0, "\(command): \(result.output)")
        }
        let staff = try Binary.run(["medewerkers", "--store", uri])
        #expect(staff.output.contains(TestCluster.superuser) && staff.output.contains("teamleider"), "\(staff.output)")
        #expect(try Binary.run(["board", "--store", uri]).output.contains("PostgreSQL-database bord_"))
        let check = try Binary.run(["check", "--store", uri])
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.contains("Controle van PostgreSQL-database bord_") && check.output.contains("Uitkomst: alles in orde."), "\(check.output)")
        // A demo goes into an empty database only, not into this (empty) store.
        let demo = try Binary.run(["demo", "--store", uri])
        #expect(demo.status == 1)
        #expect(demo.output.contains("staat al een opslag"), "\(demo.output)")
    }

    @Test(.needsServer) func demoMakesAServerStoreInAnEmptyDatabaseAndLeavesAFilledOneAlone() throws {
        let uri = try TestCluster.shared.makeDatabase(name: "demo")
        let made = try Binary.run(["demo", "--store", uri, "--families", "12"])
        #expect(made.status == 0, "\(made.output)")
        #expect(made.output.contains("Demo-opslag met 12 fictieve gezinnen gemaakt op PostgreSQL-database demo_"), "\(made.output)")
        #expect(made.output.contains("met \(TestCluster.superuser) als eerste teamleider"), "\(made.output)")

        let check = try Binary.run(["check", "--store", uri])
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.contains("Uitkomst: alles in orde."), "\(check.output)")
        let board = try Binary.run(["board", "--all", "--store", uri])
        #expect(board.status == 0, "\(board.output)")
        #expect(board.output.hasPrefix("Beschermbord · PostgreSQL-database demo_") && board.output.contains(" · 12 zaken\n"),
                "the twelve families' cases on the board:\n\(board.output)")

        let before = try Self.whatUsersSee(uri)
        let again = try Binary.run(["demo", "--store", uri, "--families", "3", "--seed", "9"])
        #expect(again.status == 1)
        #expect(again.output.contains("staat al een opslag") && again.output.contains("er is niets gewijzigd"), "\(again.output)")
        #expect(try Self.whatUsersSee(uri) == before)
    }

    /// The board, the head of the log's chain (which changes with any event), the staff and the
    /// settings: what a refused command must leave as it was.
    static func whatUsersSee(_ store: String) throws -> [String] {
        let head = try Binary.run(["check", "--store", store]).output.split(separator: "\n").filter { $0.hasPrefix("Kop van het logboek:") }
        #expect(head.count == 1)
        return try [["board", "--all"], ["medewerkers"], ["instellingen"]].map { try Binary.run($0 + ["--store", store]).output } + head.map(String.init)
    }

    @Test(.needsServer) func backupMovesAFileStoreToAnEmptyServerDatabaseOnce() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bb-naar-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("demo.sqlite").path
        #expect(try Binary.run(["demo", "--store", path, "--families", "8"]).status == 0)
        let uri = try TestCluster.shared.makeDatabase(name: "verhuis")

        let forced = try Binary.run(["backup", uri, "--force", "--store", path])
        #expect(forced.status == 1)
        #expect(forced.output.contains("--force geldt niet voor een server"))

        let moved = try Binary.run(["backup", uri, "--store", path])
        #expect(moved.status == 0, "\(moved.output)")
        #expect(moved.output.contains("overgezet naar PostgreSQL-database verhuis_"))
        #expect(moved.output.contains("8 gezinnen"))

        let again = try Binary.run(["backup", uri, "--store", path])
        #expect(again.status == 1)
        #expect(again.output.contains("is niet leeg"))

        let back = directory.appendingPathComponent("terug.sqlite").path
        let fromServer = try Binary.run(["backup", back, "--store", uri])
        #expect(fromServer.status == 0, "\(fromServer.output)")
        #expect(fromServer.output.contains("geschreven naar \(back)"))
        let check = try Binary.run(["check", "--store", back])
        #expect(check.status == 0, "\(check.output)")
        // The same board, below the title line that names the store.
        func board(_ store: String) throws -> [Substring] { try Binary.run(["board", "--all", "--store", store]).output.split(separator: "\n").dropFirst().map { $0 } }
        #expect(try board(back) == board(path))
        #expect(try board(uri) == board(path), "the board read from the server is the file's")

        // check on the server store: sound as moved; a change made outside Beschermbord is found.
        #expect(try Binary.run(["check", "--store", uri]).status == 0)
        try PostgresConnection(uri: uri).execute("UPDATE beschermbord.family SET name = 'Smit' WHERE id = (SELECT min(id) FROM beschermbord.family)")
        let tampered = try Binary.run(["check", "--store", uri])
        #expect(tampered.status == 1, "\(tampered.output)")
        #expect(tampered.output.contains("Gegevens gedekt door het logboek: NIET IN ORDE"), "\(tampered.output)")
        #expect(!tampered.output.contains("kopie.sqlite"), "the report names the server, not the copy it read")
        #expect(try board(back).count > 8)
    }

    @Test func aServerThatIsNotThereIsSaidInDutchWithoutThePassword() throws {
        let result = try Binary.run(["board", "--store", "postgresql://anna:geheim@/bord?host=/nonexistent-\(UUID().uuidString)"])
        #expect(result.status == 1)
        #expect(result.output.hasPrefix("beschermbord: De server van de opslag (PostgreSQL-database bord op /nonexistent-"))
        #expect(result.output.contains("niet bereikbaar"))
        #expect(!result.output.contains("geheim"))
        #expect(result.output.split(separator: "\n").count == 1, "geen uitvoer van de driver: \(result.output)")
    }

    @Test func initMakesAnEmptyFileStoreAndLeavesAnExistingOneAlone() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bb-init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bord.sqlite").path
        let made = try Binary.run(["init", "--store", path])
        #expect(made.status == 0)
        #expect(made.output.contains("Lege opslag gemaakt in \(path)"))
        let board = try Binary.run(["board", "--store", path])
        #expect(board.status == 0)
        let staff = try Binary.run(["medewerkers", "--store", path])
        #expect(staff.output.contains("teamleider"))
        let before = try Self.logAndStaff(path)
        let again = try Binary.run(["init", "--store", path])
        #expect(again.status == 0)
        #expect(again.output.contains("Er staat al een opslag in \(path)"))
        #expect(try Self.logAndStaff(path) == before)
    }

    /// The log and the staff list: what a second `init` must leave as they were.
    static func logAndStaff(_ path: String) throws -> [String] {
        try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT id || ' ' || kind || ' ' || hex(hash) FROM event ORDER BY id")
                + String.fetchAll(db, sql: "SELECT name || ' ' || role FROM medewerkers ORDER BY name")
        }
    }
}
