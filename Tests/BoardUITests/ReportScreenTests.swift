import BoardCore
import Testing
@testable import BoardUI

enum ReportFixture {
    static func d(_ year: Int, _ month: Int, _ day: Int) -> Day { Day(year: year, month: month, day: day)! }
    static func move(_ from: Stage, _ to: Stage, _ day: Day) -> StageTransition { StageTransition(from: from, to: to, day: day) }

    /// What `R` opens on at Fixture.today: 01-01-2026 up to 20-11-2026.
    static let thisYear = ReportPeriod(from: d(2026, 1, 1), to: Fixture.today)!

    static let cases: [CohortCase] = [
        CohortCase(caseID: 1, familyID: 1, source: .veiligThuis, reportedOn: d(2026, 1, 5), stage: .veiligheidGewaarborgd, childCount: 2,
                   transitions: [move(.aangemeld, .onderzoek, d(2026, 1, 10)), move(.onderzoek, .veiligheidGewaarborgd, d(2026, 2, 20))]),
        CohortCase(caseID: 2, familyID: 2, source: .jeugdteam, reportedOn: d(2026, 3, 2), stage: .beschermtafel, childCount: 1,
                   transitions: [move(.aangemeld, .onderzoek, d(2026, 3, 5)), move(.onderzoek, .beschermtafel, d(2026, 4, 15))]),
        CohortCase(caseID: 3, familyID: 3, source: .veiligThuis, reportedOn: d(2026, 6, 10), stage: .rvkOnderzoek, childCount: 3,
                   transitions: [move(.aangemeld, .onderzoek, d(2026, 6, 12)), move(.onderzoek, .beschermtafel, d(2026, 7, 1)),
                                 move(.beschermtafel, .rvkOnderzoek, d(2026, 8, 1))], rvkOutcome: .ots),
        CohortCase(caseID: 4, familyID: 4, source: .overig, reportedOn: d(2026, 11, 2), stage: .aangemeld, childCount: 1, transitions: []),
        // On the board in 2026, reported in 2025: in the flow, not in the cohort.
        CohortCase(caseID: 5, familyID: 5, source: .veiligThuis, reportedOn: d(2025, 12, 1), stage: .onderzoek, childCount: 1,
                   transitions: [move(.aangemeld, .onderzoek, d(2026, 1, 2))]),
    ]

    static func loaded(_ period: ReportPeriod, source: Source? = nil, cases: [CohortCase] = cases) -> AppEvent {
        .reportLoaded(CohortReport(cases: cases, period: period, source: source),
                      CumulativeFlow(cases: cases.filter { source == nil || $0.source == source }, period: period, today: Fixture.today))
    }

    /// The board with the report screen open and its figures loaded.
    static func state(width: Int = 80, height: Int = 24, cases: [CohortCase] = cases) -> AppState {
        var state = Fixture.state(width: width, height: height)
        Fixture.press([.character("R")], on: &state)
        _ = state.update(loaded(thisYear, cases: cases))
        return state
    }

    static func screen(_ state: AppState) -> ReportScreen? {
        if case .report(let screen)? = state.pages.last { return screen }
        return nil
    }

    static func form(_ state: AppState) -> Form? {
        if case .reportPeriod(let form)? = state.dialog { return form }
        return nil
    }

    /// Everything the page shows, paging down to its end.
    static func wholePage(_ state: AppState) -> String {
        var state = state
        var seen = AppView.render(state).screen.text
        for _ in 0..<12 {
            Fixture.press([.pageDown], on: &state)
            seen += "\n" + AppView.render(state).screen.text
        }
        return seen
    }
}

@Suite struct ReportScreenTests {
    @Test func rOpensTheYearSoFarAndAsksForItsFigures() {
        var state = Fixture.state()
        let effects = Fixture.press([.character("R")], on: &state)
        #expect(effects == [.loadReport(ReportFixture.thisYear, source: nil)])
        #expect(ReportFixture.screen(state)?.period == ReportFixture.thisYear)
        let text = AppView.render(state).screen.text
        #expect(text.contains("Cijfers · 01-01-2026 t/m 20-11-2026 · alle bronnen"))
        #expect(text.contains("Cijfers worden geladen…"))
        _ = state.update(ReportFixture.loaded(ReportFixture.thisYear))
        #expect(ReportFixture.screen(state)?.report?.total == 4)
        Fixture.press([.escape], on: &state)
        #expect(state.isOnBoard, "Esc goes back to the board")
    }

