import ArgumentParser
import BoardCore
import BoardStore
import Foundation

/// `beschermbord export`: every case as CSV or JSON, or one family's dossier for an inzage.
struct ExportCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv
        case json
    }

    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Exporteer alle zaken als CSV of JSON, of het dossier van één gezin voor een inzageverzoek.",
        discussion: """
            Zonder --family: alle zaken. CSV heeft de kolommen van de import (kenmerk; aangemeld_op; bron; gezin; wijk; medewerker; kinderen; onderzoek_op; beschermtafel_op; uitkomst; uitkomst_op), datums als dd-mm-jjjj, ; als scheidingsteken en UTF-8 met BOM, zodat Excel het goed opent en een export in een lege opslag weer kan worden geïmporteerd. JSON is een lijst van zaken met hun gegevens, kinderen en de datums van de fasen (jjjj-mm-dd).

            Met --family KENMERK (altijd JSON, --format is dan niet nodig): alles wat over het gezin van die zaak is vastgelegd, voor een inzageverzoek (AVG): het gezin, de kinderen, alle zaken van het gezin met hun volledige logboek (ook wie het dossier wanneer heeft geopend) en alle overige gegevens. De export zelf wordt vastgelegd in het logboek van de zaak.

            Zonder --out gaat de export naar de standaarduitvoer. Een bestaand bestand wordt alleen met --force overschreven. Het bestand is alleen leesbaar voor de eigenaar (0600): het bevat bijzondere persoonsgegevens van kinderen.

            Voorbeelden:
              beschermbord export --format csv --out zaken.csv
              beschermbord export --format json > zaken.json
              beschermbord export --family 2025-0042 --out inzage-2025-0042.json
            """,
        aliases: ["exporteer"])

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: ArgumentHelp("Formaat: csv of json (standaard csv; een inzage met --family is altijd json).",
                                            valueName: "formaat"))
    var format: Format?

    @Option(name: .long, help: ArgumentHelp("Schrijf naar dit bestand in plaats van naar de standaarduitvoer.", valueName: "bestand"))
    var out: String?

    @Flag(name: .long, help: "Overschrijf een bestaand bestand bij --out.")
    var force = false

    @Option(name: .long, help: ArgumentHelp("Exporteer het hele dossier van het gezin van deze zaak (inzage).", valueName: "kenmerk"))
    var family: String?

    func validate() throws {
        if family != nil && format == .csv {
            throw ValidationError("Een inzage-export (--family) is er alleen als JSON; laat --format weg of kies --format json.")
        }
        if let family, family.trimmingWhitespace().isEmpty {
            throw ValidationError("--family vraagt het kenmerk van een zaak van het gezin.")
        }
    }

    func run() throws {
        // Refuse an existing file before anything is read or logged.
        if let out {
            try OutputFile.checkTarget(out, overwrite: force)
        }
        let store = try storeOptions.open()
        let data: Data
        let what: String
        if let family {
            let dossier = try store.exportFamilyDossier(kenmerk: family)
            data = dossier.json()
            let name = dossier.family["naam"]?.stringValue ?? ""
            what = "Inzage van gezin \(name) (\(Counted.text(dossier.cases.count, "zaak", "zaken")))"
                + "; de export is vastgelegd in het logboek van zaak \(family.trimmingWhitespace())"
        } else {
            let cases = try store.exportCases()
            let chosen = format ?? .csv
            data = chosen == .csv ? try CaseExport.csv(cases) : CaseExport.json(cases)
            what = "\(Counted.text(cases.count, "zaak", "zaken")) als \(chosen.rawValue.uppercased())"
        }

        guard let out else {
            writeToStandardOutput(data)
            return
        }
        try OutputFile.write(data, to: out, overwrite: force)
        Printer.say("\(what) geëxporteerd naar \(out) (\(ByteSize.dutch(Int64(data.count)))).")
    }

    /// Exact bytes into a pipe or file; on a terminal, every line sanitized first.
    func writeToStandardOutput(_ data: Data) {
        guard isatty(STDOUT_FILENO) == 1 else {
            FileHandle.standardOutput.write(data)
            return
        }
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map { Printer.clean(String($0)) }
        FileHandle.standardOutput.write(Data(lines.joined(separator: "\n").utf8))
    }
}

/// `12 kB`, `3,4 MB`: sizes as a Dutch reader writes them.
enum ByteSize {
    static func dutch(_ bytes: Int64) -> String {
        if bytes < 1000 { return "\(bytes) bytes" }
        let units = ["kB", "MB", "GB", "TB"]
        var value = Double(bytes) / 1000
        var unit = 0
        while value >= 1000 && unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        let text = value < 10 ? String(format: "%.1f", value) : String(Int(value.rounded()))
        return text.replacingOccurrences(of: ".", with: ",") + " " + units[unit]
    }
}
