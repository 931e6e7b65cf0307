import BoardCore

/// A save refused because a colleague changed the case since the form was opened: Ctrl-R loads
/// the case as it is now and rebuilds the form on it, keeping what the user typed. A field the
/// user left alone takes the colleague's value; a field the colleague's change did not touch
/// keeps what the user typed; where both differ, the colleague's value stands and the user's is
/// shown under it, for Ctrl-Y to put back. Nothing typed is lost, and saving again goes against
/// the version now in view.
extension AppState {
    /// The store's refusal: said in the form, which now offers Ctrl-R; without a form that can
    /// be loaded again, said on the page as any refusal is.
    mutating func refusedByAColleague(_ text: String) -> [Effect] {
        movedInto = nil
        guard var open = dialog, open.reloadEffects != nil else {
            message = StatusMessage(text: text, isError: true)
            return []
        }
        open.form.error = text + " Ctrl-R laadt de zaak zoals die nu is; wat je typte blijft bewaard."
        open.form.isRefused = false
        open.form.isChangedMeanwhile = true
        dialog = open
        return []
    }

    /// Ctrl-R: asks for the case as it is now; the form waits for it.
    mutating func reloadChangedCase(_ dialog: Dialog) -> [Effect] {
        guard let effects = dialog.reloadEffects else { return [] }
        var dialog = dialog
        dialog.form.isReloading = true
        dialog.form.error = nil
        dialog.form.notice = "De zaak wordt geladen zoals die nu is…"
        self.dialog = dialog
        return effects
    }

    /// What arrived after a Ctrl-R: the board's cases, a dossier, or a case's plans.
    enum ReloadedData { case board, dossier, plans }

    /// Rebuilds the waiting form on what arrived, when it is what the form was waiting for.
    mutating func rebuildReloadingDialog(after data: ReloadedData) {
        guard let open = dialog, open.form.isReloading else { return }
        let fresh: Dialog
        switch (open, data) {
        case (.move(let old), .board):
            guard let summary = cases.first(where: { $0.id == old.summary.id }) else {
                return stopReloading("Zaak \(old.summary.kenmerk) staat niet meer op het bord; Esc sluit dit formulier.")
            }
            let direction = (try? Transitions.rule(from: old.summary.stage, to: old.targets[0], cameFrom: old.cameFrom).get().direction) ?? .forward
            let cameFrom = summary.stage == old.summary.stage ? old.cameFrom : nil
            switch Transitions.targets(from: summary.stage, direction: direction, cameFrom: cameFrom) {
            case .success(let targets): fresh = .move(MoveForm.make(summary: summary, targets: targets, cameFrom: cameFrom, today: today))
            case .failure(let refusal): return stopReloading("De zaak staat nu in \(summary.stage.title). \(refusal.message)")
            }
        case (.dossier(let old), .dossier):
            guard let screen = openFamily, screen.dossier.viewed.summary.id == old.caseSummary.id else { return }
            // A person's form is rebuilt on the person as they read now.
            var kind = old.kind
            if let person = kind.person {
                guard let now = screen.people.first(where: { $0.isSameRecord(as: person) }) else {
                    return stopReloading("Deze persoon staat niet meer bij dit gezin: een collega heeft hem of haar intussen verwijderd. Esc sluit dit formulier.")
                }
                kind = kind.about(now)
            }
            fresh = .dossier(DossierForms.make(kind, screen: screen, today: today, staff: staff))
        case (.plan(let old), .plans):
            guard let screen = openPlan, screen.caseID == old.summary.id, let summary = planSummary(screen) else { return }
            fresh = .plan(PlanForms.make(old.kind, summary: summary, plan: old.kind == .start ? nil : screen.activePlan, user: userName, today: today))
        default:
            return
        }
        var rebuilt = fresh
        rebuilt.form = Form.reloaded(fresh.form, keeping: open.form)
        dialog = rebuilt
    }

    /// The case cannot take this form any more: the form stays as typed, with why.
    private mutating func stopReloading(_ text: String) {
        guard var open = dialog else { return }
        open.form.isReloading = false
        open.form.isChangedMeanwhile = false
        open.form.notice = nil
        open.form.error = text
        dialog = open
    }
}

extension DossierForm.Kind {
    /// The person a correction or removal is about.
    var person: FamilyPerson? {
        switch self {
        case .correctPerson(let person), .removePerson(let person): return person
        default: return nil
        }
    }

    /// The same form about `person` as they read now.
    func about(_ person: FamilyPerson) -> DossierForm.Kind {
        switch self {
        case .correctPerson: return .correctPerson(person)
        case .removePerson: return .removePerson(person)
        default: return self
        }
    }
}

extension Dialog {
    /// What to load to rebuild the form on the case as it is now; nil for a form that saves
    /// against no version of a case (a note, a report, a filter).
    var reloadEffects: [Effect]? {
        switch self {
        case .move: return [.reload]
        case .dossier(let dossierForm): return [.refreshFamily(dossierForm.caseSummary.id)]
        case .plan(let planForm): return [.refreshFamily(planForm.summary.id), .refreshPlan(planForm.summary.id)]
        case .newReport, .filters, .reportPeriod: return nil
        }
    }
}

extension Form {
    /// `fresh` (the form as the case now fills it) with what the user typed in `typed`.
    static func reloaded(_ fresh: Form, keeping typed: Form) -> Form {
        var form = fresh
        let before = typed.base ?? typed.values
        for index in form.fields.indices {
            let field = form.fields[index]
            guard let mine = typed.fields.first(where: { $0.id == field.id })?.value, mine != field.value,
                  mine != before[field.id] ?? "" else { continue }
            if case .choice(let options) = field.kind, !options.contains(mine) { continue }
            if field.value == before[field.id] ?? "" {
                form[field.id] = mine
            } else {
                form.fields[index].typed = mine
            }
        }
        form.base = fresh.values
        form.isDirty = typed.isDirty
        let focusID = typed.fields.indices.contains(typed.focus) ? typed.fields[typed.focus].id : nil
        form.focus = form.fields.firstIndex(where: { $0.id == focusID }) ?? form.focus
        form.notice = form.fields.contains(where: { $0.typed != nil })
            ? "Geladen zoals de zaak nu is. Waar een collega iets anders vastlegde dan jij typte, staat jouw invoer onder het veld: Ctrl-Y zet die terug."
            : "Geladen zoals de zaak nu is; wat je typte staat er nog. Ctrl-S slaat op."
        return form
    }

    /// Ctrl-Y: what the user had typed in the focused field, back in it.
    mutating func restoreTyped() {
        guard fields.indices.contains(focus), let typed = fields[focus].typed else { return }
        self[fields[focus].id] = typed
        fields[focus].typed = nil
        fields[focus].error = nil
    }
}
