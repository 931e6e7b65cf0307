/// Moving through a page or a list: a row, a page, or to either end. The same keys everywhere.
public enum Scroll: Equatable, Sendable {
    case up, down, pageUp, pageDown, first, last

    /// The keys, with the page's own words for a row and the ends, as actions of the page's type.
    static func bindings<Action: KeyAction>(_ wrap: (Scroll) -> Action, up: String, down: String, first: String,
                                            last: String) -> [Binding<Action>] {
        [
            Binding([.up, .character("k")], wrap(.up), up),
            Binding([.down, .character("j")], wrap(.down), down),
            Binding([.pageUp], wrap(.pageUp), "bladzijde omhoog"),
            Binding([.pageDown, .character(" ")], wrap(.pageDown), "bladzijde omlaag"),
            Binding([.character("g"), .home], wrap(.first), first),
            Binding([.character("G"), .end], wrap(.last), last),
        ]
    }

    /// Where `position` goes in `0..<count`, a page being `page` rows.
    func position(from position: Int, count: Int, page: Int) -> Int {
        let target: Int
        switch self {
        case .up: target = position - 1
        case .down: target = position + 1
        case .pageUp: target = position - page
        case .pageDown: target = position + page
        case .first: target = 0
        case .last: target = count - 1
        }
        return min(max(0, target), max(0, count - 1))
    }
}

extension Scroll: KeyAction {}
