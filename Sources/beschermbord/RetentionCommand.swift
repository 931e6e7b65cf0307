import ArgumentParser
import BoardCore
import BoardStore
import Foundation

/// `beschermbord retention`: families past the retention period, and erasing their personal data.
struct RetentionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention",
        abstract: "Toon de gezinnen buiten de bewaartermijn en verwijder (met --apply) hun persoonsgegevens.",
        discussion: """
            Dossiers worden bewaard tot de bewaartermijn (standaard 20 jaar, instelling \
            bewaartermijn.jaren) na het afsluiten van de laatste zaak van het gezin is verstreken. \
            Met --apply vervangt een teamleider daarna de persoonsgegevens (gezinsnaam, wijk, adres, \
            namen en geboortedatums van kinderen, verzorgers en netwerk, vrije tekst in dossier en \
            logboek) door "[verwijderd]". Zaken, kolommen, datums en aantallen blijven voor de cijfers. \
            Het verwijderen wordt zelf gelogd. Met --family KENMERK worden de gegevens van dat gezin \
            op verzoek eerder vernietigd (alleen als geen zaak van het gezin meer open is). \
            Back-ups van vóór het verwijderen bevatten de gegevens nog.
            """,
        aliases: ["bewaartermijn"])

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: ArgumentHelp("Vernietig op verzoek de gegevens van het gezin van deze zaak, ook binnen de bewaartermijn.",
                                            valueName: "kenmerk"))
    var family: String?

    @Flag(name: .long, help: "Verwijder de persoonsgegevens echt (anders alleen een overzicht).")
    var apply = false

    @Flag(name: .customLong("ja"), help: "Bevestig zonder vraag (voor scripts); zonder terminal is dit verplicht bij --apply.")
    var yes = false

    func run() throws {
        let store = try storeOptions.open()
        let today = Clock.today()
        let candidates: [RetentionCandidate]
        let reason: ErasureReason
        if let family {
            let candidate = try store.retentionCandidate(kenmerk: family)
            Printer.say("Gezin van \(family.trimmingWhitespace()): \(candidate.familyName) (zaken \(candidate.kenmerken.joined(separator: ", "))).")
            if candidate.alreadyErased {
                Printer.say("De persoonsgegevens van dit gezin zijn al verwijderd.")
                return
            }
            guard let closed = candidate.closedOn else {
                throw Failure(message: "Het gezin heeft nog een open zaak; vernietigen kan pas als alle zaken zijn afgesloten. Er is niets verwijderd.")
            }
            Printer.say("Laatste zaak afgesloten op \(closed.dutch).")
            candidates = [candidate]
            reason = .request
        } else {
            let years = try store.retentionYears()
            candidates = try store.retentionCandidates(today: today)
            reason = .retentionPeriod(years: years)
            let cutoff = Retention.cutoff(today: today, years: years)
            guard !candidates.isEmpty else {
                Printer.say("Geen gezinnen buiten de bewaartermijn van \(years) jaar (laatste zaak afgesloten vóór \(cutoff.dutch)).")
                return
            }
            Printer.say("\(Counted.text(candidates.count, "gezin valt", "gezinnen vallen")) buiten de bewaartermijn van \(years) jaar "
                        + "(laatste zaak afgesloten vóór \(cutoff.dutch)):")
            let rows = [["Kenmerken", "Gezin", "Afgesloten"]] + candidates.map {
                [$0.kenmerken.joined(separator: ", "), $0.familyName, $0.closedOn?.dutch ?? ""]
            }
            for line in Printer.table(rows) { Printer.say("  " + line) }
        }

        guard apply else {
            Printer.say("")
            Printer.say("Er is niets verwijderd. Een teamleider verwijdert de persoonsgegevens met --apply.")
            return
        }
        if let refusal = try store.refusal(for: .applyRetention) { throw refusal }
        if !yes {
            guard isatty(STDIN_FILENO) == 1 else {
                throw Failure(message: "Bevestiging nodig: draai op een terminal, of geef --ja (voor scripts). Er is niets verwijderd.")
            }
            let what = Counted.text(candidates.count, "gezin", "gezinnen")
            FileHandle.standardOutput.write(Data("\nTyp VERWIJDEREN om de persoonsgegevens van \(what) definitief te verwijderen: ".utf8))
            guard readLine(strippingNewline: true)?.trimmingWhitespace() == "VERWIJDEREN" else {
                Printer.say("Afgebroken; er is niets verwijderd.")
                throw ExitCode(1)
            }
        }
        let erased = try store.erasePersonalData(of: candidates.map(\.familyID), reason: reason, today: today)
        Printer.say("De persoonsgegevens van \(Counted.text(erased, "gezin zijn", "gezinnen zijn")) verwijderd; "
                    + "zaken, datums en aantallen zijn bewaard en het verwijderen is gelogd.")
        Printer.say("Let op: back-ups van vóór vandaag bevatten de gegevens nog.")
    }
}
