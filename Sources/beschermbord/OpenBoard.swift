import ArgumentParser
import BoardCore
import BoardSession
import BoardStore
import BoardUI
import Foundation
import Terminal

/// The default command: the full-screen board.
struct OpenBoard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open het bord in de terminal (standaard).")

    @OptionGroup var storeOptions: StoreOptions

    @Flag(name: .long, help: "Open een nieuwe demo-opslag met fictieve gezinnen in een tijdelijke map.")
    var demo = false

    @Option(name: .long, help: ArgumentHelp("Kleurenthema: standaard, hoog-contrast of monochroom.", valueName: "naam"))
    var theme = "standaard"

    @Flag(name: .long, help: "Vergadermodus: initialen en kenmerk in plaats van namen, om het bord aan een zaal te tonen (M op het bord schakelt).")
    var meeting = false

    @Option(name: [.customLong("lock-after"), .customLong("vergrendel-na")],
            help: ArgumentHelp("Verberg de namen achter het privacyscherm (geen slot) na zoveel minuten zonder toets (ook een breuk: 0.5 is 30 seconden); "
                               + "alleen korter dan de instelling vergrendeling.minuten van het team (standaard 10).", valueName: "minuten"))
    var lockAfter: Double?

    @Flag(name: [.customLong("no-mouse"), .customLong("geen-muis")],
          help: "Geen muis: de terminal houdt zijn eigen tekstselectie (ook de instelling bord.muis = 0 van het team).")
    var noMouse = false

    func validate() throws {
        if let lockAfter, !(lockAfter > 0 && lockAfter.isFinite) {
            throw ValidationError("--lock-after: geef een aantal minuten groter dan 0, bijvoorbeeld 5 of 0.5.")
        }
    }

    func run() throws {
        let store: Store
        if demo {
            store = try makeDemoStore()
        } else {
            store = try storeOptions.open(integrityCheck: .beforeFirstWrite)
        }
        let environment = ProcessInfo.processInfo.environment
        let useColour = environment["NO_COLOR"].map(\.isEmpty) ?? true
        let library = ThemeLibrary()
        let chosen: Theme
        do {
            chosen = try library.load(name: useColour ? theme : "monochroom")
        } catch {
            throw Failure(message: "\(error)")
        }
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(theme: chosen, useColour: useColour, mouse: !noMouse && ((try? store.mouseEnabled()) ?? true))
        } catch {
            throw Failure(message: "\(error)")
        }
        let session = SessionLoop(store: store, terminal: terminal, meeting: meeting, lockAfterMinutes: lockAfter, ageing: chosen.ageing)
        session.run()
        terminal.restore()
        if demo { print("De demo-opslag staat in \(store.location); open hem opnieuw met --store.") }
    }

    func makeDemoStore() throws -> Store {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("beschermbord-demo-\(getpid())-\(Int(Date().timeIntervalSince1970))")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            return try DemoStore.create(path: directory.appendingPathComponent("demo.sqlite").path, today: Clock.today())
        } catch {
            throw Failure(message: "De demo-opslag kan niet worden gemaakt: \(error)")
        }
    }
}
