import ArgumentParser
import BoardCore
import BoardStore
import Foundation

/// `beschermbord backup DEST`: an online, consistent copy of the store.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Maak een reservekopie van de opslag, ook terwijl collega's ermee werken.",
        discussion: """
            De kopie wordt gemaakt met de back-upfunctie van SQLite uit één momentopname: ze is consistent, ook als anderen tegelijk wijzigingen opslaan, en niemand hoeft te stoppen. De kopie is één los SQLite-bestand dat alleen de eigenaar kan lezen (0600); open haar met --store PAD. Een bestaand bestand wordt alleen met --force overschreven, en pas wanneer de nieuwe kopie helemaal klaar is.

            Staat de opslag op een server (--store postgresql://…), dan wordt de kopie een los SQLite-bestand uit één momentopname van de server, dat opent met --store en door beschermbord check komt.

            Is de bestemming een PostgreSQL-adres (postgresql://…), dan gaat de hele opslag (elke rij, het logboek met zijn hashes) in één transactie naar een lege database of een lege opslag op die server: zo verhuist een team naar de server. Een opslag op de server die iets bevat wordt nooit vervangen of aangevuld.

            Voorbeelden:
              beschermbord backup /veilig/beschermbord-$(date +%F).sqlite
              beschermbord backup 'postgresql:///jeugdteam?host=/var/run/postgresql'
            """,
        aliases: ["reservekopie"])

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("Pad van de reservekopie, of het adres van een lege PostgreSQL-database.", valueName: "bestemming"))
    var destination: String

    @Flag(name: .long, help: "Overschrijf een bestaand bestand.")
    var force = false

    func run() throws {
        if let source = try ServerAddress(storeOptions.location) {
            if try ServerAddress(destination) != nil {
                throw Failure(message: "Van server naar server kopieert Beschermbord niet; gebruik daarvoor pg_dump, of maak eerst een reservekopie in een bestand.")
            }
            let size = try ServerToFileBackup.backup(source, to: destination, overwrite: force)
            Printer.say("Reservekopie van \(source) geschreven naar \(destination) (\(ByteSize.dutch(size))).")
            return
        }
        if let server = try ServerAddress(destination) {
            if force { throw Failure(message: "--force geldt niet voor een server: een opslag op een server wordt nooit vervangen.") }
            let store = try storeOptions.open()
            let copy = try store.backup(toServer: server)
            Printer.say("Reservekopie van \(store.location) overgezet naar \(server): \(copy.families) gezinnen, "
                        + "\(copy.cases) zaken, \(copy.events) gebeurtenissen.")
            return
        }
        // Refuse an existing file before the store is even opened.
        try OutputFile.checkTarget(destination, overwrite: force)
        let store = try storeOptions.open()
        let size = try store.backup(to: destination, overwrite: force)
        Printer.say("Reservekopie van \(store.location) geschreven naar \(destination) (\(ByteSize.dutch(size))).")
    }
}
