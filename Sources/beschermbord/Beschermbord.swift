import ArgumentParser
import BoardBench
import BoardCore
import BoardStore
import BoardUI
import Foundation

@main
struct Beschermbord: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "beschermbord",
        abstract: "Beschermbord: het zaakbord voor de veiligheid van kinderen in het wijkteam.",
        discussion: """
            Zonder opdracht opent het bord in de terminal. De opslag is standaard \
            $XDG_DATA_HOME/beschermbord/bord.sqlite (of ~/.local/share/beschermbord/bord.sqlite); \
            --store PAD of de omgevingsvariabele BESCHERMBORD_STORE kiest een andere; een adres \
            postgresql://… kiest een opslag op een PostgreSQL-server (maak die eerst met beschermbord init).
            """,
        subcommands: [OpenBoard.self, PrintBoard.self, InitCommand.self, WriteDemo.self, ImportCommand.self, ExportCommand.self, BackupCommand.self, BenchCommand.self,
                      StaffCommand.self, CheckCommand.self, AuditCommand.self, RetentionCommand.self, SettingsCommand.self,
                      WriteTestCommand.self, ReportCommand.self, MinutesCommand.self],
        defaultSubcommand: OpenBoard.self
    )

    static func main() {
        // Every file the program creates (store, WAL, backups) is readable by its owner only.
        umask(0o077)
        var command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            CommandFailure.exit(parsing: error, arguments: Array(CommandLine.arguments.dropFirst()))
        }
        do {
            try command.run()
        } catch {
            CommandFailure.exit(with: error)
        }
    }
}

extension Beschermbord {
    /// The names of the commands the help lists, in its order.
    static var commandNames: [String] {
        configuration.subcommands.filter { $0.configuration.shouldDisplay }.compactMap { $0.configuration.commandName }
    }

    /// Every word that starts a command: names, aliases and ArgumentParser's `help`.
    static var commandWords: Set<String> {
        Set(configuration.subcommands.flatMap { [$0.configuration.commandName].compactMap { $0 } + $0.configuration.aliases } + ["help"])
    }
}

/// `--store`, shared by every command.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Pad van de opslag (SQLite-bestand), of het adres van een opslag op een "
                                            + "PostgreSQL-server (postgresql://…).", valueName: "pad"))
    var store: String?

    /// The store as given: a file's path or a server's URI.
    var location: String { StoreLocation.resolve(explicit: store) }

    /// Opens the store; its Dutch refusal (StoreError) is what the user reads. The board passes
    /// `.beforeFirstWrite` so that it starts without waiting for the integrity check.
    func open(integrityCheck: IntegrityCheckTiming = .beforeOpening) throws -> Store {
        if let server = try ServerAddress(location) { return try Store(server: server) }
        return try Store(path: location, integrityCheck: integrityCheck)
    }

    /// Whether the store is there: a server store is (`open` says what is wrong with it), a file
    /// store when its file exists. A mistyped path must not create an empty store.
    var exists: Bool {
        get throws { try ServerAddress(location) != nil || FileManager.default.fileExists(atPath: location) }
    }

    /// Opens a store that must be there already (a command that only reads): a mistyped path gets
    /// a Dutch refusal instead of a new, empty store.
    func openExisting(integrityCheck: IntegrityCheckTiming = .beforeOpening) throws -> Store {
        guard try exists else {
            throw Failure(message: "De opslag ‘\(Printer.clean(location))’ bestaat niet; kies een andere met --store.")
        }
        return try open(integrityCheck: integrityCheck)
    }

    /// For a command that fills a new store in one go: a draft (see StoreDraft) when no store is at
    /// the path yet, else nil (open it instead).
    func draftIfMissing() throws -> StoreDraft? {
        if try ServerAddress(location) != nil { return nil }
        return try StoreDraft.begin(path: location)
    }
}

struct PrintBoard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "board",
        abstract: "Druk het bord af als platte tekst (voor scripts en pijpen), zonder de terminal over te nemen.")

    @OptionGroup var storeOptions: StoreOptions

    @Flag(name: .long, help: "Toon alle afgesloten zaken, niet alleen die van de laatste 30 dagen.")
    var all = false

    func run() throws {
        let store = try storeOptions.open()
        let today = Clock.today()
        let norms = try store.norms()
        let cases = try store.boardCases(today: today, closedWindowDays: all ? nil : norms.closedWindowDays)
        let columns = BoardColumns(cases: cases, today: today, closedWindowDays: all ? nil : norms.closedWindowDays)
        print(BoardText.render(columns, today: today, norms: norms, storeName: store.location), terminator: "")
    }
}

struct WriteDemo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Schrijf een demo-opslag met fictieve gezinnen, zonder het bord te openen.",
        discussion: """
            De demo komt in een nieuw bestand, of in een lege PostgreSQL-database (--store postgresql://…): \
            daar maakt demo eerst de opslag zoals init dat doet (schema, groepsrollen, jij als eerste teamleider). \
            Een bestaand bestand of een database waarin al een opslag staat wordt geweigerd en niet gewijzigd.
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: "Aantal gezinnen.")
    var families = 120

    @Option(name: .long, help: "Startwaarde: dezelfde waarde geeft dezelfde opslag.")
    var seed: UInt64 = 2026

    func validate() throws {
        guard (1...DemoStore.maximumFamilies).contains(families) else {
            throw ValidationError("--families moet tussen 1 en \(DemoStore.maximumFamilies) liggen.")
        }
    }

    func run() throws {
        let location = storeOptions.location
        if let server = try ServerAddress(location) {
            let created = try DemoStore.create(server: server, families: families, seed: seed, today: Clock.today())
            print("Demo-opslag met \(families) fictieve gezinnen gemaakt op \(server): schema beschermbord, "
                  + "\(InitCommand.rolesText(created.groupRoles)), met \(created.firstTeamleider) als eerste teamleider.")
            return
        }
        try DemoStore.create(path: location, families: families, seed: seed, today: Clock.today())
        print("Demo-opslag met \(families) fictieve gezinnen geschreven naar \(location).")
    }
}
