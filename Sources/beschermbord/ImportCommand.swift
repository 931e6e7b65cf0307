import ArgumentParser
import BoardCore
import BoardStore
import Foundation

/// `beschermbord import FILE`: cases from a CSV file as Excel writes it, all or nothing.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Importeer zaken uit een CSV-bestand (zoals Excel het opslaat): alles of niets.",
        discussion: """
            Het bestand heeft een kopregel met kolomnamen (hoofdletters maken niet uit, volgorde vrij). Scheidingsteken ; of , (gelezen uit de kopregel). Velden tussen aanhalingstekens mogen het scheidingsteken en regeleinden bevatten. Tekenset: UTF-8 (met of zonder BOM) of Windows-1252.

            Kolommen:
              kenmerk           verplicht, uniek
              aangemeld_op      verplicht, datum
              bron              verplicht: Veilig Thuis, Jeugdbescherming,
                                Jeugdteam of Overig
              gezin             verplicht: de gezinsnaam
              wijk, medewerker  vrije tekst
              kinderen          Voornaam (dd-mm-jjjj), meer gescheiden door |
              onderzoek_op      datum
              beschermtafel_op  datum; vraagt onderzoek_op
              uitkomst          veiligheid gewaarborgd of rvk-onderzoek;
                                rvk-onderzoek vraagt beschermtafel_op
              uitkomst_op       datum; verplicht bij een uitkomst

            Datums als dd-mm-jjjj of jjjj-mm-dd. Geen datum ligt in de toekomst, en de datums van een zaak lopen nooit terug. Onbekende kolommen worden gemeld en overgeslagen.

            De zaak komt in de kolom van de verste fase, met een logregel per fase op de datum ervan. Is één regel fout, dan wordt niets opgeslagen: elke fout wordt gemeld als 'regel N: ...' en de exitcode is 1. Een kenmerk dat al in de opslag staat wordt gemeld en overgeslagen, dus hetzelfde bestand twee keer importeren voegt niets toe. De import is één transactie. Bestaat de opslag nog niet, dan wordt ze onder een verborgen naam gevuld en pas op haar plaats gezet als het hele bestand is ingelezen: een mislukte of afgebroken import laat geen opslag achter.

            Voorbeeld:
              beschermbord import --dry-run zaken.csv
              beschermbord import zaken.csv
            """,
        aliases: ["importeer"])

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("Het CSV-bestand met de zaken.", valueName: "bestand"))
    var file: String

    @Flag(name: .long, help: "Controleer het bestand en meld wat er zou worden toegevoegd, zonder iets op te slaan.")
    var dryRun = false

    /// How many skipped kenmerken are listed one by one; the summary counts them all.
    static let skippedShown = 20

    /// Files from this size on show a progress bar (when stderr is a terminal).
    static let progressFromBytes = 256 * 1024

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory)
            let reason = !exists ? "het bestaat niet" : isDirectory.boolValue ? "het is een map" : "geen leesrechten"
            throw Failure(message: "Het bestand \(Printer.clean(file)) kan niet worden gelezen: \(reason).")
        }
        let name = (file as NSString).lastPathComponent
        let bar = ProgressBar(enabled: isatty(STDERR_FILENO) == 1 && data.count >= Self.progressFromBytes)

        let result: ImportResult
        if dryRun {
            let parsed = CaseImporter.parse(data: data, today: Clock.today()) { fraction in
                bar.show("Inlezen", fraction: fraction)
            }
            bar.finish()
            try report(parsed, name: name)
            do {
                result = try dryRunResult(parsed, name: name, bar: bar)
            } catch {
                bar.finish()
                throw Self.nothingImported(error)
            }
        } else {
            // A store that does not exist yet is filled under a hidden name and put in place only
            // once the whole file is in (StoreDraft): a failed or killed import leaves no store,
            // and never takes away one that someone else made at the path meanwhile.
            var draft: StoreDraft?
            defer { draft?.discard() }
            var outcome = importFile(data, name: name, bar: bar) {
                draft = try storeOptions.draftIfMissing()
                return try draft?.store ?? storeOptions.open()
            }
            if let draft, case .success? = outcome.written {
                let placed: Bool
                do { placed = try draft.place() } catch { throw Self.nothingImported(error) }
                if !placed {
                    Printer.say("Intussen heeft iemand anders de opslag \(Printer.clean(storeOptions.location)) gemaakt; het bestand wordt daarin geïmporteerd.")
                    outcome = importFile(data, name: name, bar: bar) { try storeOptions.open() }
                }
            }
            // The file's own errors first, as when it was read before the store was opened.
            try report(outcome.parse, name: name)
            switch outcome.written {
            case .success(let written): result = written
            case .failure(let error): throw Self.nothingImported(error)
            case nil: throw Failure(message: "Er is niets geïmporteerd.")
            }
        }
        // Kenmerken already in the store are no error; a re-imported large file should not flood the screen.
        for issue in result.skipped.prefix(Self.skippedShown) { Printer.say(issue.description) }
        if result.skipped.count > Self.skippedShown {
            Printer.say("… en nog \(result.skipped.count - Self.skippedShown) regels met een kenmerk dat al in de opslag staat.")
        }
        Printer.say(summary(result, name: name))
    }

    /// An error said with what it means for the import; a `Failure` is in the import's words already.
    static func nothingImported(_ error: Error) -> Error {
        error as? Failure ?? Failure(message: "Er is niets geïmporteerd: " + Printer.clean("\(error)"))
    }

    /// Reads and checks the file on a second thread while this one writes the checked rows into
    /// the store that `open` gives (ImportPipeline).
    func importFile(_ data: Data, name: String, bar: ProgressBar, into open: () throws -> Store) -> ImportPipeline.Outcome {
        let outcome = ImportPipeline.run(data: data, today: Clock.today(), progress: { fraction in
            bar.show("Inlezen en opslaan", fraction: fraction)
        }) { nextRows in
            try open().importRows(origin: name, expectedRows: ImportPipeline.estimatedRows(in: data), finishing: {
                // Every row is written; building the indexes and committing can take seconds.
                bar.show("Afronden", fraction: 1)
            }, copying: { copied, total in
                // On a server the rows then go over in bulk: the longest part of the import there.
                bar.show("Naar server", fraction: total == 0 ? 1 : Double(copied) / Double(total), detail: "\(copied) van \(total) rijen")
            }, nextRows: nextRows)
        }
        bar.finish()
        return outcome
    }

    /// The file's notices and unknown columns; its errors, which stop the import, as a failure.
    func report(_ parsed: ImportParse, name: String) throws {
        if let notice = parsed.encoding.notice { Printer.say(notice) }
        if let notice = parsed.unknownColumnsNotice { Printer.say(notice) }
        guard parsed.isValid else {
            for issue in parsed.errors { Printer.warn(issue.description) }
            let count = parsed.errors.count
            throw Failure(message: "Er is niets geïmporteerd: \(count) \(count == 1 ? "fout" : "fouten") in \(Printer.clean(name)). "
                          + "Verbeter het bestand en importeer het opnieuw.")
        }
    }

    /// What the import would add, reading the store only (so it works for someone who may not
    /// change it); without a store, everything would be new.
    func dryRunResult(_ parsed: ImportParse, name: String, bar: ProgressBar) throws -> ImportResult {
        guard try storeOptions.exists else {
            return ImportResult(cases: parsed.rows.count, families: parsed.rows.count, children: parsed.childCount)
        }
        let store = try ServerAddress(storeOptions.location) == nil ? Store(path: storeOptions.location, readOnly: true) : storeOptions.open()
        let result = try store.importRows(parsed.rows, origin: name, dryRun: true) { done, total in
            bar.show("Controleren", fraction: total == 0 ? 1 : Double(done) / Double(total), detail: "\(done) van \(total)")
        }
        bar.finish()
        return result
    }

    func summary(_ result: ImportResult, name: String) -> String {
        let added = "\(Counted.text(result.cases, "zaak", "zaken")), \(Counted.text(result.families, "gezin", "gezinnen")) "
            + "en \(Counted.text(result.children, "kind", "kinderen"))"
        let skipped = result.skipped.isEmpty ? ""
            : "; \(Counted.text(result.skipped.count, "zaak stond", "zaken stonden")) al in de opslag en \(result.skipped.count == 1 ? "is" : "zijn") overgeslagen"
        if dryRun {
            return "Proefimport van \(name): er is niets opgeslagen. Er zouden \(added) worden toegevoegd\(skipped)."
        }
        return "Geïmporteerd uit \(name): \(added) toegevoegd\(skipped)."
    }
}
