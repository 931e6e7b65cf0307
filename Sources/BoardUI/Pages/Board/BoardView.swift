import BoardCore

/// The kanban board: a title row, five columns of cards, a message row (and the key bar).
enum BoardView {
    /// Draws the board; returns the cursor position while the filter is being typed.
    static func draw(_ state: AppState, into screen: inout Screen) -> (x: Int, y: Int)? {
        drawTitle(state, into: &screen)
        let rects = BoardMetrics.columnRects(width: screen.width, pageHeight: screen.height)
        let header = BoardHeader(state)
        // The narrowest card decides how every card writes its children.
        let children = ChildrenForm.fitting(width: screen.width / Stage.allCases.count - 2)
        for (stage, rect) in zip(Stage.allCases, rects) {
            drawColumn(stage, in: rect, header: header, children: children, state: state, into: &screen)
        }
        if state.hasLoaded && state.cardTotal == 0 { drawEmptyBoard(state, into: &screen) }
        return drawMessageRow(state, into: &screen)
    }

    static func drawTitle(_ state: AppState, into screen: inout Screen) {
        screen.fill(Rect(x: 0, y: 0, width: screen.width, height: 1), role: .statusBar)
        let right = " \(state.today.dutch) "
        let rightWidth = DisplayWidth.of(right)
        let room = max(0, screen.width - rightWidth - 1)
        screen.put(BoardTitle.text(state, room: room), x: 0, y: 0, maxWidth: room, role: .statusBar)
        screen.put(right, x: screen.width - rightWidth, y: 0, role: .statusBar)
    }

    static func drawMessageRow(_ state: AppState, into screen: inout Screen) -> (x: Int, y: Int)? {
        let y = screen.height - 1
        screen.fill(Rect(x: 0, y: y, width: screen.width, height: 1), role: .normal)
        if state.isEditingFilter { return drawFilterPrompt(" Filter: ", shownFilter(state), y: y, into: &screen) }
        if let message = state.message {
            MessageRows.draw(message, into: &screen)
            return nil
        }
        var parts: [String] = []
        if !state.filter.isEmpty { parts.append("filter ‘\(shownFilter(state))’") }
        if state.showsOnlyOverdue { parts.append("alleen over de norm (o)") }
        if state.showsOnlyPlans { parts.append("alleen met gezamenlijk plan (J)") }
        if state.showsOnlyMine { parts.append("alleen mijn zaken (m)") }
        parts += state.facets.descriptions
        if state.isFiltered { parts.append("Esc wist de filters") }
        parts.append(state.showAllClosed ? "afgesloten: alle (c)" : "afgesloten: laatste \(state.norms.closedWindowDays) dagen (c: alle)")
        // Open columns first, oldest card first: the first overdue card is usually found at once.
        if Stage.allCases.contains(where: { stage in state.columns[stage].contains(where: { state.isOverdue($0) }) }) {
            parts.append("! = over de norm")
        }
        screen.put(" " + parts.joined(separator: " · "), x: 0, y: y, role: .dim)
        return nil
    }

    /// The filter as the screen shows it: in meeting mode a dot per character, since what is typed
    /// to find a family is often its name.
    static func shownFilter(_ state: AppState) -> String {
        state.isMeeting ? String(repeating: "•", count: state.filter.count) : state.filter
    }

    /// The filter being typed after `prompt`; returns where the cursor stands, after the text.
    static func drawFilterPrompt(_ prompt: String, _ filter: String, y: Int, into screen: inout Screen) -> (x: Int, y: Int) {
        screen.put(prompt, x: 0, y: y, role: .keyHint)
        let end = DisplayWidth.of(prompt) + screen.put(filter, x: DisplayWidth.of(prompt), y: y, role: .searchMatch)
        return (x: min(end, screen.width - 1), y: y)
    }

    static func drawColumn(_ stage: Stage, in rect: Rect, header: BoardHeader, children: ChildrenForm, state: AppState, into screen: inout Screen) {
        let cards = state.cards(in: stage)
        let focused = stage == state.focusedStage && state.pages.isEmpty && state.dialog == nil && state.help == nil
        let overLimit = state.norms.isOverWIP(stage, count: state.columnLoad[stage] ?? 0)
        let headerRole: Role = overLimit ? .columnHeaderOverLimit : .columnHeader
        let counts = BoardHeader.counts(of: stage, in: state)
        screen.box(rect, role: focused ? .borderFocused : .borderUnfocused)
        screen.put(header.title(of: stage, counts: counts, width: rect.width), x: rect.x + 1, y: rect.y, maxWidth: rect.width - 2, role: headerRole)
        let inner = BoardMetrics.cardArea(inColumn: rect, countLine: header.hasCountLine)
        guard inner.width > 0, inner.height > 0 else { return }
        if header.hasCountLine { screen.put(counts, x: inner.x, y: inner.y - 1, maxWidth: inner.width, role: headerRole) }
        if cards.isEmpty {
            screen.put("(leeg)", x: inner.x + 1, y: inner.y, maxWidth: inner.width - 1, role: .dim)
            return
        }
        let visible = BoardMetrics.visibleCards(pageHeight: screen.height, countLine: header.hasCountLine)
        let first = min(state.scroll[stage] ?? 0, max(0, cards.count - 1))
        let selected = state.selectedIndex(in: stage)
        for (offset, index) in (first..<min(cards.count, first + visible)).enumerated() {
            let cardRect = BoardMetrics.cardRect(offset, inColumn: inner)
            let role: Role? = index == selected ? (focused ? .cardSelected : nil) : nil
            CardView.draw(cards[index], in: cardRect, state: state, highlight: role, children: children, into: &screen)
        }
        let below = state.cardCount(in: stage) - (first + visible)
        if let marks = scrollMarks(above: first, below: below, width: rect.width) {
            screen.put(marks, x: rect.maxX - 2 - DisplayWidth.of(marks), y: rect.maxY - 1, role: .keyHint)
        }
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
        return forms.first { DisplayWidth.of($0) + 4 <= width } ?? forms.last!
    }

