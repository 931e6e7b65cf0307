import BoardCore

/// The agenda: one line per case with its reasons, a ✓ for the ones decided on today, and how
/// many are done; on the box's lower border the log's head, to copy into the minutes. Readable
/// without colour.
enum AgendaView {
    static func draw(_ screen: AgendaScreen, context: PageContext, into target: inout Screen) {
        let since = screen.lastMeeting.map { "vorig overleg \($0.dutch)" } ?? "geen eerder overleg vastgelegd"
        // How far the meeting is stays whole, also beside meeting mode's badge at 80 columns.
        let progress = "\(screen.doneCount) van \(screen.items.count) besproken"
        let titles = [" Agenda teamoverleg · \(progress)", " Agenda · \(progress)", " \(progress)"]
        let room = PageFrame.titleWidth(screenWidth: target.width, context: context)
        let title = titles.first { DisplayWidth.of($0) <= room } ?? titles.last!
        var lines: [PageFrame.Line] = []
        var selectedLine: Int?
        var section: AgendaReason?
        if screen.items.isEmpty {
            lines = [("Geen zaken voor het overleg: niets nieuw, niets over de norm, geen termijn binnen \(context.norms.dagenVooruit) dagen.", .normal)]
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
            // The first duty comes before the rest, where an 80-column line still shows it.
            let duty = item.duties.first.map { " · \($0.kind.short) \($0.due.dutch.prefix(5))" } ?? ""
            var text = "\(marker) \(done ? "✓" : "·") \(summary.kenmerk)  \(summary.familyName)\(duty) · \(summary.stage.title) \(summary.daysInStage(today: context.today))d · \(summary.medewerker)"
            // The joint work on the case, as its card shows it: whose plan, and its evaluation.
            if let plan = CardView.planMark(summary, today: context.today) { text += " · \(plan)" }
            if !extra.isEmpty { text += " · ook: \(extra.joined(separator: ", "))" }
            if index == screen.selected { selectedLine = lines.count }
            lines.append((text, index == screen.selected ? .cardSelected : (done ? .dim : .normal)))
        }
        let footer = screen.chainHead.map { "ketenkop \($0.short)" }
        PageFrame.draw(title: title, boxTitle: "Agenda · \(since)", lines: lines,
                       scroll: PageFrame.scroll(showing: selectedLine, pageHeight: target.height), footer: footer, context: context,
                       into: &target)
    }
}
