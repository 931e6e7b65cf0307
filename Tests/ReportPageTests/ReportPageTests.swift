import BoardCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ReportPage

/// The page as text: what it shows, that it fetches and runs nothing, that store text is escaped,
/// and that its charts are well-formed SVG scaled to the figures. The browser's view of it is in
/// EndToEndTests (ReportPageBrowserTests).
@Suite("The report page (report --format html)")
struct ReportPageTests {
    static func day(_ year: Int, _ month: Int, _ day: Int) -> Day { Day(year: year, month: month, day: day)! }

    /// A cohort of 2022: `perMonth` cases reported in each month, each going as far as `stage(index)`.
    static func report(perMonth: [Int], source: Source? = nil, plans: JointPlanTotals = .none,
                       stage: (Int) -> Stage = { _ in .veiligheidGewaarborgd }) -> CohortReport {
        var cases: [CohortCase] = []
        for (month, count) in perMonth.enumerated() {
            for _ in 0..<count {
                let index = cases.count
                let reported = day(2022, month + 1, 3)
                let target = stage(index)
                var moves = [StageTransition(from: .aangemeld, to: .onderzoek, day: reported.adding(days: 2))]
                if target != .onderzoek && target != .aangemeld {
                    if target != .veiligheidGewaarborgd || index % 5 == 0 {
                        moves.append(StageTransition(from: .onderzoek, to: .beschermtafel, day: reported.adding(days: 20)))
                    }
                    if target != .beschermtafel {
                        moves.append(StageTransition(from: moves.last!.to, to: target, day: reported.adding(days: 40)))
                    }
                }
                if target == .aangemeld { moves = [] }
                cases.append(CohortCase(caseID: Int64(index + 1), familyID: Int64(index + 1), source: index % 3 == 0 ? .jeugdteam : .veiligThuis,
                                        reportedOn: reported, stage: target, childCount: 1 + index % 3, transitions: moves,
                                        rvkOutcome: target == .rvkOnderzoek ? RvkOutcome.allCases[index % 3] : nil))
            }
        }
        return CohortReport(cases: cases, period: ReportPeriod(year: 2022)!, source: source, jointPlans: plans)
    }

    static let busyYear = [20, 18, 22, 19, 21, 17, 16, 18, 9, 8, 10, 17]
    static func mixed(_ index: Int) -> Stage { [.veiligheidGewaarborgd, .veiligheidGewaarborgd, .beschermtafel, .rvkOnderzoek, .onderzoek][index % 5] }

    static func page(_ report: CohortReport, _ context: ReportPage.Context = .init(today: day(2023, 1, 15), head: nil)) -> String {
        ReportPage.html(report, context: context)
    }

