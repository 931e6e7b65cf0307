import BoardCore

/// What the board's keys do.
public enum BoardAction: KeyAction {
    case left, right, scroll(Scroll)
    case open, forward, back, undo, newReport, filter, chooseFilters, clearFilter
    case toggleClosed, toggleOverdue, toggleOnlyPlans, toggleOnlyMine, toggleMeeting, reload
    /// A page of its own (BoardPage.openers in Pages.swift).
    case openPage(BoardPage)
    case filterLine(FilterLineAction)
    case help, quit

    public var common: CommonAction? {
        switch self {
        case .help: return .help
        case .quit: return .quit
        default: return nil
        }
    }
}

extension AppState {
    /// The board's keys as they stand: while a filter is typed, the filter line's.
    public var boardBindings: [Binding<BoardAction>] {
        if isEditingFilter { return FilterLineAction.bindings.map { $0.map(BoardAction.filterLine) } }
        let noCase = selectedCase == nil ? "Geen zaak geselecteerd: deze kolom is leeg." : nil
        let bindings: [Binding<BoardAction>] = [
            Binding([.left, .character("h")], .left, "vorige kolom"),
            Binding([.right, .character("l")], .right, "volgende kolom"),
        ] + Scroll.bindings(BoardAction.scroll, up: "vorige kaart", down: "volgende kaart", first: "eerste kaart", last: "laatste kaart") + [
            Binding([.enter], .open, "zaak openen", bar: "open"),
            Binding([.character(">")], .forward, "zaak naar volgende kolom", bar: "verder"),
            Binding([.character("<")], .back, "zaak één kolom terug (correctie)", bar: "terug"),
            Binding([Self.undoKey], .undo, Self.undoDescription),
            Binding([.character("a")], .newReport, "nieuwe aanmelding", bar: "nieuw"),
            Binding([.character("/")], .filter, "filteren (gezin, kenmerk, medewerker, kind, adres, hele BSN)", bar: "filter"),
            Binding([.character("f")], .chooseFilters, "filteren op medewerker, wijk of bron"),
            Binding([.escape], .clearFilter, "alle filters wissen"),
            Binding([.character("c")], .toggleClosed, "afgesloten: laatste \(norms.closedWindowDays) dagen / alles"),
            Binding([.character("o")], .toggleOverdue, "alleen zaken over de norm / alle zaken", bar: "over norm"),
            Binding([.character("J")], .toggleOnlyPlans, "alleen zaken met een lopend plan (JB in de wijk of Veiligheidsteam) / alle zaken"),
            Binding([.character("m")], .toggleOnlyMine, "mijn zaken: alleen zaken waarvan ik de medewerker ben / alle zaken"),
        ] + BoardPage.openers.map { $0.map(BoardAction.openPage) } + [
            Binding([.character("r")], .reload, "opnieuw laden"),
            Binding([.character("M")], .toggleMeeting, "vergadermodus: initialen in plaats van namen / namen tonen"),
            Binding([.character("?")], .help, "hulp", bar: "hulp"),
            Binding([.character("q"), .character("Q")], .quit, "stoppen", bar: "stop"),
        ]
        // The keys that act on the selected case wait for one.
        return bindings.map { [.open, .forward, .back, .undo].contains($0.action) ? $0.disabled(noCase) : $0 }
    }

