import Foundation
import PostgresClient
import PostgresTestSupport
import Testing

/// The real binary in tmux on a server store: two colleagues' boards on one store, and a server
/// that goes away under an open board.
@Suite struct ServerBoardEndToEndTests {
    /// A colleague's move shows on the other board by itself (no key pressed), within half a
    /// second of the colleague's confirmation, with who made it.
    @Test(.needsServer) func aColleaguesMoveShowsOnTheOtherBoardWithinHalfASecond() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let team = try TeamStore(on: .shared, cases: ["E2E-0001;03-03-2025;Veilig Thuis;Jansen;Poelenburg;;Daan (01-01-2020);"], in: directory)
        let lead = try team.board(as: team.lead, in: directory)
        let rachid = try team.board(as: team.rachid, in: directory)
        try lead.waitFor(all: ["▶E2E-0001", "Aangemeld 1"])
        try rachid.waitFor(all: ["▶E2E-0001", "Aangemeld 1"])

        try rachid.send(">")
        try rachid.waitFor(text: "Start onderzoek")
        try rachid.send("Enter")
        try rachid.waitFor(text: "Zaak verplaatst naar Onderzoek")
        try lead.waitFor(all: ["Intussen gewijzigd door Rachid Bouzid: E2E-0001", "Onderzoek 1"], none: ["Aangemeld 1"], seconds: 0.5)
    }

    /// Both open the same move; the second save is refused in Dutch and keeps what was typed.
    @Test(.needsServer) func aConflictingSaveIsRefusedAndKeepsWhatWasTyped() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let team = try TeamStore(on: .shared, cases: ["E2E-0002;03-03-2025;Veilig Thuis;Jansen;Poelenburg;;Daan (01-01-2020);04-03-2025"], in: directory)
        let lead = try team.board(as: team.lead, in: directory)
        let rachid = try team.board(as: team.rachid, in: directory)
        for (board, reason) in [(lead, "Anouk zag het eerst"), (rachid, "Rachid corrigeert")] {
            // The board starts in its first column; the case is in the second.
            try board.waitFor(all: ["E2E-0002", "Onderzoek 1"])
            try board.send("Right")
            try board.waitFor(text: "▶E2E-0002")
            try board.send("<")
            try board.waitFor(text: "Reden van correctie")
            try board.send("Tab")
            try board.type(reason)
            try board.waitFor(text: reason)
        }

        try rachid.send("C-s")
        try rachid.waitFor(all: ["Aangemeld 1"], none: ["Reden van correctie"])
        try lead.send("C-s")
        try lead.waitFor(all: ["Zaak E2E-0002 is intussen gewijzigd door", "Er is niets opgeslagen", "Reden van correctie", "Anouk zag het eerst"])

        try lead.send("Escape")
        try lead.waitFor(text: "Wat je typte weggooien?")
        try lead.send("j")
        try lead.waitFor(all: ["Aangemeld 1"], none: ["Reden van correctie"])
        let log = try Binary.run(["audit", "--store", team.lead])
        #expect(log.output.contains("Rachid corrigeert"), "\(log.output)")
        #expect(!log.output.contains("Anouk zag het eerst"), "the refused save wrote nothing:\n\(log.output)")
    }

    /// The server stopped and started under an open board: it says so, mends itself and works.
    @Test(.needsServer) func theBoardReconnectsWhenTheServerComesBack() throws {
        let cluster = try TestCluster.makePrivate()
        // Stopped and removed when dropped: not before the board is done with it.
        defer { withExtendedLifetime(cluster) {} }
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let team = try TeamStore(on: cluster, cases: ["E2E-0003;03-03-2025;Veilig Thuis;Jansen;Poelenburg;;Daan (01-01-2020);"], in: directory)
        let board = try team.board(as: team.lead, in: directory)
        try board.waitFor(all: ["▶E2E-0003", "Aangemeld 1"])

        try cluster.stop()
        try board.waitFor(text: "Verbinding met de server verbroken; opnieuw verbinden…")
        try cluster.start()
        try board.waitFor(text: "Verbinding met de server hersteld.")

        try board.send(">")
        try board.waitFor(text: "Start onderzoek")
        try board.send("Enter")
        try board.waitFor(all: ["Zaak verplaatst naar Onderzoek", "Onderzoek 1"])
        let printed = try Binary.run(["board", "--store", team.lead])
        #expect(printed.output.components(separatedBy: "\nOnderzoek (").last?.contains("E2E-0003") == true, "\(printed.output)")
    }
}

/// A team's store on a test cluster: made by `init` (the cluster's superuser is its first
/// teamleider), the given CSV rows imported, and Rachid Bouzid on the staff list with a login
/// of his own.
struct TeamStore {
    static let header = "kenmerk;aangemeld_op;bron;gezin;wijk;medewerker;kinderen;onderzoek_op"

    /// The store as its teamleider (the superuser) and as Rachid.
    let lead: String
    let rachid: String

    init(on cluster: TestCluster, cases rows: [String], in directory: URL) throws {
        lead = try cluster.makeDatabase(name: "team")
        let csv = directory.appendingPathComponent("zaken.csv").path
        try ([Self.header] + rows).joined(separator: "\n").appending("\n").write(toFile: csv, atomically: true, encoding: .utf8)
        for command in [["init"], ["import", csv], ["medewerkers", "toevoegen", "rachid", "--naam", "Rachid Bouzid", "--rol", "medewerker"]] {
            let result = try Binary.run(command + ["--store", lead])
            guard result.status == 0 else { throw TmuxSession.TmuxError.failed("\(command): \(result.output)") }
        }
        rachid = try cluster.staffLogin("rachid", database: lead)
    }

    /// The board on the store at `uri`, at 100×30.
    func board(as uri: String, in directory: URL) throws -> TmuxSession {
        try TmuxSession(command: [Binary.path, "--store", uri], directory: directory)
    }
}
