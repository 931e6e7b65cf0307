/// A mouse event as the UI understands it, in screen cells; the terminal layer makes these from
/// ncurses' reports (only when the mouse is on: `--no-mouse` leaves the terminal's own text
/// selection alone).
public struct Mouse: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case click, doubleClick, wheelUp, wheelDown
    }

    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}
