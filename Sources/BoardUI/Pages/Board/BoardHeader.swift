import BoardCore

/// The columns' headers: each column's name with its count, and with a WIP limit the open cases
/// over the limit (`14/12!`, the `!` when over it), under a filter the cards in view first
/// (`3 · 14/12!`). The name shortens (`Onderz.`), and then the title may touch the corners,
/// before the header takes a second line: when name and counts do not fit on every column's top
/// border, the names stay on the borders and the counts take a line of their own under them, in
/// every column alike, so the cards stay level.
struct BoardHeader {
    let hasCountLine: Bool

    init(_ state: AppState) {
        let rects = BoardMetrics.columnRects(width: state.width, top: 0, height: 0, count: Stage.allCases.count)
        hasCountLine = !zip(Stage.allCases, rects).allSatisfy { stage, rect in
            Self.fits("\(Self.names(stage).last!) \(Self.counts(of: stage, in: state))", width: rect.width)
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

    /// Whether `title` fits on the top border of a column `width` wide, between its corners.
    static func fits(_ title: String, width: Int) -> Bool { DisplayWidth.of(title) + 2 <= width }

    /// What the column's top border says, with the spaces around it when they fit: name and
    /// counts, or the name alone above the line of counts.
    func title(of stage: Stage, counts: String, width: Int) -> String {
        let titles = Self.names(stage).map { hasCountLine ? $0 : "\($0) \(counts)" }
        let forms = titles.map { " \($0) " } + [" \(titles.last!)", titles.last!]
        return forms.first { Self.fits($0, width: width) } ?? forms.last!
    }
}

extension AppState {
    /// How many cards a column shows at once, below the header as it stands.
    var visibleCardCount: Int {
        BoardMetrics.visibleCards(pageHeight: pageHeight, countLine: BoardHeader(self).hasCountLine)
    }
}
