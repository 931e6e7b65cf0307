import Foundation
import Testing

/// The report screen with the real binary: `R` on the board, a period chosen in the form, the
/// figures and the cumulative flow loaded from the store, `]` for the next year, Esc back.
@Suite(.serialized) struct ReportScreenEndToEndTests {
    @Test func rShowsTheFiguresAndTheFlowOfAChosenPeriod() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try ReportCommandTests.makeStore(in: directory)
        let session = try TmuxSession(command: [Binary.path, "--store", store], directory: directory)
        try session.waitFor(text: "R-4")

        try session.send("R")
        try session.waitFor(text: "Aanmeldingen en doorstroom")
        try session.send("v")
        try session.waitFor(text: "Periode voor de cijfers")
        try session.send("C-u")
        try session.type("01-01-2022")
        try session.send("Tab", "C-u")
        try session.type("31-12-2022")
        try session.send("C-s")
        try session.waitFor("de cijfers van 2022") { screen in
            let lines = Self.lines(screen)
            return screen.contains("Aanmeldingen 01-01-2022 t/m 31-12-2022 (alle bronnen)")
                && lines.contains { $0.hasPrefix("Aanmeldingen ") && $0.hasSuffix(" 4") }
                && lines.contains { $0.hasPrefix("Naar de Beschermtafel") && $0.hasSuffix(" 2") }
        }

        // The end of the page: the flow's legend, counted on 31-12-2022 from every case on the
        // board in 2022 (R-5 was reported in 2021 and is still aangemeld).
        try session.send("G")
        try session.waitFor("de legenda op 31-12-2022") { screen in
            let legend = Self.lines(screen)
            return screen.contains("Zaken per kolom op 31-12-2022:")
                && [("· Aangemeld", 2), ("▒ Beschermtafel", 1), ("▓ RvK-onderzoek", 1), ("█ Veiligheid gewaarborgd", 1)].allSatisfy { entry, count in
                    legend.contains { $0.hasPrefix(entry) && $0.hasSuffix(" \(count)") }
                }
        }

        try session.send("]")
        try session.waitFor(text: "Aanmeldingen 01-01-2023 t/m 31-12-2023 (alle bronnen)")
        try session.send("Escape")
        try session.waitFor("het bord") { !$0.contains("Aanmeldingen en doorstroom") && $0.contains("R-4") }
        try session.send("q")
        try session.waitFor(text: "EXIT=0")
    }

    /// The screen's lines without the page's border.
    static func lines(_ screen: String) -> [String] {
        screen.split(separator: "\n").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "│ ")) }
    }
}
