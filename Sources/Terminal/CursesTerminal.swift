import BoardUI
import CNcurses
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the input loop gets from the terminal.
public enum TerminalInput: Equatable, Sendable {
    case key(Key)
    case mouse(Mouse)
    /// The terminal has a new size (or must be repainted completely, e.g. after Ctrl-Z and `fg`).
    case resize(width: Int, height: Int)
    /// SIGINT, SIGTERM or SIGHUP asked the program to stop (SIGHUP also when input is gone).
    case signal(Int32)
    /// No input within the timeout: time to poll for changes.
    case timeout
}

/// The terminal could not be started; `message` is Dutch and meant for the user.
public struct TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

/// The only code that talks to ncurses: start and stop curses mode, flush a `Screen` (only what
/// changed since the last frame), and read keys, resizes and signals. Not thread-safe: use it
/// from the one loop that owns the terminal.
public final class CursesTerminal {
    private let palette: ColourPalette
    private var lastScreen: Screen?
    private var needsFullRepaint = true
    private var cursorVisible = false
    private var restored = false
    /// Reads that failed at once without a signal in a row: input is gone when this grows.
    private var earlyFailures = 0

    /// Starts curses mode on stdin/stdout. Throws a `TerminalError` when the terminal type is unknown.
    /// With `mouse`, clicks and the wheel come as `.mouse` input; without, the terminal keeps its
    /// own text selection.
    public init(theme: Theme, useColour: Bool, mouse: Bool = true) throws {
        setlocale(LC_ALL, "")
        guard bb_newterm() != nil else {
            let term = getenv("TERM").map { String(cString: $0) } ?? ""
            if term.isEmpty {
                throw TerminalError("De terminal kan niet worden gestart: TERM is niet gezet. Probeer bijvoorbeeld TERM=xterm-256color.")
            }
            throw TerminalError("De terminal kan niet worden gestart: terminaltype '\(term)' is onbekend. Probeer bijvoorbeeld TERM=xterm-256color.")
        }
        let window = bb_stdscr()
        cbreak()
        bb_disable_flow_control()
        noecho()
        nonl()
        keypad(window, true)
        // Home and End as PuTTY, rxvt and the Linux console send them, whatever TERM's entry
        // says: otherwise they arrive as Esc and text (and Esc clears the board's filters).
        for (sequence, code) in Self.homeAndEnd { define_key(sequence, code) }
        if mouse {
            mousemask(bb_mouse_mask(), nil)
            mouseinterval(250)
        }
        intrflush(window, false)
        set_escdelay(25)
        curs_set(0)

        var depth = ColourDepth.none
        var hasDefaultColours = true
        if useColour && has_colors() {
            start_color()
            hasDefaultColours = use_default_colors() == OK
            depth = ColourDepth.forColourCount(Int(bb_colors()))
        }
        palette = ColourPalette(theme: theme, depth: depth, hasDefaultColours: hasDefaultColours,
                                maximumPairs: depth == .none ? 0 : Int(bb_color_pairs()))
        bb_install_signal_handlers()
    }

    deinit {
        restore()
    }

    /// The colour depth in use (`.none` when colour is off or the terminal has none).
    public var colourDepth: ColourDepth { palette.depth }

    /// The terminal size in cells.
    public func size() -> (width: Int, height: Int) {
        guard !restored else { return (0, 0) }
        let window = bb_stdscr()
        return (Int(bb_getmaxx(window)), Int(bb_getmaxy(window)))
    }

    // MARK: Input

    /// Waits up to `timeoutMilliseconds` (negative: no limit) for a key, a resize or a signal.
    public func read(timeoutMilliseconds: Int32) -> TerminalInput {
        guard !restored else { return .timeout }
        if let input = pendingSignal() { return input }
        let window = bb_stdscr()
        wtimeout(window, timeoutMilliseconds)
        let clock = ContinuousClock()
        while true {
            let start = clock.now
            var code: wint_t = 0
            let result = wget_wch(window, &code)
            if result == KEY_CODE_YES {
                earlyFailures = 0
                if Int32(code) == KEY_RESIZE {
                    needsFullRepaint = true
                    let (width, height) = size()
                    return .resize(width: width, height: height)
                }
                if Int32(code) == KEY_MOUSE, let mouse = Self.mouse() { return .mouse(mouse) }
                if let key = Self.key(functionKey: Int32(code)) { return .key(key) }
            } else if result == OK {
                earlyFailures = 0
                if let key = Self.key(character: UInt32(code)) { return .key(key) }
            } else {
                if let input = pendingSignal() { return input }
                let elapsed = start.duration(to: clock.now)
                if timeoutMilliseconds >= 0, elapsed >= .milliseconds(Int(timeoutMilliseconds) - 5) {
                    earlyFailures = 0
                    return .timeout
                }
                // Failed at once without a signal we know: an interrupted read, or stdin is gone
                // (closed, or the terminal went away without SIGHUP). Stop rather than spin.
                earlyFailures += 1
                return earlyFailures >= 100 ? .signal(SIGHUP) : .timeout
            }
            // A key the UI has no name for: ignore it and keep waiting.
        }
    }