    mutating func handleOnBoard(_ key: Key) -> [Effect] {
        let bindings = boardBindings
        let input = isEditingFilter ? { FilterLineAction.input($0).map(BoardAction.filterLine) } : { (_: Key) in nil }
        guard let action = action(for: key, in: bindings, input: input, keysName: "") else { return [] }
        message = nil
        switch action {
        case .left: focusColumn(offset: -1)
        case .right: focusColumn(offset: 1)
        case .scroll(let move):
            guard let index = selectedIndex(in: focusedStage) else { break }
            moveSelection(to: move.position(from: index, count: columns[focusedStage].count, page: visibleCardCount))
        case .open:
            guard let selected = selectedCase else { return [] }
            return [.openFamily(selected.id, section: FamilySection.gezin.title)]
        case .forward, .back:
            guard let selected = selectedCase else { return [] }
            openMoveDialog(for: selected, direction: action == .forward ? .forward : .back, cameFrom: nil)
        case .undo:
            guard let selected = selectedCase else { return [] }
            return [.proposeUndo(selected.id)]
        case .newReport:
            familyMatches = []
            dialog = .newReport(NewReportForm.make(kenmerk: suggestedKenmerk, today: today, medewerker: userName, staff: staff))
        case .filter:
            isEditingFilter = true
            if familySearch == nil { return [.loadFamilySearch] }
        case .filterLine(let edit):
            var text = filter
            edit.edit(&text)
            filter = text
            if edit == .keep || edit == .clear { isEditingFilter = false }
            selectAfterFilter()
        case .clearFilter:
            if isFiltered {
                filter = ""
                showsOnlyOverdue = false
                showsOnlyPlans = false
                showsOnlyMine = false
                facets = BoardFacets()
                keepSelectionVisible()
                message = StatusMessage(text: "Alle filters gewist.", isError: false)
            }
        case .chooseFilters:
            dialog = .filters(FilterForm.make(cases: cases, facets: facets))
        case .openPage(let page):
            return open(page)
        case .toggleClosed:
            showAllClosed.toggle()
            keepSelectionVisible()
            message = StatusMessage(text: showAllClosed ? "Afgesloten zaken: alle." : "Afgesloten zaken: laatste \(norms.closedWindowDays) dagen.", isError: false)
            return [.reload]
        case .toggleOnlyPlans:
            showsOnlyPlans.toggle()
            selectAfterFilter()
            message = StatusMessage(text: showsOnlyPlans ? "Alleen zaken met een lopend plan JB in de wijk of Veiligheidsteam (J toont weer alles)." : "Alle zaken.", isError: false)
        case .toggleOnlyMine:
            showsOnlyMine.toggle()
            selectAfterFilter()
            message = StatusMessage(text: showsOnlyMine ? "Alleen mijn zaken (m toont weer alles)." : "Alle zaken.", isError: false)
        case .toggleMeeting:
            return toggleMeeting()
        case .toggleOverdue:
            showsOnlyOverdue.toggle()
            selectAfterFilter()
            message = StatusMessage(text: showsOnlyOverdue ? "Alleen zaken over de norm (o toont weer alles)." : "Alle zaken.", isError: false)
        case .reload:
            message = StatusMessage(text: "Bord opnieuw geladen.", isError: false)
            return [.reload]
        case .help:
            help = HelpOverlay(title: "Bord", keys: bindings.help())
        case .quit:
            return quit()
        }
        return []
    }

    /// The choice filters from `f` (or a medewerker chosen in werkvoorraad).
    mutating func choose(_ chosen: BoardFacets) -> [Effect] {
        facets = chosen
        selectAfterFilter()
        message = StatusMessage(text: facets.isEmpty ? "Geen filter op medewerker, wijk of bron." : "Filter: \(facets.descriptions.joined(separator: " · ")) (Esc wist).",
                                isError: false)
        return []
    }

    /// The move dialog for `>` or `<`, or the flow's reason why the case cannot go that way.
    mutating func openMoveDialog(for summary: CaseSummary, direction: MoveDirection, cameFrom: Stage?) {
        switch Transitions.targets(from: summary.stage, direction: direction, cameFrom: cameFrom) {
        case .failure(let refusal):
            message = StatusMessage(text: refusal.message, isError: true)
        case .success(let targets):
            dialog = .move(MoveForm.make(summary: summary, targets: targets, cameFrom: cameFrom, today: today))
        }
    }

    private mutating func focusColumn(offset: Int) {
        let stages = Stage.allCases
        let index = stages.firstIndex(of: focusedStage)! + offset
        guard stages.indices.contains(index) else { return }
        focusedStage = stages[index]
        keepSelectionVisible()
    }

    private mutating func moveSelection(to index: Int) {
        let cards = columns[focusedStage]
        guard !cards.isEmpty else { return }
        selection[focusedStage] = cards[min(max(0, index), cards.count - 1)].id
        keepSelectionVisible()
    }

    /// After a filter the selection is on a card in view: a column the filter emptied gives the
    /// focus to the first column that still has cards (Enter then opens one).
    mutating func selectAfterFilter() {
        if columns[focusedStage].isEmpty, let stage = Stage.allCases.first(where: { !columns[$0].isEmpty }) {
            focusedStage = stage
        }
        keepSelectionVisible()
    }

    /// Scrolls each column so that its selected card is in view.
    mutating func keepSelectionVisible() {
        let visible = visibleCardCount
        for stage in Stage.allCases {
            let count = columns[stage].count
            var top = scroll[stage] ?? 0
            if let index = selectedIndex(in: stage) {
                selectionHints.index[stage] = index
                if index < top { top = index }
                if index >= top + visible { top = index - visible + 1 }
            }
            scroll[stage] = max(0, min(top, max(0, count - visible)))
        }
    }
}
