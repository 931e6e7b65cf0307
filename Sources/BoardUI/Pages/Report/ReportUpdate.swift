import BoardCore

extension AppState {
    /// `R` on the board: the report screen for the current year so far, and the load of its figures.
    mutating func openReport() -> [Effect] {
        let screen = ReportScreen.opening(today: today)
        overlays.append(.report(screen))
        return [screen.load]
    }

    /// Figures arrived: they fill the report screen if they are the ones it still asks for.
    mutating func receiveReport(_ report: CohortReport, flow: CumulativeFlow) -> [Effect] {
        guard let index = overlays.lastIndex(where: { if case .report = $0 { return true } else { return false } }),
              case .report(var screen) = overlays[index], screen.matches(report) else { return [] }
        screen.report = report
        screen.flow = flow
        overlays[index] = .report(screen)
        return []
    }

    /// Keys on the report screen.
    mutating func handleReport(_ key: Key, _ screen: ReportScreen) -> [Effect] {
        guard let action = KeyMap.action(for: key, in: KeyMap.report) else {
            message = StatusMessage(text: "Toets \(key.label) doet hier niets; ? toont de toetsen van de cijfers.", isError: false)
            return []
        }
        var screen = screen
        let page = max(1, ReportView.bodyHeight(screenHeight: height) - 1)
        var effects: [Effect] = []
        switch action {
        case .up: screen.scroll -= 1
        case .down: screen.scroll += 1
        case .pageUp: screen.scroll -= page
        case .pageDown: screen.scroll += page
        case .first: screen.scroll = 0
        case .last: screen.scroll = Int.max / 2
        case .reportPreviousYear, .reportNextYear:
            let year = screen.period.from.year + (action == .reportPreviousYear ? -1 : 1)
            guard let period = ReportPeriod.yearToDate(year, today: today) else {
                let reason = year > today.year ? "\(year) is nog niet begonnen." : "Cijfers gaan niet verder terug dan \(Day.earliestYear)."
                message = StatusMessage(text: reason, isError: true)
                return []
            }
            screen.show(period, source: screen.source)
            effects = [screen.load]
        case .reportPeriod:
            overlays.append(.reportForm(ReportPeriodForm.make(for: screen)))
            return []
        case .reload:
            effects = [screen.load]
        default:
            return handlePageAction(action, helpTitle: "Cijfers", bindings: KeyMap.report)
        }
        let lastFirstLine = max(0, ReportView.lines(screen, width: width, height: height).count - ReportView.bodyHeight(screenHeight: height))
        screen.scroll = min(max(0, screen.scroll), lastFirstLine)
        overlays[overlays.count - 1] = .report(screen)
        return effects
    }

    /// Keys in the period form: the common form keys; saving shows the chosen period.
    mutating func handleReportForm(_ key: Key, _ form: Form) -> [Effect] {
        var form = form
        let depth = overlays.count
        let effects = handleForm(key, &form) { state, form in state.submitReportForm(&form) }
        // Still on top (not saved, cancelled or covered by help): keep what was typed.
        if overlays.count == depth { overlays[depth - 1] = .reportForm(form) }
        return effects
    }

    private mutating func submitReportForm(_ form: inout Form) -> [Effect] {
        form.clearErrors()
        switch ReportPeriodForm.choice(form, today: today) {
        case .success(let choice):
            overlays.removeLast()
            guard case .report(var screen)? = overlays.last else { return [] }
            screen.show(choice.period, source: choice.source)
            overlays[overlays.count - 1] = .report(screen)
            return [screen.load]
        case .failure(let problems):
            for (id, text) in problems.fields { form.setError(text, on: id) }
            form.error = "Periode niet gewijzigd: verbeter de gemarkeerde velden."
            form.focusFirstError()
            return []
        }
    }
}
