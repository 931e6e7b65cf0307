import ArgumentParser
import BoardCore
import BoardStore
import Foundation

/// `beschermbord instellingen`: the norms, WIP limits and retention period; a teamleider changes them.
struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "instellingen",
        abstract: "Toon de instellingen (normen, WIP-limieten, bewaartermijn, vergrendeling) of wijzig er een (alleen een teamleider).",
        subcommands: [List.self, Set.self],
        defaultSubcommand: List.self,
        aliases: ["settings"])

    /// The settings every store has, with their defaults.
    static let known: [(key: String, standard: String, meaning: String)] = [
        ("norm.werkdagen_aangemeld", "\(Norms.standard.werkdagenInAangemeld)", "werkdagen in Aangemeld"),
        ("norm.weken_onderzoek", "\(Norms.standard.weeksInOnderzoek)", "weken in Onderzoek"),
        ("norm.maanden_beschermtafel", "\(Norms.standard.monthsAtBeschermtafel)", "maanden aan de Beschermtafel"),
        ("bord.dagen_afgesloten", "\(Norms.standard.closedWindowDays)", "dagen dat afgesloten zaken op het bord blijven"),
    ] + Norms.wipStages.map { (Norms.wipKey($0), "0", "WIP-limiet: open zaken in \($0.title) (0 = geen limiet)") } + [
        (SQLiteCaseStore.retentionYearsKey, "\(Retention.defaultYears)", "bewaartermijn in jaren na de laatste zaak"),
        (SQLiteCaseStore.idleLockMinutesKey, "\(SQLiteCaseStore.defaultIdleLockMinutes)", "minuten zonder toets waarna het bord vergrendelt"),
    ]

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "lijst", abstract: "Toon de instellingen.")

        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let store = try storeOptions.open()
            let stored: [String: String]
            do { stored = try store.settings() } catch { throw Failure(message: "\(error)") }
            var rows = [["Instelling", "Waarde", "Betekenis"]]
            for item in SettingsCommand.known {
                rows.append([item.key, stored[item.key].map { $0 } ?? "\(item.standard) (standaard)", item.meaning])
            }
            let knownKeys = Swift.Set(SettingsCommand.known.map(\.key) + ["demo"])
            for (key, value) in stored.sorted(by: { $0.key < $1.key }) where !knownKeys.contains(key) {
                rows.append([key, value, ""])
            }
            for line in Printer.table(rows, maximum: 50) { Printer.say(line) }
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "zet", abstract: "Wijzig een instelling (alleen een teamleider; wordt gelogd).")

        @OptionGroup var storeOptions: StoreOptions

        @Argument(help: ArgumentHelp("De naam van de instelling, bijvoorbeeld bewaartermijn.jaren.", valueName: "instelling"))
        var key: String

        @Argument(help: ArgumentHelp("De nieuwe waarde: een heel getal.", valueName: "waarde"))
        var value: String

        func run() throws {
            let store = try storeOptions.open()
            do {
                try store.setSetting(key, to: value)
            } catch {
                throw Failure(message: "\(error)")
            }
            Printer.say("\(key.trimmingWhitespace()) is nu \(value.trimmingWhitespace()).")
        }
    }
}
