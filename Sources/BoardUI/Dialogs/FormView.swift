/// A form as a dialog centred in the page area: one row per field, its error below it (wrapped,
/// never cut), the form's error last.
enum FormView {
    /// Rows of text a multi-line field takes in the dialog.
    static let multilineRows = 4

    /// Where everything of a form goes in a page area: shared by drawing and by a mouse click.
    struct Layout {
        enum Row { case text(String, Role), field(Int, line: Int) }

        var rows: [Row] = []
        var footer: [(String, Role)] = []
        var width: Int
        var labelWidth: Int
        var valueX: Int
        var valueWidth: Int
        var bodyHeight: Int
        /// The first row in view.
        var first: Int
        var rect: Rect

        init(_ form: Form, subtitle: String?, pageWidth: Int, pageHeight: Int) {
            width = min(pageWidth - 2, 76)
            // Labels take up to half the dialog: at 80 columns every label is whole.
            labelWidth = min(max(10, width / 2 - 4), max(10, (form.fields.map { DisplayWidth.of($0.label) }.max() ?? 10) + 1))
            valueX = 2 + labelWidth + 2
            valueWidth = max(4, width - valueX - 2)

            // Lay out all rows first, then show a window of them around the focused field.
            if let subtitle { rows.append(.text(subtitle, .dim)) }
            var focusRow = 0
            for (index, field) in form.fields.enumerated() {
                if index == form.focus { focusRow = rows.count }
                let count = field.kind == .multiline ? multilineRows : 1
                for line in 0..<count { rows.append(.field(index, line: line)) }
                if index == form.focus, field.kind == .multiline { focusRow = rows.count - 1 }
                if let error = field.error {
                    for (line, text) in TextLayout.wrapped(error, width: max(1, width - 9)).enumerated() {
                        rows.append(.text((line == 0 ? "   ↳ " : "     ") + text, .error))
                    }
                } else if let typed = field.typed {
                    let hint = "jij typte: ‘\(typed)’" + (index == form.focus ? " · Ctrl-Y zet het terug" : "")
                    for (line, text) in TextLayout.wrapped(hint, width: max(1, width - 9)).enumerated() {
                        rows.append(.text((line == 0 ? "   ↳ " : "     ") + text, .warning))
                    }
                } else if index == form.focus, let hint = completionHint(field) {
                    rows.append(.text("   ↳ " + hint, .dim))
                }
            }
            if let error = form.error {
                for line in TextLayout.wrapped(error, width: width - 4) { footer.append((line, .error)) }
            }
            if let notice = form.notice {
                for line in TextLayout.wrapped(notice, width: width - 4) { footer.append((line, .warning)) }
            }
            if form.isConfirmingQuit {
                footer.append(("Wat je typte weggooien en stoppen? j = ja, andere toets = nee", .warning))
            } else if form.isConfirmingDiscard {
                footer.append(("Wat je typte weggooien? j = ja, andere toets = nee", .warning))
            } else if let question = form.closingQuestion {
                footer.append((question, .warning))
                footer.append(("j of Enter = ja, andere toets (n, Esc) = nee", .warning))
            }
            let maxBody = max(1, pageHeight - 3 - footer.count - 2)
            bodyHeight = min(rows.count, maxBody)
            first = min(max(0, focusRow - bodyHeight + 2), max(0, rows.count - bodyHeight))
            let height = bodyHeight + footer.count + 2
            rect = Rect(x: (pageWidth - width) / 2, y: max(1, (pageHeight - height) / 2), width: width, height: height)
        }

        /// The field drawn at (x, y) of the page area, if any.
        func field(atX x: Int, y: Int) -> Int? {
            guard x >= rect.x, x < rect.maxX else { return nil }
            let row = first + (y - rect.y - 1)
            guard y > rect.y, y - rect.y - 1 < bodyHeight, rows.indices.contains(row), case .field(let index, _) = rows[row] else { return nil }
            return index
        }
    }

