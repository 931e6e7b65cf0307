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
        case up, down, close

        public var common: CommonAction? { self == .close ? .close : nil }
    }

    public static let bindings: [Binding<Action>] = [
        Binding([.up, .character("k")], .up, "omhoog scrollen"),
        Binding([.down, .character("j")], .down, "omlaag scrollen"),
        Binding([.escape, .character("?"), .character("q")], .close, "hulp sluiten", bar: "sluiten"),
    ]

    /// False when the key closed help.
    mutating func handle(_ key: Key) -> Bool {
        switch KeyMap.action(for: key, in: Self.bindings) {
        case .up?: scroll = max(0, scroll - 1)
        case .down?: scroll += 1
        case .close?: return false
        case nil: break
        }
        return true
    }
}

/// The help screen, centred in the page area. A disabled key is dimmed, with why on the lines
/// under it.
enum HelpView {
    static func draw(_ help: HelpOverlay, into screen: inout Screen) {
        let keys = help.keys
        let keyWidth = min(28, (keys.map { DisplayWidth.of($0.keyLabel) }.max() ?? 8) + 2)
        let width = min(screen.width - 2, max(40, (keys.map { keyWidth + DisplayWidth.of($0.description) }.max() ?? 0) + 6))
        let textWidth = max(1, width - keyWidth - 4)
        // One row per key, and the reason of a disabled key wrapped below it.
        var rows: [(key: String, text: String, role: Role)] = []
        for key in keys {
            rows.append((key.keyLabel, key.description, key.disabledReason == nil ? .dialog : .dim))
            guard let reason = key.disabledReason else { continue }
            rows += TextLayout.wrapped("nu niet: \(reason)", width: textWidth).map { ("", $0, .dim) }
        }
        let height = min(screen.height - 1, rows.count + 2)
        let rect = Rect(x: (screen.width - width) / 2, y: max(0, (screen.height - height) / 2), width: width, height: height)
        screen.clearRows(of: rect)
        screen.fill(rect, role: .dialog)
        screen.box(rect, role: .borderFocused, title: "Toetsen: \(help.title)", titleRole: .title)
        let visible = max(0, height - 2)
        let first = min(help.scroll, max(0, rows.count - visible))
        for (offset, row) in rows.dropFirst(first).prefix(visible).enumerated() {
            let y = rect.y + 1 + offset
            screen.put(row.key, x: rect.x + 2, y: y, maxWidth: keyWidth, role: row.role == .dim ? .dim : .keyHint)
            screen.put(row.text, x: rect.x + 2 + keyWidth, y: y, maxWidth: textWidth, role: row.role)
        }
        if first + visible < rows.count { screen.put("▼", x: rect.maxX - 3, y: rect.maxY - 1, role: .keyHint) }
    }
}
