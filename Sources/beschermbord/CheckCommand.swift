import ArgumentParser
import BoardCore
import BoardStore
import Foundation

/// `beschermbord check`: is the store sound? SQLite's integrity check, the program's own
/// consistency checks, the log's hash chain and every record against the log, and (`--kop`)
/// whether a head written down earlier is still in the chain; never changes the store.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Controleer de opslag: SQLite-integriteit, samenhang van zaken en logboek, de hash-keten en alle gegevens tegen het logboek.",
        discussion: """
            Leest de opslag alleen (ook een beschadigde of alleen-lezen opslag), en meldt per controle \
            of alles in orde is. Exitcode 0 als alles in orde is, 1 als er iets mis is. \
            Vindt de controle beschadiging, zet dan de laatste back-up terug. \
            Met --kop GEBEURTENIS:HASH (de ketenkop uit het verslag van het teamoverleg of onder een rapport) \
            zegt de controle ook of die kop nog in de keten staat: zo is te zien of er gebeurtenissen zijn \
            weggehaald of het logboek is herschreven.
            """,
        aliases: ["controleer"])

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: [.customLong("kop"), .customLong("head")],
            help: ArgumentHelp("Een eerdere ketenkop, zoals in het verslag genoteerd: staat die nog in de keten?",
                               valueName: "gebeurtenis:hash"))
    var head: String?

    func run() throws {
        var earlier: ChainHead?
        if let head {
            switch ChainHead.parse(head) {
            case .success(let parsed): earlier = parsed
            case .failure(let problem): throw Failure(message: "--kop: \(Printer.clean(problem.message)).")
            }
        }
        let report: IntegrityReport
        if let server = try ServerAddress(storeOptions.location) {
            report = try IntegrityCheck.run(server: server, head: earlier)
        } else {
            report = try IntegrityCheck.run(path: storeOptions.location, head: earlier)
        }
        Printer.say("Controle van \(report.path)")
        Printer.say("")
        for section in report.sections {
            if section.isHealthy {
                Printer.say("\(section.title): \(section.summary)")
            } else {
                Printer.say("\(section.title): NIET IN ORDE")
                for problem in section.problems { Printer.say("  - \(problem)") }
                if section.moreProblems > 0 { Printer.say("  - en nog \(section.moreProblems) meer") }
            }
        }
        for note in report.notes { Printer.say("Let op: \(note)") }
        if let tip = report.chainTip {
            Printer.say("")
            Printer.say("Kop van het logboek: gebeurtenis \(tip.id), hash \(tip.hash)")
            Printer.say("(Noteer deze bijvoorbeeld in het verslag van het teamoverleg: `beschermbord check --kop \(tip.argument)` "
                        + "laat later zien of er gebeurtenissen zijn weggehaald of het logboek is herschreven.)")
        }
        Printer.say("")
        if report.isHealthy {
            Printer.say("Uitkomst: alles in orde.")
        } else {
            Printer.say("Uitkomst: er is iets mis met de opslag. Werk er niet verder mee; zet de laatste back-up terug "
                        + "(en bewaar dit bestand voor onderzoek).")
            throw ExitCode(1)
        }
    }
}
