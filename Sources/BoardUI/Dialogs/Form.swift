import BoardCore

/// One field of a keyboard-driven form.
public struct FormField: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case text
        /// A date typed as dd-mm-jjjj (or jjjj-mm-dd).
        case date
        /// One of a fixed list; ←/→ or Space change it.
        case choice([String])
        /// Longer text over several lines; Enter starts a new line.
        case multiline
    }

    public var id: String
    public var label: String
    public var kind: Kind
    public var value: String
    /// Cursor position in characters (text and date fields).
    public var cursor: Int
    public var error: String?
    /// What the shared input rules (InputText) take a text field's value to be; nil for a date or a choice.
    public var textKind: InputText.Kind?
    /// The values Tab completes a text field to (a medewerker from the staff list); empty for free text.
    public var completions: [String] = []
    /// What the user had typed here, when loading the case as it is now put a colleague's other
    /// value in its place (ConflictReload.swift); Ctrl-Y puts it back.
    public var typed: String?

    /// The completions that start with what is typed, ignoring case and accents.
    public var matchingCompletions: [String] {
        let typed = BoardColumns.searchForm(value.trimmingWhitespace())
        return completions.filter { BoardColumns.searchForm($0).hasPrefix(typed) }
    }

    /// `text` names what a text field holds (a kenmerk, a name); by default a text field is one
    /// line of free text and a multi-line field free text.
    public init(id: String, label: String, kind: Kind = .text, value: String = "", text: InputText.Kind? = nil) {
        self.id = id
        self.label = label
        self.kind = kind
        self.value = value
        self.cursor = value.count
        self.error = nil
        switch kind {
        case .text: textKind = text ?? .line
        case .multiline: textKind = text ?? .multiline
        case .date, .choice: textKind = nil
        }
    }
}

/// A form: fields, the focused one, and what went wrong on the last save.
public struct Form: Equatable, Sendable {
    public var title: String
    public var fields: [FormField]
    public var focus: Int = 0
    /// A message for the whole form (a refused save, a store error).
    public var error: String?
    /// `error` is the form's own refusal of a save: every change checks the fields again, and the
    /// refusal goes once they are right (a store's message stays until the next save).
    public var isRefused = false
    /// Set once the user typed something; Esc then asks before throwing it away.
    public var isDirty = false
    public var isConfirmingDiscard = false
    /// `Q` was pressed (from help over the form) while it holds typed text: stop anyway?
    public var isConfirmingQuit = false
    /// Saving would close the case: the question asked first (nil while none is asked).
    public var closingQuestion: String?
    /// The values as they were when the user began to type: what a colleague's change is
    /// compared with when the form is loaded again (ConflictReload.swift).
    public var base: [String: String]?
    /// The last save was refused because someone changed the case meanwhile: Ctrl-R loads it as it is now.
    public var isChangedMeanwhile = false
    /// Ctrl-R was pressed: the form is rebuilt when the case arrives.
    public var isReloading = false
    /// A line for the whole form that is no error (the form was loaded again).
    public var notice: String?

    /// A question stands below the fields, and the next key answers it.
    public var isAsking: Bool { isConfirmingDiscard || isConfirmingQuit || closingQuestion != nil }

    public init(title: String, fields: [FormField]) {
        self.title = title
        self.fields = fields
    }

    public subscript(id: String) -> String {
        get { fields.first(where: { $0.id == id })?.value ?? "" }
        set { if let index = fields.firstIndex(where: { $0.id == id }) { fields[index].value = newValue; fields[index].cursor = newValue.count } }
    }

    public func index(of id: String) -> Int? { fields.firstIndex(where: { $0.id == id }) }

    /// Every field's value by id.
    public var values: [String: String] { Dictionary(fields.map { ($0.id, $0.value) }, uniquingKeysWith: { first, _ in first }) }

    /// Before the first change by the user: keeps what the form held, for a later reload.
    private mutating func noteFirstChange() {
        if !isDirty { base = values }
        isDirty = true
    }

