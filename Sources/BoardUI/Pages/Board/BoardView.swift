import BoardCore

/// The kanban board: a title row, five columns of cards, a message row (and the key bar).
enum BoardView {
    /// Draws the board; returns the cursor position while the filter is being typed.
    static func draw(_ state: AppState, into screen: inout Screen) -> (x: Int, y: Int)? {
        drawTitle(state, into: &screen)
        let rects = BoardMetrics.columnRects(width: screen.width, pageHeight: screen.height)
        for (stage, rect) in zip(Stage.allCases, rects) {
            drawColumn(stage, in: rect, state: state, into: &screen)
        }
        if state.hasLoaded && state.cardTotal == 0 { drawEmptyBoard(state, into: &screen) }
        return drawMessageRow(state, into: &screen)
    }

    static func drawTitle(_ state: AppState, into screen: inout Screen) {
        screen.fill(Rect(x: 0, y: 0, width: screen.width, height: 1), role: .statusBar)
        let file = state.storeLocation.split(separator: "/").last.map(String.init) ?? state.storeLocation
        var left = " Beschermbord · \(file) · \(state.user) · \(state.cardTotal) zaken"
        if state.isDemo { left += " · DEMO: fictieve gezinnen" }
        let right = " \(state.today.dutch) "
        let rightWidth = DisplayWidth.of(right)
        screen.put(left, x: 0, y: 0, maxWidth: max(0, screen.width - rightWidth - 1), role: .statusBar)
        screen.put(right, x: screen.width - rightWidth, y: 0, role: .statusBar)
    }