    @Test func bracketsChangeTheYear() {
        var state = ReportFixture.state()
        #expect(Fixture.press([.character("[")], on: &state) == [.loadReport(ReportPeriod(year: 2025)!, source: nil)])
        #expect(ReportFixture.screen(state)?.report == nil, "the 2026 figures are gone")
        #expect(AppView.render(state).screen.text.contains("Cijfers · 01-01-2025 t/m 31-12-2025"))
        #expect(Fixture.press([.character("]")], on: &state) == [.loadReport(ReportFixture.thisYear, source: nil)])
        #expect(Fixture.press([.character("]")], on: &state).isEmpty, "2027 has not begun")
        #expect(state.message?.text == "2027 is nog niet begonnen.")
        #expect(AppView.render(state).screen.text.contains("2027 is nog niet begonnen."))
        #expect(ReportFixture.screen(state)?.period == ReportFixture.thisYear)
    }

    @Test func figuresOfAnEarlierChoiceAreIgnored() {
        var state = ReportFixture.state()
        Fixture.press([.character("[")], on: &state)
        _ = state.update(ReportFixture.loaded(ReportFixture.thisYear))
        #expect(ReportFixture.screen(state)?.report == nil, "2026's figures arrived after the switch to 2025")
        _ = state.update(ReportFixture.loaded(ReportPeriod(year: 2025)!))
        #expect(ReportFixture.screen(state)?.report?.period == ReportPeriod(year: 2025))
    }

    @Test func theFormRefusesAPeriodThatEndsBeforeItBegins() {
        var state = ReportFixture.state()
        Fixture.press([.character("v")], on: &state)
        let form = ReportFixture.form(state)
        #expect(form?["van"] == "01-01-2026" && form?["tot"] == "20-11-2026" && form?["bron"] == "alle bronnen")
        Fixture.press([.control("u")] + Fixture.type("01-06-2026") + [.tab, .control("u")] + Fixture.type("01-01-2026"), on: &state)
        #expect(Fixture.press([.control("s")], on: &state).isEmpty)
        let refused = ReportFixture.form(state)
        #expect(refused?.fields[refused!.index(of: "tot")!].error == "De periode klopt niet: van (01-06-2026) ligt na tot (01-01-2026)")
        let text = AppView.render(state).screen.text
        #expect(text.contains("De periode klopt niet: van (01-06-2026) ligt na tot"))
        #expect(text.contains("Periode niet gewijzigd: verbeter de gemarkeerde velden."))
        // An impossible day is named as such.
        Fixture.press([.control("u")] + Fixture.type("31-02-2026"), on: &state)
        #expect(Fixture.press([.control("s")], on: &state).isEmpty)
        #expect(ReportFixture.form(state)?.fields[1].error == "‘31-02-2026’ bestaat niet als datum")
        // A right period and one source: the form closes and the figures are asked for.
        Fixture.press([.control("u")] + Fixture.type("30-06-2026") + [.tab, .character(" ")], on: &state)
        let effects = Fixture.press([.control("s")], on: &state)
        let chosen = ReportPeriod(from: ReportFixture.d(2026, 6, 1), to: ReportFixture.d(2026, 6, 30))!
        #expect(effects == [.loadReport(chosen, source: .veiligThuis)])
        #expect(ReportFixture.form(state) == nil)
        #expect(ReportFixture.screen(state)?.period == chosen && ReportFixture.screen(state)?.source == .veiligThuis)
        #expect(AppView.render(state).screen.text.contains("Cijfers · 01-06-2026 t/m 30-06-2026 · Veilig Thuis"))
    }

    @Test func anEmptyTotRunsToTodayAndEscLeavesThePeriodAlone() {
        var state = ReportFixture.state()
        Fixture.press([.character("v"), .tab, .control("u")], on: &state)
        #expect(Fixture.press([.control("s")], on: &state) == [.loadReport(ReportFixture.thisYear, source: nil)])
        Fixture.press([.character("v"), .escape], on: &state)
        #expect(ReportFixture.screen(state)?.period == ReportFixture.thisYear)
        #expect(ReportFixture.form(state) == nil)
    }

