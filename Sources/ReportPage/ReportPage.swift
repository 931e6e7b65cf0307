import BoardCore

/// `beschermbord report --format html`: the year's figures as one self-contained page, in the form
/// of the Zaanstad annual report (three big numbers and the sentences around them), with the
/// months, the flow to the Beschermtafel and the Raad, lead times and the joint work as SVG
/// charts, every figure in a table, and the period, source and the log's head at the foot.
///
/// Self-contained: the style is inline, the charts are inline SVG, there is no script, and the
/// page's own policy (`Content-Security-Policy`) forbids the browser to fetch anything, so it
/// opens offline and prints to PDF as it shows. The figures have no names; `Context` decides
/// whether the page names its author and the store (not with `--anoniem`, not in meeting mode).
public enum ReportPage {
    public struct Context: Sendable {
        public var today: Day
        public var head: ChainHead?
        /// Where the figures come from (the store's file or server), nil to leave it out.
        public var origin: String?
        /// Who made the page, nil to leave it out.
        public var author: String?
        /// The team lead's own paragraphs for under the big numbers.
        public var explanation: [String]

        public init(today: Day, head: ChainHead?, origin: String? = nil, author: String? = nil, explanation: [String] = []) {
            self.today = today
            self.head = head
            self.origin = origin
            self.author = author
            self.explanation = explanation
        }
    }

    /// The policy that keeps the page from fetching or running anything.
    static let policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

    public static func html(_ report: CohortReport, context: Context) -> String {
        let title = pageTitle(report)
        var sections = [headline(report, context: context), months(report, today: context.today), flow(report), measures(report.measureTrend),
                        leadTimes(report), jointWork(report), allFigures(report)]
        sections.removeAll(where: \.isEmpty)
        return """
            <!DOCTYPE html>
            <html lang="nl">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(policy)">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.text(title))</title>
            <style>
            \(PageStyle.css)
            </style>
            </head>
            <body>
            <header>
            <h1>\(HTML.text(title))</h1>
            <p class="subtitle">\(HTML.text(CohortReportText.title(report)))</p>
            </header>
            \(sections.joined(separator: "\n"))
            \(footer(report, context: context))
            </body>
            </html>

            """
    }

    /// `Onveilige zaken in 2022`, as the seed's chapter is called, or with the period's days.
    static func pageTitle(_ report: CohortReport) -> String {
        "Onveilige zaken \(periodText(report.period))"
    }

    /// `in 2022` for a calendar year, `in 2026 tot en met 04-12-2026` for a year to date, else
    /// `van 01-07-2022 tot en met 31-12-2022`.
    static func periodText(_ period: ReportPeriod) -> String {
        let from = period.from, to = period.to
        if from.month == 1 && from.day == 1 && to.year == from.year {
            return to.month == 12 && to.day == 31 ? "in \(from.year)" : "in \(from.year) tot en met \(to.dutch)"
        }
        return "van \(from.dutch) tot en met \(to.dutch)"
    }

    // MARK: Sections

    static func headline(_ report: CohortReport, context: Context) -> String {
        let received = report.source.map { "Aanmeldingen \($0.rawValue)" } ?? "Aanmeldingen"
        let numbers = [(report.total, received), (report.toTable, "Zaken naar Beschermtafel"),
                       (report.safeAfterOnderzoek, "Veiligheid gewaarborgd na onderzoek")]
        var html = "<section id=\"kerncijfers\"><h2>Kerncijfers</h2><div class=\"headline\">"
        for (value, caption) in numbers {
            html += "<div><span class=\"number\">\(HTML.number(value))</span><span class=\"caption\">\(HTML.text(caption))</span></div>"
        }
        html += "</div>"
        html += "<p>" + HTML.text(summarySentences(report).joined(separator: " ")) + "</p>"
        if !context.explanation.isEmpty {
            html += "<div class=\"explanation\">" + context.explanation.map { "<p>\(HTML.text($0))</p>" }.joined() + "</div>"
        }
        return html + "</section>"
    }

