/// How many colours a terminal can show, as far as themes are concerned.
public enum ColourDepth: Equatable, Sendable {
    /// No colour: attributes only (TERM=vt100, NO_COLOR, or colour switched off).
    case none
    case eight
    case sixteen
    case indexed256

    /// The depth for a terminal that reports `count` colours (ncurses' COLORS).
    public static func forColourCount(_ count: Int) -> ColourDepth {
        if count >= 256 { return .indexed256 }
        if count >= 16 { return .sixteen }
        if count >= 8 { return .eight }
        return .none
    }
}

/// A style as a particular terminal can show it: colour indices (-1 is the terminal's default)
/// and attributes. Pure data; the Terminal target turns it into an ncurses colour pair.
public struct TerminalStyle: Hashable, Sendable {
    public var foreground: Int
    public var background: Int
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool
    public var italic: Bool

    public init(foreground: Int = -1, background: Int = -1, bold: Bool = false, dim: Bool = false,
                reverse: Bool = false, underline: Bool = false, italic: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
        self.italic = italic
    }
}

/// Maps theme colours to what a terminal has: the nearest xterm-256 index, the nearest of the
/// 16 or 8 ANSI colours, or nothing at all. Pure arithmetic, so it is tested without a terminal.
public enum ColourQuantizer {
    /// The usual xterm values of the 16 ANSI colours (0 black ... 7 white, 8-15 bright).
    public static let ansiPalette: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
        (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
        (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// The six levels of each axis of the xterm 6x6x6 colour cube (indices 16...231).
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// The RGB value of an xterm-256 colour index.
    public static func rgb(ofXterm index: Int) -> (UInt8, UInt8, UInt8) {
        switch index {
        case 0..<16:
            return ansiPalette[index]
        case 16..<232:
            let i = index - 16
            return (UInt8(cubeLevels[i / 36]), UInt8(cubeLevels[(i / 6) % 6]), UInt8(cubeLevels[i % 6]))
        case 232..<256:
            let level = UInt8(8 + 10 * (index - 232))
            return (level, level, level)
        default:
            return (0, 0, 0)
        }
    }

    /// The nearest colour in the xterm 256-colour palette. Only the cube (16...231) and the grey
    /// ramp (232...255) are used: users often redefine 0...15, the others are fixed.
    public static func xterm256Index(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
        func nearestLevel(_ value: UInt8) -> Int {
            var best = 0
            for (i, level) in cubeLevels.enumerated() where abs(level - Int(value)) < abs(cubeLevels[best] - Int(value)) {
                best = i
            }
            return best
        }
        let cube = 16 + 36 * nearestLevel(r) + 6 * nearestLevel(g) + nearestLevel(b)
        let average = (Int(r) + Int(g) + Int(b)) / 3
        let greyStep = min(23, max(0, (average - 3) / 10))
        let grey = 232 + greyStep
        return distance(rgb(ofXterm: grey), (r, g, b)) < distance(rgb(ofXterm: cube), (r, g, b)) ? grey : cube
    }

    /// The closest of the 16 ANSI colours (`count` 16) or of the first 8 (`count` 8). Users and
    /// terminals redefine these freely, so this goes by intent rather than by distance to some
    /// palette: greys become black, bright black, white or bright white by lightness; other
    /// colours take the ANSI colour of their hue sector, bright when they are light enough.
    public static func nearestANSI(_ r: UInt8, _ g: UInt8, _ b: UInt8, count: Int) -> Int {
        let red = Int(r), green = Int(g), blue = Int(b)
        let high = max(red, green, blue), low = min(red, green, blue)
        let chroma = high - low
        let bright = count >= 16
        if high < 48 { return 0 }
        if chroma < 32 || chroma * 10 < high * 3 {
            let lightness = (red + green + blue) / 3
            guard bright else { return lightness < 115 ? 0 : 7 }
            let greys: [(index: Int, level: Int)] = [(0, 0), (8, 127), (7, 229), (15, 255)]
            return greys.min { abs($0.level - lightness) < abs($1.level - lightness) }!.index
        }
        var hue: Int
        if high == red {
            hue = 60 * (green - blue) / chroma
        } else if high == green {
            hue = 120 + 60 * (blue - red) / chroma
        } else {
            hue = 240 + 60 * (red - green) / chroma
        }
        hue = (hue + 360) % 360
        // Sectors of 60 degrees centred on red, yellow, green, cyan, blue, magenta.
        let sectorColours = [1, 3, 2, 6, 4, 5]
        let colour = sectorColours[((hue + 30) / 60) % 6]
        return bright && high >= 230 ? colour + 8 : colour
    }

    /// A theme colour as a colour index for the given depth, plus whether bold is needed to get
    /// a bright colour on an 8-colour terminal. -1 is the terminal's default colour.
    public static func index(of colour: ThemeColor, depth: ColourDepth) -> (index: Int, needsBold: Bool) {
        switch (colour, depth) {
        case (_, .none), (.terminalDefault, _):
            return (-1, false)
        case (.ansi(let n), .eight):
            let n = min(max(n, 0), 15)
            return n >= 8 ? (n - 8, true) : (n, false)
        case (.ansi(let n), _):
            return (min(max(n, 0), 15), false)
        case (.rgb(let r, let g, let b), .indexed256):
            return (xterm256Index(r, g, b), false)
        case (.rgb(let r, let g, let b), .sixteen):
            return (nearestANSI(r, g, b, count: 16), false)
        case (.rgb(let r, let g, let b), .eight):
            return (nearestANSI(r, g, b, count: 8), false)
        }
    }

    /// How a role's style is shown at a depth. Without colour, a style that uses colour also
    /// takes the monochrome theme's attributes for its role (added to its own), so that
    /// selection, overdue and errors stay visible when the colours are gone.
    public static func resolve(_ style: Style, role: Role, depth: ColourDepth) -> TerminalStyle {
        if depth == .none {
            let usesColour = style.foreground != .terminalDefault || style.background != .terminalDefault
            let extra = usesColour ? Theme.builtInMonochrome.style(role) : Style()
            return TerminalStyle(bold: style.bold || extra.bold, dim: style.dim || extra.dim,
                                 reverse: style.reverse || extra.reverse, underline: style.underline || extra.underline,
                                 italic: style.italic || extra.italic)
        }
        let foreground = index(of: style.foreground, depth: depth)
        let background = index(of: style.background, depth: depth)
        return TerminalStyle(foreground: foreground.index, background: background.index,
                             bold: style.bold || foreground.needsBold, dim: style.dim, reverse: style.reverse,
                             underline: style.underline, italic: style.italic)
    }

    /// A perceptual approximation of colour distance ("redmean"), squared and scaled: used to
    /// choose between the xterm cube and the grey ramp.
    static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let meanRed = (Int(a.0) + Int(b.0)) / 2
        let dr = Int(a.0) - Int(b.0), dg = Int(a.1) - Int(b.1), db = Int(a.2) - Int(b.2)
        return ((512 + meanRed) * dr * dr >> 8) + 4 * dg * dg + ((767 - meanRed) * db * db >> 8)
    }
}
