import BoardCore

/// `w` on the board: per medewerker the open cases in each open column (Caseload.swift).
/// Enter filters the board on the chosen medewerker.
public struct CaseloadScreen: Equatable, Sendable {
    public var selected = 0

    public init() {}
}

/// What the caseload's keys do.
public enum CaseloadAction: KeyAction {
    case up, down, pageUp, pageDown, first, last, filterBoard
}

extension CaseloadScreen: PageScreen {
    var asPage: Page { .caseload(self) }
    var helpTitle: String { "Werkvoorraad" }
    var keysName: String { "" }

    func bindings(in state: AppState) -> [Binding<CaseloadAction>] {
        [
            Binding([.up, .character("k")], .up, "vorige medewerker"),
            Binding([.down, .character("j")], .down, "volgende medewerker"),
            Binding([.pageUp], .pageUp, "bladzijde omhoog"),
            Binding([.pageDown, .character(" ")], .pageDown, "bladzijde omlaag"),
            Binding([.character("g"), .home], .first, "eerste medewerker"),
            Binding([.character("G"), .end], .last, "laatste medewerker"),
            Binding([.enter], .filterBoard, "bord filteren op deze medewerker", bar: "filter"),
        ]
    }

    func closing(in state: AppState) -> Closing? {
        Closing(description: "terug naar het bord", keys: [.escape, .character("w")], bar: "bord")
    }

    mutating func perform(_ action: CaseloadAction, key: Key, in state: inout AppState) -> [Effect] {
        let rows = state.caseloadRows
        switch action {
        case .up, .down, .pageUp, .pageDown, .first, .last:
            let page = max(1, PageFrame.bodyHeight(pageHeight: state.pageHeight) - 1)
            let target: Int
            switch action {
            case .up: target = selected - 1
            case .down: target = selected + 1
            case .pageUp: target = selected - page
            case .pageDown: target = selected + page
            case .first: target = 0
            default: target = rows.count - 1
            }
            selected = min(max(0, target), max(0, rows.count - 1))
        case .filterBoard:
            guard rows.indices.contains(selected) else { return [] }
            state.pages.removeLast()
            var facets = state.facets
            facets.medewerker = rows[selected].medewerker
            state.facets = facets
            state.keepSelectionVisible()
            state.message = StatusMessage(text: "Filter: medewerker \(CaseloadView.name(of: rows[selected])) (Esc wist).", isError: false)
        }
        return []
    }
}

extension AppState {
    /// The caseload as it stands: computed from the loaded cases, so it follows every reload.
    public var caseloadRows: [CaseloadRow] { Caseload.rows(cases, norms: norms, today: today) }
}