    static func drawEmptyBoard(_ state: AppState, into screen: inout Screen) {
        let lines: [String]
        if state.showsOnlyMine && state.filter.isEmpty && !state.showsOnlyOverdue && !state.showsOnlyPlans {
            lines = ["Geen zaken waarvan jij de medewerker bent.", "m toont weer alle zaken."]
        } else if state.showsOnlyPlans && state.filter.isEmpty && !state.showsOnlyOverdue {
            lines = ["Geen zaken met een lopend plan JB in de wijk of Veiligheidsteam.", "J toont weer alle zaken."]
        } else if state.showsOnlyOverdue && state.filter.isEmpty {
            lines = ["Geen zaken over de norm.", "o toont weer alle zaken."]
        } else if !state.filter.isEmpty {
            lines = ["Geen zaken gevonden voor ‘\(shownFilter(state))’.", "Esc wist het filter."]
        } else if !state.cases.isEmpty {
            lines = ["Geen zaken in beeld.", "Druk op c om ook oudere afgesloten zaken te tonen."]
        } else {
            lines = ["Nog geen zaken in deze opslag.", "Druk op a om een nieuwe aanmelding in te voeren,",
                     "of start met --demo om het bord met fictieve gezinnen te zien."]
        }
        let width = min(screen.width - 4, (lines.map { DisplayWidth.of($0) }.max() ?? 0) + 4)
        let rect = Rect(x: (screen.width - width) / 2, y: (screen.height + 1) / 2 - 2, width: width, height: lines.count + 2)
        screen.fill(rect, role: .dialog)
        screen.box(rect, role: .borderFocused)
        for (offset, line) in lines.enumerated() {
            screen.put(line, x: rect.x + 2, y: rect.y + 1 + offset, maxWidth: rect.width - 4, role: offset == 0 ? .title : .dialog)
        }
    }
}

/// One case on the board: kenmerk and days in column, family, children, medewerker.
/// The selected card is filled in its role and marked with ▶ on the column's left border, so it
/// stands out without colour too.
enum CardView {
    /// `children` is how the children's line reads, the same on every card of the board.
    static func draw(_ summary: CaseSummary, in rect: Rect, state: AppState, highlight: Role?, children: ChildrenForm, into screen: inout Screen) {
        let base: Role = highlight ?? .normal
        if let highlight {
            screen.fill(rect, role: highlight)
            screen.put("▶", x: rect.x - 1, y: rect.y, maxWidth: 1, role: .borderFocused)
        }
        let overdue = state.isOverdue(summary)
        let days = summary.daysInStage(today: state.today)
        // Neither the kenmerk nor the family name is cut for the days: they lose their `d` first,
        // then move to the name line where the name leaves room, else only the `!` stays.
        let kenmerkWidth = DisplayWidth.of(summary.kenmerk)
        var daysText = overdue ? "!\(days)d" : "\(days)d"
        if kenmerkWidth + 1 + DisplayWidth.of(daysText) > rect.width { daysText.removeLast() }
        var daysRow = 0
        if kenmerkWidth + 1 + DisplayWidth.of(daysText) > rect.width {
            if rect.height >= 2, DisplayWidth.of(summary.familyName) + 1 + DisplayWidth.of(daysText) <= rect.width {
                daysRow = 1
            } else {
                daysText = overdue ? "!" : ""
            }
        }
        let daysWidth = DisplayWidth.of(daysText)
        screen.put(summary.kenmerk, x: rect.x, y: rect.y, maxWidth: rect.width, role: base)
        screen.put(daysText, x: rect.maxX - daysWidth, y: rect.y + daysRow, role: highlight ?? daysRole(summary, days: days, overdue: overdue, ageing: state.ageing))
        // Under a `/` filter a card found by a child, its address or a BSN says so in place of its
        // children's line; whatever the filter found is marked.
        let filter = state.filter.trimmingWhitespace()
        let hidden = filter.isEmpty ? nil : state.familySearch?[summary.familyID].flatMap { CardSearch.hiddenMatch(summary, family: $0, filter: filter) }
        // The plan's evaluation and agreements have the plan's mark.
        let duty = Duties.pressing(summary, norms: state.norms, today: state.today).first { !$0.kind.isOfThePlan }
        let marks = [safetyMark(summary), duty.map { dutyMark($0, today: state.today) }, planMark(summary, today: state.today)].compactMap { $0 }
        let lines = [summary.familyName, hidden.map(foundText) ?? children.text(summary, today: state.today),
                     (marks + [summary.medewerker]).joined(separator: " · ")]
        if !filter.isEmpty { PageFind.mark(filter, in: summary.kenmerk, x: rect.x, y: rect.y, width: rect.width, role: .searchMatch, into: &screen) }
        for (offset, line) in lines.enumerated() where offset + 1 < rect.height {
            var role: Role = offset == 2 && highlight == nil ? .dim : base
            if offset == 2, highlight == nil, summary.isPlanOverdue(today: state.today) || duty?.isLate(today: state.today) == true { role = .overdue }
            let width = offset + 1 == daysRow ? rect.width - daysWidth - 1 : rect.width
            let y = rect.y + 1 + offset
            let drawn = screen.put(line, x: rect.x, y: y, maxWidth: width, role: role)
            guard !filter.isEmpty else { continue }
            if offset == 1, case .bsn? = hidden {
                screen.paint(Rect(x: rect.x, y: y, width: drawn, height: 1), role: .searchMatch)
            } else {
                PageFind.mark(filter, in: line, x: rect.x, y: y, width: width, role: .searchMatch, into: &screen)
            }
        }
    }

