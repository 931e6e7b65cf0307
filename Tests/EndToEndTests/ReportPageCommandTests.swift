import Foundation
import Testing

/// `report --format html` through the real binary: its options' bad input gets a Dutch message
/// and exit code 1 with nothing printed as a page; `--anoniem` leaves the store out. (The page in
/// a browser: ReportPageBrowserTests.)
@Suite struct ReportPageCommandTests {
    @Test func aToelichtingThatCannotBeReadIsRefusedInDutch() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try makeDemoStore(in: directory, families: 3)
        let missing = directory.appendingPathComponent("bestaat-niet.txt").path
        let binary = directory.appendingPathComponent("plaatje.txt")
        try Data([0x89, 0x50, 0x00, 0xFF]).write(to: binary)
        for (file, message) in [(missing, "--toelichting: het bestand ‘\(missing)’ is niet te lezen."),
                                (binary.path, "--toelichting: ‘\(binary.path)’ is geen tekst in UTF-8.")] {
            let result = try Binary.run(["report", "--store", store, "--format", "html", "--toelichting", file])
            #expect(result.status == 1)
            #expect(result.output.contains(message), "\(result.output)")
            #expect(!result.output.contains("<html"), "no page after a refusal")
        }
        let withoutPage = try Binary.run(["report", "--store", store, "--toelichting", missing])
        #expect(withoutPage.status != 0 && withoutPage.output.contains("--toelichting hoort bij de pagina: geef ook --format html."),
                "\(withoutPage.output)")
    }

    @Test func theToelichtingStandsOnThePageAndAnAnonymousPageNamesNoStore() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try makeDemoStore(in: directory, families: 3)
        let text = directory.appendingPathComponent("tekst.txt")
        try Data("Dit jaar werkten we\nsamen met <de GI>.\n\nTweede alinea.\n".utf8).write(to: text)
        let named = try Binary.run(["report", "--store", store, "--format", "html", "--toelichting", text.path])
        #expect(named.status == 0)
        #expect(named.output.contains("<p>Dit jaar werkten we samen met &lt;de GI&gt;.</p><p>Tweede alinea.</p>"))
        #expect(named.output.contains("<dt>Opslag</dt><dd>\(store)</dd>"))
        let anonymous = try Binary.run(["report", "--store", store, "--format", "html", "--anoniem"])
        #expect(anonymous.status == 0)
        #expect(!anonymous.output.contains(directory.path) && !anonymous.output.contains("Opgesteld door"))
    }
}
