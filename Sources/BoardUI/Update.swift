import BoardCore

extension AppState {
    /// The one place state changes: an event in, effects out.
    public mutating func update(_ event: AppEvent) -> [Effect] {
        switch event {
        case .resize(let newWidth, let newHeight):
            width = newWidth
            height = newHeight
            keepSelectionVisible()
            return []
        case .loaded(let newCases, let newNorms, let kenmerk):
            cases = newCases
            norms = newNorms
            suggestedKenmerk = kenmerk
            hasLoaded = true
            arrange()
            if let pending = pendingSelection, let found = newCases.first(where: { $0.id == pending }),
               columns[found.stage].contains(where: { $0.id == pending }) {
                focusedStage = found.stage
                selection[found.stage] = pending
                pendingSelection = nil
            }
            keepSelectionVisible()
            return []
        case .detailsLoaded(let details):
            if case .details(var screen)? = overlays.last, screen.details.summary.id == details.summary.id {
                screen.details = details
                overlays[overlays.count - 1] = .details(screen)
            } else {
                overlays.append(.details(DetailsScreen(details: details)))
            }
            return []
        case .saved(let text, let select):
            if let top = overlays.last, top.isForm { overlays.removeLast() }
            message = StatusMessage(text: text, isError: false)
            pendingSelection = select
            var effects: [Effect] = [.reload]
            if case .details(let screen)? = overlays.last { effects.append(.refreshDetails(screen.details.summary.id)) }
            return effects
        case .failed(let text):
            if let top = overlays.last, top.isForm {
                overlays[overlays.count - 1] = top.withFormError(text)
            } else {
                message = StatusMessage(text: text, isError: true)
            }
            return []
        case .key(let key):
            return handle(key)
        }
    }

    private mutating func handle(_ key: Key) -> [Effect] {
        if !overlays.isEmpty { message = nil }
        switch overlays.last {
        case .help(let title, let bindings, let scroll)?:
            switch KeyMap.action(for: key, in: KeyMap.help) {
            case .up?: overlays[overlays.count - 1] = .help(title: title, bindings: bindings, scroll: max(0, scroll - 1))
            case .down?: overlays[overlays.count - 1] = .help(title: title, bindings: bindings, scroll: scroll + 1)
            case .close?: overlays.removeLast()
            default: break
            }
            return []
        case .details(let screen)?:
            return handleDetails(key, screen)
        case .newReport(var form)?:
            let effects = handleForm(key, &form, submit: { state, form in state.submitNewReport(&form) })
            if case .newReport? = overlays.last {
                NewReportForm.ensureEmptyChildRow(&form)
                overlays[overlays.count - 1] = .newReport(form)
            }
            return effects
        case .move(var dialog)?:
            let previousTarget = dialog.form["naar"]
            let context = dialog
            var form = dialog.form
            let effects = handleForm(key, &form, submit: { state, form in
                var submitted = context
                submitted.form = form
                let result = state.submitMove(&submitted)
                form = submitted.form
                return result
            })
            dialog.form = form
            if case .move? = overlays.last {
                if dialog.form["naar"] != previousTarget { MoveForm.rebuild(&dialog, today: today) }
                overlays[overlays.count - 1] = .move(dialog)
            }
            return effects
        case nil:
            return isEditingFilter ? handleFilter(key) : handleBoard(key)
        }
    }

