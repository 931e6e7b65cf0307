import BoardCore

/// `N` on the board: the team's norms beside how the board stands against them, per column: the
/// time norm, the WIP limit, the open cases and how many are past their norm. Changing them is
/// the teamleider's `beschermbord instellingen`; this page only shows them.
///
/// Its lines fit in the smallest page the board draws in, so it has nothing to scroll.
public struct NormsScreen: Equatable, Sendable {
    public init() {}
}

/// The norms page has no keys of its own.
public enum NormsAction: KeyAction {}

extension NormsScreen: PageScreen {
    var asPage: Page { .norms(self) }
    var helpTitle: String { "Normen" }
    var keysName: String { " van de normen" }

    func bindings(in state: AppState) -> [Binding<NormsAction>] { [] }

    func closing(in state: AppState) -> Closing? {
        Closing(description: "terug naar het bord", keys: [.escape, .character("N")], bar: "bord")
    }

    mutating func perform(_ action: NormsAction, key: Key, in state: inout AppState) -> [Effect] {}
}

/// One open column against its norms.
struct NormsRow: Equatable {
    var stage: Stage
    var norm: String
    var limit: Int?
    var open: Int
    var overdue: Int

    /// The open columns of the cases on the board (before any filter).
    static func rows(cases: [CaseSummary], norms: Norms, today: Day) -> [NormsRow] {
        Norms.wipStages.map { stage in
            let open = cases.filter { $0.stage == stage && $0.closedDay == nil }
            return NormsRow(stage: stage, norm: norms.normText(for: stage), limit: norms.wipLimits[stage], open: open.count,
                            overdue: open.filter { norms.isOverdue($0, today: today) }.count)
        }
    }
}

extension Norms {
    /// `5 werkdagen`: the time norm of an open column as the team agreed it.
    func normText(for stage: Stage) -> String {
        switch stage {
        case .aangemeld: return "\(werkdagenInAangemeld) werkdagen"
        case .onderzoek: return "\(weeksInOnderzoek) weken"
        case .beschermtafel: return "\(monthsAtBeschermtafel) maanden of terugkoppeldatum"
        case .veiligheidGewaarborgd, .rvkOnderzoek: return "—"
        }
    }
}
