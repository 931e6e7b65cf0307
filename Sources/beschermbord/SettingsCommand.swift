import ArgumentParser
import BoardCore
import BoardStore
import Foundation

/// `beschermbord instellingen`: the norms, WIP limits and retention period; a teamleider changes them.
struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "instellingen",
        abstract: "Toon de instellingen (normen, WIP-limieten, bewaartermijn, privacyscherm) of wijzig er een (alleen een teamleider).",
        subcommands: [List.self, Set.self],
        defaultSubcommand: List.self,
        aliases: ["settings"])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "lijst", abstract: "Toon de instellingen.")

        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let store = try storeOptions.open()
            let stored = try store.settings()
            var rows = [["Instelling", "Waarde", "Betekenis"]]
            for item in Store.knownSettings {
                rows.append([item.key, stored[item.key].map { $0 } ?? "\(item.standard) (standaard)", item.meaning])
            }
            let knownKeys = Swift.Set(Store.knownSettings.map(\.key) + ["demo"])
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

        /// Every word after the key, unrecognised options too: ArgumentParser would otherwise take
        /// `-3` for an option and refuse it in English; the store refuses it in Dutch.
        @Argument(parsing: .allUnrecognized, help: ArgumentHelp("De nieuwe waarde: een heel getal.", valueName: "waarde"))
        var values: [String] = []

        func validate() throws {
            guard values.count == 1 else { throw ValidationError("Geef één waarde, bijvoorbeeld: instellingen zet wip.onderzoek 12.") }
        }

        var value: String { values[0] }

        func run() throws {
            let store = try storeOptions.open()
            try store.setSetting(key, to: value)
            Printer.say("\(key.trimmingWhitespace()) is nu \(value.trimmingWhitespace()).")
        }
    }
}
