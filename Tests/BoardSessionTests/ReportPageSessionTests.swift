import BoardCore
import BoardSession
import BoardStore
import BoardUI
import Foundation
import Testing

/// `w` on the report screen: the year's page written to a new file, without names in meeting
/// mode, never over a file that is there already.
@Suite struct ReportPageSessionTests {
    let today = Clock.today()

    func storeWithReports() throws -> TestStore {
        let store = try TestStore()
        let start = Day(year: today.year, month: 1, day: 1)!
        try store.addReport("\(today.year)-0001", family: "Jansen", reportedOn: max(start, today.adding(days: -3)))
        try store.addReport("\(today.year)-0002", family: "de Vries", reportedOn: start)
        return store
    }

    func pages(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".html") }.sorted()
    }

    @Test func wWritesThePageAndInMeetingModeWithoutNames() throws {
        let store = try storeWithReports()
        let pagesDirectory = store.directory.appendingPathComponent("thuis")
        try FileManager.default.createDirectory(at: pagesDirectory, withIntermediateDirectories: true)
        let terminal = ScriptedTerminal([
            .character("R"), .check { #expect($0.text.contains("Aanmeldingen"), "\($0.text)") },
            .character("w"), .check { #expect($0.text.contains("Pagina geschreven:"), "\($0.text)") },
            .character("M"), .character("w"),
        ])
        let loop = SessionLoop(store: store.store, terminal: terminal, clock: TestClock(day: today), pageDirectory: pagesDirectory.path)
        loop.run()
        // The message wraps on the screen; the state holds it whole.
        #expect(loop.core.state.message?.text.hasSuffix("-2.html (zonder namen).") == true, "\(String(describing: loop.core.state.message))")

        let written = try pages(in: pagesDirectory)
        let base = "beschermbord-cijfers-\(today.year)-01-01-tm-\(today.iso)"
        #expect(written == ["\(base)-2.html", "\(base).html"])
        let named = try String(contentsOf: pagesDirectory.appendingPathComponent("\(base).html"), encoding: .utf8)
        let anonymous = try String(contentsOf: pagesDirectory.appendingPathComponent("\(base)-2.html"), encoding: .utf8)
        for page in [named, anonymous] {
            #expect(page.contains("<title>Onveilige zaken in \(today.year) tot en met \(today.dutch)</title>") || today.month == 12 && today.day == 31)
            #expect(page.contains("<span class=\"number\">2</span><span class=\"caption\">Aanmeldingen</span>"))
            #expect(!page.contains("Jansen") && !page.contains("de Vries"), "no family on the page")
        }
        #expect(named.contains("<dt>Opgesteld door</dt>") && named.contains(store.path))
        #expect(!anonymous.contains("Opgesteld door") && !anonymous.contains(store.directory.path) && !anonymous.contains(TestStore.user))
        let attributes = try FileManager.default.attributesOfItem(atPath: pagesDirectory.appendingPathComponent("\(base).html").path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func aFileThatIsThereStaysAsItWas() throws {
        let store = try storeWithReports()
        let pagesDirectory = store.directory
        let base = "beschermbord-cijfers-\(today.year)-01-01-tm-\(today.iso)"
        let colleagues = pagesDirectory.appendingPathComponent("\(base).html")
        try Data("van een collega".utf8).write(to: colleagues)
        let loop = SessionLoop(store: store.store, terminal: ScriptedTerminal([.character("R"), .character("w")]), clock: TestClock(day: today),
                               pageDirectory: pagesDirectory.path)
        loop.run()
        #expect(try String(contentsOf: colleagues, encoding: .utf8) == "van een collega")
        #expect(loop.core.state.message?.text == "Pagina geschreven: \(pagesDirectory.path)/\(base)-2.html.")
    }

    @Test func aDirectoryThatIsNotThereIsSaidInDutch() throws {
        let store = try storeWithReports()
        let missing = store.directory.appendingPathComponent("bestaat-niet").path
        let loop = SessionLoop(store: store.store, terminal: ScriptedTerminal([.character("R"), .character("w")]), clock: TestClock(day: today),
                               pageDirectory: missing)
        loop.run()
        let message = try #require(loop.core.state.message)
        #expect(message.isError)
        #expect(message.text.hasPrefix("De pagina is niet geschreven: \(missing)/beschermbord-cijfers-") && message.text.hasSuffix("(de map bestaat niet)"))
    }
}
