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

            Met --gedeeld GROEP (ook --shared) delen de medewerkers van die groep van het besturingssysteem één \
            opslagbestand, zoals git init --shared=group: de map wordt van de groep met setgid (2770), de opslag en \
            zijn -wal en -shm zijn voor de groep schrijfbaar (660). De rollen houdt het programma dan bij, maar ze \
            worden niet afgedwongen: ieder groepslid kan het bestand met sqlite3 wijzigen; check vindt dat, niets \
            voorkomt het. Wie rollen afgedwongen wil, gebruikt een server.

            Voorbeelden:
              beschermbord init --store ~/team/bord.sqlite
              beschermbord init --gedeeld jeugdteam --store /srv/jeugdteam/bord.sqlite
              beschermbord init --store 'postgresql:///beschermbord?host=/var/run/postgresql'
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: [.customLong("shared"), .customLong("gedeeld")],
            help: ArgumentHelp("Maak een opslagbestand dat de medewerkers van deze groep van het besturingssysteem delen "
                               + "(de map van de groep met setgid, de opslag schrijfbaar voor de groep).", valueName: "groep"))
    var shared: String?

    func run() throws {
        let location = storeOptions.location
        if let shared {
            try initializeShared(location, group: shared)
            return
        }
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

    /// `init --shared GROEP`: a file store for the group (SharedFileStore.swift).
    func initializeShared(_ location: String, group: String) throws {
        if try ServerAddress(location) != nil {
            throw ValidationError("--gedeeld is voor een opslagbestand. Op een server bepalen de logins en hun groepsrollen wie erbij kan; "
                                  + "laat --gedeeld weg.")
        }
        switch try SharedFileStore.initialize(path: location, groupName: group) {
        case .created(let store):
            Printer.say("Gedeelde opslag gemaakt in \(location) voor de groep \(group), met \(store.user) als eerste teamleider. "
                        + "De map is van de groep (setgid) en de opslag is voor de groep schrijfbaar. "
                        + "Let op: de rollen houdt het programma bij, maar ze worden niet afgedwongen; ieder lid van de groep kan het bestand "
                        + "buiten Beschermbord wijzigen, en beschermbord check vindt zo'n wijziging. "
                        + "Voeg collega's toe met: beschermbord medewerkers toevoegen.")
        case .alreadyShared:
            Printer.say("In \(location) staat al een opslag die met de groep \(group) gedeeld is; ze is bij de tijd en verder niet gewijzigd.")
        }
    }

    /// The group roles a new server store got, as its maker reads them.
    static func rolesText(_ roles: [String]) -> String {
        roles.isEmpty ? "de groepsrollen bestonden al" : "groepsrollen " + roles.joined(separator: ", ")
    }
}