    /// The seed's sentences, from the figures: who reported how many, how many went to the
    /// table, how many were safe after onderzoek alone, and what is still running.
    static func summarySentences(_ report: CohortReport) -> [String] {
        let period = periodText(report.period)
        guard !report.isEmpty else { return ["\(capitalised(period)) zijn er geen aanmeldingen vastgelegd."] }
        var sentences: [String] = []
        // The seed counts both: "195 kinderen en gezinnen".
        let who = "\(count(report.children, "kind", "kinderen")) en \(count(report.families, "gezin", "gezinnen"))"
        if let source = report.source, source != .overig {
            sentences.append("\(capitalised(period)) heeft \(source.rawValue) \(who) aangemeld bij het wijkteam, "
                             + "in \(count(report.total, "aanmelding", "aanmeldingen")).")
        } else {
            let parts = report.perSource.filter { $0.count > 0 && (report.source == nil || $0.source == report.source) }
                .map { "\($0.source.rawValue) \(HTML.number($0.count))" }
            sentences.append("\(capitalised(period)) zijn \(who) aangemeld bij het wijkteam, "
                             + "in \(count(report.total, "aanmelding", "aanmeldingen")) (\(parts.joined(separator: ", "))).")
        }
        sentences.append("Het wijkteam heeft \(count(report.toTable, "zaak", "zaken")) voorgelegd aan de Beschermtafel.")
        var safe = "In \(count(report.safeAfterOnderzoek, "zaak", "zaken")) is na onderzoek vastgesteld dat de veiligheid voldoende gewaarborgd is"
        if report.safeAfterTable > 0 { safe += ", in \(HTML.number(report.safeAfterTable)) na de Beschermtafel" }
        sentences.append(safe + ".")
        if report.rvkTotal > 0 {
            sentences.append("\(capitalised(count(report.rvkTotal, "zaak", "zaken"))) \(report.rvkTotal == 1 ? "ging" : "gingen") "
                             + "naar de Raad voor de Kinderbescherming voor onderzoek.")
        }
        if report.open > 0 {
            sentences.append("\(capitalised(count(report.open, "zaak", "zaken"))) \(report.open == 1 ? "loopt" : "lopen") nog bij het wijkteam.")
        }
        return sentences
    }

    static func months(_ report: CohortReport, today: Day) -> String {
        let spansYears = report.period.from.year != report.period.to.year
        let groups = zip(report.period.months, report.perMonth).enumerated().map { index, entry in
            SVGChart.Group(label: entry.0.shortName, sublabel: spansYears && (index == 0 || entry.0.month == 1) ? String(entry.0.year) : nil,
                           bars: [(Series.reported, entry.1)])
        }
        var html = "<section id=\"maanden\"><h2>Aanmeldingen per maand</h2>"
        html += SVGChart.columns(id: "grafiek-maanden", title: "Aanmeldingen per maand", groups: groups)
        let remark = MonthRemark.sentences(report, today: today)
        if !remark.isEmpty { html += "<p class=\"remark\">\(HTML.text(remark.joined(separator: " ")))</p>" }
        return html + "</section>"
    }

    static func flow(_ report: CohortReport) -> String {
        let atTable = report.toTable - report.safeAfterTable - report.rvkTotal
        let openBefore = report.open - atTable
        let outcomes: [(Series, Int)] = report.rvkOutcomes.map { (Series.outcome($0.outcome), $0.count) } + [(Series.pending, report.rvkPending)]
        let rows = [
            SVGChart.StackedRow(label: "Alle aanmeldingen", parts: [(Series.safeAfterOnderzoek, report.safeAfterOnderzoek),
                                                                    (Series.toTable, report.toTable), (Series.openBefore, openBefore)]),
            SVGChart.StackedRow(label: "Naar de Beschermtafel", parts: [(Series.safeAfterTable, report.safeAfterTable),
                                                                        (Series.toRaad, report.rvkTotal), (Series.atTable, atTable)]),
            SVGChart.StackedRow(label: "Naar RvK-onderzoek", parts: outcomes),
        ]
        var html = "<section id=\"stroom\"><h2>Van aanmelding naar uitkomst</h2>"
        html += "<p>Elke balk telt de zaken die die stap bereikten, op dezelfde schaal: wat naar de Beschermtafel ging, "
            + "is in de volgende balk verdeeld naar wat de tafel opleverde, en zo verder tot de uitkomst van de Raad.</p>"
        html += SVGChart.stacked(id: "grafiek-stroom", title: "Van aanmelding naar uitkomst", rows: rows)
        html += SVGChart.legend(rows.flatMap { $0.parts }.map { ($0.series, HTML.number($0.value)) })
        return html + "</section>"
    }

