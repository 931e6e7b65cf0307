import ArgumentParser
import BoardStore
import Foundation

/// `beschermbord init`: an empty store, in a file or in a database on a PostgreSQL server.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Maak een lege opslag: een opslagbestand, of het schema en de groepsrollen in een lege PostgreSQL-database.",
        discussion: """
            Een bestand wordt gemaakt met jou als eerste teamleider. Op een server maakt init in een lege database \
            het schema beschermbord en een groepsrol per rol van de medewerkerslijst (DATABASE_medewerker, \
            DATABASE_jeugdbeschermer, DATABASE_teamleider); daarvoor zijn CREATE op de database en CREATEROLE nodig. \
            Staat er al een opslag, dan brengt init haar naar de indeling van deze versie en verandert verder niets. \
            Een database met tabellen van een ander programma blijft onaangeroerd.

            Voorbeelden:
              beschermbord init --store ~/team/bord.sqlite
              beschermbord init --store 'postgresql:///beschermbord?host=/var/run/postgresql'
            """)

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let location = storeOptions.location
        if let server = try ServerAddress(location) {
            switch try ServerStoreSetup.initialize(server) {
            case .created(let roles):
                let store = try Store(server: server)
                try store.makeFirstTeamleider()
                Printer.say("Lege opslag gemaakt op \(server): schema beschermbord, \(Self.rolesText(roles)), met \(store.user) als eerste teamleider. "
                            + "Voeg collega's toe met: beschermbord medewerkers toevoegen --store ….")
            case .upgraded(let migrations):
                Printer.say("De opslag op \(server) is bijgewerkt naar de indeling van deze versie (\(migrations.count) stappen).")
            case .current:
                Printer.say("Op \(server) staat al een opslag van deze versie; er is niets gewijzigd.")
            }
            return
        }
        let existed = FileManager.default.fileExists(atPath: location)
        let store = try Store(path: location)
        if existed {
            Printer.say("Er staat al een opslag in \(location); ze is bij de tijd en verder niet gewijzigd.")
        } else {
            Printer.say("Lege opslag gemaakt in \(location), met \(store.user) als eerste teamleider. "
                        + "Voeg collega's toe met: beschermbord medewerkers toevoegen.")
        }
    }

    /// The group roles a new server store got, as its maker reads them.
    static func rolesText(_ roles: [String]) -> String {
        roles.isEmpty ? "de groepsrollen bestonden al" : "groepsrollen " + roles.joined(separator: ", ")
    }
}
