import BoardCore
import Testing
@testable import BoardUI

/// A case that moved on or ended, as the family and plan screens show it.
enum CaseEndFixture {
    /// The fixture's family screen with its case (2026-0050) moved on: in `stage` since `daysAgo` days.
    static func family(stage: Stage, since daysAgo: Int, rvk: RvkRecord? = nil, section: FamilySection) -> AppState {
        var dossier = DossierFixture.dossier
        dossier.viewed.summary.stage = stage
        dossier.viewed.summary.stageSince = Fixture.today.adding(days: -daysAgo)
        dossier.rvk = rvk
        var state = Fixture.state()
        _ = state.update(.dossierLoaded(dossier))
        if case .family(var screen)? = state.pages.last {
            screen.section = section
            state.pages[state.pages.count - 1] = .family(screen)
        }
        return state
    }

    static func text(_ state: AppState) -> String { AppView.render(state).screen.text }
}
