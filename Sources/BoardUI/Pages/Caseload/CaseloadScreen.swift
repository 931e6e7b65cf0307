import BoardCore

/// `w` on the board: per medewerker the open cases in each open column (Caseload.swift).
/// Enter filters the board on the chosen medewerker.
public struct CaseloadScreen: Equatable, Sendable {
    public var selected = 0

    public init() {}
}

extension KeyMap {
    public static let caseload: [Binding] = [
        Binding([.up, .character("k")], .up, "vorige medewerker"),
        Binding([.down, .character("j")], .down, "volgende medewerker"),
        Binding([.enter], .open, "bord filteren op deze medewerker", bar: "filter"),
        Binding([.escape, .character("w")], .close, "terug naar het bord", bar: "bord"),
        Binding([.character("?")], .help, "hulp", bar: "hulp"),
        Binding([.character("q")], .quit, "stoppen"),
    ]
}

extension AppState {
    /// The caseload as it stands: computed from the loaded cases, so it follows every reload.
    public var caseloadRows: [CaseloadRow] { Caseload.rows(cases, norms: norms, today: today) }

    mutating func handleCaseload(_ key: Key, _ screen: CaseloadScreen) -> [Effect] {
        guard let action = KeyMap.action(for: key, in: KeyMap.caseload) else {
            message = StatusMessage(text: "Toets \(key.label) doet hier niets; ? toont de toetsen.", isError: false)
            return []
        }
        var screen = screen
        let rows = caseloadRows
        switch action {
        case .up, .down:
            screen.selected = min(max(0, screen.selected + (action == .up ? -1 : 1)), max(0, rows.count - 1))
            overlays[overlays.count - 1] = .caseload(screen)
        case .open:
            guard rows.indices.contains(screen.selected) else { return [] }
            overlays.removeLast()
            facets.medewerker = rows[screen.selected].medewerker
            keepSelectionVisible()
            message = StatusMessage(text: "Filter: medewerker \(rows[screen.selected].medewerker) (Esc wist).", isError: false)
        default:
            return handlePageAction(action, helpTitle: "Werkvoorraad", bindings: KeyMap.caseload)
        }
        return []
    }
}