    private mutating func handleBoard(_ key: Key) -> [Effect] {
        guard let action = KeyMap.action(for: key, in: KeyMap.board) else {
            message = StatusMessage(text: "Toets \(key.label) doet hier niets; ? toont de toetsen.", isError: false)
            return []
        }
        message = nil
        switch action {
        case .left: focusColumn(offset: -1)
        case .right: focusColumn(offset: 1)
        case .up: moveSelection(by: -1)
        case .down: moveSelection(by: 1)
        case .pageUp: moveSelection(by: -BoardMetrics.visibleCards(screenHeight: height))
        case .pageDown: moveSelection(by: BoardMetrics.visibleCards(screenHeight: height))
        case .first: moveSelection(to: 0)
        case .last: moveSelection(to: columns[focusedStage].count - 1)
        case .open:
            guard let selected = selectedCase else {
                message = StatusMessage(text: "Geen zaak geselecteerd: deze kolom is leeg.", isError: false)
                return []
            }
            return [.openDetails(selected.id)]
        case .forward, .back:
            guard let selected = selectedCase else {
                message = StatusMessage(text: "Geen zaak geselecteerd: deze kolom is leeg.", isError: false)
                return []
            }
            openMoveDialog(for: selected, direction: action == .forward ? .forward : .back, cameFrom: nil)
        case .newReport:
            overlays.append(.newReport(NewReportForm.make(kenmerk: suggestedKenmerk, today: today, medewerker: user)))
        case .filter:
            isEditingFilter = true
        case .clearFilter:
            if !filter.isEmpty {
                filter = ""
                message = StatusMessage(text: "Filter gewist.", isError: false)
            }
        case .toggleClosed:
            showAllClosed.toggle()
            keepSelectionVisible()
            message = StatusMessage(text: showAllClosed ? "Afgesloten zaken: alle." : "Afgesloten zaken: laatste \(norms.closedWindowDays) dagen.", isError: false)
            return [.reload]
        case .reload:
            message = StatusMessage(text: "Bord opnieuw geladen.", isError: false)
            return [.reload]
        case .help:
            overlays.append(.help(title: "Bord", bindings: KeyMap.board, scroll: 0))
        case .quit:
            wantsQuit = true
            return [.quit]
        case .close:
            break
        }
        return []
    }

    private mutating func handleFilter(_ key: Key) -> [Effect] {
        switch key {
        case .enter:
            isEditingFilter = false
        case .escape:
            isEditingFilter = false
            filter = ""
        case .backspace:
            if !filter.isEmpty { filter.removeLast() }
        case .character(let c):
            filter.append(c)
        default:
            break
        }
        keepSelectionVisible()
        return []
    }

    private mutating func handleDetails(_ key: Key, _ screen: DetailsScreen) -> [Effect] {
        var screen = screen
        let page = max(1, height - 6)
        switch KeyMap.action(for: key, in: KeyMap.details) {
        case .up?: screen.scroll = max(0, screen.scroll - 1)
        case .down?: screen.scroll += 1
        case .pageUp?: screen.scroll = max(0, screen.scroll - page)
        case .pageDown?: screen.scroll += page
        case .first?: screen.scroll = 0
        case .last?: screen.scroll = Int.max
        case .forward?, .back?:
            let cameFrom = screen.details.events.last(where: { $0.toStage == screen.details.summary.stage })?.fromStage
            openMoveDialog(for: screen.details.summary, direction: key == .character(">") ? .forward : .back, cameFrom: cameFrom)
            return []
        case .close?:
            overlays.removeLast()
            return []
        case .help?:
            overlays.append(.help(title: "Zaak", bindings: KeyMap.details, scroll: 0))
            return []
        case .quit?:
            wantsQuit = true
            return [.quit]
        default:
            return []
        }
        let lineCount = DetailsView.lines(screen.details, state: self).count
        screen.scroll = min(screen.scroll, DetailsView.maxScroll(lineCount: lineCount, screenHeight: height))
        overlays[overlays.count - 1] = .details(screen)
        return []
    }

