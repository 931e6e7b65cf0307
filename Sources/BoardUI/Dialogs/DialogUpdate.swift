import BoardCore

/// The keys of every form. Keys that no binding holds are typed into the focused field.
public enum FormAction: KeyAction {
    case nextField, previousField, edit, save, enter, cancel, help
    /// After a colleague's change refused the save: load the case as it is now (ConflictReload.swift).
    case reload
    /// Put back what the user typed in the focused field, after such a reload.
    case restoreTyped

    public var common: CommonAction? {
        switch self {
        case .cancel: return .close
        case .help: return .help
        case .nextField, .previousField, .edit, .save, .enter, .reload, .restoreTyped: return nil
        }
    }

    /// The keys of `form`: the two of a save a colleague's change refused (first, and in the key
    /// bar only while they matter, so that an ordinary form's bar keeps its room), then every form's.
    public static func bindings(for form: Form) -> [Binding<FormAction>] {
        let focusedTyped = form.fields.indices.contains(form.focus) ? form.fields[form.focus].typed : nil
        return [
            Binding([.control("r")], .reload, "de zaak laden zoals die nu is, na een wijziging door een collega; wat je typte blijft bewaard",
                    bar: form.isChangedMeanwhile ? "stand van nu" : nil,
                    disabledBecause: form.isChangedMeanwhile ? nil : "Alleen als opslaan werd geweigerd omdat een collega de zaak intussen wijzigde."),
            Binding([.control("y")], .restoreTyped, "in dit veld terugzetten wat je typte (na het laden van de stand van nu)",
                    bar: form.fields.contains { $0.typed != nil } ? "jouw invoer" : nil,
                    disabledBecause: focusedTyped == nil ? "In dit veld legde een collega niets anders vast dan jij typte." : nil),
        ] + bindings
    }

    static let bindings: [Binding<FormAction>] = [
        Binding([.tab, .down], .nextField, "volgend veld; in een veld met namen vult Tab eerst de naam aan", bar: "veld"),
        Binding([.backTab, .up], .previousField, "vorig veld"),
        Binding([.left, .right, .home, .end], .edit, "cursor verplaatsen; bij een keuze: andere keuze"),
        Binding([.character(" ")], .edit, "bij een keuze: volgende keuze"),
        Binding([.backspace, .delete], .edit, "teken wissen"),
        Binding([.control("u")], .edit, "veld leegmaken"),
        Binding([.control("s")], .save, "opslaan", bar: "opslaan"),
        Binding([.enter], .enter, "volgend veld; op het laatste veld: opslaan", bar: "verder"),
        Binding([.escape], .cancel, "annuleren", bar: "annuleren"),
        Binding([.function(1)], .help, "hulp", bar: "hulp"),
    ]
}

extension AppState {
    /// A key for the dialog: the form's keys, then what the dialog keeps up to date.
    mutating func handleInDialog(_ key: Key, _ dialog: Dialog) -> [Effect] {
        var dialog = dialog
        var form = dialog.form
        if form.isConfirmingQuit {
            if [.character("j"), .character("J"), .character("y")].contains(key) {
                self.dialog = nil
                return quit()
            }
            form.isConfirmingQuit = false
            dialog.form = form
            self.dialog = dialog
            return []
        }
        if form.isConfirmingDiscard {
            if [.character("j"), .character("J"), .character("y")].contains(key) {
                self.dialog = nil
            } else {
                form.isConfirmingDiscard = false
                dialog.form = form
                self.dialog = dialog
            }
            return []
        }
        if form.closingQuestion != nil {
            dialog.form.closingQuestion = nil
            if [.character("j"), .character("J"), .character("y"), .enter].contains(key) { return submit(dialog, closingConfirmed: true) }
            self.dialog = dialog
            return []
        }
        switch KeyMap.action(for: key, in: FormAction.bindings(for: form)) ?? .edit {
        case .cancel:
            if form.isDirty {
                form.isConfirmingDiscard = true
            } else {
                self.dialog = nil
                return []
            }
        case .help:
            help = HelpOverlay(title: form.title, keys: FormAction.bindings(for: form).help())
            return []
        case .reload: return reloadChangedCase(dialog)
        case .restoreTyped: form.restoreTyped()
        case .nextField where key == .tab && form.complete(): break
        case .nextField: form.focusNext()
        case .previousField: form.focusPrevious()
        case .save: return submit(dialog)
        case .enter where form.focusedFieldTakesEnter: _ = form.edit(key)
        case .enter:
            if form.isOnLastField { return submit(dialog) }
            form.focusNext()
        case .edit: _ = form.edit(key)
        }
        let old = dialog.form
        dialog.form = form
        let effects = dialog.formChanged(from: old, today: today)
        if case .newReport = dialog, form["gezin"] != old["gezin"] { familyMatches = [] }
        if dialog.form.isRefused, dialog.form.fields.map(\.value) != old.fields.map(\.value) { recheck(&dialog) }
        self.dialog = dialog
        return effects
    }

    /// After a refused save, a change marks what is still wrong, and ends the refusal once
    /// nothing is: the user sees the form come right as they fix it.
    private func recheck(_ dialog: inout Dialog) {
        for index in dialog.form.fields.indices { dialog.form.fields[index].error = nil }
        switch dialog.submit(in: self) {
        case .failure(let refusal):
            for (id, text) in refusal.problems.fields { dialog.form.setError(text, on: id) }
        case .success:
            dialog.form.clearErrors()
        }
    }

    /// Saves the dialog, or marks the fields that stop it. A save that closes the case asks first
    /// (`closingConfirmed` once the user said yes).
    private mutating func submit(_ dialog: Dialog, closingConfirmed: Bool = false) -> [Effect] {
        var dialog = dialog
        dialog.form.clearErrors()
        switch dialog.submit(in: self) {
        case .success(.store(let effects)):
            if !closingConfirmed, let question = dialog.closingQuestion(for: effects) {
                dialog.form.closingQuestion = question
                self.dialog = dialog
                return []
            }
            self.dialog = dialog
            return effects
        case .success(.apply(let apply)):
            self.dialog = nil
            return apply(&self)
        case .failure(let refusal):
            for (id, text) in refusal.problems.fields { dialog.form.setError(text, on: id) }
            dialog.form.error = refusal.heading
            dialog.form.isRefused = true
            dialog.form.focusFirstError()
            self.dialog = dialog
            return []
        }
    }
}
