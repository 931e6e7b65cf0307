import BoardCore

/// A page above the board: its state, its keys (`bindings`), and what they do (`perform`). Each
/// page lives in a folder of its own with its view; this file holds the only switches over pages.
protocol PageScreen: Equatable, Sendable {
    associatedtype Action: KeyAction
    /// The page's own keys as they stand now: descriptions and disabled reasons come from the state.
    func bindings(in state: AppState) -> [Binding<Action>]
    /// The key that closes the page; with it come `q`, `?`, `M` and `Q`. Nil while the page takes
    /// every key as text (a filter being typed).
    func closing(in state: AppState) -> Closing?
    /// What closing does: back to the page below, unless the page has more to undo first.
    mutating func close(in state: inout AppState) -> [Effect]
    /// The title of the page's help.
    var helpTitle: String { get }
    /// How an unknown key's message names the page's keys: " van de agenda".
    var keysName: String { get }
    /// A key that no binding holds, when the page takes it as input (typing a filter).
    func input(_ key: Key) -> Action?
    /// Does what the key bound to `action` asks. The page is a copy: it is put back into the stack
    /// afterwards unless the action closed it.
    mutating func perform(_ action: Action, key: Key, in state: inout AppState) -> [Effect]
    /// The page as it stands in the stack.
    var asPage: Page { get }
}

extension PageScreen {
    func input(_ key: Key) -> Action? { nil }

    mutating func close(in state: inout AppState) -> [Effect] {
        state.pages.removeLast()
        return []
    }

    /// The page's keys with the shared ones after them: what help, the key bar and a key see.
    func keys(in state: AppState) -> [Binding<PageKey<Action>>] {
        let own = bindings(in: state).map { $0.map(PageKey.own) }
        guard let closing = closing(in: state) else { return own }
        return own + KeyMap.common(PageKey.shared, close: closing.description, closeKeys: closing.keys, closeBar: closing.bar)
    }

    /// The keys as help and the key bar show them.
    func keyHelp(in state: AppState) -> [KeyHelp] { keys(in: state).help() }
}

/// The pages, in the order they stack: the board is always under them.
public enum Page: Equatable, Sendable {
    case family(FamilyScreen)
    case plan(PlanScreen)
    case agenda(AgendaScreen)
    case caseload(CaseloadScreen)
    case report(ReportScreen)
    case log(AuditScreen)
    case norms(NormsScreen)
    case duties(DutiesScreen)
}

/// The pages that a key on the board opens (family and plan open from a case instead).
public enum BoardPage: Equatable, Sendable {
    case caseload, agenda, duties, report, log, norms

    /// The board's keys for them, in the order help lists them.
    static let openers: [Binding<BoardPage>] = [
        Binding([.character("w")], .caseload, "werkvoorraad: open zaken per medewerker"),
        Binding([.character("A")], .agenda, "agenda van het teamoverleg (./,: volgende/vorige zaak, B: besluit)"),
        Binding([.character("T")], .duties, "termijnen: wat deze week moet of te laat is, mijn zaken eerst (op de kaart: T3d, T! = te laat)"),
        Binding([.character("R")], .report, "cijfers: aanmeldingen en doorstroom van een periode"),
        Binding([.character("L")], .log, "logboek: wie opende of wijzigde wat (een teamleider ziet iedereen, anderen hun eigen regels)"),
        Binding([.character("N")], .norms, "normen en WIP-limieten van het team, en hoe het bord ervoor staat"),
    ]
}

extension BoardPage: KeyAction {}

extension AppState {
    /// Opens a page from the board: at once, or once the store has given what it shows.
    mutating func open(_ page: BoardPage) -> [Effect] {
        switch page {
        case .caseload:
            pages.append(.caseload(CaseloadScreen()))
            return []
        case .agenda: return [.loadMeeting]
        case .duties:
            pages.append(.duties(DutiesScreen(items: dutyItems)))
            return []
        case .report:
            let screen = ReportScreen.opening(today: today)
            pages.append(.report(screen))
            return [screen.load]
        case .log: return [.loadAuditLog(filter: "")]
        case .norms:
            pages.append(.norms(NormsScreen()))
            return []
        }
    }

    /// A key for the page on top.
    mutating func handleOnPage(_ key: Key) -> [Effect] {
        let screen = pages[pages.count - 1].screen
        return handle(key, on: screen, at: pages.count - 1)
    }

