import BoardCore

/// The log view: a title that says whose entries these are, a table newest first, the filter
/// line and the key bar.
enum AuditView {
    /// Table rows that fit under the title, the box, its header, the message row and the key bar.
    static func visibleRows(pageHeight: Int) -> Int { max(1, pageHeight - 5) }

    static func title(_ screen: AuditScreen) -> String {
        screen.page.onlyOwnEntries
            ? " Logboek · alleen je eigen regels (je bent geen teamleider) · nieuwste eerst"
            : " Logboek · alle medewerkers · nieuwste eerst"
    }

    /// Draws the view; returns the cursor while the filter or a search is being typed.
    static func draw(_ screen: AuditScreen, context: PageContext, into target: inout Screen) -> (x: Int, y: Int)? {
        PageFrame.drawTitle(title(screen), context: context, into: &target)

        let shown = screen.shown
        let rect = Rect(x: 0, y: 1, width: target.width, height: target.height - 2)
        let count = screen.isCapped && screen.filter == screen.page.filter ? "de nieuwste \(shown.count) regels" : "\(shown.count) regels"
        target.box(rect, role: .borderFocused, title: count, titleRole: .columnHeader)
        let inner = rect.inset(by: 1)
        let columns = Columns(lines: shown, width: max(1, inner.width - 2))
        columns.draw(["Datum/tijd", "Gebruiker", "Soort", "Kenmerk", "Gezin", "Toelichting"], x: inner.x + 1, y: inner.y,
                     role: .columnHeader, into: &target)
        let visible = visibleRows(pageHeight: target.height)
        let (matches, match) = screen.searchMatches
        let first = PageFrame.firstLine(scroll: screen.scroll, selectedLine: match, count: shown.count, height: visible)
        if shown.isEmpty {
            let empty = screen.filter.isEmpty ? "Nog geen regels in het logboek." : "Geen regels met ‘\(screen.filter)’ in kenmerk of gebruiker."
            target.put(empty, x: inner.x + 1, y: inner.y + 1, maxWidth: columns.width, role: .dim)
        }
        for (offset, line) in shown.dropFirst(first).prefix(visible).enumerated() {
            let entry = line.entry
            let texts = [line.moment, entry.user, entry.kindTitle, entry.kenmerk ?? "", entry.familyName ?? "", entry.detail]
            let y = inner.y + 1 + offset
            columns.draw(texts, x: inner.x + 1, y: y, role: entry.kind?.isAccess == true ? .dim : .normal, into: &target)
            // A search marks what it found in each column; the line in front is selected whole.
            guard let find = screen.find else { continue }
            if first + offset == match {
                target.paint(Rect(x: inner.x + 1, y: y, width: columns.width, height: 1), role: .cardSelected)
            } else {
                for (text, span) in zip(texts, columns.spans(x: inner.x + 1)) {
                    find.mark(text, x: span.x, y: y, width: span.width, isCurrent: false, into: &target)
                }
            }
        }
        if first > 0 { target.put("▲", x: rect.maxX - 3, y: rect.y, role: .keyHint) }
        if first + visible < shown.count { target.put("▼ meer", x: rect.maxX - 8, y: rect.maxY - 1, role: .keyHint) }
        return drawMessageRow(screen, matchCount: matches.count, context: context, into: &target)
    }

    static func drawMessageRow(_ screen: AuditScreen, matchCount: Int, context: PageContext, into target: inout Screen) -> (x: Int, y: Int)? {
        let y = target.height - 1
        if screen.isEditingFilter {
            return BoardView.drawFilterPrompt(" Filter (kenmerk of gebruiker): ", screen.filter, y: y, into: &target)
        }
        if let message = context.message {
            MessageRows.draw(message, into: &target)
        } else if let find = screen.find {
            return find.drawStatus(matchCount: matchCount, isMeeting: context.isMeeting, y: y, into: &target)
        } else if !screen.filter.isEmpty {
            target.put(" filter ‘\(screen.filter)’ (Esc wist) · / zoekt in de regels", x: 0, y: y, role: .dim)
        } else {
            target.put(" / zoekt in de regels · f filtert op kenmerk of gebruiker", x: 0, y: y, role: .dim)
        }
        return nil
    }

    /// Column widths: fixed for moment and kenmerk, the others as wide as their longest text up
    /// to a maximum, narrowed on small screens so that the detail keeps some room.
    struct Columns {
        var widths: [Int]
        var width: Int

        init(lines: [AuditLine], width: Int) {
            self.width = width
            func longest(_ texts: [String], _ header: String, cap: Int) -> Int {
                min(cap, max(DisplayWidth.of(header), texts.map { DisplayWidth.of($0) }.max() ?? 0))
            }
            var user = longest(lines.map(\.entry.user), "Gebruiker", cap: 12)
            var kind = longest(lines.map(\.entry.kindTitle), "Soort", cap: 22)
            var family = longest(lines.map { $0.entry.familyName ?? "" }, "Gezin", cap: 20)
            // Moment 16, kenmerk 9, five separators; the detail wants 12. Narrow family, then
            // kind, then user, to no less than 8 columns each.
            var deficit = 16 + 9 + 5 + user + kind + family + 12 - width
            for column in [4, 2, 1] where deficit > 0 {
                func cut(_ value: inout Int) {
                    let amount = min(deficit, max(0, value - 8))
                    value -= amount
                    deficit -= amount
                }
                switch column {
                case 2: cut(&kind)
                case 4: cut(&family)
                default: cut(&user)
                }
            }
            widths = [16, user, kind, 9, family]
        }

        func draw(_ texts: [String], x: Int, y: Int, role: Role, into target: inout Screen) {
            for (text, span) in zip(texts, spans(x: x)) {
                target.put(text, x: span.x, y: y, maxWidth: span.width, role: role)
            }
        }

        /// Where each column stands from `x`, and the columns it may take; the last takes the rest.
        func spans(x: Int) -> [(x: Int, width: Int)] {
            var spans: [(x: Int, width: Int)] = []
            var column = x
            for index in 0...widths.count {
                let room = index < widths.count ? widths[index] : max(0, width - (column - x))
                guard room > 0, column - x < width else { break }
                spans.append((column, min(room, width - (column - x))))
                column += room + 1
            }
            return spans
        }
    }
}
