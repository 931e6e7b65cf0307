import BoardCore

extension ReportScreen: PageScreen {
    var asPage: Page { .report(self) }
    var helpTitle: String { "Cijfers" }
    var keysName: String { " van de cijfers" }

    func bindings(in state: AppState) -> [Binding<ReportAction>] {
        Scroll.bindings(ReportAction.scroll, up: "omhoog scrollen", down: "omlaag scrollen", first: "naar het begin", last: "naar het eind") + [
            Binding([.character("[")], .previousYear, "vorig jaar", bar: "vorig jaar"),
            Binding([.character("]")], .nextYear, "volgend jaar", bar: "volgend jaar"),
            Binding([.character("v")], .choosePeriod, "periode en bron kiezen", bar: "periode"),
            Binding([.character("r")], .reload, "cijfers opnieuw laden"),
            Binding([.character("w")], .writePage, "jaarverslagpagina (html) in je thuismap schrijven",
                    bar: "pagina", disabledBecause: report == nil ? "de cijfers zijn nog niet geladen" : nil),
        ]
    }

    func closing(in state: AppState) -> Closing? { Closing(description: "terug naar het bord", bar: "bord") }

    mutating func perform(_ action: ReportAction, key: Key, in state: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        switch action {
        case .scroll(let move):
            let lastFirstLine = max(0, ReportView.lines(self, width: state.width, height: state.pageHeight).count
                                        - ReportView.bodyHeight(pageHeight: state.pageHeight))
            scroll = move.position(from: scroll, count: lastFirstLine + 1, page: PageFrame.rowsPerPage(pageHeight: state.pageHeight))
        case .previousYear, .nextYear:
            let year = period.from.year + (action == .previousYear ? -1 : 1)
            guard let yearPeriod = ReportPeriod.yearToDate(year, today: state.today) else {
                let reason = year > state.today.year ? "\(year) is nog niet begonnen." : "Cijfers gaan niet verder terug dan \(Day.earliestYear)."
                state.message = StatusMessage(text: reason, isError: true)
                return []
            }
            show(yearPeriod, source: source)
            effects = [load]
        case .choosePeriod:
            state.dialog = .reportPeriod(ReportPeriodForm.make(for: self))
            return []
        case .reload:
            effects = [load]
        case .writePage:
            effects = [.writeReportPage(period, source: source, anonymous: state.isMeeting)]
        }
        return effects
    }
}

extension Page {
    var reportScreen: ReportScreen? { if case .report(let screen) = self { screen } else { nil } }
}

extension AppState {
    /// The figures arrived: they go to the report screen that asked for exactly them.
    mutating func receiveReport(_ report: CohortReport, flow: CumulativeFlow) {
        guard let (index, found) = lastPage(\.reportScreen), found.matches(report) else { return }
        var screen = found
        screen.report = report
        screen.flow = flow
        pages[index] = .report(screen)
    }

    /// The period form was saved: show that period on the report screen.
    mutating func showReport(_ period: ReportPeriod, source: Source?) -> [Effect] {
        var load: [Effect] = []
        changeLastPage(\.reportScreen, Page.report) { screen in
            screen.show(period, source: source)
            load = [screen.load]
        }
        return load
    }
}
