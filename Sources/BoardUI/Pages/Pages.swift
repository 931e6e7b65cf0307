import BoardCore

/// A page above the board: its state, its keys (`bindings`), and what they do (`perform`). Each
/// page lives in a folder of its own with its view; this file holds the only switches over pages.
protocol PageScreen: Equatable, Sendable {
    associatedtype Action: KeyAction
    /// The page's keys as they stand now: descriptions and disabled reasons come from the state.
    func bindings(in state: AppState) -> [Binding<Action>]
    /// The title of the page's help.
    var helpTitle: String { get }
    /// How an unknown key's message names the page's keys: " van de agenda".
    var keysName: String { get }
    /// A key that no binding holds, when the page takes it as input (typing a filter).
    func input(_ key: Key) -> Action?
    /// Does what the key bound to `action` asks. The page is a copy: it is put back into the stack
    /// afterwards unless the action closed it.
    mutating func perform(_ action: Action, key: Key, in state: inout AppState) -> [Effect]
}

extension PageScreen {
    func input(_ key: Key) -> Action? { nil }
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
}

/// The pages that a key on the board opens (family and plan open from a case instead).
public enum BoardPage: Equatable, Sendable {
    case caseload, agenda, report, log, norms

    /// The board's keys for them, in the order help lists them.
    static let openers: [Binding<BoardPage>] = [
        Binding([.character("w")], .caseload, "werkvoorraad: open zaken per medewerker"),
        Binding([.character("A")], .agenda, "agenda van het teamoverleg (n/p: volgende/vorige zaak, B: besluit)"),
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
        let index = pages.count - 1
        switch pages[index] {
        case .family(let screen): return handle(key, on: screen, at: index, as: Page.family)
        case .plan(let screen): return handle(key, on: screen, at: index, as: Page.plan)
        case .agenda(let screen): return handle(key, on: screen, at: index, as: Page.agenda)
        case .caseload(let screen): return handle(key, on: screen, at: index, as: Page.caseload)
        case .report(let screen): return handle(key, on: screen, at: index, as: Page.report)
        case .log(let screen): return handle(key, on: screen, at: index, as: Page.log)
        case .norms(let screen): return handle(key, on: screen, at: index, as: Page.norms)
        }
    }

    /// The keys of the page on top, for help and the key bar.
    var pageKeys: [KeyHelp] {
        switch pages.last {
        case .family(let screen)?: return screen.bindings(in: self).help()
        case .plan(let screen)?: return screen.bindings(in: self).help()
        case .agenda(let screen)?: return screen.bindings(in: self).help()
        case .caseload(let screen)?: return screen.bindings(in: self).help()
        case .report(let screen)?: return screen.bindings(in: self).help()
        case .log(let screen)?: return screen.bindings(in: self).help()
        case .norms(let screen)?: return screen.bindings(in: self).help()
        case nil: return boardBindings.help()
        }
    }

    /// Finds the key's binding on a page, says why when there is none or it is disabled, performs
    /// it, and puts the changed page back where it was (unless the action closed it).
    private mutating func handle<Screen: PageScreen>(_ key: Key, on screen: Screen, at index: Int, as wrap: (Screen) -> Page) -> [Effect] {
        guard let action = action(for: key, in: screen.bindings(in: self), input: screen.input, keysName: screen.keysName) else { return [] }
        var screen = screen
        let effects: [Effect]
        if let common = action.common {
            effects = perform(common, helpTitle: screen.helpTitle, keys: screen.bindings(in: self).help())
        } else {
            effects = screen.perform(action, key: key, in: &self)
        }
        if pages.indices.contains(index), pages[index].isSameKind(as: wrap(screen)) { pages[index] = wrap(screen) }
        return effects
    }

    /// Draws the page on top (or the board) into the page area; returns the cursor.
    func drawPage(into screen: inout Screen) -> (x: Int, y: Int)? {
        let context = pageContext
        switch pages.last {
        case .family(let family)?: FamilyView.draw(family, context: context, into: &screen)
        case .plan(let plan)?: PlanView.draw(plan, summary: planSummary(plan), context: context, into: &screen)
        case .agenda(let agenda)?: AgendaView.draw(agenda, context: context, into: &screen)
        case .caseload(let caseload)?: CaseloadView.draw(caseload, rows: caseloadRows, context: context, into: &screen)
        case .report(let report)?: ReportView.draw(report, context: context, into: &screen)
        case .log(let log)?: return AuditView.draw(log, context: context, into: &screen)
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
            for index in screen.items.indices { screen.items[index].summary = NameMask.summary(screen.items[index].summary) }
            return .agenda(screen)
        case .log(var screen):
            screen.page.lines = screen.page.lines.map(NameMask.auditLine)
            return .log(screen)
        case .caseload, .report, .norms:
            return self
        }
    }

    func isSameKind(as other: Page) -> Bool {
        switch (self, other) {
        case (.family, .family), (.plan, .plan), (.agenda, .agenda), (.caseload, .caseload), (.report, .report), (.log, .log), (.norms, .norms): return true
        default: return false
        }
    }
}
