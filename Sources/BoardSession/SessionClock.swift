import BoardCore
import BoardStore

/// The time as the session reads it: the local day (for the board, a move's day and midnight)
/// and a clock that only moves forward (for the idle lock). A protocol so that a test can let
/// midnight pass without waiting for it.
public protocol SessionClock {
    func today() -> Day
    func monotonicSeconds() -> Double
}

/// The machine's clocks (`Clock` in BoardStore).
public struct SystemClock: SessionClock {
    public init() {}

    public func today() -> Day { Clock.today() }

    public func monotonicSeconds() -> Double { Clock.monotonicSeconds() }
}
