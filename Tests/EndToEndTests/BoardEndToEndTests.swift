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

    /// PuTTY and rxvt send Home and End as `ESC [1~` and `ESC [4~`, which TERM=xterm's entry does
    /// not list: they must still be Home and End, not Esc (which clears every filter) and text.
    @Test func homeAndEndFromPuTTYAreHomeAndEnd() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try makeDemoStore(in: directory, families: 120)
        let session = try TmuxSession(command: [Binary.path, "--store", store], width: 80, height: 24, directory: directory,
                                      environment: ["TERM": "xterm"])
        try session.waitFor(text: "afgesloten: laatste")
        // A filter that every kenmerk matches: the cards stay, and it shows whether an Esc came.
        try session.send("Right", "/", "2", "Enter")
        let start = try session.waitFor(text: "filter ‘2’")
        let selected = { (screen: String) in screen.split(separator: "\n").first { $0.contains("▶") }.map(String.init) }
        let first = try #require(selected(start))

        _ = try session.tmux(["send-keys", "-H", "1b", "5b", "34", "7e"])
        let atEnd = try session.waitFor("End: the last card") { selected($0) != first }
        #expect(atEnd.contains("filter ‘2’") && !atEnd.contains("doet hier niets"), "\(atEnd)")
        _ = try session.tmux(["send-keys", "-H", "1b", "5b", "31", "7e"])
        let atHome = try session.waitFor("Home: the first card again") { selected($0) == first }
        #expect(atHome.contains("filter ‘2’") && !atHome.contains("doet hier niets"), "\(atHome)")
        try session.send("q")
        try session.waitFor(text: "EINDE")
    }

    /// A left click at (x, y) as an xterm-style terminal reports it (X10 encoding: press, release).
    static func click(_ session: TmuxSession, x: Int, y: Int) throws {
        let position = [32 + x + 1, 32 + y + 1].map { String($0, radix: 16) }
        _ = try session.tmux(["send-keys", "-H", "1b", "5b", "4d", "20"] + position)
        _ = try session.tmux(["send-keys", "-H", "1b", "5b", "4d", "23"] + position)
    }

    @Test(arguments: [false, true])
    func aClickSelectsACardADoubleClickOpensItUnlessTheMouseIsOff(mouseOff: Bool) throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try makeDemoStore(in: directory, families: 40)
        let session = try TmuxSession(command: [Binary.path, "--store", store] + (mouseOff ? ["--no-mouse"] : []), width: 80, height: 24,
                                      directory: directory)
        let start = try session.waitFor(text: "afgesloten: laatste")
        let marker = { (screen: String) in screen.split(separator: "\n").compactMap { line in line.firstIndex(of: "▶").map { line.distance(from: line.startIndex, to: $0) } }.first }
        #expect(marker(start) == 0, "the first column's card is selected:\n\(start)")
        // The first card of the second column (columns are 16 wide at 80).
        try Self.click(session, x: 20, y: 3)
        if mouseOff {
            // Help opening proves the click's bytes were read before it.
            try session.send("?")
            try session.waitFor(text: "Toetsen: Bord")
            try session.send("Escape")
            let after = try session.waitFor("help closed") { !$0.contains("Toetsen: Bord") }
            #expect(marker(after) == 0, "without the mouse the click changes nothing:\n\(after)")
        } else {
            let moved = try session.waitFor("the click") { marker($0) == 16 }
            #expect(moved.contains("afgesloten: laatste"))
            try Self.click(session, x: 20, y: 4)
            try Self.click(session, x: 20, y: 4)
            try session.waitFor(text: "1 Gezin")
        }
        try session.send("Q")
        try session.waitFor(text: "EINDE")
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