    /// Under a focused completing field: the names that fit what is typed, until one is chosen.
    static func completionHint(_ field: FormField) -> String? {
        let matches = field.matchingCompletions
        guard !field.completions.isEmpty, !field.completions.contains(field.value) else { return nil }
        if matches.isEmpty { return "geen medewerker begint zo; Ctrl-U wist, typ opnieuw" }
        let shown = matches.prefix(4).joined(separator: " · ") + (matches.count > 4 ? " · …" : "")
        return shown + " (Tab vult aan)"
    }

    /// Draws the form; returns where the text cursor goes (the focused text field).
    static func draw(_ form: Form, subtitle: String? = nil, into screen: inout Screen) -> (x: Int, y: Int)? {
        let layout = Layout(form, subtitle: subtitle, pageWidth: screen.width, pageHeight: screen.height)
        let (rows, footer, rect, first, bodyHeight) = (layout.rows, layout.footer, layout.rect, layout.first, layout.bodyHeight)
        let (width, labelWidth, valueX, valueWidth) = (layout.width, layout.labelWidth, layout.valueX, layout.valueWidth)
        screen.clearRows(of: rect)
        screen.fill(rect, role: .dialog)
        screen.box(rect, role: .borderFocused, title: form.title, titleRole: .title)
        if first > 0 { screen.put("▲", x: rect.maxX - 3, y: rect.y, role: .keyHint) }
        if first + bodyHeight < rows.count { screen.put("▼", x: rect.maxX - 3, y: rect.maxY - 1, role: .keyHint) }

        var cursor: (x: Int, y: Int)?
        for (offset, row) in rows[first..<(first + bodyHeight)].enumerated() {
            let y = rect.y + 1 + offset
            guard case .field(let index, let line) = row else {
                if case .text(let text, let role) = row { screen.put(text, x: rect.x + 2, y: y, maxWidth: width - 4, role: role) }
                continue
            }
            let field = form.fields[index]
            let focused = index == form.focus
            if line == 0 {
                screen.put(DisplayWidth.pad(field.label, to: labelWidth) + ":", x: rect.x + 2, y: y, role: focused ? .title : .dialog)
            }
            let x = rect.x + valueX
            let role: Role = focused ? .inputFocused : .input
            screen.fill(Rect(x: x, y: y, width: valueWidth, height: 1), role: role)
            switch field.kind {
            case .choice:
                screen.put("◀ \(field.value) ▶", x: x, y: y, maxWidth: valueWidth, role: role)
            case .text, .date:
                let (shown, cursorColumn) = visibleWindow(field.value, cursor: field.cursor, width: valueWidth)
                screen.put(shown, x: x, y: y, maxWidth: valueWidth, role: role)
                if focused { cursor = (x: x + cursorColumn, y: y) }
                if field.value.isEmpty, field.kind == .date, !focused {
                    screen.put("dd-mm-jjjj", x: x, y: y, maxWidth: valueWidth, role: .dim)
                }
            case .multiline:
                let lines = TextLayout.wrap(field.value, width: valueWidth - 1)
                let position = TextLayout.position(of: field.cursor, in: lines, text: field.value)
                let top = max(0, position.line - (multilineRows - 1))
                if top + line < lines.count {
                    screen.put(lines[top + line].text, x: x, y: y, maxWidth: valueWidth, role: role)
                }
                if focused, position.line - top == line { cursor = (x: x + position.column, y: y) }
            }
        }
        for (offset, line) in footer.enumerated() {
            screen.put(line.0, x: rect.x + 2, y: rect.y + 1 + bodyHeight + offset, maxWidth: width - 4, role: line.1)
        }
        return form.isAsking ? nil : cursor
    }

    /// The part of a long value that keeps the cursor in view, and the cursor's column in it.
    static func visibleWindow(_ value: String, cursor: Int, width: Int) -> (String, Int) {
        let characters = Array(TextSanitizer.singleLine(value))
        let cursor = min(max(0, cursor), characters.count)
        var start = 0
        while DisplayWidth.of(String(characters[start..<cursor])) > width - 1 { start += 1 }
        let shown = String(characters[start...])
        return (shown, DisplayWidth.of(String(characters[start..<cursor])))
    }
}
