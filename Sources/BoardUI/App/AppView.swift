import BoardCore

/// A rendered frame: the screen, and where the text cursor stands (nil hides it).
public struct Frame: Equatable, Sendable {
    public var screen: Screen
    public var cursor: (x: Int, y: Int)?

    public static func == (lhs: Frame, rhs: Frame) -> Bool {
        lhs.screen == rhs.screen && lhs.cursor?.x == rhs.cursor?.x && lhs.cursor?.y == rhs.cursor?.y
    }
}

/// Draws the whole program for a state: the page in front (or the board) in the area above the
/// key bar, the dialog or help over it, and the key bar. Each draws into its own rectangle.
public enum AppView {
    public static func render(_ state: AppState) -> Frame {
        // Behind the privacy screen: its panel alone, drawn before anything of the state below can be.
        if state.lock.isLocked {
            var screen = Screen(width: state.width, height: state.height)
            LockView.draw(state, into: &screen)
            drawKeyBar(state.activeKeys, into: &screen)
            return Frame(screen: screen, cursor: nil)
        }
        // Meeting mode: draw a copy with names masked, so no view has to know about it.
        let state = state.isMeeting ? NameMask.state(state) : state
        var screen = Screen(width: state.width, height: state.height)
        if state.isTooSmall {
            drawTooSmall(state, into: &screen)
            return Frame(screen: screen, cursor: nil)
        }
        let pageArea = Rect(x: 0, y: 0, width: state.width, height: state.pageHeight)
        let cursor = screen.region(pageArea) { page in
            var cursor = state.drawPage(into: &page)
            if let help = state.help {
                HelpView.draw(help, into: &page)
                cursor = nil
            } else if let dialog = state.dialog {
                cursor = FormView.draw(dialog.form, subtitle: dialog.subtitle, into: &page)
            }
            return cursor
        }
        drawKeyBar(state.activeKeys, into: &screen)
        if state.isMeeting { drawMeetingBadge(into: &screen) }
        return Frame(screen: screen, cursor: cursor)
    }

    /// The key bar in the screen's last row.
    static func drawKeyBar(_ keys: [KeyHelp], into screen: inout Screen) {
        screen.region(Rect(x: 0, y: screen.height - 1, width: screen.width, height: 1)) { KeyBar.draw(keys, into: &$0) }
    }

    /// On the title row of every screen, left of the date: masking is on.
    static func drawMeetingBadge(into screen: inout Screen) {
        let width = DisplayWidth.of(NameMask.badge)
        let dateWidth = 12
        guard screen.width >= width + dateWidth + 10 else {
            screen.put(" VERGADERMODUS ", x: max(0, screen.width - 15 - dateWidth), y: 0, role: .maskedName)
            return
        }
        screen.put(NameMask.badge, x: screen.width - width - dateWidth, y: 0, role: .maskedName)
    }

    static func drawTooSmall(_ state: AppState, into screen: inout Screen) {
        let lines = ["Venster te klein",
                     "Beschermbord heeft minstens \(AppState.minimumWidth)×\(AppState.minimumHeight) nodig,",
                     "nu \(state.width)×\(state.height). Maak het venster groter."]
        let top = max(0, (state.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let x = max(0, (state.width - DisplayWidth.of(line)) / 2)
            screen.put(line, x: x, y: top + offset, role: offset == 0 ? .warning : .normal)
        }
    }
}

/// The bottom row: the keys that matter on the screen in front. When they do not all fit, the
/// key for help keeps its place at the end, so the way to every other key is always shown.
enum KeyBar {
    static func draw(_ keys: [KeyHelp], into screen: inout Screen) {
        screen.fill(screen.bounds, role: .normal)
        let items = keys.compactMap { key in key.bar.map { (key: key.keys[0].label, word: $0, isHelp: key.opensHelp, isDisabled: key.disabledReason != nil) } }
        let width = { (item: (key: String, word: String, isHelp: Bool, isDisabled: Bool)) in DisplayWidth.of(item.key) + DisplayWidth.of(item.word) + 3 }
        let fitsAll = 1 + items.map(width).reduce(0, +) <= screen.width
        let help = fitsAll ? nil : items.first(where: \.isHelp)
        let room = screen.width - (help.map(width) ?? 0)
        var x = 1
        // A disabled key keeps its place, dimmed, so the bar does not jump as the selection moves.
        for item in items where help == nil || !item.isHelp {
            guard x + width(item) - 2 < room else { break }
            x += screen.put(item.key, x: x, y: 0, role: item.isDisabled ? .dim : .keyHint)
            x += screen.put(" \(item.word)  ", x: x, y: 0, role: .dim)
        }
        if let help {
            x += screen.put(help.key, x: x, y: 0, role: .keyHint)
            screen.put(" \(help.word)", x: x, y: 0, role: .dim)
        }
    }
}
