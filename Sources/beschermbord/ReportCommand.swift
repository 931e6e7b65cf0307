import ArgumentParser
import BoardCore
import BoardStore
import Foundation
import BoardSession
import ReportPage

/// `beschermbord report` (`rapport`): the team lead's figures for one period, as a cohort.
struct ReportCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
        case csv
        case markdown
        case html
    }

    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Cijfers voor de teamleider: de zaken die in een periode zijn aangemeld, en hoe ver ze kwamen.",
        discussion: """
            De cijfers gaan over een cohort: de zaken die in de periode zijn aangemeld (aangemeld_op), \
            elk geteld naar hoe ver de zaak nu is gekomen: naar de Beschermtafel, veiligheid \
            gewaarborgd na onderzoek of na de Beschermtafel, naar RvK-onderzoek (met de uitkomst), \
            of nog open. Daarnaast de aanmeldingen per bron en per maand, het aantal kinderen \
            (een kind telt één keer, ook bij twee zaken van het gezin) en de doorlooptijd in dagen \
            (p50 en p85) per kolom van de zaken die die kolom verlieten.

            Periode: --year JJJJ, of --from dd-mm-jjjj en --to dd-mm-jjjj (beide dagen tellen mee; \
            zonder --to loopt de periode tot vandaag). Zonder periode: het lopende kalenderjaar.

            Formaten: text (leesbaar, met een staafdiagram per maand), json, csv (één regel per \
            cijfer, ; als scheidingsteken), markdown (een tabel voor het jaarverslag) en html (één \
            pagina met de kerncijfers, grafieken en alle cijfers, zonder netwerk te openen en af te \
            drukken als PDF; met --toelichting de eigen tekst van de teamleider onder de kerncijfers). \
            De cijfers bevatten geen namen; de pagina noemt wie haar maakte en de opslag, behalve \
            met --anoniem. De opslag wordt alleen gelezen. Onderaan staat de kop van \
            het logboek (gebeurtenis:hash): met het rapport in het verslag kan `beschermbord check --kop` \
            later laten zien of het logboek sindsdien is herschreven.

            Voorbeelden:
              beschermbord report --year 2022
              beschermbord rapport --from 01-07-2022 --to 31-12-2022 --source "Veilig Thuis"
              beschermbord report --year 2022 --format markdown > jaarverslag.md
              beschermbord report --year 2022 --format html --toelichting tekst.txt > jaarverslag.html
            """,
        aliases: ["rapport"])

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: ArgumentHelp("Het kalenderjaar (1 januari t/m 31 december).", valueName: "jjjj"))
    var year: Int?

    @Option(name: .long, help: ArgumentHelp("Eerste dag van de periode.", valueName: "dd-mm-jjjj"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("Laatste dag van de periode (telt mee).", valueName: "dd-mm-jjjj"))
    var to: String?

    @Option(name: .long, help: ArgumentHelp("Alleen zaken van deze bron: Veilig Thuis, Jeugdbescherming, Jeugdteam of Overig.",
                                            valueName: "bron"))
    var source: String?

    @Option(name: .long, help: ArgumentHelp("Formaat: text, json, csv, markdown of html.", valueName: "formaat"))
    var format: Format = .text

    @Flag(name: [.customLong("anoniem"), .customLong("anonymous")],
          help: "Geen enkele naam in het rapport: de pagina (html) noemt dan niet wie haar maakte en niet de opslag.")
    var anonymous = false

    @Option(name: [.customLong("toelichting"), .customLong("explanation")],
            help: ArgumentHelp("Een tekstbestand (UTF-8) met de eigen tekst van de teamleider voor onder de kerncijfers van de pagina "
                               + "(html); een lege regel begint een nieuwe alinea.", valueName: "bestand"))
    var explanation: String?

    func validate() throws {
        if explanation != nil && format != .html {
            throw ValidationError("--toelichting hoort bij de pagina: geef ook --format html.")
        }
    }

    func run() throws {
        let today = Clock.today()
        let period = try Self.period(year: year, from: from, to: to, today: today)
        let chosenSource = try Self.source(source)
        let paragraphs = try explanation.map(Self.paragraphs(inFile:)) ?? []
        // The report only reads; opening normally lets a store of an earlier version be brought
        // up to date first.
        let store = try storeOptions.openExisting(integrityCheck: .beforeFirstWrite)
        let report = try store.cohortReport(in: period, source: chosenSource)
        let head = try store.chainHead()
        let output: String
        switch format {
        case .text: output = ReportFormat.text(report, today: today, head: head)
        case .json: output = String(decoding: ReportFormat.json(report, today: today, head: head).serialized(), as: UTF8.self)
        case .csv: output = ReportFormat.csv(report, head: head)
        case .markdown: output = ReportFormat.markdown(report, head: head)
        case .html:
            let context = try ReportPage.Context(store: store, today: today, head: head, anonymous: anonymous, explanation: paragraphs)
            output = ReportPage.html(report, context: context)
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }

    /// The period the options ask for (the rules are ReportPeriodInput's, shared with the
    /// report screen), or a Dutch refusal in the options' words.
    static func period(year: Int?, from: String?, to: String?, today: Day) throws -> ReportPeriod {
        if let year {
            guard from == nil, to == nil else { throw Failure(message: "Kies --year of --from/--to, niet allebei.") }
            // As the report screen says it: a year ahead has no figures yet, not even zeros.
            guard year <= today.year else { throw Failure(message: "\(year) is nog niet begonnen; kies een jaar tot en met \(today.year).") }
            return try checked(ReportPeriod.calendarYear(year, today: today))
        }
        guard let from else {
            if to != nil { throw Failure(message: "--to vraagt ook --from (de eerste dag van de periode).") }
            return ReportPeriod(year: today.year)!
        }
        return try checked(ReportPeriod.typed(from: from, to: to, today: today))
    }

    private static func checked(_ result: Result<ReportPeriod, ReportPeriodProblem>) throws -> ReportPeriod {
        switch result {
        case .success(let period):
            return period
        case .failure(.year(let year)):
            throw Failure(message: "‘\(year)’ is geen geldig jaartal; typ bijvoorbeeld --year 2022.")
        case .failure(.from(let problem)):
            throw Failure(message: "--from: \(Printer.clean(problem.message)).")
        case .failure(.to(let problem)):
            throw Failure(message: "--to: \(Printer.clean(problem.message)).")
        case .failure(.backwards(let first, let last)):
            throw Failure(message: "De periode klopt niet: --from (\(first.dutch)) ligt na --to (\(last.dutch)).")
        }
    }

    /// The team lead's text: paragraphs split at blank lines, each paragraph's lines joined.
    /// Refused in Dutch when the file cannot be read or is no text.
    static func paragraphs(inFile path: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(message: "--toelichting: het bestand ‘\(Printer.clean(path))’ is niet te lezen.")
        }
        guard let text = String(data: data, encoding: .utf8), !text.unicodeScalars.contains("\u{0}") else {
            throw Failure(message: "--toelichting: ‘\(Printer.clean(path))’ is geen tekst in UTF-8.")
        }
        var paragraphs: [String] = []
        var current: [String] = []
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty {
                if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
                current = []
            } else {
                current.append(trimmed)
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        return paragraphs
    }

    static func source(_ name: String?) throws -> Source? {
        guard let name else { return nil }
        guard let source = Source(name: name) else {
            throw Failure(message: "Onbekende bron ‘\(Printer.clean(name))’; kies uit: "
                          + Source.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        return source
    }
}
