import BoardCore

/// The norms page: a table of the open columns, then what else the team agreed.
enum NormsView {
    static func draw(_ screen: NormsScreen, rows: [NormsRow], norms: Norms, context: PageContext, into target: inout Screen) {
        let cell = { (text: String, width: Int) in DisplayWidth.pad(text, to: width) }
        // Fits the 76 columns of text that an 80-column terminal leaves.
        var lines: [PageFrame.Line] = [(cell("Kolom", 15) + cell("Norm", 31) + cell("WIP-limiet", 11) + cell("Open", 7) + "Over norm", .title)]
        for row in rows {
            let over = row.limit.map { row.open > $0 } ?? false
            lines.append((cell(row.stage.title, 15) + cell(row.norm, 31) + cell(row.limit.map(String.init) ?? "geen", 11)
                          + cell("\(row.open)\(over ? "!" : "")", 7) + "\(row.overdue)", over || row.overdue > 0 ? .overdue : .normal))
        }
        lines += [
            ("", .normal),
            ("Afgesloten zaken blijven \(norms.closedWindowDays) dagen op het bord (c toont ze alle).", .normal),
            ("Ook over de norm: een plan JB of VT met een gemiste evaluatie of afspraak.", .dim),
            ("Termijnen (T): terugmelding aan Veilig Thuis \(norms.werkdagenTerugmeldingVT) werkdagen na aanmelding en", .normal),
            ("na afsluiten; start RvK-onderzoek \(norms.dagenStartRvK) dagen; te zien \(norms.dagenVooruit) dagen vooraf.", .normal),
            ("Wijzigen: beschermbord instellingen (alleen een teamleider).", .dim),
        ]
        PageFrame.draw(title: " Normen van het team", boxTitle: "Normen en WIP-limieten", lines: lines, scroll: 0,
                       context: context, into: &target)
    }
}
