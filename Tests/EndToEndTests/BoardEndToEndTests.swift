import Foundation
import Testing

/// The real binary in tmux on a demo store: what a user sees and types.
@Suite(.serialized) struct BoardEndToEndTests {
    @Test func newReportTypedThroughTheFormMovesOnAndIsStored() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try makeDemoStore(in: directory, families: 40)

        let session = try TmuxSession(command: [Binary.path, "--store", store], width: 140, height: 40, directory: directory)
        try session.waitFor(all: ["Aangemeld", "Onderzoek", "Beschermtafel", "Veiligheid gewaarborgd", "RvK-onderzoek", "DEMO"])

        try session.send("?")
        // The whole help, not a capture taken while it is being drawn.
        try session.waitFor("de hulp") { $0.contains("Toetsen: Bord") && $0.contains("nieuwe aanmelding") }
        try session.send("Escape")
        try session.waitFor("help gesloten") { !$0.contains("Toetsen: Bord") }

        try session.send("a")
        try session.waitFor(text: "Nieuwe aanmelding")
        try session.send("C-u")
        try session.type("E2E-0001")
        try session.send("Tab", "Tab", "Tab")
        try session.type("Testgezin Zoë")
        try session.send("Tab")
        try session.type("Poelenburg")
        try session.send("Tab", "Tab")
        try session.type("Sem")
        try session.send("Tab")
        try session.type("01-02-2018")
        try session.send("C-s")
        // The new case is selected.
        try session.waitFor(all: ["Aanmelding E2E-0001 (Testgezin Zoë) opgeslagen", "▶E2E-0001"])

        try session.send(">")
        try session.waitFor(text: "Start onderzoek")
        try session.send("Enter")
        try session.waitFor(text: "Zaak verplaatst naar Onderzoek")

        try session.send("q")
        let screen = try session.waitFor(text: "EINDE")
        #expect(screen.contains("EXIT=0"))
        #expect(screen.contains("\nicanon"), "terminal terug in canonieke modus")
        #expect(screen.contains("\necho"), "echo weer aan")

        let board = try Binary.run(["board", "--store", store])
        #expect(board.status == 0)
        let onderzoek = board.output.components(separatedBy: "\nOnderzoek (")[1].components(separatedBy: "\nBeschermtafel (")[0]
        #expect(onderzoek.contains("E2E-0001"))
        #expect(onderzoek.contains("Testgezin Zoë"))
    }

    @Test func demoFlagOpensAPopulatedBoardAndCtrlCRestoresTheTerminal() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let session = try TmuxSession(command: [Binary.path, "--demo"], width: 80, height: 24, directory: directory,
                                      environment: ["TMPDIR": directory.path])
        // A card is selected.
        try session.waitFor(all: ["DEMO", "▶"])
        try session.send("C-c")
        let after = try session.waitFor(text: "EINDE")
        #expect(after.contains("\nicanon"))
    }

    @Test func aTextFileAsStoreIsRefusedAndLeftUnchanged() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("notities.txt").path
        let original = Data("dit is geen database\n".utf8)
        try original.write(to: URL(fileURLWithPath: path))
        let result = try Binary.run(["board", "--store", path])
        #expect(result.status == 1)
        #expect(result.output.contains("is geen Beschermbord-opslag"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == original)
    }

    @Test func environmentVariablePicksTheStoreAndAnEmptyStoreSaysHowToStart() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("team/bord.sqlite").path
        let session = try TmuxSession(command: [Binary.path], directory: directory, environment: ["BESCHERMBORD_STORE": path])
        try session.waitFor(text: "Nog geen zaken in deze opslag.")
        try session.send("q")
        try session.waitFor(text: "EINDE")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }
}
