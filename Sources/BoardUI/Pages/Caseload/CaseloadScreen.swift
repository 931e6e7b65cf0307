import BoardCore

/// `w` on the board: per medewerker the open cases in each open column (Caseload.swift).
/// Enter filters the board on the chosen medewerker.
public struct CaseloadScreen: Equatable, Sendable {
    public var selected = 0

    public init() {}
}

/// What the caseload's keys do.
public enum CaseloadAction: KeyAction {
    case scroll(Scroll), filterBoard
}

extension CaseloadScreen: PageScreen {
    var asPage: Page { .caseload(self) }
    var helpTitle: String { "Werkvoorraad" }
    var keysName: String { "" }

    func bindings(in state: AppState) -> [Binding<CaseloadAction>] {
        Scroll.bindings(CaseloadAction.scroll, up: "vorige medewerker", down: "volgende medewerker", first: "eerste medewerker",
                        last: "laatste medewerker") + [
            Binding([.enter], .filterBoard, "bord filteren op deze medewerker", bar: "filter"),
        ]
    }

    func closing(in state: AppState) -> Closing? {
        Closing(description: "terug naar het bord", keys: [.escape, .character("w")], bar: "bord")
    }

    mutating func perform(_ action: CaseloadAction, key: Key, in state: inout AppState) -> [Effect] {
        let rows = state.caseloadRows
        switch action {
        case .scroll(let move):
            selected = move.position(from: selected, count: rows.count, page: PageFrame.rowsPerPage(pageHeight: state.pageHeight))
        case .filterBoard:
            guard rows.indices.contains(selected) else { return [] }
            state.pages.removeLast()
            var facets = state.facets
            facets.medewerker = rows[selected].medewerker
            state.facets = facets
            state.selectAfterFilter()
            state.message = StatusMessage(text: "Filter: medewerker \(CaseloadView.name(of: rows[selected])) (Esc wist).", isError: false)
        }
        return []
    }
}

extension AppState {
    /// The caseload as it stands: computed from the loaded cases, so it follows every reload.
    public var caseloadRows: [CaseloadRow] { Caseload.rows(cases, norms: norms, today: today) }
}
