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
public struct Screen: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(), count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes `text` at (x, y), sanitized, clipped to `maxWidth` columns (and the screen) with an
    /// ellipsis where it is cut. Returns the number of columns written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, maxWidth: Int? = nil, role: Role = .normal) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(maxWidth ?? (width - x), width - max(0, x))
        guard limit > 0 else { return 0 }
        let fitted = DisplayWidth.truncate(TextSanitizer.singleLine(text), to: limit)
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

    /// Fills a rectangle with blanks in a role (clipped to the screen).
    public mutating func fill(_ rect: Rect, role: Role, character: Character = " ") {
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX)
        let y0 = max(0, rect.y), y1 = min(height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 {
            for x in x0..<x1 { self[x, y] = Cell(character, role: role) }
        }
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
        for x in rect.x...right {
            put(x == rect.x ? "┌" : x == right ? "┐" : "─", x: x, y: rect.y, maxWidth: 1, role: role)
            put(x == rect.x ? "└" : x == right ? "┘" : "─", x: x, y: bottom, maxWidth: 1, role: role)
        }
        if rect.height > 2 {
            for y in (rect.y + 1)..<bottom {
                put("│", x: rect.x, y: y, maxWidth: 1, role: role)
                put("│", x: right, y: y, maxWidth: 1, role: role)
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