    @Test(arguments: [(80, 24), (120, 90)])
    func thePageShowsTheFiguresTheBarChartAndTheFlow(size: (Int, Int)) throws {
        let state = ReportFixture.state(width: size.0, height: size.1)
        let report = try #require(ReportFixture.screen(state)?.report)
        let text = ReportFixture.wholePage(state)
        for line in [CohortReportText.headline(report)] + CohortReportText.figureLines(report) + CohortReportText.trendLines(report.measureTrend)
            + CohortReportText.leadTimeLines(report) {
            #expect(text.contains(line), "\(size.0)x\(size.1) mist ‘\(line)’")
        }
        let fragments = ["Aanmeldingen 01-01-2026 t/m 20-11-2026 (alle bronnen)", "Aanmeldingen per maand", "  jan 2026 │", "  nov 2026 │",
                         "Doorstroom: zaken per kolom over de periode", "Zaken per kolom op 20-11-2026:", "01-01-2026", "20-11-2026",
                         "  · Aangemeld", "  ░ Onderzoek", "  ▒ Beschermtafel", "  ▓ RvK-onderzoek", "  █ Veiligheid gewaarborgd",
                         "Gezamenlijke plannen", "Cohort: de zaken die in de periode zijn aangemeld"]
        for fragment in fragments { #expect(text.contains(fragment), "\(size.0)x\(size.1) mist ‘\(fragment)’") }
        #expect(!text.contains("Geen aanmeldingen in deze periode"))
        #expect(AppView.render(state).screen.lines.last!.contains("[ vorig jaar"), "the key bar shows the report's keys")
    }

    @Test func theBigPageFitsAtOnceAndTheChartsUseTheWidth() {
        let state = ReportFixture.state(width: 120, height: 90)
        let lines = AppView.render(state).screen.lines
        #expect(!lines.contains { $0.contains("▼ meer") })
        let january = lines.first { $0.contains("  jan 2026 │") } ?? ""
        #expect(january.filter { $0 == "█" }.count > 60, "the busiest month fills the wide page")
        let plotRow = lines.first { $0.contains("┤") }
        #expect((plotRow?.count ?? 0) > 100, "the flow is as wide as the page")
    }

    @Test func scrollingStaysWithinThePage() {
        var state = ReportFixture.state()
        Fixture.press([.up], on: &state)
        #expect(ReportFixture.screen(state)?.scroll == 0)
        Fixture.press([.down, .down], on: &state)
        #expect(ReportFixture.screen(state)?.scroll == 2)
        Fixture.press([.end], on: &state)
        let bottom = ReportFixture.screen(state)?.scroll ?? 0
        #expect(bottom > 2)
        Fixture.press([.pageDown, .down], on: &state)
        #expect(ReportFixture.screen(state)?.scroll == bottom, "no scrolling past the end")
        let text = AppView.render(state).screen.text
        #expect(text.contains("Cohort: de zaken die in de periode zijn aangemeld"))
        #expect(text.contains("▲") && !text.contains("▼ meer"))
        Fixture.press([.up], on: &state)
        #expect(ReportFixture.screen(state)?.scroll == bottom - 1, "one step up from the end is one line")
        Fixture.press([.character("g")], on: &state)
        #expect(ReportFixture.screen(state)?.scroll == 0)
    }

    @Test func aPeriodWithoutAanmeldingenSaysSo() {
        let state = ReportFixture.state(cases: [])
        let text = ReportFixture.wholePage(state)
        #expect(text.contains("Geen aanmeldingen in deze periode"))
        #expect(text.contains(CumulativeFlowChart.noCases))
        #expect(text.contains("  jan 2026 │ 0"))
    }

    @Test func helpListsTheReportKeysAndTheBoardsHelpListsR() {
        var state = Fixture.state(width: 100, height: 50)
        Fixture.press([.character("?")], on: &state)
        #expect(AppView.render(state).screen.text.contains("cijfers: aanmeldingen en doorstroom van een periode"))
        Fixture.press([.escape, .character("R"), .character("?")], on: &state)
        let text = AppView.render(state).screen.text
        #expect(text.contains("Toetsen: Cijfers"))
        for fragment in ["vorig jaar", "volgend jaar", "periode en bron kiezen", "terug naar het bord"] {
            #expect(text.contains(fragment), "help mist ‘\(fragment)’")
        }
        Fixture.press([.escape], on: &state)
        #expect(ReportFixture.screen(state) != nil)
        Fixture.press([.character("x")], on: &state)
        #expect(state.message?.text.contains("? toont de toetsen van de cijfers") == true)
    }

    @Test func meetingModeKeepsTheBadgeAndTheFigures() {
        var state = ReportFixture.state(width: 100, height: 30)
        state.isMeeting = true
        let text = AppView.render(state).screen.text
        #expect(text.contains("VERGADERMODUS"))
        #expect(text.contains("Cijfers · 01-01-2026 t/m 20-11-2026"))
        #expect(text.contains("Aanmeldingen 01-01-2026 t/m 20-11-2026 (alle bronnen)"))
        for name in ["Jansen", "Özdemir", "El Amrani", "Yılmaz"] { #expect(!text.contains(name), "\(name) op het scherm") }
    }

    @Test(arguments: [(40, 10), (60, 16), (61, 17)])
    func aSmallTerminalDoesNotBreakIt(size: (Int, Int)) {
        var state = ReportFixture.state(width: size.0, height: size.1)
        Fixture.press([.pageDown, .end, .down, .character("v")], on: &state)
        _ = AppView.render(state)
        Fixture.press([.escape, .character("?")], on: &state)
        let frame = AppView.render(state)
        #expect(frame.screen.width == size.0 && frame.screen.height == size.1)
        _ = state.update(.resize(width: 20, height: 5))
        #expect(AppView.render(state).screen.text.contains("te klein"))
        let loaded = ReportFixture.screen(ReportFixture.state())!
        #expect(ReportView.lines(loaded, width: 1, height: 1).count > 10, "the lines are made for any size")
    }
}
