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
        case .previewLoaded(let preview, let newNorms, let kenmerk):
            // Only a first load gets a preview: a later one would briefly lose filters and cards.
            guard !hasLoaded else { return [] }
            hasLoaded = true
            cases = preview.cards
            norms = newNorms
            suggestedKenmerk = kenmerk
            arrange()
            columnLoad = preview.openCounts
            previewCounts = preview.columnCounts
            return []
        case .loaded(let newCases, let newNorms, let kenmerk):
            previewCounts = nil
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
            // Anyone's change (a decision taken at a colleague's screen too) can change what is done.
            return refreshAgendaCards() ? [.loadMeeting] : []
        case .meetingLoaded(let record):
            receiveMeeting(record)
            return []
        case .dossierLoaded(let dossier):
            if let index = overlays.lastIndex(where: { if case .family = $0 { return true } else { return false } }),
               case .family(var screen) = overlays[index], screen.dossier.family.id == dossier.family.id {
                if screen.dossier.viewed.summary.id != dossier.viewed.summary.id { screen.scroll = 0 }
                screen.dossier = dossier
                screen.selectedNote = min(screen.selectedNote, max(0, dossier.notes.count - 1))
                overlays[index] = .family(screen)
            } else {
                overlays.append(.family(FamilyScreen(dossier: dossier)))
            }
            return []
        case .auditLoaded(let page):
            receiveAudit(page)
            return []
        case .planLoaded(let caseID, let plans):
            return receivePlans(caseID: caseID, plans: plans)
        case .familyMatches(let query, let matches):
            guard case .newReport(var form)? = overlays.last, form["gezin"].trimmingWhitespace() == query else { return [] }
            familyMatches = matches
            NewReportForm.offerFamilies(matches, in: &form)
            overlays[overlays.count - 1] = .newReport(form)
            return []
        case .reportLoaded(let report, let flow):
            return receiveReport(report, flow: flow)
        case .saved(let text, let select):
            if let top = overlays.last, top.isForm { overlays.removeLast() }
            message = StatusMessage(text: text, isError: false)
            pendingSelection = select
            var effects: [Effect] = [.reload]
            if let screen = openFamily { effects.append(.refreshFamily(screen.dossier.viewed.summary.id)) }
            if let plan = openPlan { effects.append(.refreshPlan(plan.caseID)) }
            return effects
        case .failed(let text):
            if let top = overlays.last, top.isForm {
                overlays[overlays.count - 1] = top.withFormError(text)
            } else {
                message = StatusMessage(text: text, isError: true)
            }
            return []
        case .tick(let now):
            lock.tick(now)
            return []
        case .idleLimit(let seconds):
            lock.limit = seconds
            return []
        case .dayChanged(let day):
            today = day
            arrange()
            keepSelectionVisible()
            return []
        case .key(let key):
            // While locked no key reaches the board: it only leads to unlocking.
            guard !lock.isLocked else {
                lock.handleLockedKey(key)
                return []
            }
            lock.noteKey()
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
        case .family(let screen)?:
            return handleFamily(key, screen)
        case .plan(let screen)?:
            return handlePlan(key, screen)
        case .agenda(let screen)?:
            return handleAgenda(key, screen)
        case .caseload(let screen)?:
            return handleCaseload(key, screen)
        case .filterForm(var form)?:
            let effects = handleForm(key, &form, submit: { state, form in state.submitFilters(form) })
            if case .filterForm? = overlays.last { overlays[overlays.count - 1] = .filterForm(form) }
            return effects
        case .report(let screen)?:
            return handleReport(key, screen)
        case .reportForm(let form)?:
            return handleReportForm(key, form)
        case .audit(let screen)?:
            return handleAudit(key, screen)
        case .planForm(var planForm)?:
            let (effects, isOpen) = handleDialogForm(key, &planForm, form: \.form) { $0.submitPlanForm(&$1) }
            if isOpen { overlays[overlays.count - 1] = .planForm(planForm) }
            return effects
        case .dossierForm(var dossierForm)?:
            let (effects, isOpen) = handleDialogForm(key, &dossierForm, form: \.form) { $0.submitDossierForm(&$1) }
            if isOpen { overlays[overlays.count - 1] = .dossierForm(dossierForm) }
            return effects
        case .newReport(var form)?:
            let typedName = form["gezin"]
            var effects = handleForm(key, &form, submit: { state, form in state.submitNewReport(&form) })
            if case .newReport? = overlays.last {
                NewReportForm.ensureEmptyChildRow(&form)
                if form["gezin"] != typedName {
                    familyMatches = []
                    NewReportForm.offerFamilies([], in: &form)
                    effects.append(.findFamilies(form["gezin"].trimmingWhitespace()))
                }
                overlays[overlays.count - 1] = .newReport(form)
            }
            return effects
        case .move(var dialog)?:
            let previousTarget = dialog.form["naar"]
            let (effects, isOpen) = handleDialogForm(key, &dialog, form: \.form) { $0.submitMove(&$1) }
            if isOpen {
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
            return [.openFamily(selected.id, section: FamilySection.gezin.title)]
        case .forward, .back:
            guard let selected = selectedCase else {
                message = StatusMessage(text: "Geen zaak geselecteerd: deze kolom is leeg.", isError: false)
                return []
            }
            openMoveDialog(for: selected, direction: action == .forward ? .forward : .back, cameFrom: nil)
        case .newReport:
            familyMatches = []
            overlays.append(.newReport(NewReportForm.make(kenmerk: suggestedKenmerk, today: today, medewerker: user)))
        case .filter:
            isEditingFilter = true
        case .clearFilter:
            if isFiltered {
                filter = ""
                showsOnlyOverdue = false
                showsOnlyPlans = false
                facets = BoardFacets()
                keepSelectionVisible()
                message = StatusMessage(text: "Alle filters gewist.", isError: false)
            }
        case .chooseFilters:
            overlays.append(.filterForm(FilterForm.make(cases: cases, facets: facets)))
        case .caseload:
            overlays.append(.caseload(CaseloadScreen()))
        case .agenda:
            return [.loadMeeting]
        case .toggleClosed:
            showAllClosed.toggle()
            keepSelectionVisible()
            message = StatusMessage(text: showAllClosed ? "Afgesloten zaken: alle." : "Afgesloten zaken: laatste \(norms.closedWindowDays) dagen.", isError: false)
            return [.reload]
        case .toggleOnlyPlans:
            showsOnlyPlans.toggle()
            keepSelectionVisible()
            message = StatusMessage(text: showsOnlyPlans ? "Alleen zaken met een lopend plan JB in de wijk (J toont weer alles)." : "Alle zaken.", isError: false)
        case .toggleMeeting:
            isMeeting.toggle()
            message = StatusMessage(text: isMeeting ? "Vergadermodus: namen afgeschermd (M toont ze weer)." : "Vergadermodus uit: namen zichtbaar.",
                                    isError: false)
        case .toggleOverdue:
            showsOnlyOverdue.toggle()
            keepSelectionVisible()
            message = StatusMessage(text: showsOnlyOverdue ? "Alleen zaken over de norm (o toont weer alles)." : "Alle zaken.", isError: false)
        case .reload:
            message = StatusMessage(text: "Bord opnieuw geladen.", isError: false)
            return [.reload]
        case .openReport:
            return openReport()
        case .openAuditLog:
            return [.loadAuditLog(filter: "")]
        case .help:
            overlays.append(.help(title: "Bord", bindings: KeyMap.board, scroll: 0))
        case .quit:
            wantsQuit = true
            return [.quit]
        default:
            break
        }
        return []
    }

    /// Close, help and quit: the same on every page opened from the board.
    mutating func handlePageAction(_ action: Action, helpTitle: String, bindings: [Binding]) -> [Effect] {
        switch action {
        case .close: overlays.removeLast()
        case .help: overlays.append(.help(title: helpTitle, bindings: bindings, scroll: 0))
        case .quit:
            wantsQuit = true
            return [.quit]
        default: break
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

    /// A key for a form that sits inside a dialog (move, dossier or plan form): the form handles
    /// it, `submit` turns the whole dialog into effects. `isOpen` is false when the key closed the
    /// dialog or put another screen (help) on top of it.
    private mutating func handleDialogForm<Dialog>(_ key: Key, _ dialog: inout Dialog, form path: WritableKeyPath<Dialog, Form>,
                                                   submit: (inout AppState, inout Dialog) -> [Effect]) -> (effects: [Effect], isOpen: Bool) {
        let depth = overlays.count
        var form = dialog[keyPath: path]
        let context = dialog
        let effects = handleForm(key, &form, submit: { state, form in
            var submitted = context
            submitted[keyPath: path] = form
            let result = submit(&state, &submitted)
            form = submitted[keyPath: path]
            return result
        })
        dialog[keyPath: path] = form
        return (effects, overlays.count == depth)
    }

    /// Keys common to every form: moving between fields, saving, cancelling, editing.
    mutating func handleForm(_ key: Key, _ form: inout Form, submit: (inout AppState, inout Form) -> [Effect]) -> [Effect] {
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
        case .enter where form.focusedFieldTakesEnter:
            _ = form.edit(key)
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
        switch NewReportForm.validate(form, today: today, matches: familyMatches) {
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

    private mutating func submitDossierForm(_ dossierForm: inout DossierForm) -> [Effect] {
        dossierForm.form.clearErrors()
        switch DossierForms.change(from: dossierForm, today: today, norms: norms) {
        case .success(let change):
            return [.apply(change)]
        case .failure(let problems):
            for (id, text) in problems.fields { dossierForm.form.setError(text, on: id) }
            dossierForm.form.error = "Niet opgeslagen: verbeter de gemarkeerde velden."
            dossierForm.form.focusFirstError()
            return []
        }
    }

    mutating func openMoveDialog(for summary: CaseSummary, direction: MoveDirection, cameFrom: Stage?) {
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
                selectionHints.index[stage] = index
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
        case .newReport, .move, .dossierForm, .planForm, .filterForm: return true
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
        case .dossierForm(var dossierForm):
            dossierForm.form.error = text
            return .dossierForm(dossierForm)
        case .planForm(var planForm):
            planForm.form.error = text
            return .planForm(planForm)
        case .filterForm(var form):
            form.error = text
            return .filterForm(form)
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
