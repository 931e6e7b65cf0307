import BoardCore

/// `T` on the board: every duty (termijn, Duty.swift) due within the look-ahead or late, the
/// user's own cases first. Enter records what was done; an evaluation or an agreement is done on
/// the plan, which Enter opens. The list follows every reload.
public struct DutiesScreen: Equatable, Sendable {
    public var items: [DutyItem]
    public var selected = 0

    public init(items: [DutyItem]) {
        self.items = items
    }

    public var selectedItem: DutyItem? { items.indices.contains(selected) ? items[selected] : nil }
}

/// What the Termijnen page's keys do.
public enum DutiesAction: KeyAction {
    case scroll(Scroll), record, openFamily
}

extension DutiesScreen: PageScreen {
    var asPage: Page { .duties(self) }
    var helpTitle: String { "Termijnen" }
    var keysName: String { " van Termijnen" }

    func bindings(in state: AppState) -> [Binding<DutiesAction>] {
        let none = items.isEmpty ? "Geen termijnen: niets te laat en niets binnen \(state.norms.dagenVooruit) dagen." : nil
        return Scroll.bindings(DutiesAction.scroll, up: "vorige termijn", down: "volgende termijn", first: "eerste termijn",
                               last: "laatste termijn") + [
            Binding([.enter], .record, "afhandelen: vastleggen wat er gedaan is (een evaluatie of afspraak: in het plan)",
                    bar: "afhandelen", disabledBecause: none),
            Binding([.character("o")], .openFamily, "gezin van de gekozen zaak openen", bar: "gezin", disabledBecause: none),
        ]
    }

    func closing(in state: AppState) -> Closing? {
        Closing(description: "terug naar het bord", keys: [.escape, .character("T")], bar: "bord")
    }

    mutating func perform(_ action: DutiesAction, key: Key, in state: inout AppState) -> [Effect] {
        switch action {
        case .scroll(let move):
            selected = move.position(from: selected, count: items.count, page: PageFrame.rowsPerPage(pageHeight: state.pageHeight))
            return []
        case .record:
            guard let item = selectedItem else { return [] }
            guard item.duty.kind.isRecordedAsDone else {
                state.message = StatusMessage(text: "\(item.duty.kind.title): vastleggen in het plan van zaak \(item.summary.kenmerk).", isError: false)
                return [.openPlan(item.summary.id)]
            }
            state.dialog = .dossier(DossierForms.dutyDone(item.duty, for: item.summary, today: state.today))
            return []
        case .openFamily:
            guard let item = selectedItem else { return [] }
            return [.openFamily(item.summary.id, section: "Termijnen")]
        }
    }
}

extension Page {
    var dutiesScreen: DutiesScreen? { if case .duties(let screen) = self { screen } else { nil } }
}

extension AppState {
    /// The duties the Termijnen page lists, from the loaded cards; the user's own cases are those
    /// whose medewerker is the user's login or display name (as `m` on the board finds them).
    var dutyItems: [DutyItem] {
        let mine: Set<String> = [user, userName]
        return Duties.items(cases: cases, norms: norms, today: today, isMine: { mine.contains($0.medewerker) })
    }

    /// After a load, the open Termijnen page lists the duties as they are now (one just recorded
    /// is gone); the selection stays on the same line where it can.
    mutating func refreshDuties() {
        guard lastPage(\.dutiesScreen) != nil else { return }
        let items = dutyItems
        changeLastPage(\.dutiesScreen, Page.duties) { screen in
            screen.items = items
            screen.selected = max(0, min(screen.selected, items.count - 1))
        }
    }
}
