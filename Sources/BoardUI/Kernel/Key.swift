/// A key press as the UI understands it; the terminal layer translates ncurses codes into these.
public enum Key: Hashable, Sendable {
    /// A printable character, including é, ë, ö and wide characters.
    case character(Character)
    /// Ctrl plus a letter, given as the lowercase letter (Ctrl-S is `.control("s")`).
    case control(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)

    /// How help and the key bar write this key.
    public var label: String {
        switch self {
        case .character(" "): return "Spatie"
        case .character(let c): return String(c)
        case .control(let c): return "Ctrl-\(c.uppercased())"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .function(let n): return "F\(n)"
        }
    }
}
