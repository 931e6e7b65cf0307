import BoardCore

/// The agenda of the weekly meeting (`A` on the board): the cases that need the team, in order
/// (MeetingAgenda.swift). `.`/`,` step through them, each on its family screen; `B` records the
/// meeting's decision. The list is fixed when the agenda opens, so it does not reshuffle while
/// the team works through it; the cards in it follow every reload.
public struct AgendaScreen: Equatable, Sendable {
    public var items: [AgendaItem]
    public var selected = 0
    public var scroll = 0
    /// The day of the previous meeting; nil when none is on record.
    public var lastMeeting: Day?
    /// Cases decided on today (by anyone): they count as done.
    public var decided: Set<CaseID> = []
    /// The head of the log as of the last refresh, shown for the minutes.
    public var chainHead: ChainHead?

    public init(items: [AgendaItem], lastMeeting: Day?, decided: Set<CaseID>, chainHead: ChainHead? = nil) {
        self.items = items
        self.lastMeeting = lastMeeting
        self.decided = decided
        self.chainHead = chainHead
    }

    public var doneCount: Int { items.filter { decided.contains($0.summary.id) }.count }

    public var selectedItem: AgendaItem? { items.indices.contains(selected) ? items[selected] : nil }
}

/// What the agenda's keys do; `n`, `p` and `B` also on a family screen opened from it.
public enum AgendaAction: KeyAction {
    case scroll(Scroll), open, next, previous, recordDecision

    /// The agenda's own keys on a family screen opened from it: keys the family screen does not
    /// use, so that every key means one thing there.
    static let onFamily: [Binding<AgendaAction>] = [
        Binding([.character(".")], .next, "agenda: volgende zaak", bar: "volgende"),
        Binding([.character(",")], .previous, "agenda: vorige zaak", bar: "vorige"),
        Binding([.character("B")], .recordDecision, "agenda: besluit van het overleg vastleggen", bar: "besluit"),
    ]
}

extension AgendaScreen: PageScreen {
    var asPage: Page { .agenda(self) }
    var helpTitle: String { "Agenda teamoverleg" }
    var keysName: String { " van de agenda" }

    func bindings(in state: AppState) -> [Binding<AgendaAction>] {
        Scroll.bindings(AgendaAction.scroll, up: "vorige zaak", down: "volgende zaak", first: "eerste zaak", last: "laatste zaak") + [
            Binding([.enter], .open, "gezin van de gekozen zaak openen", bar: "open"),
            Binding([.character(".")], .next, "volgende zaak op zijn gezinsscherm openen", bar: "volgende"),
            Binding([.character(",")], .previous, "vorige zaak op zijn gezinsscherm openen", bar: "vorige"),
            Binding([.character("B")], .recordDecision, "besluit van het overleg vastleggen (besluit, wie, uiterlijk)", bar: "besluit"),
        ]
    }

    func closing(in state: AppState) -> Closing? { Closing(description: "terug naar het bord", bar: "bord") }

    mutating func perform(_ action: AgendaAction, key: Key, in state: inout AppState) -> [Effect] {
        switch action {
        case .scroll(let move):
            selected = move.position(from: selected, count: items.count, page: PageFrame.rowsPerPage(pageHeight: state.pageHeight))
            return []
        case .open:
            guard let item = selectedItem else { return state.emptyAgenda() }
            return [.openFamily(item.summary.id, section: "Agenda")]
        case .next, .previous, .recordDecision:
            // The agenda in the stack is this one: act on it there (and on what the key changes).
            let effects = state.performOnAgenda(action, from: nil)
            if let current = state.openAgenda { self = current }
            return effects
        }
    }
}

extension Page {
    var agendaScreen: AgendaScreen? { if case .agenda(let screen) = self { screen } else { nil } }
}

extension AppState {
    /// The agenda, when it is open (under a family screen or dialog on top of it).
    public var openAgenda: AgendaScreen? { lastPage(\.agendaScreen)?.screen }

    /// Opens the agenda once the store said when the last meeting was, or refreshes what is done.
    mutating func receiveMeeting(_ record: MeetingRecord) {
        let refreshed = changeLastPage(\.agendaScreen, Page.agenda) { screen in
            screen.decided = record.decidedToday
            screen.chainHead = record.chainHead
        }
        guard !refreshed else { return }
        let items = MeetingAgenda.build(cases: cases, norms: norms, today: today, lastMeeting: record.lastMeeting)
        pages.append(.agenda(AgendaScreen(items: items, lastMeeting: record.lastMeeting, decided: record.decidedToday,
                                          chainHead: record.chainHead)))
    }

    /// The cards in the open agenda follow a reload (a case moved, a name changed); false when
    /// no agenda is open.
    mutating func refreshAgendaCards() -> Bool {
        let byID = Dictionary(cases.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return changeLastPage(\.agendaScreen, Page.agenda) { screen in
            for position in screen.items.indices {
                if let fresh = byID[screen.items[position].summary.id] { screen.items[position].summary = fresh }
            }
        }
    }

    /// `.`, `,` and `B` on the agenda, or on the family screen `family` opened from it.
    mutating func performOnAgenda(_ action: AgendaAction, from family: FamilyScreen?) -> [Effect] {
        switch action {
        case .next: return stepAgenda(by: 1)
        case .previous: return stepAgenda(by: -1)
        case .recordDecision: return openMeetingDecision(on: family)
        case .scroll, .open: return []
        }
    }

    /// `.`/`,` on the agenda or on a family screen opened from it: the next (previous) case on
    /// its family screen, which replaces the one in front. The opening is logged as always.
    private mutating func stepAgenda(by delta: Int) -> [Effect] {
        guard let (index, found) = lastPage(\.agendaScreen) else { return [] }
        var screen = found
        guard !screen.items.isEmpty else { return emptyAgenda() }
        let onFamily = pages.count > index + 1
        // From the list, `.` opens the selected case first; from a family screen it moves on.
        let target = onFamily ? screen.selected + delta : screen.selected
        guard screen.items.indices.contains(target) else {
            message = StatusMessage(text: delta > 0 ? "Einde van de agenda: \(screen.doneCount) van \(screen.items.count) besproken."
                                                    : "Dit is de eerste zaak op de agenda.", isError: false)
            return []
        }
        screen.selected = target
        pages[index] = .agenda(screen)
        pages.removeSubrange((index + 1)...)
        return [.openFamily(screen.items[target].summary.id, section: "Agenda")]
    }

    /// `B`: the decision form for the case in front (the family screen's, or the agenda's selected one).
    private mutating func openMeetingDecision(on family: FamilyScreen?) -> [Effect] {
        guard let summary = family?.dossier.viewed.summary ?? openAgenda?.selectedItem?.summary else { return emptyAgenda() }
        dialog = .dossier(DossierForms.meetingDecision(for: summary, today: today))
        return []
    }

    mutating func emptyAgenda() -> [Effect] {
        message = StatusMessage(text: "De agenda is leeg: geen zaak vraagt deze week om het team.", isError: false)
        return []
    }
}
