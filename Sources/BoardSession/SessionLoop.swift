import BoardStore
import BoardUI
import Foundation
import Terminal

/// The loop of a running board: keys and resizes from the terminal into the `SessionCore`, its
/// frames out to the terminal, and while no key comes a look at the store for colleagues'
/// changes. What the keys do to the store lives in `SessionCore`.
public final class SessionLoop {
    public let core: SessionCore
    public let terminal: any SessionTerminal

    /// How long the loop waits for a key before it checks the store for colleagues' changes: a
    /// colleague's change is on screen within half a second (on a server the check reads only
    /// this board's own socket, see ServerChangeListener.swift).
    public static let pollMilliseconds: Int32 = 250

    public init(store: AccessControlledStore, terminal: any SessionTerminal, meeting: Bool = false, lockAfterMinutes: Double? = nil,
                ageing: CardAgeing = .standard, clock: any SessionClock = SystemClock(),
                pageDirectory: String? = ReportPageFile.homeDirectory()) {
        self.terminal = terminal
        let size = terminal.size()
        core = SessionCore(store: store, width: size.width, height: size.height, meeting: meeting, lockAfterMinutes: lockAfterMinutes,
                           ageing: ageing, clock: clock, pageDirectory: pageDirectory)
    }

    /// Runs until the user quits or a signal (or the end of input) stops the program.
    public func run() {
        core.tick()
        core.start { frame in self.terminal.draw(frame.screen, cursor: frame.cursor) }
        while !core.state.wantsQuit {
            let frame = core.render()
            terminal.draw(frame.screen, cursor: frame.cursor)
            let input = terminal.read(timeoutMilliseconds: Self.pollMilliseconds)
            // The time first: a key counts from now, and a long wait may have locked the screen.
            core.tick()
            switch input {
            case .key(let key): core.dispatch(.key(key))
            case .mouse(let mouse): core.dispatch(.mouse(mouse))
            case .resize(let width, let height): core.dispatch(.resize(width: width, height: height))
            // Ctrl-C is the user's and may only ask (AppState.interrupt); SIGTERM and SIGHUP stop at once.
            case .signal(SIGINT): core.dispatch(.interrupt)
            case .signal: return
            case .timeout: core.reloadIfChanged()
            }
        }
    }
}
