import Foundation
import PostgresClient
import PostgresTestSupport
import Testing

/// An import into a server store killed (SIGKILL) in the middle of its transaction: the server
/// rolls it back, so the store holds none of the file's rows, and a whole import all of them.
@Suite struct ServerKillTests {
    /// Where the import is stopped is made certain rather than timed: the test holds an
    /// uncommitted case with the kenmerk of row `blockedRow`, so the import, having written the rows
    /// before it in its transaction, waits on the server for that kenmerk; it is killed while it
    /// waits, whatever its speed. The last round is not killed and imports every row.
    @Test(.needsServer) func killedImportOnAServerLeavesAllOrNothing() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let uri = try TestCluster.shared.makeDatabase(name: "import_kill")
        #expect(try Binary.run(["init", "--store", uri]).status == 0)
        let seed = try Binary.run(["_schrijftest", "--store", uri, "--count", "3", "--prefix", "VOOR"])
        #expect(seed.status == 0, "\(seed.output)")
        let admin = try PostgresConnection(uri: uri)
        let rows = 1200
        for (round, blockedRow) in [(0, 400), (1, 1000), (2, nil)] as [(Int, Int?)] {
            let csv = directory.appendingPathComponent("import-\(round).csv").path
            var text = "kenmerk;aangemeld_op;bron;gezin;kinderen\n"
            for number in 1...rows { text += "I\(round)-\(number);03-03-2025;Veilig Thuis;Gezin \(number);Kind (01-01-2020)\n" }
            try text.write(toFile: csv, atomically: true, encoding: .utf8)

            let blocker = try PostgresConnection(uri: uri)
            if let blockedRow {
                try blocker.executeScript("BEGIN")
                try blocker.execute("""
                    WITH gezin AS (INSERT INTO beschermbord.family (name) VALUES ('Blokkade') RETURNING id)
                    INSERT INTO beschermbord."case" (kenmerk, family_id, source, reported_on, stage, stage_since)
                    SELECT $1, id, 'veilig_thuis', DATE '2025-03-03', 'aangemeld', DATE '2025-03-03' FROM gezin
                    """, ["I\(round)-\(blockedRow)"])
            }
            let output = directory.appendingPathComponent("import-\(round).txt").path
            let pid = try spawnDetached(["import", csv, "--store", uri], output: output)
            if blockedRow != nil {
                let importer = try Self.waitForImportBlocked(admin, behind: blocker)
                kill(pid, SIGKILL)
                let status = reap(pid)
                #expect(status & 0x7f == SIGKILL, "round \(round): killed while it waited")
                try blocker.executeScript("ROLLBACK")
                // The server notices its client is gone once the wait ends; then it rolls back.
                try Self.waitUntilGone(importer, admin)
            } else {
                let status = reap(pid)
                #expect(status == 0, "the import that was not killed completes: \((try? String(contentsOfFile: output + ".err", encoding: .utf8)) ?? "")")
            }
            let check = try Binary.run(["check", "--store", uri])
            #expect(check.status == 0, "round \(round): check says\n\(check.output)")
            let kenmerken = try Self.kenmerken(admin)
            let imported = kenmerken.filter { $0.hasPrefix("I\(round)-") }.count
            #expect(imported == (blockedRow == nil ? rows : 0), "round \(round): \(imported) of \(rows) rows")
            #expect(Set(kenmerken).isSuperset(of: ["VOOR-1", "VOOR-2", "VOOR-3"]))
        }
    }

    /// The import's session once it waits for the blocker's lock, inside its own transaction
    /// with writes in it (an xid).
    static func waitForImportBlocked(_ admin: PostgresConnection, behind blocker: PostgresConnection,
                                     sourceLocation: SourceLocation = #_sourceLocation) throws -> Int64 {
        let blockerPID = try blocker.execute("SELECT pg_backend_pid() AS pid").int64(row: 0, column: "pid") ?? 0
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            let waiting = try admin.execute("""
                SELECT pid FROM pg_stat_activity
                WHERE $1::int = ANY(pg_blocking_pids(pid)) AND backend_xid IS NOT NULL
                """, [blockerPID])
            if waiting.rowCount > 0, let pid = waiting.int64(row: 0, column: "pid") { return pid }
            usleep(20_000)
        }
        Issue.record("the import never waited for the blocked kenmerk", sourceLocation: sourceLocation)
        throw TmuxSession.TmuxError.timeout("import blocked")
    }

    static func waitUntilGone(_ backend: Int64, _ admin: PostgresConnection) throws {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if try admin.execute("SELECT 1 FROM pg_stat_activity WHERE pid = $1", [backend]).rowCount == 0 { return }
            usleep(20_000)
        }
        Issue.record("the killed import's session is still there")
    }

    static func kenmerken(_ admin: PostgresConnection) throws -> [String] {
        let rows = try admin.execute("SELECT kenmerk FROM beschermbord.\"case\"")
        return (0..<rows.rowCount).compactMap { rows.string(row: $0, column: "kenmerk") }
    }
}
