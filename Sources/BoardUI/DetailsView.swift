import BoardCore

/// The opened case: its facts, its children and the timeline of every event.
enum DetailsView {
    static func lines(_ details: CaseDetails, state: AppState) -> [(String, Role)] {
        let summary = details.summary
        let days = summary.daysInStage(today: state.today)
        var stageLine = "\(summary.stage.title), sinds \(summary.stageSince.dutch) (\(days) dagen)"
        if state.norms.isOverdue(stage: summary.stage, since: summary.stageSince, today: state.today) {
            stageLine += "  ! over de norm"
        }
        var lines: [(String, Role)] = [
            (field("Kenmerk", summary.kenmerk), .normal),
            (field("Gezin", summary.familyName + (summary.wijk.isEmpty ? "" : "  (wijk \(summary.wijk))")), .normal),
            (field("Melding", "\(summary.source.rawValue), \(summary.reportedOn.dutch)"), .normal),
            (field("Kolom", stageLine), state.isOverdue(summary) ? .overdue : .normal),
            (field("Medewerker", summary.medewerker.isEmpty ? "—" : summary.medewerker), .normal),
        ]
        if details.children.isEmpty { lines.append((field("Kinderen", "geen vastgelegd"), .dim)) }
        for (index, child) in details.children.enumerated() {
            let text = "\(child.firstName), geboren \(child.birthDate.dutch) (\(child.birthDate.age(on: state.today)) jr)"
            lines.append((field(index == 0 ? "Kinderen" : "", text), .normal))
        }
        lines.append(("", .normal))
        lines.append(("Tijdlijn", .title))
        for event in details.events.reversed() {
            var what = event.kind.title
            if let to = event.toStage, event.kind != .aangemeld { what += " → \(to.title)" }
            let when = String(event.recordedAt.prefix(16).map { $0 == "T" ? " " : $0 })
            var line = "  \(event.day.dutch)  \(what)  · \(event.user), vastgelegd \(when) UTC"
            if !event.detail.isEmpty { line += "\n      \(event.detail)" }
            for (n, part) in line.split(separator: "\n").enumerated() {
                lines.append((String(part), event.kind == .geopend ? .dim : (n == 0 ? .normal : .dim)))
            }
        }
        return lines
    }

    /// The furthest the details can scroll: the last line at the bottom of the frame.
    static func maxScroll(lineCount: Int, screenHeight: Int) -> Int {
        max(0, lineCount - max(0, screenHeight - 5))
    }

    static func field(_ label: String, _ value: String) -> String {
        DisplayWidth.pad(label, to: 12) + value
    }

    static func draw(_ screen: DetailsScreen, state: AppState, into target: inout Screen) {
        let summary = screen.details.summary
        target.fill(Rect(x: 0, y: 0, width: target.width, height: 1), role: .statusBar)
        target.put(" Zaak \(summary.kenmerk) · \(summary.familyName)", x: 0, y: 0, maxWidth: target.width - 12, role: .statusBar)
        let date = " \(state.today.dutch) "
        target.put(date, x: target.width - DisplayWidth.of(date), y: 0, role: .statusBar)
        let body = lines(screen.details, state: state)
        let rect = Rect(x: 0, y: 1, width: target.width, height: target.height - 3)
        target.box(rect, role: .borderFocused, title: "Zaakoverzicht", titleRole: .columnHeader)
        let inner = rect.inset(by: 1)
        let first = min(screen.scroll, maxScroll(lineCount: body.count, screenHeight: target.height))
        for (offset, line) in body.dropFirst(first).prefix(inner.height).enumerated() {
            target.put(line.0, x: inner.x + 1, y: inner.y + offset, maxWidth: inner.width - 2, role: line.1)
        }
        if first > 0 { target.put("▲", x: rect.maxX - 3, y: rect.y, role: .keyHint) }
        if first + inner.height < body.count { target.put("▼ meer", x: rect.maxX - 8, y: rect.maxY - 1, role: .keyHint) }
        let y = target.height - 2
        if let message = state.message {
            target.put(" " + message.text, x: 0, y: y, role: message.isError ? .error : .normal)
        }
    }
}