    /// Why a card is in view when the filter is not on its own lines: `kind: Daan`, the address,
    /// `BSN van Daan` (the number itself is never shown).
    static func foundText(_ match: CardSearch.HiddenMatch) -> String {
        switch match {
        case .child(let name): return "kind: \(name)"
        case .address(let address): return address
        case .bsn(let child): return child.isEmpty ? "BSN gevonden" : "BSN van \(child)"
        }
    }

    /// Overdue wins; otherwise an open case shows its age in its column by the theme's thresholds.
    static func daysRole(_ summary: CaseSummary, days: Int, overdue: Bool, ageing: CardAgeing) -> Role {
        if overdue { return .overdue }
        guard summary.closedDay == nil else { return .normal }
        switch ageing.level(days: days) {
        case .fresh: return .normal
        case .ageing: return .cardAgeing
        case .old: return .cardOld
        }
    }

    /// "VS 3": the lowest of the case's latest safety scores (per child and for the whole family),
    /// in figures, so it reads without colour.
    static func safetyMark(_ summary: CaseSummary) -> String? {
        summary.lowestSafetyScore.map { "VS \($0)" }
    }

    /// "T3d": the case's first duty besides the plan's (Duty.swift) is due in 3 days; "T!" when it
    /// is late. Shown only within the look-ahead; readable without colour.
    static func dutyMark(_ duty: Duty, today: Day) -> String {
        duty.isLate(today: today) ? "T!" : "T\(today.days(until: duty.due))d"
    }

    /// "◆JB ev 12-01", "◆VT ev 12-01": the case has an active joint plan of a Jeugdbeschermer in
    /// de wijk or the Veiligheidsteam, and its next evaluation; `!` when the evaluation or an
    /// agreement is overdue. Readable without colour.
    static func planMark(_ summary: CaseSummary, today: Day) -> String? {
        guard let next = summary.planNextEvaluation else { return nil }
        let overdue = summary.isPlanOverdue(today: today)
        let form = summary.activePlanForm ?? .jeugdbeschermerInDeWijk
        return "◆\(form.mark)\(overdue ? "!" : "") ev \(next.dutch.prefix(5))"
    }
}

/// How a card writes its children, fullest first: `3 kinderen, jongste 4 jr`, `3 kind. (4 jr)`,
/// `3 kd. (4 jr)`. One form for the whole board, chosen by the width of its cards, so `2 kd.`
/// never stands beside `3 kind.`.
enum ChildrenForm: CaseIterable {
    case full, short, shortest

    /// The fullest form that fits `width` whatever the card.
    static func fitting(width: Int) -> ChildrenForm {
        allCases.first { widest[$0]! <= width } ?? .shortest
    }

    /// The widest each form gets: nine children, the youngest eleven months.
    private static let widest = Dictionary(uniqueKeysWithValues: allCases.map { ($0, DisplayWidth.of($0.text(count: 9, age: "11 mnd"))) })

    func text(count: Int, age: String) -> String {
        switch (self, count) {
        case (_, 0): return "geen kinderen"
        case (.shortest, _): return "\(count) kd. (\(age))"
        case (_, 1): return "1 kind (\(age))"
        case (.full, _): return "\(count) kinderen, jongste \(age)"
        case (.short, _): return "\(count) kind. (\(age))"
        }
    }

    func text(_ summary: CaseSummary, today: Day) -> String {
        text(count: summary.childCount, age: summary.youngestBirthDate.map { $0.ageText(on: today) } ?? "?")
    }
}
