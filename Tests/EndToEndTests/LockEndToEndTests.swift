import Foundation
import Testing

/// The idle privacy screen with the real binary: `--lock-after 0.1` hides the names after six
/// seconds without a key. Every wait polls the screen up to a deadline.
@Suite(.serialized) struct LockEndToEndTests {
    static let header = "kenmerk;aangemeld_op;bron;gezin;wijk;medewerker;kinderen\n"

    func importCases(_ rows: String, into store: String, directory: URL, name: String) throws {
        let file = directory.appendingPathComponent(name)
        try (Self.header + rows).write(to: file, atomically: true, encoding: .utf8)
        let result = try Binary.run(["import", file.path, "--store", store])
        #expect(result.status == 0, "\(result.output)")
    }

    static func leftMargin(of text: String, in screen: String) -> Int? {
        screen.components(separatedBy: "\n").first(where: { $0.contains(text) })?.prefix(while: { $0 == " " || $0 == "│" }).count
    }

    @Test func locksWhenIdleHidesNamesAcrossResizeAndReloadAndUnlocksAsItWas() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("bord.sqlite").path
        try importCases("2025-0001;03-03-2025;Veilig Thuis;Zwanenburg;Poelenburg;;Quirijn (05-05-2015)\n",
                        into: store, directory: directory, name: "eerste.csv")
        let secrets = ["Zwanenburg", "Quirijn", "2025-0001", "Poelenburg", "Nieuwenhuis", "2025-0002"]

        let session = try TmuxSession(command: [Binary.path, "--store", store, "--lock-after", "0.1"], width: 100, height: 30,
                                      directory: directory)
        try session.waitFor(text: "Zwanenburg")
        try session.send("Enter")
        try session.waitFor(text: "Quirijn")

        // Nothing of the board or the dossier stays readable on the locked screen.
        var screen = try session.waitFor(all: ["Druk een toets om het bord te tonen.", "Privacyscherm: namen verborgen. Dit is geen slot."], none: secrets, seconds: 40)
        let wideMargin = Self.leftMargin(of: "Privacyscherm: namen verborgen. Dit is geen slot.", in: screen)

        // A colleague's change arrives, the window shrinks: still locked, still nothing to read.
        try importCases("2025-0002;04-03-2025;Jeugdteam;Nieuwenhuis;Kogerveld;;Noor (01-01-2018)\n",
                        into: store, directory: directory, name: "tweede.csv")
        try session.tmux(["resize-window", "-x", "70", "-y", "20"])
        screen = try session.waitFor("het privacyscherm in een kleiner venster") { screen in
            screen.contains("Druk een toets") && Self.leftMargin(of: "Privacyscherm: namen verborgen. Dit is geen slot.", in: screen).map { $0 < (wideMargin ?? 0) } == true
                && !secrets.contains(where: screen.contains)
        }

        // The first key asks; Esc keeps the lock; a key and Enter unlock.
        try session.send("x")
        try session.waitFor(all: ["Enter toont het bord, Esc houdt de namen verborgen."], none: secrets)
        try session.send("Escape")
        try session.waitFor(text: "Druk een toets om het bord te tonen.")
        try session.send("q")
        try session.waitFor(text: "Enter toont het bord")
        try session.send("Enter")
        // The family screen is back as it was.
        try session.waitFor(all: ["Quirijn", "Gezin Zwanenburg"])
        try session.send("Escape")
        try session.waitFor(text: "Nieuwenhuis")

        try session.send("C-c")
        screen = try session.waitFor(text: "EINDE")
        #expect(screen.contains("\nicanon"))
    }
}
