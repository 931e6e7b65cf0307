/// The help overlay: the keys of the page or dialog it was opened on, above everything.
public struct HelpOverlay: Equatable, Sendable {
    public var title: String
    public var keys: [KeyHelp]
    public var scroll = 0

    public init(title: String, keys: [KeyHelp]) {
        self.title = title
        self.keys = keys
    }

    public enum Action: KeyAction {
        case scroll(Scroll), close, quit

        public var common: CommonAction? {
            switch self {
            case .close: return .close
            case .quit: return .quit
            case .scroll: return nil
            }
        }
    }

    public static let bindings: [Binding<Action>] = Scroll.bindings(Action.scroll, up: "omhoog scrollen", down: "omlaag scrollen",
                                                                    first: "naar het begin", last: "naar het eind") + [
        Binding([.escape, .character("?"), .character("q")], .close, "hulp sluiten", bar: "sluiten"),
        Binding([.character("Q")], .quit, "stoppen (vanaf elke pagina)"),
    ]

    enum Outcome { case open, closed, quit }

    /// A key while help is in front, in a page area of `pageWidth` by `pageHeight`.
    mutating func handle(_ key: Key, pageWidth: Int, pageHeight: Int) -> Outcome {
        let layout = HelpView.Layout(keys, pageWidth: pageWidth, pageHeight: pageHeight)
        switch KeyMap.action(for: key, in: Self.bindings) {
        case .scroll(let move)?: scroll = move.position(from: scroll, count: layout.lastScroll + 1, page: max(1, layout.visible - 1))
        case .close?: return .closed
        case .quit?: return .quit
        case nil: break
        }
        return .open
    }
}

/// The help screen, centred in the page area. A disabled key is dimmed, with why on the lines
/// under it.
enum HelpView {
    /// Where everything goes: shared by the view and by scrolling.
    struct Layout {
        var rows: [(key: String, text: String, role: Role)] = []
        var width: Int
        var keyWidth: Int
        var height: Int
        var visible: Int { max(0, height - 2) }
        var lastScroll: Int { max(0, rows.count - visible) }

        init(_ keys: [KeyHelp], pageWidth: Int, pageHeight: Int) {
            let keyWidth = min(28, (keys.map { DisplayWidth.of($0.keyLabel) }.max() ?? 8) + 2)
            let width = min(pageWidth - 2, max(40, (keys.map { keyWidth + DisplayWidth.of($0.description) }.max() ?? 0) + 6))
            self.keyWidth = keyWidth
            self.width = width
            let textWidth = max(1, width - keyWidth - 4)
            // One row per key, and the reason of a disabled key wrapped below it.
            for key in keys {
                rows.append((key.keyLabel, key.description, key.disabledReason == nil ? .dialog : .dim))
                guard let reason = key.disabledReason else { continue }
                rows += TextLayout.wrapped("nu niet: \(reason)", width: textWidth).map { ("", $0, .dim) }
            }
            height = min(pageHeight - 1, rows.count + 2)
        }
    }

    static func draw(_ help: HelpOverlay, into screen: inout Screen) {
        let layout = Layout(help.keys, pageWidth: screen.width, pageHeight: screen.height)
        let rect = Rect(x: (screen.width - layout.width) / 2, y: max(0, (screen.height - layout.height) / 2),
                        width: layout.width, height: layout.height)
        screen.clearRows(of: rect)
        screen.fill(rect, role: .dialog)
        screen.box(rect, role: .borderFocused, title: "Toetsen: \(help.title)", titleRole: .title)
        let first = min(help.scroll, layout.lastScroll)
        let textWidth = max(1, layout.width - layout.keyWidth - 4)
        for (offset, row) in layout.rows.dropFirst(first).prefix(layout.visible).enumerated() {
            let y = rect.y + 1 + offset
            screen.put(row.key, x: rect.x + 2, y: y, maxWidth: layout.keyWidth, role: row.role == .dim ? .dim : .keyHint)
            screen.put(row.text, x: rect.x + 2 + layout.keyWidth, y: y, maxWidth: textWidth, role: row.role)
        }
        if first > 0 { screen.put("▲", x: rect.maxX - 3, y: rect.y, role: .keyHint) }
        if first + layout.visible < layout.rows.count { screen.put("▼", x: rect.maxX - 3, y: rect.maxY - 1, role: .keyHint) }
    }
}
