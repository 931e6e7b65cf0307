import BoardCore

/// The caseload: per medewerker the open cases in Aangemeld, Onderzoek and at the Beschermtafel,
/// and a totals row. The number columns are as wide as their headers, so the table fits at 80
/// columns; the names take the room that is left.
enum CaseloadView {
    static let headers = ["Aangemeld", "Onderzoek", "Tafel", "Open", "Over norm"]

    /// How a row names its medewerker: cases without one form a row too.
    static func name(of row: CaseloadRow) -> String { row.medewerker.isEmpty ? "(geen medewerker)" : row.medewerker }

    static func draw(_ screen: CaseloadScreen, rows: [CaseloadRow], context: PageContext, into target: inout Screen) {
        let totals = Caseload.totals(rows, name: "Totaal")
        let numbers = { (row: CaseloadRow) in row.counts.map(String.init) + [String(row.total), row.overdue > 0 ? "!\(row.overdue)" : "0"] }
        // Right-aligned numbers, two spaces apart, each column as wide as its header or its widest number.
        let widths = zip(headers, numbers(totals)).map { 2 + max(DisplayWidth.of($0), DisplayWidth.of($1)) }
        let room = PageFrame.textWidth(screenWidth: target.width) - 2 - widths.reduce(0, +)
        let nameWidth = max(8, min(room, 28, max(12, (rows.map { DisplayWidth.of(name(of: $0)) }.max() ?? 0) + 2)))
        let line = { (marker: String, name: String, cells: [String]) in
            marker + DisplayWidth.pad(name, to: nameWidth)
                + zip(cells, widths).map { String(repeating: " ", count: max(1, $1 - DisplayWidth.of($0))) + $0 }.joined()
        }
        var lines: [PageFrame.Line] = [(line("  ", "Medewerker", headers), .title)]
        for (index, row) in rows.enumerated() {
            let selected = index == screen.selected
            lines.append((line(selected ? "▶ " : "  ", name(of: row), numbers(row)), selected ? .cardSelected : .normal))
        }
        if rows.isEmpty {
            lines.append(("Geen open zaken.", .dim))
        } else {
            lines.append((line("  ", totals.medewerker, numbers(totals)), .title))
        }
        let staff = rows.filter { !$0.medewerker.isEmpty }.count
        PageFrame.draw(title: " Werkvoorraad · \(totals.total) open zaken bij \(staff) medewerkers", boxTitle: "Open zaken per medewerker",
                       lines: lines, scroll: PageFrame.scroll(showing: rows.isEmpty ? nil : screen.selected + 1, pageHeight: target.height),
                       context: context, into: &target)
    }
}
