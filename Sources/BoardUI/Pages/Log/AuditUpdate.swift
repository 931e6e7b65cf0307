import BoardCore

extension AuditScreen: PageScreen {
    var asPage: Page { .log(self) }
    var helpTitle: String { "Logboek" }
    var keysName: String { " van het logboek" }

    /// The log's keys; while a filter or a search is typed, its line's; while a search stands,
    /// its `n`, `N` and `/` first.
    func bindings(in state: AppState) -> [Binding<LogAction>] {
        if isEditingFilter { return FilterLineAction.bindings.map { $0.map(LogAction.filterLine) } }
        if let find, find.isTyping { return find.bindings(LogAction.find) }
        let page = Scroll.bindings(LogAction.scroll, up: "omhoog", down: "omlaag", first: "nieuwste regel", last: "oudste geladen regel") + [
            Binding([.character("f")], .filter, "filteren op kenmerk of gebruiker; Enter zoekt ook oudere regels", bar: "filter"),
            Binding([.character("r")], .reload, "opnieuw laden"),
        ]
        guard let find else { return [PageFind.startBinding(LogAction.find)] + page }
        return find.bindings(LogAction.find) + PageFind.withoutShadowed(page)
    }

    /// While a filter or a search is typed, `?` and `q` are part of it.
    func closing(in state: AppState) -> Closing? {
        if isEditingFilter || find?.isTyping == true { return nil }
        if find != nil { return Closing(description: "zoeken stoppen (de treffer blijft in beeld)", bar: "stop") }
        return Closing(description: "filter wissen, of terug naar het bord", bar: "bord")
    }

    /// Esc ends a search first (the match in front stays in view), then clears a filter (and
    /// shows every line again), then goes back to the board.
    mutating func close(in state: inout AppState) -> [Effect] {
        if find != nil {
            let shown = state.isMeeting ? NameMask.state(state).openAudit ?? self : self
            if let match = shown.searchMatches.current {
                scroll = PageFrame.firstLine(scroll: scroll, selectedLine: match, count: shown.shown.count,
                                             height: AuditView.visibleRows(pageHeight: state.pageHeight))
            }
            find = nil
            return []
        }
        guard filter.isEmpty else {
            filter = ""
            scroll = 0
            return [.loadAuditLog(filter: "")]
        }
        state.pages.removeLast()
        return []
    }

    func input(_ key: Key) -> LogAction? {
        if isEditingFilter { return FilterLineAction.input(key).map(LogAction.filterLine) }
        return find?.isTyping == true ? FilterLineAction.input(key).map { .find(.line($0)) } : nil
    }

    mutating func perform(_ action: LogAction, key: Key, in state: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        switch action {
        case .scroll(let move):
            let lastScroll = max(0, shown.count - AuditView.visibleRows(pageHeight: state.pageHeight))
            scroll = move.position(from: scroll, count: lastScroll + 1, page: max(1, state.height - 8))
        case .filter:
            isEditingFilter = true
            find = nil
        case .find(let findAction):
            PageFind.perform(findAction, on: &find)
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
