import BoardCore

/// The columns' headers: each column's name with its count, and with a WIP limit the open cases
/// over the limit (`14/12!`, the `!` when over it), under a filter the cards in view first
/// (`3 · 14/12!`). When name and counts do not fit on every column's top border, the names stay
/// on the borders and the counts take a line of their own under them, in every column alike, so
/// the cards stay level. The choice counts the widest the counts can get before the next reload
/// (every open card in view), so typing a filter does not move the cards.
struct BoardHeader {
    let hasCountLine: Bool

    init(_ state: AppState) {
        let rects = BoardMetrics.columnRects(width: state.width, top: 0, height: 0, count: Stage.allCases.count)
        hasCountLine = !zip(Stage.allCases, rects).allSatisfy { stage, rect in
            let most = max(state.cardCount(in: stage), state.columnLoad[stage] ?? 0)
            let widest = Self.limit(of: stage, in: state).map { "\(most) · \(most)/\($0)!" } ?? "\(most)"
            return Self.fits("\(Self.names(stage).last!) \(widest)", width: rect.width)
        }
    }

    /// The WIP limit a column's header shows (end columns have none).
    static func limit(of stage: Stage, in state: AppState) -> Int? {
        stage.isEnd ? nil : state.norms.wipLimits[stage]
    }

    /// `14`, `14/12!` or, under a filter, `3 · 14/12!`.
    static func counts(of stage: Stage, in state: AppState) -> String {
        let count = state.cardCount(in: stage)
        guard let limit = limit(of: stage, in: state) else { return "\(count)" }
        let load = state.columnLoad[stage] ?? 0
        let wip = "\(load)/\(limit)\(load > limit ? "!" : "")"
        return load == count ? wip : "\(count) · \(wip)"
    }

    /// The column's name, ever shorter, so that it fits next to its counts.
    static func names(_ stage: Stage) -> [String] {
        switch stage {
        case .aangemeld: return [stage.title, "Aangem."]
        case .onderzoek: return [stage.title, "Onderz."]
        case .beschermtafel: return [stage.title, "Tafel"]
        case .veiligheidGewaarborgd: return [stage.title, "Veilig"]
        case .rvkOnderzoek: return [stage.title, "RvK"]
        }
    }

    /// Whether `title` fits on the top border of a column `width` wide, between corners and spaces.
    static func fits(_ title: String, width: Int) -> Bool { DisplayWidth.of(title) + 4 <= width }

    /// What the column's top border says: name and counts, or the name alone above a count line.
    func title(of stage: Stage, counts: String, width: Int) -> String {
        let names = Self.names(stage)
        let forms = hasCountLine ? names : names.map { "\($0) \(counts)" }
        return forms.first { Self.fits($0, width: width) } ?? forms.last!
    }

    /// Where the cards are scrolled to, for the column's lower border: `▲ 3  ▼ 8 meer`, shorter
    /// when the column is narrow. Nil when every card is in view.
    static func scrollMarks(above: Int, below: Int, width: Int) -> String? {
        let forms: [String]
        switch (above > 0, below > 0) {
        case (true, true): forms = ["▲ \(above)  ▼ \(below) meer", "▲\(above) ▼\(below) meer", "▲\(above) ▼\(below)"]
        case (true, false): forms = ["▲ \(above)", "▲\(above)"]
        case (false, true): forms = ["▼ \(below) meer", "▼\(below)"]
        case (false, false): return nil
        }
        // A border cell stays on either side, so the marks never touch a corner.
        return forms.first { DisplayWidth.of($0) + 3 <= width } ?? forms.last!
    }
}

extension AppState {
    /// How many cards a column shows at once, below the header as it stands.
    var visibleCardCount: Int {
        BoardMetrics.visibleCards(pageHeight: pageHeight, countLine: BoardHeader(self).hasCountLine)
    }
}
