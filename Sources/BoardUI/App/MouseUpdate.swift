import BoardCore

extension AppState {
    /// Rows the wheel moves on a page or in help, per turn.
    static let wheelRows = 3

    /// A click, double click or wheel turn on whatever is in front: the wheel is `↑`/`↓` (a card
    /// at a time on the board), a click picks a card or a form's field, a double click on a card
    /// also opens it.
    mutating func handle(_ mouse: Mouse) -> [Effect] {
        let wheel: Key? = mouse.kind == .wheelUp ? .up : mouse.kind == .wheelDown ? .down : nil
        if help != nil || !pages.isEmpty {
            guard let wheel else { return [] }
            return (0..<Self.wheelRows).flatMap { _ in handle(wheel) }
        }
        if var open = dialog {
            guard wheel == nil else { return [] }
            let layout = FormView.Layout(open.form, subtitle: open.subtitle, pageWidth: width, pageHeight: pageHeight)
            guard let field = layout.field(atX: mouse.x, y: mouse.y) else { return [] }
            open.form.focus = field
            dialog = open
            return []
        }
        if let wheel { return handle(wheel) }
        guard !isEditingFilter, let (stage, id) = card(atX: mouse.x, y: mouse.y) else { return [] }
        message = nil
        focusedStage = stage
        selection[stage] = id
        keepSelectionVisible()
        return mouse.kind == .doubleClick ? handle(.enter) : []
    }

    /// The card drawn at (x, y) of the board, with its column.
    func card(atX x: Int, y: Int) -> (Stage, CaseID)? {
        let columns = BoardMetrics.columnRects(width: width, pageHeight: pageHeight)
        guard let column = columns.firstIndex(where: { x >= $0.x && x < $0.maxX }) else { return nil }
        let stage = Stage.allCases[column]
        let inner = BoardMetrics.cardArea(inColumn: columns[column], countLine: BoardHeader(self).hasCountLine)
        let cards = cards(in: stage)
        let first = min(scroll[stage] ?? 0, max(0, cards.count - 1))
        for offset in 0..<visibleCardCount where cards.indices.contains(first + offset) {
            let rect = BoardMetrics.cardRect(offset, inColumn: inner)
            if y >= rect.y, y < rect.maxY { return (stage, cards[first + offset].id) }
        }
        return nil
    }
}
