/// What the keys of every page (and of dialogs and help) may also do, the same everywhere.
public enum CommonAction: Equatable, Sendable {
    case help, close, quit
    /// Meeting mode (NameMask.swift), on every page: someone may walk in while a dossier is open.
    case toggleMeeting
}

/// A page's (or dialog's) own actions. Each has its own type, so the compiler checks that every
/// bound action is handled; `common` names the shared ones (help and the key bar look for help).
public protocol KeyAction: Equatable, Sendable {
    var common: CommonAction? { get }
}

extension KeyAction {
    public var common: CommonAction? { nil }
}

/// Keys bound to one action of a page. Help and the key bar are generated from the bindings, so
/// they never drift from what the keys really do. A binding is made from the state it is shown in:
/// its description may say what the state is ("laatste 30 dagen"), and it may be disabled with the
/// reason why (shown in help, left out of the key bar, said when the key is pressed).
public struct Binding<Action: KeyAction>: Equatable, Sendable {
    public var keys: [Key]
    public var action: Action
    public var description: String
    /// A short word for the key bar at the bottom (the keys that matter most); nil keeps the
    /// binding out of the bar. Every binding is in help.
    public var bar: String?
    /// Why the action cannot be done now; nil when it can.
    public var disabledReason: String?

    public init(_ keys: [Key], _ action: Action, _ description: String, bar: String? = nil, disabledBecause reason: String? = nil) {
        self.keys = keys
        self.action = action
        self.description = description
        self.bar = bar
        disabledReason = reason
    }

    /// The same keys for an action of another type (a page that embeds the common actions).
    public func map<Other: KeyAction>(_ transform: (Action) -> Other) -> Binding<Other> {
        Binding<Other>(keys, transform(action), description, bar: bar, disabledBecause: disabledReason)
    }

    /// The binding, disabled for `reason` when there is one.
    public func disabled(_ reason: String?) -> Binding {
        var binding = self
        binding.disabledReason = reason
        return binding
    }

    /// What help and the key bar show of it.
    public var help: KeyHelp {
        KeyHelp(keys: keys, description: description, bar: bar, disabledReason: disabledReason, opensHelp: action.common == .help)
    }
}

/// A binding as help and the key bar show it, whatever the action type of its page.
public struct KeyHelp: Equatable, Sendable {
    public var keys: [Key]
    public var description: String
    public var bar: String?
    public var disabledReason: String?
    public var opensHelp: Bool

    /// `↑/k`: how help and the bar write the keys.
    public var keyLabel: String { keys.map(\.label).joined(separator: "/") }
}

public enum KeyMap {
    /// The binding of `key`, disabled or not.
    public static func binding<Action>(for key: Key, in bindings: [Binding<Action>]) -> Binding<Action>? {
        bindings.first(where: { $0.keys.contains(key) })
    }

    /// The action of `key` when it is bound and enabled.
    public static func action<Action>(for key: Key, in bindings: [Binding<Action>]) -> Action? {
        binding(for: key, in: bindings).flatMap { $0.disabledReason == nil ? $0.action : nil }
    }

    /// The keys of every page: the keys that close it (and `q`, as in tig and less), `?`, `M`,
    /// and `Q`, which quits from anywhere. As actions of the page's type.
    static func common<Action>(_ wrap: (CommonAction) -> Action, close: String, closeKeys: [Key] = [.escape],
                               closeBar: String? = nil) -> [Binding<Action>] {
        [
            Binding(closeKeys + [.character("q")], wrap(.close), close, bar: closeBar),
            Binding([.character("?")], wrap(.help), "hulp", bar: "hulp"),
            Binding([.character("M")], wrap(.toggleMeeting), "vergadermodus: initialen in plaats van namen / namen tonen"),
            Binding([.character("Q")], wrap(.quit), "stoppen (vanaf elke pagina)"),
        ]
    }
}

/// A key on a page: one of the page's own actions, or one that every page shares (close, help,
/// quit), which the page switches (Pages.swift) perform.
public enum PageKey<Own: KeyAction>: KeyAction {
    case own(Own)
    case shared(CommonAction)

    public var common: CommonAction? {
        if case .shared(let action) = self { return action }
        return nil
    }
}

/// How a page is closed: what help says of it, its keys, and its word in the key bar.
struct Closing {
    var description: String
    var keys: [Key] = [.escape]
    var bar: String?
}

extension CommonAction: KeyAction {
    public var common: CommonAction? { self }
}

extension Array {
    /// Help's and the key bar's view of a page's bindings.
    public func help<Action>() -> [KeyHelp] where Element == Binding<Action> { map(\.help) }
}
