/// A filter being typed on a line of its own (the board's `/`, the log's `/`).
public enum FilterLineAction: KeyAction {
    case keep, clear, erase, eraseLine
    case type(Character)

    public static let bindings: [Binding<FilterLineAction>] = [
        Binding([.enter], .keep, "filter vasthouden", bar: "klaar"),
        Binding([.escape], .clear, "filter wissen", bar: "wissen"),
        Binding([.backspace], .erase, "teken wissen"),
        Binding([.control("u")], .eraseLine, "regel leegmaken"),
    ]

    /// A key that no binding holds: a character is typed, anything else does nothing.
    static func input(_ key: Key) -> FilterLineAction? {
        if case .character(let c) = key { return .type(c) }
        return nil
    }

    /// Changes the text being typed; `keep` and `clear` also end the typing (the caller's part).
    func edit(_ text: inout String) {
        switch self {
        case .keep: break
        case .clear: text = ""
        case .erase: if !text.isEmpty { text.removeLast() }
        case .eraseLine: text = ""
        case .type(let c): text.append(c)
        }
    }
}
