import BoardCore
import BoardStore

/// The time as the session reads it: the local day (for the board, a move's day and midnight),
/// the zone recorded moments are shown in, and a clock that only moves forward (for the idle
/// lock). A protocol so that a test can let midnight pass without waiting for it, and name a zone.
public protocol SessionClock {
    func today() -> Day
    var localTime: LocalTime { get }
    func monotonicSeconds() -> Double
}

/// The machine's clocks (`Clock` in BoardStore).
public struct SystemClock: SessionClock {
    public init() {}

    public func today() -> Day { Clock.today() }

    public var localTime: LocalTime { .user }

    public func monotonicSeconds() -> Double { Clock.monotonicSeconds() }
}