    /// The keys of the page on top (or the board), for help and the key bar.
    var pageKeys: [KeyHelp] { pages.last?.screen.keyHelp(in: self) ?? boardBindings.help() }

    /// Finds the key's binding on a page, says why when there is none or it is disabled, performs
    /// it, and puts the changed page back where it was (unless the action closed it).
    private mutating func handle<Screen: PageScreen>(_ key: Key, on screen: Screen, at index: Int) -> [Effect] {
        let keys = screen.keys(in: self)
        guard let action = action(for: key, in: keys, input: { screen.input($0).map(PageKey.own) }, keysName: screen.keysName) else { return [] }
        var screen = screen
        let effects: [Effect]
        switch action {
        case .own(let own): effects = screen.perform(own, key: key, in: &self)
        case .shared(.close): effects = screen.close(in: &self)
        case .shared(.help):
            help = HelpOverlay(title: screen.helpTitle, keys: keys.help())
            effects = []
        case .shared(.quit): effects = quit()
        case .shared(.toggleMeeting): effects = toggleMeeting()
        }
        if pages.indices.contains(index), pages[index].screen is Screen { pages[index] = screen.asPage }
        return effects
    }

    /// Draws the page on top (or the board) into the page area; returns the cursor.
    func drawPage(into screen: inout Screen) -> (x: Int, y: Int)? {
        let context = pageContext
        switch pages.last {
        case .family(let family)?: return FamilyView.draw(family, context: context, into: &screen)
        case .plan(let plan)?: PlanView.draw(plan, summary: planSummary(plan), context: context, into: &screen)
        case .agenda(let agenda)?: AgendaView.draw(agenda, context: context, into: &screen)
        case .caseload(let caseload)?: CaseloadView.draw(caseload, rows: caseloadRows, context: context, into: &screen)
        case .report(let report)?: ReportView.draw(report, context: context, into: &screen)
        case .log(let log)?: return AuditView.draw(log, context: context, into: &screen)
        case .duties(let duties)?: DutiesView.draw(duties, context: context, into: &screen)
        case .norms(let norms)?:
            NormsView.draw(norms, rows: NormsRow.rows(cases: cases, norms: self.norms, today: today), norms: self.norms, context: context, into: &screen)
        case nil: return BoardView.draw(self, into: &screen)
        }
        return nil
    }
}

extension AppState {
    /// The topmost page that `extract` finds, and where it stands.
    func lastPage<Screen>(_ extract: (Page) -> Screen?) -> (index: Int, screen: Screen)? {
        for index in pages.indices.reversed() { if let screen = extract(pages[index]) { return (index, screen) } }
        return nil
    }

    /// Changes the topmost page that `extract` finds; false when there is none.
    @discardableResult
    mutating func changeLastPage<Screen>(_ extract: (Page) -> Screen?, _ wrap: (Screen) -> Page, _ change: (inout Screen) -> Void) -> Bool {
        guard let (index, found) = lastPage(extract) else { return false }
        var screen = found
        change(&screen)
        pages[index] = wrap(screen)
        return true
    }
}

extension Page {
    /// The page's state, whichever page it is.
    var screen: any PageScreen {
        switch self {
        case .family(let screen): return screen
        case .plan(let screen): return screen
        case .agenda(let screen): return screen
        case .caseload(let screen): return screen
        case .report(let screen): return screen
        case .log(let screen): return screen
        case .norms(let screen): return screen
        case .duties(let screen): return screen
        }
    }

    /// The page as a room may see it in meeting mode (NameMask.swift); adds the names it knows of.
    func masked(names: inout [String]) -> Page {
        switch self {
        case .family(var screen):
            names += NameMask.names(in: screen.dossier)
            screen.dossier = NameMask.dossier(screen.dossier)
            screen.showsBSN = false
            return .family(screen)
        case .plan(var screen):
            let known = names
            screen.plans = screen.plans.map { NameMask.plan($0, names: known) }
            return .plan(screen)
        case .agenda(var screen):
            // Each line starts with the kenmerk, as a card does.
            for index in screen.items.indices { screen.items[index].summary = NameMask.card(screen.items[index].summary) }
            return .agenda(screen)
        case .log(var screen):
            screen.page.lines = screen.page.lines.map(NameMask.auditLine)
            return .log(screen)
        case .duties(var screen):
            // Each line starts with the kenmerk, as a card does.
            for index in screen.items.indices { screen.items[index].summary = NameMask.card(screen.items[index].summary) }
            return .duties(screen)
        case .caseload, .report, .norms:
            return self
        }
    }
}
