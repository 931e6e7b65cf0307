import BoardCore

extension AppState {
    /// The log view, when it is open (under help on top of it).
    public var openAudit: AuditScreen? {
        for overlay in overlays.reversed() { if case .audit(let screen) = overlay { return screen } }
        return nil
    }

    /// The store's answer: refresh the open log view, keeping what is being typed, or open it.
    mutating func receiveAudit(_ page: AuditPage) {
        if let index = overlays.lastIndex(where: { if case .audit = $0 { return true } else { return false } }),
           case .audit(var screen) = overlays[index] {
            screen.page = page
            if !screen.isEditingFilter { screen.filter = page.filter }
            overlays[index] = .audit(screen)
        } else {
            overlays.append(.audit(AuditScreen(page: page)))
        }
    }

    /// Keys on the log view.
    mutating func handleAudit(_ key: Key, _ screen: AuditScreen) -> [Effect] {
        var screen = screen
        if screen.isEditingFilter { return handleAuditFilter(key, &screen) }
        guard let action = KeyMap.action(for: key, in: KeyMap.audit) else {
            message = StatusMessage(text: "Toets \(key.label) doet hier niets; ? toont de toetsen van het logboek.", isError: false)
            return []
        }
        let page = max(1, height - 8)
        var effects: [Effect] = []
        switch action {
        case .up: screen.scroll = max(0, screen.scroll - 1)
        case .down: screen.scroll += 1
        case .pageUp: screen.scroll = max(0, screen.scroll - page)
        case .pageDown: screen.scroll += page
        case .first: screen.scroll = 0
        case .last: screen.scroll = Int.max / 2
        case .filter: screen.isEditingFilter = true
        case .reload: effects = [.loadAuditLog(filter: screen.filter)]
        case .close:
            guard screen.filter.isEmpty else {
                screen.filter = ""
                screen.scroll = 0
                effects = [.loadAuditLog(filter: "")]
                break
            }
            overlays.removeLast()
            return []
        default:
            return handlePageAction(action, helpTitle: "Logboek", bindings: KeyMap.audit)
        }
        screen.scroll = min(screen.scroll, max(0, screen.shown.count - AuditView.visibleRows(screenHeight: height)))
        overlays[overlays.count - 1] = .audit(screen)
        return effects
    }

    /// Typing the filter narrows the loaded lines at once; Enter asks the store, Esc clears.
    private mutating func handleAuditFilter(_ key: Key, _ screen: inout AuditScreen) -> [Effect] {
        var effects: [Effect] = []
        switch key {
        case .enter:
            screen.isEditingFilter = false
            effects = [.loadAuditLog(filter: screen.filter.trimmingWhitespace())]
        case .escape:
            screen.isEditingFilter = false
            screen.filter = ""
            if !screen.page.filter.isEmpty { effects = [.loadAuditLog(filter: "")] }
        case .backspace:
            if !screen.filter.isEmpty { screen.filter.removeLast() }
        case .character(let c):
            screen.filter.append(c)
        default:
            break
        }
        screen.scroll = 0
        overlays[overlays.count - 1] = .audit(screen)
        return effects
    }
}