    /// OTS and uithuisplaatsingen per year, counted in children: the trend the teams are judged on.
    static func measures(_ trend: MeasureTrend) -> String {
        guard !trend.years.isEmpty else { return "" }
        let groups = trend.years.map { year in
            SVGChart.Group(label: String(year.year),
                           sublabel: year.year == trend.through.year && trend.lastYearIsPartial ? "t/m \(trend.through.dutch.prefix(5))" : nil,
                           bars: [(Series.measureOTS, year.ots), (Series.measureHome, year.uithuisplaatsing)])
        }
        var html = "<section id=\"maatregelen\"><h2>OTS en uithuisplaatsingen per jaar</h2>"
        html += "<p>Het doel van de aanpak is minder ondertoezichtstellingen (OTS) en uithuisplaatsingen. Geteld in kinderen, naar het jaar "
            + "van de uitkomst van de Raad, van alle zaken (niet alleen die van deze periode).</p>"
        html += SVGChart.columns(id: "grafiek-maatregelen", title: "OTS en uithuisplaatsingen per jaar (kinderen)", groups: groups)
        html += SVGChart.legend([(Series.measureOTS, nil), (Series.measureHome, nil)])
        if trend.years.count >= 2 {
            let last = trend.years[trend.years.count - 1], before = trend.years[trend.years.count - 2]
            let upTo = trend.lastYearIsPartial ? " (tot en met \(trend.through.dutch))" : ""
            html += "<p>In \(last.year)\(upTo) kregen \(count(last.ots, "kind", "kinderen")) een OTS en \(HTML.number(last.uithuisplaatsing)) "
                + "een uithuisplaatsing; in \(before.year) waren dat er \(HTML.number(before.ots)) en \(HTML.number(before.uithuisplaatsing)).</p>"
        }
        if trend.countsPerCaseOutcomes { html += "<p class=\"remark\">\(HTML.text(CohortReportText.perCaseNote))</p>" }
        return html + "</section>"
    }

    static func leadTimes(_ report: CohortReport) -> String {
        let rows = report.leadTimes.map { stage, time in
            SVGChart.Row(label: "\(stage.title) (\(count(time.count, "zaak", "zaken")))",
                         bars: [(Series.p50, Double(time.p50), "\(HTML.number(time.p50)) d"), (Series.p85, Double(time.p85), "\(HTML.number(time.p85)) d")])
        }
        var html = "<section id=\"doorlooptijden\"><h2>Doorlooptijden</h2>"
        html += "<p>Dagen in een kolom, van de zaken die de kolom verlieten: de mediaan (p50) en de grens waar 85 % binnen bleef (p85).</p>"
        html += SVGChart.rows(id: "grafiek-doorlooptijden", title: "Doorlooptijd in dagen per kolom", rows: rows)
        html += SVGChart.legend([(Series.p50, nil), (Series.p85, nil)])
        return html + "</section>"
    }

    static func jointWork(_ report: CohortReport) -> String {
        let plans = report.jointPlans
        var html = "<section id=\"samenwerking\"><h2>Gezamenlijke aanpak</h2>"
        guard plans.available else {
            return html + "<p>Gezamenlijke plannen zijn in deze opslag niet vastgelegd.</p></section>"
        }
        let perForm = plans.startedPerForm.map { "\(count($0.count, "plan", "plannen")) met \($0.form == .veiligheidsteam ? "het" : "een") \($0.form.title)" }
        html += "<p>Plannen die in de periode begonnen: \(HTML.text(perForm.joined(separator: " en "))).</p><div class=\"tiles\">"
        for (value, caption) in [(plans.started, "gestart"), (plans.scaledDown, "afgeschaald"),
                                 (plans.councilInvolved, "Raad betrokken"), (plans.running, "lopend")] {
            html += "<div><strong>\(HTML.number(value))</strong>\(HTML.text(caption))</div>"
        }
        html += "</div>"
        if plans.hoursPerOrganisation.isEmpty {
            html += "<p>Er zijn geen uren geschreven.</p>"
        } else {
            let rows = plans.hoursPerOrganisation.map { organisation, hours in
                SVGChart.Row(label: organisation, bars: [(Series.hours, hours, "\(CohortReportText.hours(hours)) uur")])
            }
            html += SVGChart.rows(id: "grafiek-uren", title: "Uren per organisatie", rows: rows)
        }
        return html + "</section>"
    }

