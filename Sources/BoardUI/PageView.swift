import BoardCore

/// A full-screen list page (agenda, caseload): a title row with the date, one box with scrolled
/// lines that keep the selected line in view, and the message row.
enum PageView {
    typealias Line = FamilyView.Line

    static func draw(title: String, boxTitle: String, lines: [Line], selectedLine: Int?, state: AppState, into target: inout Screen) {
        target.fill(Rect(x: 0, y: 0, width: target.width, height: 1), role: .statusBar)
        let date = " \(state.today.dutch) "
        target.put(" " + title, x: 0, y: 0, maxWidth: target.width - DisplayWidth.of(date) - 1, role: .statusBar)
        target.put(date, x: target.width - DisplayWidth.of(date), y: 0, role: .statusBar)
        let rect = Rect(x: 0, y: 1, width: target.width, height: target.height - 3)
        target.box(rect, role: .borderFocused, title: boxTitle, titleRole: .columnHeader)
        let inner = rect.inset(by: 1)
        let width = max(1, inner.width - 2)
        var first = 0
        if let selectedLine, selectedLine >= inner.height { first = selectedLine - inner.height + 1 }
        for (offset, line) in lines.dropFirst(first).prefix(inner.height).enumerated() {
            target.put(line.text, x: inner.x + 1, y: inner.y + offset, maxWidth: width, role: line.role)
        }
        if first > 0 { target.put("▲", x: rect.maxX - 3, y: rect.y, role: .keyHint) }
        if first + inner.height < lines.count { target.put("▼ meer", x: rect.maxX - 8, y: rect.maxY - 1, role: .keyHint) }
        if let message = state.message {
            target.put(" " + message.text, x: 0, y: target.height - 2, role: message.isError ? .error : .normal)
        }
    }
}

/// The agenda: one line per case with its reasons, a ✓ for the ones decided on today, and how
/// many are done. Readable without colour.
enum AgendaView {
    static func draw(_ screen: AgendaScreen, state: AppState, into target: inout Screen) {
        let since = screen.lastMeeting.map { "vorig overleg \($0.dutch)" } ?? "geen eerder overleg vastgelegd"
        let title = "Agenda teamoverleg · \(screen.doneCount) van \(screen.items.count) besproken · \(since)"
        var lines: [PageView.Line] = []
        var selectedLine: Int?
        var section: AgendaReason?
        if screen.items.isEmpty {
            lines = [("Geen zaken voor het overleg: niets nieuw, niets over de norm, niets binnen 7 dagen.", .normal)]
        }
        for (index, item) in screen.items.enumerated() {
            if item.reasons[0] != section {
                section = item.reasons[0]
                if !lines.isEmpty { lines.append(("", .normal)) }
                lines.append((item.reasons[0].title, .title))
            }
            let done = screen.decided.contains(item.summary.id)
            let marker = index == screen.selected ? "▶" : " "
            let summary = item.summary
            let extra = item.reasons.dropFirst().map(\.short)
            var text = "\(marker) \(done ? "✓" : "·") \(summary.kenmerk)  \(summary.familyName) · \(summary.stage.title) \(summary.daysInStage(today: state.today))d · \(summary.medewerker)"
            if !extra.isEmpty { text += " · ook: \(extra.joined(separator: ", "))" }
            if index == screen.selected { selectedLine = lines.count }
            lines.append((text, index == screen.selected ? .cardSelected : (done ? .dim : .normal)))
        }
        PageView.draw(title: title, boxTitle: "Agenda", lines: lines, selectedLine: selectedLine, state: state, into: &target)
    }
}

/// The caseload: per medewerker the open cases in Aangemeld, Onderzoek and at the Beschermtafel.
enum CaseloadView {
    static func draw(_ screen: CaseloadScreen, state: AppState, into target: inout Screen) {
        let rows = state.caseloadRows
        let nameWidth = max(12, min(28, (rows.map { DisplayWidth.of($0.medewerker) }.max() ?? 0) + 2))
        let headers = ["Aangemeld", "Onderzoek", "Tafel", "Open", "Over norm"]
        // Right-aligned numbers in columns of 11.
        let cell = { (text: String) in String(repeating: " ", count: max(1, 11 - DisplayWidth.of(text))) + text }
        var lines: [PageView.Line] = [("  " + DisplayWidth.pad("Medewerker", to: nameWidth) + headers.map(cell).joined(), .title)]
        for (index, row) in rows.enumerated() {
            let marker = index == screen.selected ? "▶ " : "  "
            let numbers = row.counts.map(String.init) + [String(row.total), row.overdue > 0 ? "!\(row.overdue)" : "0"]
            lines.append((marker + DisplayWidth.pad(row.medewerker, to: nameWidth) + numbers.map(cell).joined(),
                          index == screen.selected ? .cardSelected : .normal))
        }
        if rows.isEmpty { lines.append(("Geen open zaken.", .dim)) }
        let total = rows.map(\.total).reduce(0, +)
        PageView.draw(title: "Werkvoorraad · \(total) open zaken bij \(rows.count) medewerkers", boxTitle: "Open zaken per medewerker",
                      lines: lines, selectedLine: rows.isEmpty ? nil : screen.selected + 1, state: state, into: &target)
    }
}
