import ArgumentParser
import BoardCore
import BoardStore
import Foundation

extension StaffRole: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// `beschermbord medewerkers`: who may change the store, and in which role.
struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "medewerkers",
        abstract: "Toon of beheer de lijst van medewerkers en hun rol.",
        discussion: """
            De gebruiker is de gebruiker van het besturingssysteem. Wie niet in de lijst staat, kan het \
            bord lezen en dossiers openen (dat wordt gelogd), maar niets wijzigen. Rollen: medewerker, \
            jeugdbeschermer, teamleider. Alleen een teamleider beheert de lijst, wijzigt normen, \
            WIP-limieten en de bewaartermijn, leest het logboek van anderen en verwijdert \
            persoonsgegevens. Wie een nieuwe opslag maakt, wordt de eerste teamleider.
            """,
        subcommands: [List.self, Add.self, Change.self, Remove.self],
        defaultSubcommand: List.self,
        aliases: ["staff"])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "lijst", abstract: "Toon de lijst van medewerkers.")

        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let store = try storeOptions.open()
            let members = try store.staff()
            let me = try store.currentStaff()
            if members.isEmpty {
                Printer.say("De lijst van medewerkers is leeg.")
            } else {
                let rows = [["Gebruiker", "Naam", "Rol"]] + members.map { [$0.name, $0.displayName, $0.role.title] }
                for line in Printer.table(rows) { Printer.say(line) }
            }
            Printer.say("")
            if let me {
                Printer.say("Je bent \(me.name) (\(me.role.title.lowercased())).")
            } else {
                Printer.say("Je bent \(store.user) en staat niet in de lijst: je kunt alleen lezen. Vraag een teamleider om je toe te voegen.")
            }
            if store.isReadOnly { Printer.say("Let op: de opslag is alleen-lezen geopend.") }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "toevoegen",
            abstract: "Voeg een medewerker toe (alleen een teamleider).")

        @OptionGroup var storeOptions: StoreOptions

        @Argument(help: ArgumentHelp("De gebruikersnaam op het systeem (zoals `whoami` hem toont).", valueName: "gebruiker"))
        var name: String

        @Option(name: .customLong("naam"), help: ArgumentHelp("De naam zoals het team die kent, bijvoorbeeld \"Anouk de Wit\".", valueName: "weergavenaam"))
        var displayName: String

        @Option(name: .customLong("rol"), help: ArgumentHelp("medewerker, jeugdbeschermer of teamleider.", valueName: "rol"))
        var role: StaffRole = .medewerker

        func run() throws {
            let store = try storeOptions.open()
            try store.addStaff(StaffMember(name: name, displayName: displayName, role: role))
            Printer.say("\(name.trimmingWhitespace()) (\(displayName.trimmingWhitespace())) is toegevoegd als \(role.title.lowercased()).")
        }
    }

    struct Change: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "wijzigen",
            abstract: "Wijzig de weergavenaam of de rol van een medewerker (alleen een teamleider).")

        @OptionGroup var storeOptions: StoreOptions

        @Argument(help: ArgumentHelp("De gebruikersnaam op het systeem.", valueName: "gebruiker"))
        var name: String

        @Option(name: .customLong("naam"), help: ArgumentHelp("De nieuwe weergavenaam.", valueName: "weergavenaam"))
        var displayName: String?

        @Option(name: .customLong("rol"), help: ArgumentHelp("De nieuwe rol: medewerker, jeugdbeschermer of teamleider.", valueName: "rol"))
        var role: StaffRole?

        func validate() throws {
            guard displayName != nil || role != nil else { throw ValidationError("Geef --naam, --rol of allebei.") }
        }

        func run() throws {
            let store = try storeOptions.open()
            guard let current = try store.staff().first(where: { $0.name == name.trimmingWhitespace() }) else {
                throw Failure(message: "\(name) staat niet in de lijst van medewerkers; `beschermbord medewerkers` toont de lijst.")
            }
            let updated = StaffMember(name: current.name, displayName: displayName ?? current.displayName, role: role ?? current.role)
            try store.updateStaff(updated)
            Printer.say("\(updated.name) is nu \(updated.role.title.lowercased()) (\(updated.displayName.trimmingWhitespace())).")
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verwijderen",
            abstract: "Haal een medewerker van de lijst (alleen een teamleider); het logboek houdt de naam.")

        @OptionGroup var storeOptions: StoreOptions

        @Argument(help: ArgumentHelp("De gebruikersnaam op het systeem.", valueName: "gebruiker"))
        var name: String

        func run() throws {
            let store = try storeOptions.open()
            try store.removeStaff(name)
            Printer.say("\(name.trimmingWhitespace()) staat niet meer in de lijst van medewerkers en kan voortaan alleen lezen.")
        }
    }
}
