import BoardCore
import BoardStore
import BoardUI
import Terminal

/// The loop of a running board: keys and resizes from the terminal into the `SessionCore`, its
/// frames out to the terminal. What the keys do to the store lives in `SessionCore`.
final class BoardSession {
    let core: SessionCore
    let terminal: CursesTerminal

    /// How long the loop waits for a key before it checks the store for colleagues' changes.
    static let pollMilliseconds: Int32 = 500

    init(store: AccessControlledStore, terminal: CursesTerminal, meeting: Bool = false, lockAfterMinutes: Double? = nil,
         ageing: CardAgeing = .standard) {
        self.terminal = terminal
        let size = terminal.size()
        core = SessionCore(store: store, width: size.width, height: size.height, meeting: meeting, lockAfterMinutes: lockAfterMinutes,
                           ageing: ageing)
    }

    func run() {
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
            case .resize(let width, let height): core.dispatch(.resize(width: width, height: height))
            case .signal: return
            case .timeout: core.reloadIfChanged()
            }
        }
    }
}
