import BoardUI
import CNcurses

/// Turns theme roles into ncurses attributes: colours quantized to what the terminal has
/// (the arithmetic lives in `BoardUI.ColourQuantizer`, tested there), one colour pair per
/// (foreground, background) combination, allocated on first use.
final class ColourPalette {
    let depth: ColourDepth
    /// False when `use_default_colors` failed: -1 then stands for white on black.
    let hasDefaultColours: Bool
    private let maximumPairs: Int
    private var pairs: [PairKey: Int16] = [:]
    private var attributesByRole: [Role: Attributes] = [:]

    /// What a cell needs: attributes without colour bits, and the colour pair number
    /// (setcchar takes the pair separately and would overwrite colour bits in the attributes).
    struct Attributes {
        var attributes: attr_t
        var pair: Int16
    }

    struct PairKey: Hashable {
        var foreground: Int
        var background: Int
    }

    init(theme: Theme, depth: ColourDepth, hasDefaultColours: Bool, maximumPairs: Int) {
        self.depth = depth
        self.hasDefaultColours = hasDefaultColours
        self.maximumPairs = min(maximumPairs, Int(Int16.max))
        for role in Role.allCases {
            attributesByRole[role] = attributes(for: Self.resolve(theme.style(role), role: role, depth: depth))
        }
    }

    /// The attributes and colour pair to draw a role in.
    func attributes(_ role: Role) -> Attributes {
        attributesByRole[role] ?? Attributes(attributes: bb_a_normal(), pair: 0)
    }

    /// A role's style as this terminal shows it. Pure.
    static func resolve(_ style: Style, role: Role, depth: ColourDepth) -> TerminalStyle {
        ColourQuantizer.resolve(style, role: role, depth: depth)
    }

    /// A theme colour as a colour index for this depth (-1 is the terminal default). Pure.
    static func colourIndex(_ colour: ThemeColor, depth: ColourDepth) -> (index: Int, needsBold: Bool) {
        ColourQuantizer.index(of: colour, depth: depth)
    }

    private func attributes(for style: TerminalStyle) -> Attributes {
        var attributes = bb_a_normal()
        if style.bold { attributes |= bb_a_bold() }
        if style.dim { attributes |= bb_a_dim() }
        if style.reverse { attributes |= bb_a_reverse() }
        if style.underline { attributes |= bb_a_underline() }
        if style.italic { attributes |= bb_a_italic() }
        let pair = depth == .none ? 0 : pair(foreground: style.foreground, background: style.background)
        return Attributes(attributes: attributes, pair: pair)
    }

    /// The colour pair for a combination, made on first use; 0 (the terminal's default colours)
    /// when both are the default or the terminal has no pairs left.
    private func pair(foreground: Int, background: Int) -> Int16 {
        var key = PairKey(foreground: foreground, background: background)
        if !hasDefaultColours {
            if key.foreground < 0 { key.foreground = 7 }
            if key.background < 0 { key.background = 0 }
            if key == PairKey(foreground: 7, background: 0) { return 0 }
        } else if key.foreground < 0 && key.background < 0 {
            return 0
        }
        if let existing = pairs[key] { return existing }
        let next = pairs.count + 1
        guard next < maximumPairs else { return 0 }
        guard init_pair(Int16(next), Int16(key.foreground), Int16(key.background)) != ERR else { return 0 }
        pairs[key] = Int16(next)
        return Int16(next)
    }
}
