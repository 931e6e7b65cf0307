import BoardCore

/// The agenda of the weekly meeting (`A` on the board): the cases that need the team, in order
/// (MeetingAgenda.swift). `n`/`p` step through them, each on its family screen; `B` records the
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

extension KeyMap {
    public static let agenda: [Binding] = [
        Binding([.up, .character("k")], .up, "vorige zaak"),
        Binding([.down, .character("j")], .down, "volgende zaak"),
        Binding([.enter], .open, "gezin van de gekozen zaak openen", bar: "open"),
        Binding([.character("n")], .nextAgendaItem, "volgende zaak op zijn gezinsscherm openen", bar: "volgende"),
        Binding([.character("p")], .previousAgendaItem, "vorige zaak op zijn gezinsscherm openen", bar: "vorige"),
        Binding([.character("B")], .recordMeetingDecision, "besluit van het overleg vastleggen (besluit, wie, uiterlijk)", bar: "besluit"),
        Binding([.escape], .close, "terug naar het bord", bar: "bord"),
        Binding([.character("?")], .help, "hulp", bar: "hulp"),
        Binding([.character("q")], .quit, "stoppen"),
    ]

    /// The agenda's own keys on a family screen opened from it.
    static let agendaOnFamily: [Binding] = [
        Binding([.character("n")], .nextAgendaItem, "agenda: volgende zaak", bar: "volgende"),
        Binding([.character("p")], .previousAgendaItem, "agenda: vorige zaak", bar: "vorige"),
        Binding([.character("B")], .recordMeetingDecision, "agenda: besluit van het overleg vastleggen", bar: "besluit"),
    ]

    /// The family screen's keys while the agenda is open under it: `n` and `p` step through the
    /// agenda, so what they do on the family screen moves to `N` and `P`.
    public static func familyInAgenda(_ section: FamilySection) -> [Binding] {
        agendaOnFamily + family(section).map { binding in
            var binding = binding
            binding.keys = binding.keys.map { key in
                if case .character(let c) = key, c == "n" || c == "p" { return .character(Character(c.uppercased())) }
                return key
            }
            return binding
        }
    }
}

extension AppState {
    /// Opens the agenda once the store said when the last meeting was, or refreshes what is done.
    mutating func receiveMeeting(_ record: MeetingRecord) {
        if let index = overlays.lastIndex(where: { if case .agenda = $0 { return true } else { return false } }),
           case .agenda(var screen) = overlays[index] {
            screen.decided = record.decidedToday
            screen.chainHead = record.chainHead
            overlays[index] = .agenda(screen)
            return
        }
        let items = MeetingAgenda.build(cases: cases, norms: norms, today: today, lastMeeting: record.lastMeeting)
        overlays.append(.agenda(AgendaScreen(items: items, lastMeeting: record.lastMeeting, decided: record.decidedToday,
                                             chainHead: record.chainHead)))
    }

    /// The cards in the open agenda follow a reload (a case moved, a name changed); false when
    /// no agenda is open.
    mutating func refreshAgendaCards() -> Bool {
        guard let index = overlays.lastIndex(where: { if case .agenda = $0 { return true } else { return false } }),
              case .agenda(var screen) = overlays[index] else { return false }
        let byID = Dictionary(cases.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for position in screen.items.indices {
            if let fresh = byID[screen.items[position].summary.id] { screen.items[position].summary = fresh }
        }
        overlays[index] = .agenda(screen)
        return true
    }

    /// Keys on the agenda list.
    mutating func handleAgenda(_ key: Key, _ screen: AgendaScreen) -> [Effect] {
        guard let action = KeyMap.action(for: key, in: KeyMap.agenda) else {
            message = StatusMessage(text: "Toets \(key.label) doet hier niets; ? toont de toetsen van de agenda.", isError: false)
            return []
        }
        var screen = screen
        switch action {
        case .up, .down:
            screen.selected = min(max(0, screen.selected + (action == .up ? -1 : 1)), max(0, screen.items.count - 1))
            overlays[overlays.count - 1] = .agenda(screen)
        case .open:
            guard let item = screen.selectedItem else { return emptyAgenda() }
            return [.openFamily(item.summary.id, section: "Agenda")]
        case .nextAgendaItem, .previousAgendaItem:
            return stepAgenda(by: action == .nextAgendaItem ? 1 : -1)
        case .recordMeetingDecision:
            return openMeetingDecision()
        default:
            return handlePageAction(action, helpTitle: "Agenda teamoverleg", bindings: KeyMap.agenda)
        }
        return []
    }

    /// `n`/`p` on the agenda or on a family screen opened from it: the next (previous) case on
    /// its family screen, which replaces the one in front. The opening is logged as always.
    mutating func stepAgenda(by delta: Int) -> [Effect] {
        guard let index = overlays.lastIndex(where: { if case .agenda = $0 { return true } else { return false } }),
              case .agenda(var screen) = overlays[index] else { return [] }
        guard !screen.items.isEmpty else { return emptyAgenda() }
        let onFamily = overlays.count > index + 1
        // From the list, `n` opens the selected case first; from a family screen it moves on.
        let target = onFamily ? screen.selected + delta : screen.selected
        guard screen.items.indices.contains(target) else {
            message = StatusMessage(text: delta > 0 ? "Einde van de agenda: \(screen.doneCount) van \(screen.items.count) besproken."
                                                    : "Dit is de eerste zaak op de agenda.", isError: false)
            return []
        }
        screen.selected = target
        overlays[index] = .agenda(screen)
        overlays.removeSubrange((index + 1)...)
        return [.openFamily(screen.items[target].summary.id, section: "Agenda")]
    }

    /// `B`: the decision form for the case in front (the family screen's, or the agenda's selected one).
    mutating func openMeetingDecision() -> [Effect] {
        let summary: CaseSummary
        if case .family(let family)? = overlays.last {
            guard !family.isReadOnly else {
                message = StatusMessage(text: "Een eerdere zaak van het gezin kan niet meer worden gewijzigd; ] gaat naar de huidige.", isError: true)
                return []
            }
            summary = family.dossier.viewed.summary
        } else if let item = openAgenda?.selectedItem {
            summary = item.summary
        } else {
            return emptyAgenda()
        }
        overlays.append(.dossierForm(DossierForms.meetingDecision(for: summary, today: today)))
        return []
    }

    private mutating func emptyAgenda() -> [Effect] {
        message = StatusMessage(text: "De agenda is leeg: geen zaak vraagt deze week om het team.", isError: false)
        return []
    }
}