    private func pendingSignal() -> TerminalInput? {
        let signo = bb_take_signal()
        if signo != 0 { return .signal(signo) }
        if bb_take_continue() != 0 {
            needsFullRepaint = true
            let (width, height) = size()
            return .resize(width: width, height: height)
        }
        return nil
    }

    static let homeAndEnd: [(String, Int32)] = [
        ("\u{1B}[1~", KEY_HOME), ("\u{1B}[4~", KEY_END), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[8~", KEY_END),
        ("\u{1B}[H", KEY_HOME), ("\u{1B}[F", KEY_END), ("\u{1B}OH", KEY_HOME), ("\u{1B}OF", KEY_END),
    ]

    /// The mouse report that came with KEY_MOUSE, if it is one the board uses.
    static func mouse() -> Mouse? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let kinds: [Int32: Mouse.Kind] = [1: .click, 2: .doubleClick, 3: .wheelUp, 4: .wheelDown]
        return kinds[bb_mouse_kind(event.bstate)].map { Mouse($0, x: Int(event.x), y: Int(event.y)) }
    }

    /// A key from ncurses' function-key codes (KEY_CODE_YES).
    static func key(functionKey code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME, KEY_FIND: return .home
        case KEY_END, KEY_SELECT: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_DC: return .delete
        case KEY_BACKSPACE: return .backspace
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        default:
            let f1 = bb_key_f(1), f63 = bb_key_f(63)
            if code >= f1, code <= f63 { return .function(Int(code - f1) + 1) }
            return nil
        }
    }

    /// A key from a character code (OK): control keys by name, the rest as characters.
    static func key(character code: UInt32) -> Key? {
        switch code {
        case 10, 13: return .enter
        case 27: return .escape
        case 9: return .tab
        case 8, 127: return .backspace
        case 1...26:
            return .control(Character(Unicode.Scalar(UInt8(code) + 0x60)))
        case 0..<32, 0x7F..<0xA0:
            return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }

    // MARK: Output

    /// Shows `screen`: writes the cells that changed since the last frame (everything after a
    /// resize or a size change), then shows the hardware cursor at `cursor`, or hides it.
    public func draw(_ screen: Screen, cursor: (x: Int, y: Int)?) {
        guard !restored else { return }
        let window = bb_stdscr()
        let (termWidth, termHeight) = size()
        let width = min(screen.width, termWidth), height = min(screen.height, termHeight)

        let previous: Screen?
        if needsFullRepaint || lastScreen?.width != screen.width || lastScreen?.height != screen.height {
            if needsFullRepaint { clearok(bb_curscr(), true) }
            werase(window)
            previous = nil
            needsFullRepaint = false
        } else {
            previous = lastScreen
        }

        for y in 0..<height {
            guard let (first, last) = changedSpan(in: screen, previous: previous, y: y, width: width) else { continue }
            drawRow(screen, y: y, from: first, through: last, width: width, window: window)
        }
        lastScreen = screen

        if let cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < termWidth, cursor.y < termHeight {
            if !cursorVisible {
                curs_set(1)
                cursorVisible = true
            }
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else if cursorVisible {
            curs_set(0)
            cursorVisible = false
        }
        wnoutrefresh(window)
        doupdate()
    }

    /// The columns of row `y` to rewrite: from the first changed cell (moved left to the start
    /// of a wide character) to the last (moved right over a continuation), or nil.
    private func changedSpan(in screen: Screen, previous: Screen?, y: Int, width: Int) -> (Int, Int)? {
        guard width > 0 else { return nil }
        guard let previous else { return (0, width - 1) }
        var first: Int?
        var last = 0
        for x in 0..<width where screen[x, y] != previous[x, y] {
            if first == nil { first = x }
            last = x
        }
        guard var first else { return nil }
        while first > 0, screen[first, y].isContinuation || previous[first, y].isContinuation { first -= 1 }
        while last + 1 < width, previous[last + 1, y].isContinuation || screen[last + 1, y].isContinuation { last += 1 }
        return (first, last)
    }

    /// Writes cells first...last of row `y`, one positioned cell at a time. A character whose
    /// width in the C library (wcwidth) differs from the screen's is replaced, so that the
    /// columns after it stay where the views put them.
    private func drawRow(_ screen: Screen, y: Int, from first: Int, through last: Int, width: Int, window: UnsafeMutablePointer<WINDOW>?) {
        var coveredThrough = first - 1
        for x in first...last {
            let cell = screen[x, y]
            if cell.isContinuation {
                if coveredThrough >= x { continue }
                put(" ", role: cell.role, x: x, y: y, window: window)
                coveredThrough = x
                continue
            }
            let wantsTwo = x + 1 < width && screen[x + 1, y].isContinuation
            let drawnWidth = put(cell.character, role: cell.role, x: x, y: y, window: window, maximumWidth: wantsTwo ? 2 : 1)
            coveredThrough = x + drawnWidth - 1
        }
    }

    /// Writes one character with its combining marks; returns the columns it took. What the
    /// locale cannot show (a C locale, say) becomes a line from the alternate character set or
    /// an ASCII look-alike (é becomes e), and a character wider than its place becomes "?".
    @discardableResult
    private func put(_ character: Character, role: Role, x: Int, y: Int, window: UnsafeMutablePointer<WINDOW>?, maximumWidth: Int = 1) -> Int {
        let style = palette.attributes(role)
        var text: [wchar_t] = []
        var columns = 1
        if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F {
            text = [wchar_t(ascii)]
        } else {
            let scalars = Array(character.unicodeScalars)
            let base = wchar_t(bitPattern: scalars[0].value)
            let baseWidth = Int(bb_wcwidth(base))
            if baseWidth >= 1, baseWidth <= maximumWidth {
                text = [base]
                columns = baseWidth
                for scalar in scalars.dropFirst() where text.count < Int(CCHARW_MAX) {
                    let mark = wchar_t(bitPattern: scalar.value)
                    if bb_wcwidth(mark) == 0 { text.append(mark) }
                }
            } else if baseWidth < 1, let line = Self.lineDrawingLetter(character) {
                let pair = bb_color_pair(Int32(style.pair))
                mvwaddch(window, Int32(y), Int32(x), bb_acs(CChar(bitPattern: line)) | style.attributes | pair)
                return 1
            } else {
                text = [wchar_t(baseWidth < 1 ? Self.asciiLookAlike(character) : UInt8(ascii: "?"))]
            }
        }
        text.append(0)
        var cell = cchar_t()
        setcchar(&cell, text, style.attributes, style.pair, nil)
        mvwadd_wch(window, Int32(y), Int32(x), &cell)
        return columns
    }

    /// The alternate-character-set letter for a box-drawing character, or nil.
    static func lineDrawingLetter(_ character: Character) -> UInt8? {
        switch character {
        case "─", "━": return UInt8(ascii: "q")
        case "│", "┃": return UInt8(ascii: "x")
        case "┌", "┏", "╭": return UInt8(ascii: "l")
        case "┐", "┓", "╮": return UInt8(ascii: "k")
        case "└", "┗", "╰": return UInt8(ascii: "m")
        case "┘", "┛", "╯": return UInt8(ascii: "j")
        case "├": return UInt8(ascii: "t")
        case "┤": return UInt8(ascii: "u")
        case "┬": return UInt8(ascii: "w")
        case "┴": return UInt8(ascii: "v")
        case "┼": return UInt8(ascii: "n")
        default: return nil
        }
    }

    /// A printable ASCII stand-in: the letter without its accent, a plain dash or dot, or "?".
    static func asciiLookAlike(_ character: Character) -> UInt8 {
        switch character {
        case "…": return UInt8(ascii: ".")
        case "—", "–", "‐", "−": return UInt8(ascii: "-")
        case "‘", "’", "‚": return UInt8(ascii: "'")
        case "“", "”", "„": return UInt8(ascii: "\"")
        case "•", "·", "●": return UInt8(ascii: "*")
        case "↑": return UInt8(ascii: "^")
        case "↓": return UInt8(ascii: "v")
        case "←": return UInt8(ascii: "<")
        case "→": return UInt8(ascii: ">")
        default:
            if let base = String(character).decomposedStringWithCanonicalMapping.unicodeScalars.first,
               base.value >= 0x20, base.value < 0x7F {
                return UInt8(base.value)
            }
            return UInt8(ascii: "?")
        }
    }

    // MARK: Teardown

    /// Leaves curses mode and puts the terminal and signal handlers back. Safe to call more
    /// than once; afterwards `draw` does nothing and `read` returns `.timeout`.
    public func restore() {
        guard !restored else { return }
        restored = true
        if cursorVisible { curs_set(1) }
        mousemask(0, nil)
        endwin()
        bb_restore_signal_handlers()
    }
}
