import BoardCore

/// Finding text inside a page (`/` in the family screen's sections, the timeline and the
/// Journaal among them, and in the log): what is looked for, whether it is still being typed, and
/// which match is in front. The page's view finds the matches in the lines it draws (TextSearch,
/// ignoring case and accents as the board's `/` does), so what is found is what is shown, also
/// in meeting mode.
public struct PageFind: Equatable, Sendable {
    public var text = ""
    public var isTyping = true
    /// Steps taken with `n` (forward) and `N` (back) from the first match; the view wraps it
    /// around the matches it finds.
    public var step = 0

    public init(text: String = "", isTyping: Bool = true) {
        self.text = text
        self.isTyping = isTyping
    }

    /// The lines (by index) that hold the text.
    func matches(in lines: [String]) -> [Int] {
        guard !text.isEmpty else { return [] }
        return lines.indices.filter { TextSearch.contains(text, in: lines[$0]) }
    }

    /// Which of `count` matches is in front, from 0.
    func current(of count: Int) -> Int? {
        count == 0 ? nil : ((step % count) + count) % count
    }

    /// The key that starts a search, for the pages that have one.
    static func startBinding<Action>(_ wrap: (PageFindAction) -> Action) -> Binding<Action> {
        Binding([.character("/")], wrap(.start), "zoeken op deze pagina (hoofdletters en accenten tellen niet)", bar: "zoek")
    }

    /// The keys while a search is typed or stands.
    func bindings<Action>(_ wrap: (PageFindAction) -> Action) -> [Binding<Action>] {
        if isTyping {
            return [
                Binding([.enter], wrap(.line(.keep)), "zoeken: naar de eerste treffer", bar: "zoek"),
                Binding([.escape], wrap(.line(.clear)), "zoeken stoppen", bar: "stop"),
                Binding([.backspace], wrap(.line(.erase)), "teken wissen"),
                Binding([.control("u")], wrap(.line(.eraseLine)), "regel leegmaken"),
            ]
        }
        return [
            Binding([.character("n")], wrap(.next), "volgende regel met ‘\(text)’", bar: "volgende"),
            Binding([.character("N")], wrap(.previous), "vorige regel met ‘\(text)’", bar: "vorige"),
            Binding([.character("/")], wrap(.start), "opnieuw zoeken"),
        ]
    }

    /// `bindings` without the keys a standing search takes (`n`, `N`, `/`): a search shadows the
    /// page's own `n` until Esc ends it.
    static func withoutShadowed<Action>(_ bindings: [Binding<Action>]) -> [Binding<Action>] {
        let taken: [Key] = [.character("n"), .character("N"), .character("/")]
        return bindings.filter { binding in !binding.keys.contains(where: taken.contains) }
    }

    /// Does a key of the search; a search that is left (Esc, or Enter on nothing) becomes nil.
    static func perform(_ action: PageFindAction, on find: inout PageFind?) {
        switch action {
        case .start: find = PageFind()
        case .next: find?.step += 1
        case .previous: find?.step -= 1
        case .line(let edit):
            guard var typed = find else { return }
            edit.edit(&typed.text)
            typed.step = 0
            if edit == .keep { typed.isTyping = false }
            find = edit == .clear || (edit == .keep && typed.text.isEmpty) ? nil : typed
        }
    }

    /// What the status row says: the prompt while typing (with how many lines hold it so far),
    /// then which match is in front. In meeting mode the text is dots, as the board's filter is.
    func status(matchCount: Int, isMeeting: Bool) -> (prompt: String, text: String, after: String) {
        let shown = isMeeting ? String(repeating: "•", count: text.count) : text
        if isTyping {
            return (" Zoeken: ", shown, text.isEmpty ? "" : matchCount == 0 ? "  (geen treffers)" : "  (\(matchCount) treffers)")
        }
        guard let current = current(of: matchCount) else {
            return (" geen treffers voor ‘", shown, "’ · / zoekt opnieuw · Esc stopt")
        }
        return (" treffer \(current + 1) van \(matchCount): ‘", shown, "’ · n volgende · N vorige · Esc stopt")
    }

    /// Draws the status row at `y`; returns the cursor while the text is typed.
    func drawStatus(matchCount: Int, isMeeting: Bool, y: Int, into screen: inout Screen) -> (x: Int, y: Int)? {
        let (prompt, text, after) = status(matchCount: matchCount, isMeeting: isMeeting)
        screen.fill(Rect(x: 0, y: y, width: screen.width, height: 1), role: .normal)
        let cursor = BoardView.drawFilterPrompt(prompt, text, y: y, into: &screen)
        screen.put(after, x: cursor.x, y: y, role: .dim)
        return isTyping ? cursor : nil
    }

    /// Marks where the text stands in `line`, drawn at `x` on row `y` in at most `width` columns:
    /// the match in front as a selection, the others underlined.
    func mark(_ line: String, x: Int, y: Int, width: Int, isCurrent: Bool, into screen: inout Screen) {
        Self.mark(text, in: line, x: x, y: y, width: width, role: isCurrent ? .cardSelected : .searchMatch, into: &screen)
    }

    /// Paints every place `query` stands in `line` (as TextSearch finds it), drawn at `x` on row
    /// `y` in at most `width` columns, in `role`: a page's search, and the board's `/` on its cards.
    static func mark(_ query: String, in line: String, x: Int, y: Int, width: Int, role: Role, into screen: inout Screen) {
        let characters = Array(TextSanitizer.forScreen(line))
        for range in TextSearch.ranges(of: query, in: String(characters)) {
            let start = DisplayWidth.of(String(characters[..<range.lowerBound]))
            guard start < width else { break }
            let end = min(width, DisplayWidth.of(String(characters[..<range.upperBound])))
            screen.paint(Rect(x: x + start, y: y, width: end - start, height: 1), role: role)
        }
    }
}

/// The keys of a search inside a page.
public enum PageFindAction: KeyAction {
    case start, next, previous
    case line(FilterLineAction)
}
