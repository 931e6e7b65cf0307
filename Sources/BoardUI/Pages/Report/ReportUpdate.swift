import BoardCore

extension ReportScreen: PageScreen {
    var asPage: Page { .report(self) }
    var helpTitle: String { "Cijfers" }
    var keysName: String { " van de cijfers" }

    func bindings(in state: AppState) -> [Binding<ReportAction>] {
        [
            Binding([.up, .character("k")], .up, "omhoog scrollen"),
            Binding([.down, .character("j")], .down, "omlaag scrollen"),
            Binding([.pageUp], .pageUp, "bladzijde omhoog"),
            Binding([.pageDown, .character(" ")], .pageDown, "bladzijde omlaag"),
            Binding([.character("g"), .home], .first, "naar het begin"),
            Binding([.character("G"), .end], .last, "naar het eind"),
            Binding([.character("[")], .previousYear, "vorig jaar", bar: "vorig jaar"),
            Binding([.character("]")], .nextYear, "volgend jaar", bar: "volgend jaar"),
            Binding([.character("v")], .choosePeriod, "periode en bron kiezen", bar: "periode"),
            Binding([.character("r")], .reload, "cijfers opnieuw laden"),
        ]
    }

    func closing(in state: AppState) -> Closing? { Closing(description: "terug naar het bord", bar: "bord") }

    mutating func perform(_ action: ReportAction, key: Key, in state: inout AppState) -> [Effect] {
        let page = max(1, ReportView.bodyHeight(pageHeight: state.pageHeight) - 1)
        var effects: [Effect] = []
        switch action {
        case .up: scroll -= 1
        case .down: scroll += 1
        case .pageUp: scroll -= page
        case .pageDown: scroll += page
        case .first: scroll = 0
        case .last: scroll = Int.max / 2
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
        }
        let lastFirstLine = max(0, ReportView.lines(self, width: state.width, height: state.pageHeight).count
                                    - ReportView.bodyHeight(pageHeight: state.pageHeight))
        scroll = min(max(0, scroll), lastFirstLine)
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
