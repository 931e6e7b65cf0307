import BoardCore

/// The board as plain text, for `beschermbord board` in scripts and pipes.
public enum BoardText {
    public static func render(_ columns: BoardColumns, today: Day, norms: Norms, storeName: String) -> String {
        var out = "Beschermbord · \(TextSanitizer.singleLine(storeName)) · \(today.dutch) · \(Counted.text(columns.total, "zaak", "zaken"))\n"
        for stage in Stage.allCases {
            let cards = columns[stage]
            out += "\n\(stage.title) (\(cards.count))\n"
            if cards.isEmpty { out += "  (leeg)\n" }
            for card in cards {
                let overdue = norms.isOverdue(card, today: today)
                let days = "\(card.daysInStage(today: today)) dagen" + (overdue ? " !" : "")
                let fields = [
                    DisplayWidth.pad(card.kenmerk, to: 12),
                    DisplayWidth.pad(card.familyName, to: 22),
                    DisplayWidth.pad(ChildrenForm.fitting(width: 26).text(card, today: today), to: 26),
                    DisplayWidth.pad(card.medewerker, to: 20),
                    days,
                ]
                out += "  " + fields.map(TextSanitizer.singleLine).joined(separator: " ") + "\n"
            }
        }
        return out
    }
}
