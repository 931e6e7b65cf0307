import BoardCore
import BoardStore
import Foundation

/// The shapes of a cohort report: readable text with a bar chart (its lines come from
/// CohortReportText in BoardCore), JSON, CSV and markdown; the page (`html`) is ReportPage's.
/// Every shape is built from the same `CohortReport`; CSV, markdown and the page's table from the
/// same rows (CohortReportFigures). Each ends with the head of the log's hash
/// chain, so that a report kept with the minutes is an anchor for `check --kop`.
enum ReportFormat {
    // MARK: JSON

    static func json(_ report: CohortReport, today: Day, head: ChainHead?) -> JSONValue {
        func int(_ value: Int) -> JSONValue { .integer(Int64(value)) }
        func lead(_ time: LeadTime) -> JSONValue {
            .object([("p50", int(time.p50)), ("p85", int(time.p85)), ("aantal", int(time.count))])
        }
        let plans = report.jointPlans
        return .object([
            ("periode", .object([("van", .string(report.period.from.iso)), ("tot", .string(report.period.to.iso))])),
            ("bron", report.source.map { .string($0.rawValue) } ?? .null),
            ("aanmeldingen", .object([
                ("totaal", int(report.total)),
                ("per_bron", .object(report.perSource.map { ($0.source.rawValue, int($0.count)) })),
                ("per_maand", .array(report.perMonth.map(int))),
                ("kinderen", int(report.children)),
                ("gezinnen", int(report.families)),
                ("maanden", .array(report.period.months.map { .string($0.iso) })),
            ])),
            ("naar_beschermtafel", int(report.toTable)),
            ("veiligheid_gewaarborgd", .object([
                ("na_onderzoek", int(report.safeAfterOnderzoek)),
                ("na_beschermtafel", int(report.safeAfterTable)),
            ])),
            ("rvk_onderzoek", .object([
                ("totaal", int(report.rvkTotal)),
                ("uitkomst", .object(report.rvkOutcomes.map { ($0.outcome.rawValue, int($0.count)) } + [("lopend", int(report.rvkPending))])),
                ("uitkomst_kinderen", .object(report.rvkChildOutcomes.map { ($0.outcome.rawValue, int($0.count)) })),
            ])),
            ("maatregelen_per_jaar", .object([
                ("tot_en_met", .string(report.measureTrend.through.iso)),
                ("jaren", .array(report.measureTrend.years.map { year in
                    .object([("jaar", int(year.year)), ("ots", int(year.ots)), ("uithuisplaatsing", int(year.uithuisplaatsing)),
                             ("per_zaak_geteld", int(year.perCase))])
                })),
            ])),
            ("lopend", int(report.open)),
            ("doorlooptijd_dagen", .object(report.leadTimes.map { ($0.stage.rawValue, lead($0.time)) })),
            ("gezamenlijke_plannen", .object([
                ("gestart", int(plans.started)),
                ("gestart_per_vorm", .object(plans.startedPerForm.map { ($0.form.rawValue, int($0.count)) })),
                ("afgeschaald", int(plans.scaledDown)),
                ("raad_betrokken", int(plans.councilInvolved)),
                ("lopend", int(plans.running)),
                ("uren_per_organisatie", .object(plans.hoursPerOrganisation.map { ($0.organisation, .number($0.hours)) })),
                ("vastgelegd", .bool(plans.available)),
            ])),
            ("geen_gegevens", .bool(report.isEmpty)),
            ("stand_op", .string(today.iso)),
            ("ketenkop", head.map { JSONValue.object([("gebeurtenis", .integer($0.id)), ("hash", .string($0.hash))]) } ?? .null),
        ])
    }

    // MARK: The head of the log

    static let headLabel = "Kop van het logboek"

    /// `Kop van het logboek: 12345:9f3a…` and how to use it later.
    static func headLine(_ head: ChainHead?) -> String {
        guard let head else { return "\(headLabel): (het logboek is leeg)" }
        return "\(headLabel): \(head.argument) (noteer hem in het verslag; `beschermbord check --kop \(head.argument)` "
            + "laat later zien of het logboek sindsdien is herschreven)"
    }

    // MARK: Rows (CSV, markdown)

    /// `;`-separated (as Dutch Excel expects), UTF-8, a header row, one row per figure.
    static func csv(_ report: CohortReport, head: ChainHead?) -> String {
        var out = "sleutel;cijfer;waarde\n"
        let headRow = CohortReportFigures.Figure(key: "ketenkop", label: "\(headLabel) (gebeurtenis:hash)", value: head?.argument ?? "")
        for figure in CohortReportFigures.rows(report) + [headRow] {
            out += [figure.key, figure.label, figure.value].map(csvField).joined(separator: ";") + "\n"
        }
        return out
    }

    static func csvField(_ text: String) -> String {
        let clean = Printer.clean(text)
        guard clean.contains(where: { $0 == ";" || $0 == "\"" || $0 == "," }) else { return clean }
        return "\"" + clean.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A heading and a two-column table, ready to paste into a jaarverslag.
    static func markdown(_ report: CohortReport, head: ChainHead?) -> String {
        var out = "## \(CohortReportText.title(report))\n\n"
        if report.isEmpty { out += "Geen aanmeldingen in deze periode: alle cijfers zijn 0.\n\n" }
        out += markdownCell(CohortReportText.headline(report)) + "\n\n"
        out += "| Cijfer | Aantal |\n|---|---:|\n"
        for figure in CohortReportFigures.rows(report) {
            out += "| \(markdownCell(figure.label)) | \(markdownCell(figure.value)) |\n"
        }
        out += "\n" + CohortReportText.footnote + "\n"
        if report.measureTrend.countsPerCaseOutcomes { out += "\n" + CohortReportText.perCaseNote + "\n" }
        out += "\n" + markdownCell(headLine(head)) + "\n"
        return out
    }

    static func markdownCell(_ text: String) -> String {
        Printer.clean(text).replacingOccurrences(of: "|", with: "\\|")
    }

    // MARK: Text

    /// The readable report (CohortReportText, shared with the report screen), cleaned for the console.
    static func text(_ report: CohortReport, today: Day, head: ChainHead?) -> String {
        (CohortReportText.lines(report, today: today) + ["", headLine(head)]).map(Printer.clean).joined(separator: "\n") + "\n"
    }
}
