/// A change someone else made since a running board last loaded: who, what, to which case, and
/// for a move where to. The board names it when it reloads, so a card that moves or a screen that
/// changes under the user's eyes is explained.
public struct ColleagueChange: Equatable, Sendable {
    /// The login of whoever made it.
    public var user: String
    /// Nil for a kind this version does not know.
    public var kind: EventKind?
    /// The case it was made to; nil for a change of the team's list or settings.
    public var kenmerk: String?
    public var toStage: Stage?

    public init(user: String, kind: EventKind?, kenmerk: String?, toStage: Stage?) {
        self.user = user
        self.kind = kind
        self.kenmerk = kenmerk
        self.toStage = toStage
    }

    /// `2026-0101 · Verplaatst → Onderzoek`, as the timeline says a change.
    public var what: String {
        var what = kind?.title ?? "Gewijzigd"
        if let toStage, kind != .aangemeld { what += " → \(toStage.title)" }
        return [kenmerk, what].compactMap { $0 }.joined(separator: " · ")
    }
}