    /// Every text field against the shared input rules (InputText): a problem per field, for a
    /// form's validation to start from, so every form refuses the same characters and lengths.
    public func inputProblems() -> [(String, String)] {
        fields.compactMap { field in
            guard let kind = field.textKind, let problem = InputText.problem(in: field.value.trimmingWhitespace(), kind: kind) else { return nil }
            return (field.id, problem.sentence)
        }
    }

    public mutating func setError(_ message: String?, on id: String) {
        if let index = index(of: id) { fields[index].error = message }
    }

    public mutating func clearErrors() {
        error = nil
        isRefused = false
        for index in fields.indices { fields[index].error = nil }
    }

    /// Moves the focus to the first field with an error, so the user lands where to fix it.
    public mutating func focusFirstError() {
        if let index = fields.firstIndex(where: { $0.error != nil }) { focus = index }
    }

    public var isOnLastField: Bool { focus == fields.count - 1 }

    /// Tab in a completing field: the one name that starts with what is typed, or as much as the
    /// names that do have in common. Returns false when there is nothing to add (Tab then moves on).
    public mutating func complete() -> Bool {
        guard fields.indices.contains(focus), !fields[focus].completions.isEmpty else { return false }
        let field = fields[focus]
        let matches = field.matchingCompletions
        guard let first = matches.first, !matches.contains(field.value) else { return false }
        var completed = first
        for other in matches.dropFirst() {
            completed = String(zip(completed, other).prefix { BoardColumns.searchForm(String($0)) == BoardColumns.searchForm(String($1)) }.map(\.0))
        }
        // Longer than what is typed, or the same letters as the names write them (`f` → `F`).
        guard completed != field.value.trimmingWhitespace() else { return false }
        noteFirstChange()
        self[field.id] = completed
        fields[focus].error = nil
        return true
    }

    /// In a multi-line field Enter is a line break, not "next field".
    public var focusedFieldTakesEnter: Bool { fields.indices.contains(focus) && fields[focus].kind == .multiline }

    public mutating func focusNext() { if !fields.isEmpty { focus = (focus + 1) % fields.count } }
    public mutating func focusPrevious() { if !fields.isEmpty { focus = (focus - 1 + fields.count) % fields.count } }

    /// Applies an editing key to the focused field. Returns false when the key is not an edit.
    public mutating func edit(_ key: Key) -> Bool {
        guard fields.indices.contains(focus) else { return false }
        var field = fields[focus]
        if case .choice(let options) = field.kind {
            guard !options.isEmpty else { return false }
            let current = options.firstIndex(of: field.value) ?? -1
            switch key {
            case .right, .character(" "): field.value = options[(current + 1) % options.count]
            case .left: field.value = options[(current - 1 + options.count) % options.count]
            case .character(let c):
                // Typing a letter picks the next option starting with it.
                let lower = Character(c.lowercased())
                let order = (1...options.count).map { (current + $0) % options.count }
                guard let match = order.first(where: { options[$0].lowercased().first == lower }) else { return false }
                field.value = options[match]
            default: return false
            }
        } else {
            var characters = Array(field.value)
            field.cursor = min(max(0, field.cursor), characters.count)
            switch key {
            case .character(let c):
                characters.insert(c, at: field.cursor)
                field.cursor += 1
            case .enter where field.kind == .multiline:
                characters.insert("\n", at: field.cursor)
                field.cursor += 1
            case .backspace:
                guard field.cursor > 0 else { return true }
                characters.remove(at: field.cursor - 1)
                field.cursor -= 1
            case .delete:
                guard field.cursor < characters.count else { return true }
                characters.remove(at: field.cursor)
            case .left: field.cursor = max(0, field.cursor - 1)
            case .right: field.cursor = min(characters.count, field.cursor + 1)
            case .home, .control("a"): field.cursor = 0
            case .end, .control("e"): field.cursor = characters.count
            case .control("u"):
                characters.removeAll()
                field.cursor = 0
            default: return false
            }
            field.value = String(characters)
        }
        if field.value != fields[focus].value {
            noteFirstChange()
            field.error = nil
        }
        fields[focus] = field
        return true
    }
}
