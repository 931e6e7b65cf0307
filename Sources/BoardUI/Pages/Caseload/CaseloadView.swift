import BoardCore

/// The caseload: per medewerker the open cases in Aangemeld, Onderzoek and at the Beschermtafel.
enum CaseloadView {
    static func draw(_ screen: CaseloadScreen, rows: [CaseloadRow], context: PageContext, into target: inout Screen) {
        let nameWidth = max(12, min(28, (rows.map { DisplayWidth.of($0.medewerker) }.max() ?? 0) + 2))
        let headers = ["Aangemeld", "Onderzoek", "Tafel", "Open", "Over norm"]
        // Right-aligned numbers in columns of 11.
        let cell = { (text: String) in String(repeating: " ", count: max(1, 11 - DisplayWidth.of(text))) + text }
        var lines: [PageFrame.Line] = [("  " + DisplayWidth.pad("Medewerker", to: nameWidth) + headers.map(cell).joined(), .title)]
        for (index, row) in rows.enumerated() {
            let marker = index == screen.selected ? "▶ " : "  "
            let numbers = row.counts.map(String.init) + [String(row.total), row.overdue > 0 ? "!\(row.overdue)" : "0"]
            lines.append((marker + DisplayWidth.pad(row.medewerker, to: nameWidth) + numbers.map(cell).joined(),
                          index == screen.selected ? .cardSelected : .normal))
        }
        if rows.isEmpty { lines.append(("Geen open zaken.", .dim)) }
        let total = rows.map(\.total).reduce(0, +)
        PageFrame.draw(title: " Werkvoorraad · \(total) open zaken bij \(rows.count) medewerkers", boxTitle: "Open zaken per medewerker",
                       lines: lines, scroll: PageFrame.scroll(showing: rows.isEmpty ? nil : screen.selected + 1, pageHeight: target.height),
                       context: context, into: &target)
    }
}
