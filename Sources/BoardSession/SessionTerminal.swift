import BoardUI
import Terminal

/// What the session loop needs of a terminal: its size, a frame drawn, and the next input
/// within a timeout. `CursesTerminal` is the real one; tests play a script on one in memory.
public protocol SessionTerminal: AnyObject {
    func size() -> (width: Int, height: Int)
    func draw(_ screen: Screen, cursor: (x: Int, y: Int)?)
    /// Waits up to `timeoutMilliseconds` for a key, a resize or a signal; `.timeout` when none came.
    func read(timeoutMilliseconds: Int32) -> TerminalInput
}
