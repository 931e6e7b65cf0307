import ArgumentParser
import BoardCore
import BoardStore
import BoardUI
import Foundation

/// `beschermbord check`: is the store sound? SQLite's integrity check, the program's own
/// consistency checks and the log's hash chain; never changes the store.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Controleer de opslag: SQLite-integriteit, samenhang van zaken en logboek, en de hash-keten.",
        discussion: """
            Leest de opslag alleen (ook een beschadigde of alleen-lezen opslag), en meldt per controle \
            of alles in orde is. Exitcode 0 als alles in orde is, 1 als er iets mis is. \
            Vindt de controle beschadiging, zet dan de laatste back-up terug.
            """,
        aliases: ["controleer"])

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let report: IntegrityReport
        do {
            report = try IntegrityCheck.run(path: storeOptions.path)
        } catch {
            throw Failure(message: "\(error)")
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
            Printer.say("(Noteer deze bijvoorbeeld in het verslag van het teamoverleg: zo is later te zien of er gebeurtenissen zijn weggehaald.)")
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

/// Output of the trust commands: every line cleaned of control characters and escape sequences,
/// since it may hold text from the store.
enum Printer {
    static func say(_ line: String) { FileHandle.standardOutput.write(Data((TextSanitizer.singleLine(line) + "\n").utf8)) }

    static func warn(_ line: String) { FileHandle.standardError.write(Data((TextSanitizer.singleLine(line) + "\n").utf8)) }

    /// Columns padded to the widest value (in display columns), at most `maximum` wide each; the
    /// last column is not padded.
    static func table(_ rows: [[String]], maximum: Int = 40) -> [String] {
        let clean = rows.map { $0.map(TextSanitizer.singleLine) }
        guard let count = clean.map(\.count).max(), count > 0 else { return [] }
        var widths = [Int](repeating: 0, count: count)
        for row in clean {
            for (index, cell) in row.enumerated() { widths[index] = min(maximum, max(widths[index], DisplayWidth.of(cell))) }
        }
        return clean.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : DisplayWidth.pad(cell, to: widths[index])
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
