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

/// The help screen, centred in the page area. A disabled key says why it cannot be used now.
enum HelpView {
    static func draw(_ help: HelpOverlay, into screen: inout Screen) {
        let keys = help.keys
        let keyWidth = min(28, (keys.map { DisplayWidth.of($0.keyLabel) }.max() ?? 8) + 2)
        let descriptions = keys.map { key in key.disabledReason.map { "\(key.description) (nu niet: \($0))" } ?? key.description }
        let lines = zip(keys, descriptions).map { DisplayWidth.pad($0.keyLabel, to: keyWidth) + $1 }
        let width = min(screen.width - 2, max(40, (lines.map { DisplayWidth.of($0) }.max() ?? 0) + 6))
        let height = min(screen.height - 1, lines.count + 2)
        let rect = Rect(x: (screen.width - width) / 2, y: max(0, (screen.height - height) / 2), width: width, height: height)
        screen.fill(rect, role: .dialog)
        screen.box(rect, role: .borderFocused, title: "Toetsen: \(help.title)", titleRole: .title)
        let visible = max(0, height - 2)
        let first = min(help.scroll, max(0, lines.count - visible))
        for offset in 0..<max(0, min(keys.count, first + visible) - first) {
            let index = first + offset, y = rect.y + 1 + offset
            screen.put(keys[index].keyLabel, x: rect.x + 2, y: y, maxWidth: keyWidth, role: keys[index].disabledReason == nil ? .keyHint : .dim)
            screen.put(descriptions[index], x: rect.x + 2 + keyWidth, y: y, maxWidth: width - keyWidth - 4,
                       role: keys[index].disabledReason == nil ? .dialog : .dim)
        }
        if first + visible < lines.count { screen.put("▼", x: rect.maxX - 3, y: rect.maxY - 1, role: .keyHint) }
    }
}