    /// Keys common to every form: moving between fields, saving, cancelling, editing.
    private mutating func handleForm(_ key: Key, _ form: inout Form, submit: (inout AppState, inout Form) -> [Effect]) -> [Effect] {
        if form.isConfirmingDiscard {
            switch key {
            case .character("j"), .character("J"), .character("y"):
                overlays.removeLast()
            default:
                form.isConfirmingDiscard = false
            }
            return []
        }
        switch key {
        case .escape:
            if form.isDirty { form.isConfirmingDiscard = true } else { overlays.removeLast() }
            return []
        case .tab, .down: form.focusNext()
        case .backTab, .up: form.focusPrevious()
        case .control("s"): return submit(&self, &form)
        case .enter:
            if form.isOnLastField { return submit(&self, &form) }
            form.focusNext()
        case .function(1):
            overlays.append(.help(title: form.title, bindings: KeyMap.form, scroll: 0))
        default:
            _ = form.edit(key)
        }
        return []
    }

    private mutating func submitNewReport(_ form: inout Form) -> [Effect] {
        form.clearErrors()
        switch NewReportForm.validate(form, today: today) {
        case .success(let report):
            return [.addReport(report)]
        case .failure(let problems):
            for (id, text) in problems.fields { form.setError(text, on: id) }
            form.error = "Niet opgeslagen: verbeter de gemarkeerde velden."
            form.focusFirstError()
            return []
        }
    }

    private mutating func submitMove(_ dialog: inout MoveDialog) -> [Effect] {
        dialog.form.clearErrors()
        switch MoveForm.request(from: dialog, today: today) {
        case .success(let request):
            return [.move(request)]
        case .failure(let problems):
            for (id, text) in problems.fields { dialog.form.setError(text, on: id) }
            dialog.form.error = "Niet verplaatst: verbeter de gemarkeerde velden."
            dialog.form.focusFirstError()
            return []
        }
    }

    private mutating func openMoveDialog(for summary: CaseSummary, direction: MoveDirection, cameFrom: Stage?) {
        switch Transitions.targets(from: summary.stage, direction: direction, cameFrom: cameFrom) {
        case .failure(let refusal):
            message = StatusMessage(text: refusal.message, isError: true)
        case .success(let targets):
            overlays.append(.move(MoveForm.make(summary: summary, targets: targets, cameFrom: cameFrom, today: today)))
        }
    }

    private mutating func focusColumn(offset: Int) {
        let stages = Stage.allCases
        let index = stages.firstIndex(of: focusedStage)! + offset
        guard stages.indices.contains(index) else { return }
        focusedStage = stages[index]
        keepSelectionVisible()
    }

    private mutating func moveSelection(by delta: Int) {
        guard let index = selectedIndex(in: focusedStage) else { return }
        moveSelection(to: index + delta)
    }

    private mutating func moveSelection(to index: Int) {
        let cards = columns[focusedStage]
        guard !cards.isEmpty else { return }
        selection[focusedStage] = cards[min(max(0, index), cards.count - 1)].id
        keepSelectionVisible()
    }

    /// Scrolls each column so that its selected card is in view.
    mutating func keepSelectionVisible() {
        let visible = BoardMetrics.visibleCards(screenHeight: height)
        for stage in Stage.allCases {
            let count = columns[stage].count
            var top = scroll[stage] ?? 0
            if let index = selectedIndex(in: stage) {
                if index < top { top = index }
                if index >= top + visible { top = index - visible + 1 }
            }
            scroll[stage] = max(0, min(top, max(0, count - visible)))
        }
    }
}

extension Overlay {
    var isForm: Bool {
        switch self {
        case .newReport, .move: return true
        default: return false
        }
    }

    func withFormError(_ text: String) -> Overlay {
        switch self {
        case .newReport(var form):
            form.error = text
            return .newReport(form)
        case .move(var dialog):
            dialog.form.error = text
            return .move(dialog)
        default:
            return self
        }
    }
}

/// Field errors collected by a form's validation, keyed by field id.
public struct FormProblems: Error, Equatable, Sendable {
    public var fields: [(String, String)]

    public init(_ fields: [(String, String)]) { self.fields = fields }

    public static func == (lhs: FormProblems, rhs: FormProblems) -> Bool {
        lhs.fields.map(\.0) == rhs.fields.map(\.0) && lhs.fields.map(\.1) == rhs.fields.map(\.1)
    }
}
