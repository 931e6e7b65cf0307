import BoardCore

extension AppState {
    /// Shown while a server store cannot be reached; a save tried meanwhile is refused in its form.
    public static let connectionLostText = "Verbinding met de server verbroken; opnieuw verbinden…"

    /// The one place state changes: an event in, effects out.
    public mutating func update(_ event: AppEvent) -> [Effect] {
        let effects = apply(event)
        // Keys clear the message line; a lost server must stay said until it is back (the undo
        // question has the line to itself while it waits for j or n).
        if serverUnreachable, message == nil, undoQuestion == nil {
            message = StatusMessage(text: Self.connectionLostText, isError: true)
        }
        return effects
    }

    private mutating func apply(_ event: AppEvent) -> [Effect] {
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
        case .staffLoaded(let members):
            staff = StaffDirectory(members)
            return []
        case .loaded(let newCases, let newNorms, let kenmerk):
            previewCounts = nil
            cases = newCases
            // A filter that stands keeps finding children and addresses by what was read before,
            // until the fresh reading (asked below) arrives.
            let filterStands = !filter.isEmpty || isEditingFilter
            if !filterStands { familySearch = nil }
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
            warnIfOverLimitAfterMove()
            rebuildReloadingDialog(after: .board)
            // Anyone's change (a decision taken at a colleague's screen too) can change what is done.
            var effects: [Effect] = refreshAgendaCards() ? [.loadMeeting] : []
            refreshDuties()
            if filterStands { effects.append(.loadFamilySearch) }
            return effects
        case .familySearchLoaded(let found):
            receiveFamilySearch(found)
            return []
        case .meetingLoaded(let record):
            receiveMeeting(record)
            return []
        case .dossierLoaded(let dossier):
            receiveDossier(dossier)
            rebuildReloadingDialog(after: .dossier)
            return []
        case .auditLoaded(let page):
            receiveAudit(page)
            return []
        case .undoProposed(let proposal):
            askUndo(proposal)
            return []
        case .planLoaded(let caseID, let plans):
            let effects = receivePlans(caseID: caseID, plans: plans)
            rebuildReloadingDialog(after: .plans)
            return effects
        case .familyMatches(let query, let matches):
            guard case .newReport(var form)? = dialog, form["gezin"].trimmingWhitespace() == query else { return [] }
            familyMatches = matches
            NewReportForm.offerFamilies(matches, in: &form)
            dialog = .newReport(form)
            return []
        case .reportLoaded(let report, let flow):
            receiveReport(report, flow: flow)
            return []
        case .written(let text):
            message = StatusMessage(text: text, isError: false)
            return []
        case .saved(let text, let select):
            if case .move(let moved)? = dialog { movedInto = MoveForm.target(of: moved) }
            dialog = nil
            message = StatusMessage(text: text, isError: false)
            pendingSelection = select
            var effects: [Effect] = [.reload]
            if let screen = openFamily { effects.append(.refreshFamily(screen.dossier.viewed.summary.id)) }
            if let plan = openPlan { effects.append(.refreshPlan(plan.caseID)) }
            return effects
        case .failed(let text):
            movedInto = nil
            if var open = dialog {
                open.form.error = text
                open.form.isRefused = false
                open.form.isReloading = false
                open.form.notice = nil
                dialog = open
            } else {
                message = StatusMessage(text: text, isError: true)
            }
            return []
        case .connectionLost(let lost):
            serverUnreachable = lost
            message = StatusMessage(text: lost ? Self.connectionLostText : "Verbinding met de server hersteld.", isError: lost)
            return []
        case .changedMeanwhile(let text):
            return refusedByAColleague(text)
        case .colleaguesChanged(let changes):
            noteColleagueChanges(changes)
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
        case .interrupt:
            return interrupt()
        case .mouse(let mouse):
            // The locked screen and the lock's question take keys only.
            guard !lock.isLocked else { return [] }
            lock.noteKey()
            return handle(mouse)
        }
    }

    /// A key for whatever is in front: help, the dialog, the page, or the board.
    mutating func handle(_ key: Key) -> [Effect] {
        if undoQuestion != nil { return answerUndo(key) }
        if help != nil || dialog != nil || !pages.isEmpty { message = nil }
        if var open = help {
            switch open.handle(key, pageWidth: width, pageHeight: pageHeight) {
            case .open: help = open
            case .closed: help = nil
            case .quit: return quit()
            }
            return []
        }
        if let open = dialog { return handleInDialog(key, open) }
        if !pages.isEmpty { return handleOnPage(key) }
        return handleOnBoard(key)
    }

    /// The action bound to `key`, or nil after saying why nothing happens: the key is not bound
    /// here, or not now. A key that is no binding's may be the page's input (typing a filter).
    mutating func action<Action>(for key: Key, in bindings: [Binding<Action>], input: (Key) -> Action?, keysName: String) -> Action? {
        guard let binding = KeyMap.binding(for: key, in: bindings) else {
            if let typed = input(key) { return typed }
            message = StatusMessage(text: "Toets \(key.label) doet hier niets; ? toont de toetsen\(keysName).", isError: false)
            return nil
        }
        if let reason = binding.disabledReason {
            message = StatusMessage(text: reason, isError: true)
            return nil
        }
        return binding.action
    }

    /// `q` on the board, `Q` anywhere: the session loop ends when it sees `wantsQuit`. A form
    /// that holds typed text (under help) asks first.
    mutating func quit() -> [Effect] {
        if var open = dialog, open.form.isDirty {
            help = nil
            open.form.isConfirmingQuit = true
            dialog = open
            return []
        }
        wantsQuit = true
        return []
    }

    /// Ctrl-C: a form that holds typed text asks what Esc asks (under the idle lock too, where
    /// the question waits for the user's return); at that question, or anywhere else, it stops
    /// the program, as Ctrl-C always did.
    mutating func interrupt() -> [Effect] {
        if var open = dialog, open.form.isDirty, !open.form.isConfirmingDiscard, !open.form.isConfirmingQuit {
            help = nil
            open.form.closingQuestion = nil
            open.form.isConfirmingDiscard = true
            dialog = open
            return []
        }
        wantsQuit = true
        return []
    }

    /// `M`: names as initials, or shown again.
    mutating func toggleMeeting() -> [Effect] {
        isMeeting.toggle()
        message = StatusMessage(text: isMeeting ? "Vergadermodus: namen afgeschermd (M toont ze weer)." : "Vergadermodus uit: namen zichtbaar.",
                                isError: false)
        return []
    }
}