    static func drawMessageRow(_ state: AppState, into screen: inout Screen) -> (x: Int, y: Int)? {
        let y = screen.height - 1
        screen.fill(Rect(x: 0, y: y, width: screen.width, height: 1), role: .normal)
        if state.isEditingFilter { return drawFilterPrompt(" Filter: ", shownFilter(state), y: y, into: &screen) }
        if let message = state.message {
            screen.put(" " + message.text, x: 0, y: y, role: message.isError ? .error : .normal)
            return nil
        }
        var parts: [String] = []
        if !state.filter.isEmpty { parts.append("filter ‘\(shownFilter(state))’") }
        if state.showsOnlyOverdue { parts.append("alleen over de norm (o)") }
        if state.showsOnlyPlans { parts.append("alleen met plan JB (J)") }
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

    /// `Onderzoek 14`; with a WIP limit `Onderzoek 14/12!` (open cases / limit, `!` when over it),
    /// and under a filter the shown cards first: `Onderzoek 3 · 14/12!`. Shortened to fit `width`.
    static func columnTitle(_ stage: Stage, count: Int, width: Int, load: Int? = nil, limit: Int? = nil) -> String {
        var number = "\(count)"
        if let limit {
            let open = load ?? count
            let wip = "\(open)/\(limit)\(open > limit ? "!" : "")"
            number = open == count ? wip : "\(count) · \(wip)"
        }
        // Ever shorter names, so that the count, the limit and the `!` stay readable in narrow columns.
        let names: [String]
        switch stage {
        case .aangemeld: names = [stage.title, "Aangem."]
        case .onderzoek: names = [stage.title, "Onderz."]
        case .beschermtafel: names = [stage.title, "Tafel"]
        case .veiligheidGewaarborgd: names = [stage.title, "Veilig"]
        case .rvkOnderzoek: names = [stage.title, "RvK"]
        }
        let forms = names.map { "\($0) \(number)" } + [number]
        return forms.first(where: { DisplayWidth.of($0) + 2 <= width }) ?? number
    }

    static func drawColumn(_ stage: Stage, in rect: Rect, state: AppState, into screen: inout Screen) {
        let cards = state.cards(in: stage)
        let focused = stage == state.focusedStage && state.pages.isEmpty && state.dialog == nil && state.help == nil
        let load = state.columnLoad[stage] ?? 0
        let limit = stage.isEnd ? nil : state.norms.wipLimits[stage]
        let overLimit = state.norms.isOverWIP(stage, count: load)
        screen.box(rect, role: focused ? .borderFocused : .borderUnfocused,
                   title: columnTitle(stage, count: state.cardCount(in: stage), width: rect.width - 2, load: load, limit: limit),
                   titleRole: overLimit ? .columnHeaderOverLimit : .columnHeader)
        let inner = rect.inset(by: 1)
        guard inner.width > 0, inner.height > 0 else { return }
        if cards.isEmpty {
            screen.put("(leeg)", x: inner.x + 1, y: inner.y, maxWidth: inner.width - 1, role: .dim)
            return
        }
        let visible = BoardMetrics.visibleCards(pageHeight: screen.height)
        let first = min(state.scroll[stage] ?? 0, max(0, cards.count - 1))
        let selected = state.selectedIndex(in: stage)
        for (offset, index) in (first..<min(cards.count, first + visible)).enumerated() {
            let cardRect = BoardMetrics.cardRect(offset, inColumn: inner)
            let role: Role? = index == selected ? (focused ? .cardSelected : nil) : nil
            CardView.draw(cards[index], in: cardRect, state: state, highlight: role, into: &screen)
        }
        if first > 0 {
            let hint = "▲ \(first)"
            screen.put(hint, x: rect.maxX - 2 - DisplayWidth.of(hint), y: rect.y, role: .keyHint)
        }
        let below = state.cardCount(in: stage) - (first + visible)
        if below > 0 {
            let hint = "▼ \(below) meer"
            screen.put(hint, x: rect.maxX - 2 - DisplayWidth.of(hint), y: rect.maxY - 1, role: .keyHint)
        }
    }

    static func drawEmptyBoard(_ state: AppState, into screen: inout Screen) {
        let lines: [String]
        if state.showsOnlyPlans && state.filter.isEmpty && !state.showsOnlyOverdue {
            lines = ["Geen zaken met een lopend plan JB in de wijk.", "J toont weer alle zaken."]
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
    static func draw(_ summary: CaseSummary, in rect: Rect, state: AppState, highlight: Role?, into screen: inout Screen) {
        let base: Role = highlight ?? .normal
        if let highlight {
            screen.fill(rect, role: highlight)
            screen.put("▶", x: rect.x - 1, y: rect.y, maxWidth: 1, role: .borderFocused)
        }
        let overdue = state.isOverdue(summary)
        let days = summary.daysInStage(today: state.today)
        let daysText = overdue ? "!\(days)d" : "\(days)d"
        let daysWidth = DisplayWidth.of(daysText)
        screen.put(summary.kenmerk, x: rect.x, y: rect.y, maxWidth: max(1, rect.width - daysWidth - 1), role: base)
        screen.put(daysText, x: rect.maxX - daysWidth, y: rect.y, role: highlight ?? daysRole(summary, days: days, overdue: overdue, ageing: state.ageing))
        let lines = [summary.familyName, childrenText(summary, today: state.today, width: rect.width),
                     planMark(summary, today: state.today).map { "\($0) · \(summary.medewerker)" } ?? summary.medewerker]
        for (offset, line) in lines.enumerated() where offset + 1 < rect.height {
            var role: Role = offset == 2 && highlight == nil ? .dim : base
            if offset == 2, highlight == nil, summary.isPlanOverdue(today: state.today) { role = .overdue }
            screen.put(line, x: rect.x, y: rect.y + 1 + offset, maxWidth: rect.width, role: role)
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

    /// "◆JB ev 12-01": the case has an active joint plan, and its next evaluation; `!` when the
    /// evaluation or an agreement is overdue. Readable without colour.
    static func planMark(_ summary: CaseSummary, today: Day) -> String? {
        guard let next = summary.planNextEvaluation else { return nil }
        let overdue = summary.isPlanOverdue(today: today)
        return "◆JB\(overdue ? "!" : "") ev \(next.dutch.prefix(5))"
    }

    /// "3 kinderen, jongste 4 jr", shortened step by step to fit `width`.
    static func childrenText(_ summary: CaseSummary, today: Day, width: Int) -> String {
        guard summary.childCount > 0 else { return "geen kinderen" }
        let age = summary.youngestBirthDate.map { "\($0.age(on: today)) jr" } ?? "?"
        let n = summary.childCount
        let forms = n == 1 ? ["1 kind (\(age))"] : ["\(n) kinderen, jongste \(age)", "\(n) kind. (\(age))", "\(n) kd. (\(age))"]
        return forms.first(where: { DisplayWidth.of($0) <= width }) ?? forms.last!
    }
}
