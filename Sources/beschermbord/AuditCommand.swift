import ArgumentParser
import BoardCore
import BoardStore
import Foundation

/// `beschermbord audit`: the log of changes and openings, per family, per user, since a day.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Toon het logboek: wie wanneer welk dossier opende of wijzigde.",
        discussion: """
            Een teamleider ziet alle regels; ieder ander alleen zijn of haar eigen regels. \
            Tijden staan in de plaatselijke tijd. Het logboek is met een hash-keten beveiligd; \
            `beschermbord check` controleert die.
            """,
        aliases: ["logboek"])

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: ArgumentHelp("Alleen het gezin van deze zaak (alle zaken van het gezin).", valueName: "kenmerk"))
    var family: String?

    @Option(name: .long, help: ArgumentHelp("Alleen de regels van deze gebruiker.", valueName: "naam"))
    var user: String?

    @Option(name: .long, help: ArgumentHelp("Alleen regels vanaf deze dag.", valueName: "dd-mm-jjjj"))
    var since: String?

    func validate() throws {
        if let since, case .failure(let problem) = Day.validate(since, today: Clock.today()) {
            throw ValidationError("--since: \(problem.message).")
        }
    }

    func run() throws {
        let store = try storeOptions.open()
        var filter = AuditFilter(familyKenmerk: family, user: user)
        if let since, let day = Day(parsing: since) { filter.recordedSince = Clock.startOfLocalDay(day) }
        let log = try store.auditLog(filter: filter)
        if log.onlyOwnEntries {
            var note = "Let op: je bent geen teamleider en ziet daarom alleen je eigen regels in het logboek (\(store.user))."
            if let user, user.trimmingWhitespace() != store.user { note += " De keuze --user \(user) is daarom genegeerd." }
            Printer.warn(note)
        }
        guard !log.entries.isEmpty else {
            Printer.say("Geen regels in het logboek die aan de keuzes voldoen.")
            return
        }
        let rows = [["Datum/tijd", "Gebruiker", "Soort", "Kenmerk", "Gezin", "Toelichting"]] + log.entries.map { entry in
            [Clock.localMoment(entry.recordedAt), entry.user, entry.kindTitle, entry.kenmerk ?? "", entry.familyName ?? "", entry.detail]
        }
        for line in Printer.table(rows, maximum: 32) { Printer.say(line) }
    }
}