    /// Every figure of the report, as the csv and markdown formats have them.
    static func allFigures(_ report: CohortReport) -> String {
        var html = "<section id=\"alle-cijfers\"><h2>Alle cijfers</h2><table><thead><tr><th>Cijfer</th><th>Waarde</th></tr></thead><tbody>"
        for figure in CohortReportFigures.rows(report) {
            html += "<tr><td>\(HTML.text(figure.label))</td><td class=\"number\">\(HTML.text(figure.value))</td></tr>"
        }
        return html + "</tbody></table><p>\(HTML.text(CohortReportText.footnote))</p></section>"
    }

    static func footer(_ report: CohortReport, context: Context) -> String {
        var rows: [(String, String)] = [
            ("Periode", "\(report.period.from.dutch) tot en met \(report.period.to.dutch)"),
            ("Bron", CohortReportText.sourceName(report.source)),
        ]
        if let origin = context.origin { rows.append(("Opslag", origin)) }
        rows.append(("Stand op", context.today.dutch))
        if let author = context.author { rows.append(("Opgesteld door", author)) }
        var html = "<footer><dl>"
        for (term, value) in rows { html += "<dt>\(HTML.text(term))</dt><dd>\(HTML.text(value))</dd>" }
        if let head = context.head {
            html += "<dt>Kop van het logboek</dt><dd><code>\(HTML.text(head.argument))</code></dd></dl>"
            html += "<p>Met <code>beschermbord check --kop \(HTML.text(head.argument))</code> is later na te gaan of het logboek "
                + "sinds deze cijfers is herschreven.</p>"
        } else {
            html += "<dt>Kop van het logboek</dt><dd>het logboek is leeg</dd></dl>"
        }
        return html + "<p>Gemaakt met Beschermbord.</p></footer>"
    }

    // MARK: Words

    static func count(_ value: Int, _ one: String, _ many: String) -> String {
        "\(HTML.number(value)) \(value == 1 ? one : many)"
    }

    static func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
}

/// The page's series: a legend's name and a colour class of PageStyle.
typealias Series = SVGChart.Series

extension SVGChart.Series {
    static let reported = Series(name: "Aanmeldingen", cssClass: "s-aanmelding")
    static let safeAfterOnderzoek = Series(name: "Veiligheid gewaarborgd na onderzoek", cssClass: "s-veilig")
    static let toTable = Series(name: "Naar de Beschermtafel", cssClass: "s-tafel")
    static let openBefore = Series(name: "Nog in Aangemeld of Onderzoek", cssClass: "s-open")
    static let safeAfterTable = Series(name: "Veiligheid gewaarborgd na de Beschermtafel", cssClass: "s-veilig")
    static let toRaad = Series(name: "Naar RvK-onderzoek", cssClass: "s-raad")
    static let atTable = Series(name: "Nog aan de Beschermtafel", cssClass: "s-open")
    static let pending = Series(name: "Nog geen uitkomst van de Raad", cssClass: "s-open")
    static let p50 = Series(name: "Mediaan (p50)", cssClass: "s-p50")
    static let p85 = Series(name: "85 % binnen (p85)", cssClass: "s-p85")
    static let hours = Series(name: "Uren", cssClass: "s-uren")
    static let measureOTS = Series(name: "OTS", cssClass: "s-ots")
    static let measureHome = Series(name: "Uithuisplaatsing", cssClass: "s-uhp")

    static func outcome(_ outcome: RvkOutcome) -> Series {
        switch outcome {
        case .geenMaatregel: return Series(name: "Uitkomst: geen maatregel", cssClass: "s-geen")
        case .ots: return Series(name: "Uitkomst: OTS", cssClass: "s-ots")
        case .uithuisplaatsing: return Series(name: "Uitkomst: uithuisplaatsing", cssClass: "s-uhp")
        }
    }
}
