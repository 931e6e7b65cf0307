import BoardCore

/// The Termijnen page: the user's own cases first, then the colleagues', one line per duty with
/// the kenmerk, the family, what is due, when and who owes it. Lateness is said in words
/// (`te laat 3 d`), so the page reads without colour; it fits 80 columns.
enum DutiesView {
    static func draw(_ screen: DutiesScreen, context: PageContext, into target: inout Screen) {
        let late = screen.items.filter { $0.duty.isLate(today: context.today) }.count
        let title = " Termijnen · \(late) te laat, \(screen.items.count - late) binnen \(context.norms.dagenVooruit) dagen"
        var lines: [PageFrame.Line] = []
        var selectedLine: Int?
        if screen.items.isEmpty {
            lines = [("Geen termijnen: niets te laat en niets binnen \(context.norms.dagenVooruit) dagen.", .normal)]
        }
        let kenmerkWidth = screen.items.map { DisplayWidth.of($0.summary.kenmerk) }.max() ?? 0
        var section: Bool?
        for (index, item) in screen.items.enumerated() {
            if item.isMine != section {
                section = item.isMine
                if !lines.isEmpty { lines.append(("", .normal)) }
                lines.append((item.isMine ? "Mijn zaken" : "Zaken van collega's", .title))
            }
            let selected = index == screen.selected
            if selected { selectedLine = lines.count }
            let duty = item.duty
            let text = (selected ? "▶ " : "  ") + DisplayWidth.pad(item.summary.kenmerk, to: kenmerkWidth) + "  "
                + DisplayWidth.pad(item.summary.familyName, to: 12) + " " + DisplayWidth.pad(duty.kind.short, to: 20) + " "
                + "\(duty.due.dutch.prefix(5)) " + DisplayWidth.pad(duty.status(today: context.today), to: 13) + " "
                + (duty.owner.isEmpty ? "(geen medewerker)" : duty.owner)
            lines.append((text, selected ? .cardSelected : (duty.isLate(today: context.today) ? .overdue : .normal)))
        }
        PageFrame.draw(title: title, boxTitle: "Te laat en binnen \(context.norms.dagenVooruit) dagen · mijn zaken eerst", lines: lines,
                       scroll: PageFrame.scroll(showing: selectedLine, pageHeight: target.height), context: context, into: &target)
    }
}
