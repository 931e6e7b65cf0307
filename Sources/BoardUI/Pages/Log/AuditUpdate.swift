import BoardCore

extension AuditScreen: PageScreen {
    var asPage: Page { .log(self) }
    var helpTitle: String { "Logboek" }
    var keysName: String { " van het logboek" }

    /// The log's keys; while a filter is typed, the filter line's.
    func bindings(in state: AppState) -> [Binding<LogAction>] {
        if isEditingFilter { return FilterLineAction.bindings.map { $0.map(LogAction.filterLine) } }
        return Scroll.bindings(LogAction.scroll, up: "omhoog", down: "omlaag", first: "nieuwste regel", last: "oudste geladen regel") + [
            Binding([.character("/")], .filter, "filteren op kenmerk of gebruiker; Enter zoekt ook oudere regels", bar: "filter"),
            Binding([.character("r")], .reload, "opnieuw laden"),
        ]
    }

    /// While a filter is typed, `?` and `q` are part of it.
    func closing(in state: AppState) -> Closing? {
        isEditingFilter ? nil : Closing(description: "filter wissen, of terug naar het bord", bar: "bord")
    }

    /// Esc clears a filter first (and shows every line again), then goes back to the board.
    mutating func close(in state: inout AppState) -> [Effect] {
        guard filter.isEmpty else {
            filter = ""
            scroll = 0
            return [.loadAuditLog(filter: "")]
        }
        state.pages.removeLast()
        return []
    }

    func input(_ key: Key) -> LogAction? {
        isEditingFilter ? FilterLineAction.input(key).map(LogAction.filterLine) : nil
    }

    mutating func perform(_ action: LogAction, key: Key, in state: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        switch action {
        case .scroll(let move):
            let lastScroll = max(0, shown.count - AuditView.visibleRows(pageHeight: state.pageHeight))
            scroll = move.position(from: scroll, count: lastScroll + 1, page: max(1, state.height - 8))
        case .filter: isEditingFilter = true
        case .reload: effects = [.loadAuditLog(filter: filter)]
        case .filterLine(let edit):
            edit.edit(&filter)
            scroll = 0
            if edit == .keep || edit == .clear { isEditingFilter = false }
            if edit == .keep { return [.loadAuditLog(filter: filter.trimmingWhitespace())] }
            if edit == .clear, !page.filter.isEmpty { return [.loadAuditLog(filter: "")] }
            return []
        }
        scroll = min(scroll, max(0, shown.count - AuditView.visibleRows(pageHeight: state.pageHeight)))
        return effects
    }
}

extension Page {
    var logScreen: AuditScreen? { if case .log(let screen) = self { screen } else { nil } }
}

extension AppState {
    /// The log view, when it is open.
    public var openAudit: AuditScreen? { lastPage(\.logScreen)?.screen }

    mutating func receiveAudit(_ page: AuditPage) {
        let refreshed = changeLastPage(\.logScreen, Page.log) { screen in
            screen.page = page
            if !screen.isEditingFilter { screen.filter = page.filter }
        }
        if !refreshed { pages.append(.log(AuditScreen(page: page))) }
    }
}
