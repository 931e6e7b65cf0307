/// The idle privacy screen. After `limit` seconds without a key the whole screen is replaced by a
/// panel that shows no case content; the first key only asks for confirmation, Enter then shows
/// the board and Esc keeps the names hidden. It hides names from a passer-by's eyes; it is not a
/// lock, and the panel says so (LockView.swift). Everything under it (pages, dialog, selection,
/// typed input) stays as it was.
///
/// Time comes in as ticks (seconds on a monotonic clock, sent by the session loop), never read
/// here, so the rules stay pure and testable.
public struct IdleLock: Equatable, Sendable {
    public enum Phase: Equatable, Sendable {
        case open
        /// Locked; the next key asks for confirmation.
        case locked
        /// A key was pressed while locked: Enter unlocks, Esc stays locked.
        case confirming
    }

    /// Seconds without a key before the screen locks; nil until the session sets it (never locks).
    public var limit: Double?
    public private(set) var phase: Phase = .open
    /// The latest tick.
    public private(set) var now: Double?
    /// The tick current when the last key came (the start counts as one).
    public private(set) var lastKey: Double?

    public init(limit: Double? = nil) { self.limit = limit }

    public var isLocked: Bool { phase != .open }

    public enum Action: KeyAction {
        case unlock, stayLocked
    }

    /// The locked screen after its first key; any other key is ignored.
    public static let bindings: [Binding<Action>] = [
        Binding([.enter], .unlock, "het bord weer tonen", bar: "bord tonen"),
        Binding([.escape], .stayLocked, "de namen verborgen houden", bar: "verborgen houden"),
    ]

    mutating func tick(_ time: Double) {
        now = time
        if lastKey == nil { lastKey = time }
        if phase == .open, let limit, let lastKey, time - lastKey >= limit { phase = .locked }
    }

    /// A key while open: the idle time starts again.
    mutating func noteKey() {
        if let now { lastKey = now }
    }

    /// A key while locked; it never reaches the board.
    mutating func handleLockedKey(_ key: Key) {
        switch phase {
        case .open:
            break
        case .locked:
            phase = .confirming
        case .confirming:
            switch KeyMap.action(for: key, in: Self.bindings) {
            case .unlock?:
                phase = .open
                noteKey()
            case .stayLocked?:
                phase = .locked
            case nil:
                break
            }
        }
    }

    /// `10 minuten`, `1 minuut`, `30 seconden`: how long the screen waits, for its panel.
    public static func durationText(seconds: Double) -> String {
        if seconds < 90 {
            let whole = max(1, Int(seconds.rounded()))
            return whole == 1 ? "1 seconde" : "\(whole) seconden"
        }
        let minutes = Int((seconds / 60).rounded())
        return minutes == 1 ? "1 minuut" : "\(minutes) minuten"
    }
}
