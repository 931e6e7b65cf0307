/// A rectangle of terminal cells.
public struct Rect: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }

    public func inset(by amount: Int) -> Rect {
        Rect(x: x + amount, y: y + amount, width: width - 2 * amount, height: height - 2 * amount)
    }
}

/// One terminal cell: a character and the colour role it is drawn in. A wide character occupies
/// two cells; the second is a continuation that the terminal skips.
public struct Cell: Equatable, Sendable {
    public var character: Character
    public var role: Role
    public var isContinuation: Bool

    public init(_ character: Character = " ", role: Role = .normal, isContinuation: Bool = false) {
        self.character = character
        self.role = role
        self.isContinuation = isContinuation
    }
}

/// The in-memory frame that views draw into. The terminal flushes only the cells that changed;
/// tests read it back as lines of text.
///
/// A view draws into a region of it (`region(_:_:)`), as a ratatui widget renders into a `Rect`
/// of a buffer: inside, (0, 0) is the region's corner, `width` and `height` are the region's, and
/// nothing is drawn outside it. So a page, a dialog or the key bar need not know where it stands.
public struct Screen: Equatable, Sendable {
    /// Columns of the whole grid: the stride of `cells`.
    private let stride: Int
    public private(set) var cells: [Cell]
    /// Where drawing goes now, in the grid's coordinates (the whole grid outside `region`).
    private var area: Rect

    public init(width: Int, height: Int) {
        stride = max(0, width)
        area = Rect(x: 0, y: 0, width: width, height: height)
        cells = Array(repeating: Cell(), count: area.width * area.height)
    }

    public var width: Int { area.width }
    public var height: Int { area.height }
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// Draws `body` into `rect` (in this region's coordinates, clipped to it); positions inside
    /// are relative to `rect`, and what `body` returns is passed back.
    public mutating func region<Result>(_ rect: Rect, _ body: (inout Screen) -> Result) -> Result {
        let outer = area
        let x0 = min(max(0, rect.x), outer.width), y0 = min(max(0, rect.y), outer.height)
        area = Rect(x: outer.x + x0, y: outer.y + y0,
                    width: min(rect.maxX, outer.width) - x0, height: min(rect.maxY, outer.height) - y0)
        defer { area = outer }
        return body(&self)
    }

    /// The cell at (x, y) of the region.
    public subscript(x: Int, y: Int) -> Cell {
        get { cells[(area.y + y) * stride + area.x + x] }
        set { cells[(area.y + y) * stride + area.x + x] = newValue }
    }

    /// Writes `text` at (x, y), sanitized, clipped to `maxWidth` columns (and the screen) with an
    /// ellipsis where it is cut. Returns the number of columns written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, maxWidth: Int? = nil, role: Role = .normal) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(maxWidth ?? (width - x), width - max(0, x))
        guard limit > 0 else { return 0 }
        if let written = putPrintableASCII(text, x: x, y: y, limit: limit, role: role) { return written }
        let fitted = DisplayWidth.truncate(TextSanitizer.forScreen(text), to: limit)
        var column = x
        for character in fitted {
            let cellWidth = DisplayWidth.of(character)
            if cellWidth == 0 { continue }
            if column >= 0 {
                self[column, y] = Cell(character, role: role)
                if cellWidth == 2, column + 1 < width { self[column + 1, y] = Cell(" ", role: role, isContinuation: true) }
            }
            column += cellWidth
        }
        return column - x
    }

    /// `put` for text that is only printable ASCII (most of what the board draws): one column per
    /// byte, nothing to clean, so no Character iteration. Nil when the text is anything else.
    private mutating func putPrintableASCII(_ text: String, x: Int, y: Int, limit: Int, role: Role) -> Int? {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        let count = utf8.count
        let shown = count <= limit ? count : limit - 1
        let row = (area.y + y) * stride + area.x
        var column = x
        cells.withUnsafeMutableBufferPointer { cells in
            for byte in utf8.prefix(shown) {
                if column >= 0 { cells[row + column] = Cell(Screen.ascii[Int(byte)], role: role) }
                column += 1
            }
            if count > limit {
                if column >= 0 { cells[row + column] = Cell("…", role: role) }
                column += 1
            }
        }
        return column - x
    }

    /// The ASCII characters by code, made once.
    private static let ascii: [Character] = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) }

    /// Sets one cell when it is on the screen.
    private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        if x >= 0, x < width, y >= 0, y < height { self[x, y] = cell }
    }

    /// Fills a rectangle with blanks in a role (clipped to the screen).
    public mutating func fill(_ rect: Rect, role: Role, character: Character = " ") {
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX)
        let y0 = max(0, rect.y), y1 = min(height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 {
            for x in x0..<x1 { self[x, y] = Cell(character, role: role) }
        }
    }

    /// Blanks the rows of `rect` across the whole region: a dialog drawn in `rect` then leaves no
    /// slivers of the cards or text below it at its sides.
    public mutating func clearRows(of rect: Rect) {
        fill(Rect(x: 0, y: rect.y, width: width, height: rect.height), role: .normal)
    }

    /// Changes the role of cells without changing their text (e.g. to highlight a selection).
    public mutating func paint(_ rect: Rect, role: Role) {
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX)
        let y0 = max(0, rect.y), y1 = min(height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 {
            for x in x0..<x1 { self[x, y].role = role }
        }
    }

    /// Draws a single-line box border with an optional title.
    public mutating func box(_ rect: Rect, role: Role, title: String? = nil, titleRole: Role? = nil) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let right = rect.maxX - 1, bottom = rect.maxY - 1
        // Border characters are one column wide and need no cleaning: set the cells directly.
        let horizontal = Cell("─", role: role), vertical = Cell("│", role: role)
        for x in rect.x...right {
            set(x, rect.y, x == rect.x ? Cell("┌", role: role) : x == right ? Cell("┐", role: role) : horizontal)
            set(x, bottom, x == rect.x ? Cell("└", role: role) : x == right ? Cell("┘", role: role) : horizontal)
        }
        if rect.height > 2 {
            for y in (rect.y + 1)..<bottom {
                set(rect.x, y, vertical)
                set(right, y, vertical)
            }
        }
        if let title, rect.width > 4 {
            put(" \(title) ", x: rect.x + 1, y: rect.y, maxWidth: rect.width - 2, role: titleRole ?? role)
        }
    }

    /// Row `y` as text; continuation cells are skipped so wide characters read naturally.
    public func line(_ y: Int) -> String {
        var text = ""
        for x in 0..<width where !self[x, y].isContinuation { text.append(self[x, y].character) }
        return text
    }

    /// Every row, with trailing spaces removed: what tests compare against.
    public var lines: [String] {
        (0..<height).map { y in
            var text = line(y)
            while text.last == " " { text.removeLast() }
            return text
        }
    }

    /// The whole screen as one string, one row per line.
    public var text: String { lines.joined(separator: "\n") }
}
