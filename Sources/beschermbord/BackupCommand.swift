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

            Voorbeeld:
              beschermbord backup /veilig/beschermbord-$(date +%F).sqlite
            """,
        aliases: ["reservekopie"])

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("Pad van de reservekopie.", valueName: "bestemming"))
    var destination: String

    @Flag(name: .long, help: "Overschrijf een bestaand bestand.")
    var force = false

    func run() throws {
        // Refuse an existing file before the store is even opened.
        try OutputFile.checkTarget(destination, overwrite: force)
        let store = try storeOptions.open()
        let size = try store.backup(to: destination, overwrite: force)
        Printer.say("Reservekopie van \(store.location) geschreven naar \(destination) (\(ByteSize.dutch(size))).")
    }
}
