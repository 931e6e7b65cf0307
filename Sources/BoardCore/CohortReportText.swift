/// The readable text of a cohort report, as lines: `beschermbord report --format text` prints
/// them, the report screen (`R`) draws the same sections. No names; values from the store (an
/// organisation's name) are not cleaned here, each caller does that for its own output.
public enum CohortReportText {
    /// Every line of the text report, in order, without line ends.
    public static func lines(_ report: CohortReport, today: Day) -> [String] {
        var lines: [String] = [title(report), String(repeating: "=", count: title(report).count), ""]
        if report.isEmpty {
            lines.append(emptyNotice)
            lines.append("")
        }
        lines.append(headline(report))
        lines.append("")
        lines += figureLines(report)
        lines.append("")
        lines += trendLines(report.measureTrend)
        lines.append("")
        lines += leadTimeLines(report)
        lines.append("")
        lines.append(barChartHeading)
        lines += barChart(report)
        lines.append("")
        lines.append(jointPlanLine(report.jointPlans))
        lines.append("")
        lines.append(footnote + " Stand op \(today.dutch).")
        return lines
    }

    public static let emptyNotice = "Geen aanmeldingen in deze periode: er zijn geen gegevens, alle cijfers zijn 0."
    public static let barChartHeading = "Aanmeldingen per maand"
    public static let footnote = "Cohort: de zaken die in de periode zijn aangemeld, elk geteld naar hoe ver de zaak nu is gekomen."

    public static func title(_ report: CohortReport) -> String {
        "Aanmeldingen \(report.period.from.dutch) t/m \(report.period.to.dutch) (\(sourceName(report.source)))"
    }

    public static func sourceName(_ source: Source?) -> String { source?.rawValue ?? "alle bronnen" }

    /// `Aangemeld: 230 kinderen en 195 gezinnen (201 aanmeldingen).`, as the seed counts them.
    public static func headline(_ report: CohortReport) -> String {
        "Aangemeld: \(childrenAndFamilies(children: report.children, families: report.families)) "
            + "(\(report.total) \(report.total == 1 ? "aanmelding" : "aanmeldingen"))."
    }

    /// `3 kinderen en 2 gezinnen`, `1 kind en 1 gezin`.
    public static func childrenAndFamilies(children: Int, families: Int) -> String {
        "\(children) \(children == 1 ? "kind" : "kinderen") en \(families) \(families == 1 ? "gezin" : "gezinnen")"
    }

    /// The counts: aanmeldingen per source, children, how far the cases got, still open.
    public static func figureLines(_ report: CohortReport) -> [String] {
        var lines: [String] = []
        func line(_ label: String, _ value: Int, indent: Int = 0) {
            let left = String(repeating: " ", count: indent) + label
            let number = String(value)
            lines.append(left + String(repeating: " ", count: max(1, 48 - left.count - number.count)) + number)
        }
        line("Aanmeldingen", report.total)
        for (source, count) in report.perSource where report.source == nil || source == report.source {
            line(source.rawValue, count, indent: 2)
        }
        line("Kinderen (elk kind één keer)", report.children)
        line("Gezinnen (elk gezin één keer)", report.families)
        line("Naar de Beschermtafel", report.toTable)
        lines.append("Veiligheid gewaarborgd")
        line("na onderzoek", report.safeAfterOnderzoek, indent: 2)
        line("na de Beschermtafel", report.safeAfterTable, indent: 2)
        line("Naar RvK-onderzoek", report.rvkTotal)
        for (outcome, count) in report.rvkOutcomes { line(outcome.rawValue, count, indent: 2) }
        line("nog geen uitkomst van de Raad", report.rvkPending, indent: 2)
        lines.append("Uitkomst van de Raad per kind")
        for (outcome, count) in report.rvkChildOutcomes { line(outcome.rawValue, count, indent: 2) }
        line("Nog open bij het wijkteam", report.open)
        return lines
    }

    public static let trendHeading = "OTS en uithuisplaatsingen per jaar (kinderen, naar datum van de uitkomst)"
    public static let perCaseNote = "Een uitkomst die per zaak is vastgelegd (vóór de vastlegging per kind) telt als één kind."

    /// A heading, one row per year (the report's year last, marked `t/m` when it is not yet
    /// over) and, when any year counts them, how outcomes recorded per case are counted.
    public static func trendLines(_ trend: MeasureTrend) -> [String] {
        func row(_ label: String, _ cells: [String]) -> String {
            label + String(repeating: " ", count: max(1, 18 - label.count)) + zip(cells, [8, 18, 8]).map { pad($0, $1) }.joined()
        }
        var lines = [trendHeading, row("  jaar", ["OTS", "uithuisplaatsing", "samen"])]
        for year in trend.years {
            var label = "  \(year.year)"
            if year.year == trend.through.year && trend.lastYearIsPartial { label += " t/m \(trend.through.dutch.prefix(5))" }
            lines.append(row(label, [year.ots, year.uithuisplaatsing, year.measures].map(String.init)))
        }
        if trend.countsPerCaseOutcomes { lines.append(perCaseNote) }
        return lines
    }

    /// A heading and one row per column: p50, p85 and the number of cases that left it.
    public static func leadTimeLines(_ report: CohortReport) -> [String] {
        var lines = ["Doorlooptijd in dagen (zaken die de kolom verlieten)",
                     "  kolom" + String(repeating: " ", count: 17) + "p50    p85  zaken"]
        for (stage, time) in report.leadTimes {
            let name = "  " + stage.title
            lines.append(name + String(repeating: " ", count: max(1, 22 - name.count))
                         + [time.p50, time.p85, time.count].map { pad(String($0), 7) }.joined())
        }
        return lines
    }

    /// One bar per month of block characters, scaled so the busiest month fills `width` cells.
    public static func barChart(_ report: CohortReport, width: Int = 40) -> [String] {
        let highest = report.perMonth.max() ?? 0
        let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        return zip(report.period.months, report.perMonth).map { month, count in
            let label = "  \(month.shortName) \(month.year) "
            guard highest > 0, count > 0 else { return label + "│ 0" }
            let units = max(1, count * max(1, width) * 8 / highest)
            return label + "│" + String(repeating: "█", count: units / 8) + eighths[units % 8] + " \(count)"
        }
    }

    /// The columns a bar chart line takes besides its bar: label, axis and the largest count.
    public static func barChartMargin(_ report: CohortReport) -> Int {
        "  jan 2000 │ ".count + String(report.perMonth.max() ?? 0).count
    }

    public static func jointPlanLine(_ plans: JointPlanTotals) -> String {
        guard plans.available else { return "Gezamenlijke plannen: niet vastgelegd in deze opslag." }
        let perForm = plans.startedPerForm.map { "\($0.count) \($0.form.title)" }.joined(separator: ", ")
        var text = "Gezamenlijke plannen: \(plans.started) gestart (\(perForm)), \(plans.scaledDown) afgeschaald, "
            + "\(plans.councilInvolved) met de Raad betrokken, \(plans.running) lopend."
        if !plans.hoursPerOrganisation.isEmpty {
            text += " Uren: " + plans.hoursPerOrganisation.map { "\($0.organisation) \(hours($0.hours)) uur" }.joined(separator: ", ") + "."
        }
        return text
    }

    /// Hours as hours and minutes (`50:15`), as the plan screen shows them: the hours are entered
    /// in quarters, so they are exact.
    public static func hours(_ hours: Double) -> String {
        JointPlanRules.hoursText(Int((hours * 4).rounded()))
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