    @Test func theBigNumbersAreTheCohortsInTheSeedsForm() throws {
        let report = Self.report(perMonth: Self.busyYear, stage: Self.mixed)
        let html = Self.page(report)
        #expect(html.contains("<title>Onveilige zaken in 2022</title>"))
        for (value, caption) in [(report.total, "Aanmeldingen"), (report.toTable, "Zaken naar Beschermtafel"),
                                 (report.safeAfterOnderzoek, "Veiligheid gewaarborgd na onderzoek")] {
            #expect(html.contains("<span class=\"number\">\(HTML.number(value))</span><span class=\"caption\">\(caption)</span>"), "\(caption)")
        }
        #expect(html.contains("Het wijkteam heeft \(report.toTable) zaken voorgelegd aan de Beschermtafel."))
        #expect(html.contains("In \(report.safeAfterOnderzoek) zaken is na onderzoek vastgesteld dat de veiligheid voldoende gewaarborgd is"))
        #expect(html.contains("In 2022 zijn \(report.children) kinderen en \(report.families) gezinnen aangemeld bij het wijkteam, "
                              + "in \(report.total) aanmeldingen (Veilig Thuis \(report.count(for: .veiligThuis)), Jeugdteam \(report.count(for: .jeugdteam)))."))
    }

    @Test func theAutumnDeclineIsRemarkedUnderTheMonths() {
        let html = Self.page(Self.report(perMonth: Self.busyYear))
        #expect(html.contains("Het aantal aanmeldingen is in het najaar van 2022 afgenomen"))
        #expect(html.contains("De meeste aanmeldingen kwamen in maart 2022 (22), de minste in oktober 2022 (8)."))
    }

    @Test func theMonthsBarsAreScaledToTheBusiestMonth() throws {
        let html = Self.page(Self.report(perMonth: Self.busyYear))
        let chart = try #require(Self.svg(id: "grafiek-maanden", in: html))
        let bars = Self.bars(in: chart)
        #expect(bars.map(\.value) == Self.busyYear.map(Double.init))
        let scale = SVGChart.Scale(highest: 22)
        #expect(scale.top >= 22 && scale.ticks.count <= 6 && scale.ticks.first == 0)
        // Heights in proportion to the values, against the scale's top.
        let unit = bars[0].height / bars[0].value
        for bar in bars { #expect(abs(bar.height - bar.value * unit) < 0.2, "\(bar)") }
        #expect(bars.max(by: { $0.height < $1.height })?.value == 22)
    }

    @Test func everyChartIsWellFormedSVG() throws {
        let plans = JointPlanTotals(started: 4, startedPerForm: [(.jeugdbeschermerInDeWijk, 3), (.veiligheidsteam, 1)], scaledDown: 1, councilInvolved: 1, running: 2,
                                    hoursPerOrganisation: [("JBRA", 50.25), ("William Schrikker Stichting", 12.5)], available: true)
        let html = Self.page(Self.report(perMonth: Self.busyYear, plans: plans, stage: Self.mixed))
        let ids = ["grafiek-maanden", "grafiek-stroom", "grafiek-maatregelen", "grafiek-doorlooptijden", "grafiek-uren"]
        for id in ids {
            let chart = try #require(Self.svg(id: id, in: html), "\(id)")
            let document = try XMLDocument(xmlString: chart)
            #expect(document.rootElement()?.name == "svg")
            #expect(!Self.bars(in: chart).isEmpty, "\(id) has bars")
        }
        #expect(html.contains("50:15 uur"))
        #expect(html.contains("Plannen die in de periode begonnen: 3 plannen met een Jeugdbeschermer in de wijk en 1 plan met het Veiligheidsteam."))
    }

    @Test func theFlowAddsUpToEveryCaseAndEveryTableCase() throws {
        let report = Self.report(perMonth: Self.busyYear, stage: Self.mixed)
        let chart = try #require(Self.svg(id: "grafiek-stroom", in: Self.page(report)))
        let bars = Self.bars(in: chart)
        // Three rows: all cases, those at the table, those at the Raad; their parts in order.
        #expect(bars.count == 3 + 3 + RvkOutcome.allCases.count + 1)
        #expect(Int(bars[0..<3].map(\.value).reduce(0, +)) == report.total)
        #expect(Int(bars[3..<6].map(\.value).reduce(0, +)) == report.toTable)
        #expect(Int(bars[6...].map(\.value).reduce(0, +)) == report.rvkTotal)
        let unit = bars[0].width / bars[0].value
        #expect(abs(bars[3..<6].map(\.width).reduce(0, +) - Double(report.toTable) * unit) < 0.5, "one scale for every row")
    }

    /// The trend the teams are judged on: OTS and uithuisplaatsingen per year, in children.
    @Test func theMeasuresPerYearAreDrawnAndCompared() throws {
        func outcome(_ year: Int, _ kind: RvkOutcome, perCase: Bool = false) -> MeasureTrend.Outcome {
            MeasureTrend.Outcome(day: Self.day(year, 6, 1), outcome: kind, perCase: perCase)
        }
        let outcomes = [outcome(2020, .ots, perCase: true), outcome(2020, .ots), outcome(2020, .uithuisplaatsing), outcome(2021, .ots),
                        outcome(2022, .uithuisplaatsing), outcome(2022, .geenMaatregel)]
        let trend = MeasureTrend(outcomes: outcomes, through: Self.day(2022, 12, 31), firstYear: 2020)
        var report = Self.report(perMonth: Self.busyYear)
        report.measureTrend = trend
        let html = Self.page(report)
        let bars = Self.bars(in: try #require(Self.svg(id: "grafiek-maatregelen", in: html)))
        #expect(bars.map(\.value) == trend.years.flatMap { [Double($0.ots), Double($0.uithuisplaatsing)] })
        #expect(bars.map(\.value) == [2, 1, 1, 0, 0, 1])
        #expect(html.contains("In 2022 kregen 0 kinderen een OTS en 1 een uithuisplaatsing; in 2021 waren dat er 1 en 0."))
        #expect(html.contains(CohortReportText.perCaseNote), "an outcome recorded per case is said to count as one child")
    }

    @Test func thePageFetchesAndRunsNothing() {
        let html = Self.page(Self.report(perMonth: Self.busyYear, stage: Self.mixed))
        #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"))
        for forbidden in ["<script", "http:", "https:", "src=", "href=", "url(", "@import", "<link", "<iframe", "<object"] {
            #expect(!html.lowercased().contains(forbidden), "\(forbidden)")
        }
    }

    @Test func storeTextIsEscaped() {
        let plans = JointPlanTotals(started: 1, hoursPerOrganisation: [("<script>alert(1)</script> & \"GI\"", 2)], available: true)
        let context = ReportPage.Context(today: Self.day(2023, 1, 15), head: nil, origin: "/tmp/<b>bord</b>.sqlite",
                                         author: "Fatma \u{1B}[31mArslan", explanation: ["Zie <img src=x onerror=alert(1)>"])
        let html = Self.page(Self.report(perMonth: Self.busyYear, plans: plans), context)
        #expect(!html.contains("<script>") && !html.contains("<img") && !html.contains("<b>bord"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;GI&quot;"))
        #expect(html.contains("Zie &lt;img src=x onerror=alert(1)&gt;"))
        #expect(!html.contains("\u{1B}"), "no escape sequence reaches the page")
    }

    @Test func anAnonymousPageNamesNeitherAuthorNorStore() {
        let report = Self.report(perMonth: Self.busyYear)
        let named = Self.page(report, ReportPage.Context(today: Self.day(2023, 1, 15), head: nil, origin: "/home/skuipers/bord.sqlite",
                                                         author: "Sanne Kuipers"))
        #expect(named.contains("Sanne Kuipers") && named.contains("/home/skuipers/bord.sqlite"))
        let anonymous = Self.page(report, ReportPage.Context(today: Self.day(2023, 1, 15), head: nil))
        #expect(!anonymous.contains("Opgesteld door") && !anonymous.contains("Opslag"))
    }

    @Test func theFootHasPeriodSourceAndTheLogsHead() {
        let head = ChainHead(id: 4321, hash: String(repeating: "ab", count: 32))
        let html = Self.page(Self.report(perMonth: Self.busyYear, source: .veiligThuis), ReportPage.Context(today: Self.day(2023, 1, 15), head: head))
        #expect(html.contains("<dt>Periode</dt><dd>01-01-2022 tot en met 31-12-2022</dd>"))
        #expect(html.contains("<dt>Bron</dt><dd>Veilig Thuis</dd>"))
        #expect(html.contains("<code>beschermbord check --kop 4321:\(head.hash)</code>"))
        #expect(html.contains("<span class=\"caption\">Aanmeldingen Veilig Thuis</span>"))
    }

    @Test func anEmptyPeriodSaysSoAndStillDraws() throws {
        let html = Self.page(Self.report(perMonth: Array(repeating: 0, count: 12)))
        #expect(html.contains("In 2022 zijn er geen aanmeldingen vastgelegd."))
        let bars = Self.bars(in: try #require(Self.svg(id: "grafiek-maanden", in: html)))
        #expect(bars.count == 12 && bars.allSatisfy { $0.height == 0 })
        #expect(!html.contains("nan") && !html.contains("inf"))
    }

    @Test(arguments: [(0, 1), (3, 1), (4, 1), (9, 5), (22, 10), (178, 50), (1_000, 500), (12_345, 5_000)])
    func aScaleHasRoundStepsAndRoomForTheHighest(highest: Int, step: Int) {
        let scale = SVGChart.Scale(highest: highest)
        #expect(scale.step == step)
        #expect(scale.top >= highest && scale.top % scale.step == 0 && scale.top - highest < scale.step + (highest == 0 ? 1 : 0))
    }

    @Test func periodsAreNamedAsATeamLeadWould() {
        #expect(ReportPage.periodText(ReportPeriod(year: 2022)!) == "in 2022")
        #expect(ReportPage.periodText(ReportPeriod(from: Self.day(2026, 1, 1), to: Self.day(2026, 12, 4))!) == "in 2026 tot en met 04-12-2026")
        #expect(ReportPage.periodText(ReportPeriod(from: Self.day(2022, 7, 1), to: Self.day(2022, 12, 31))!) == "van 01-07-2022 tot en met 31-12-2022")
    }

    // MARK: Reading the SVG

    struct DrawnBar: Equatable {
        var value: Double
        var width: Double
        var height: Double
    }

    static func svg(id: String, in html: String) -> String? {
        guard let start = html.range(of: "<svg class=\"chart\" id=\"\(id)\""),
              let end = html.range(of: "</svg>", range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// Every `rect` with a `data-waarde`, in document order.
    static func bars(in svg: String) -> [DrawnBar] {
        svg.components(separatedBy: "<rect ").dropFirst().compactMap { tag in
            func attribute(_ name: String) -> Double? {
                guard let start = tag.range(of: " \(name)=\""), let end = tag[start.upperBound...].firstIndex(of: "\"") else { return nil }
                return Double(tag[start.upperBound..<end])
            }
            guard let value = attribute("data-waarde") else { return nil }
            return DrawnBar(value: value, width: attribute("width") ?? 0, height: attribute("height") ?? 0)
        }
    }
}
