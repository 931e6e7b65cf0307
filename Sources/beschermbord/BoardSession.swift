import BoardCore
import BoardStore
import BoardUI
import Terminal

/// The loop of a running board: input in, `AppState.update`, effects against the store, a frame out.
/// This is the only place where the pure UI meets the store and the terminal.
final class BoardSession {
    let store: CaseStore
    let terminal: CursesTerminal
    var state: AppState
    var lastChangeToken: Int64 = -1

    /// How long the loop waits for a key before it checks the store for colleagues' changes.
    static let pollMilliseconds: Int32 = 500

    init(store: CaseStore, terminal: CursesTerminal) {
        self.store = store
        self.terminal = terminal
        let size = terminal.size()
        state = AppState(today: Clock.today(), storeLocation: store.location, user: store.user,
                         isDemo: (try? store.isDemo()) ?? false, width: size.width, height: size.height)
    }

    func run() {
        perform(.reload)
        while !state.wantsQuit {
            let frame = AppView.render(state)
            terminal.draw(frame.screen, cursor: frame.cursor)
            switch terminal.read(timeoutMilliseconds: Self.pollMilliseconds) {
            case .key(let key): dispatch(.key(key))
            case .resize(let width, let height): dispatch(.resize(width: width, height: height))
            case .signal: return
            case .timeout: reloadIfChanged()
            }
        }
    }

    func dispatch(_ event: AppEvent) {
        for effect in state.update(event) { perform(effect) }
    }

    /// Reloads when anyone (this user or a colleague) wrote to the store since the last load.
    func reloadIfChanged() {
        let today = Clock.today()
        guard let token = try? store.changeToken(), token != lastChangeToken || today != state.today else { return }
        perform(.reload)
        if case .details(let screen)? = state.overlays.last { perform(.refreshDetails(screen.details.summary.id)) }
    }

    func perform(_ effect: Effect) {
        switch effect {
        case .reload:
            do {
                let token = try store.changeToken()
                let norms = try store.norms()
                let today = Clock.today()
                state.today = today
                let cases = try store.boardCases(today: today, closedWindowDays: state.showAllClosed ? nil : norms.closedWindowDays)
                let kenmerk = try store.suggestKenmerk(year: today.year)
                lastChangeToken = token
                dispatch(.loaded(cases: cases, norms: norms, suggestedKenmerk: kenmerk))
            } catch {
                dispatch(.failed("Het bord kan niet worden geladen: \(error)"))
            }
        case .addReport(let report):
            do {
                let id = try store.addReport(report)
                dispatch(.saved(message: "Aanmelding \(report.kenmerk) (\(report.familyName)) opgeslagen in Aangemeld.", select: id))
            } catch {
                dispatch(.failed("\(error)"))
            }
        case .move(let request):
            do {
                try store.move(request, today: Clock.today())
                dispatch(.saved(message: "Zaak verplaatst naar \(request.to.title).", select: request.caseID))
            } catch {
                dispatch(.failed("\(error)"))
            }
        case .openDetails(let id), .refreshDetails(let id):
            do {
                let isOpening = if case .openDetails = effect { true } else { false }
                dispatch(.detailsLoaded(try store.details(of: id, logOpening: isOpening)))
            } catch {
                dispatch(.failed("\(error)"))
            }
        case .quit:
            state.wantsQuit = true
        }
    }
}
