import Foundation
import Testing

/// The weekly meeting with the real binary: the agenda, n to the first family, B to record the
/// decision; it lands in the journal and the access log, and the agenda counts it as done.
@Suite(.serialized) struct AgendaEndToEndTests {
    @Test func theAgendaRecordsADecisionInTheJournalAndTheLog() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try makeDemoStore(in: directory, families: 40)

        let session = try TmuxSession(command: [Binary.path, "--store", store], width: 140, height: 40, directory: directory)
        try session.waitFor(text: "Onderzoek")
        try session.send("A")
        let screen = try session.waitFor(all: ["Agenda teamoverleg", " 0 van ", " besproken"])
        let total = try #require(screen.components(separatedBy: " 0 van ").dropFirst().first?.split(separator: " ").first)

        try session.send(".")
        try session.waitFor(text: "1 Gezin")
        try session.send("B")
        try session.waitFor(text: "Besluit teamoverleg")
        try session.type("Netwerkberaad plannen met oma")
        try session.send("Tab", "C-u")
        try session.type("Fatima")
        try session.send("C-s")
        try session.waitFor(text: "Besluit vastgelegd in het journaal.")
        try session.send("4")
        try session.waitFor(all: ["Netwerkberaad plannen met oma", "Actie: Fatima"])

        try session.send("Escape")
        // The decided case is ticked.
        try session.waitFor(all: [" 1 van \(total) besproken", "✓"])
        try session.send("Q")
        try session.waitFor(text: "EINDE")

        let audit = try Binary.run(["audit", "--store", store])
        #expect(audit.status == 0, "\(audit.output)")
        #expect(audit.output.contains("Besluit teamoverleg") && audit.output.contains("actie: Fatima"), "\(audit.output)")
        #expect(audit.output.contains("scherm Agenda"), "the opening from the agenda is logged with its screen")

        // The minutes of today's meeting: the decision with its actor, and the log's head as
        // `report` reads it.
        let minutes = try Binary.run(["notulen", "--store", store])
        #expect(minutes.status == 0, "\(minutes.output)")
        let rows = minutes.output.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| Kenmerk") }
        #expect(rows.count == 1 && rows[0].contains("| Netwerkberaad plannen met oma | Fatima | "), "\(minutes.output)")
        let report = try Binary.run(["report", "--store", store, "--format", "csv"])
        let head = try #require(report.output.split(separator: "\n").first { $0.hasPrefix("ketenkop;") }?.split(separator: ";").last)
        #expect(minutes.output.contains("`beschermbord check --kop \(head)`"), "\(minutes.output)")
    }
}
