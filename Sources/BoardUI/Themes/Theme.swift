/// The named colour roles a view draws in. A theme maps each to a style; the terminal maps
/// styles to what it can show (256, 16, 8 colours or none).
public enum Role: String, CaseIterable, Sendable {
    case normal
    case dim
    case title
    case columnHeader = "column_header"
    case columnHeaderOverLimit = "column_header_over_limit"
    case borderFocused = "border_focused"
    case borderUnfocused = "border_unfocused"
    case cardSelected = "card_selected"
    case cardSelectedUnfocused = "card_selected_unfocused"
    case overdue
    /// A card's days in its column past the theme's first ageing threshold.
    case cardAgeing = "card_ageing"
    /// ... and past the second.
    case cardOld = "card_old"
    case warning
    case error
    case keyHint = "key_hint"
    case searchMatch = "search_match"
    case maskedName = "masked_name"
    case statusBar = "status_bar"
    case dialog
    case input
    case inputFocused = "input_focused"
}

/// A colour as a theme names it.
public enum ThemeColor: Equatable, Sendable {
    /// The terminal's own default foreground or background.
    case terminalDefault
    /// One of the 16 ANSI colours (0 black ... 7 white, 8-15 bright).
    case ansi(Int)
    /// A 24-bit colour, shown as the nearest colour the terminal has.
    case rgb(UInt8, UInt8, UInt8)
}

public struct Style: Equatable, Sendable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool
    public var italic: Bool

    public init(foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault,
                bold: Bool = false, dim: Bool = false, reverse: Bool = false, underline: Bool = false, italic: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
        self.italic = italic
    }
}

/// When a card's days in its column show as ageing: from `ageingDays` on in role `card_ageing`,
/// from `oldDays` on in `card_old`. A theme sets them in its `[ageing]` table.
public struct CardAgeing: Equatable, Sendable {
    public enum Level: Sendable { case fresh, ageing, old }

    public var ageingDays: Int
    public var oldDays: Int

    public init(ageingDays: Int, oldDays: Int) {
        self.ageingDays = ageingDays
        self.oldDays = oldDays
    }

    /// Two weeks in a column is worth a look; six weeks calls for the team.
    public static let standard = CardAgeing(ageingDays: 14, oldDays: 42)

    public func level(days: Int) -> Level {
        days >= oldDays ? .old : (days >= ageingDays ? .ageing : .fresh)
    }
}

/// A named set of styles, one per role, and the card ageing thresholds.
public struct Theme: Equatable, Sendable {
    public var name: String
    public var styles: [Role: Style]
    public var ageing: CardAgeing

    public init(name: String, styles: [Role: Style], ageing: CardAgeing = .standard) {
        self.name = name
        self.styles = styles
        self.ageing = ageing
    }

    public func style(_ role: Role) -> Style { styles[role] ?? styles[.normal] ?? Style() }

    /// Used when no theme file can be found, and for terminals without colour: attributes only,
    /// chosen so that selection, overdue and errors stay visible.
    public static let builtInMonochrome = Theme(name: "monochroom", styles: [
        .normal: Style(),
        .dim: Style(dim: true),
        .title: Style(bold: true),
        .columnHeader: Style(bold: true),
        .columnHeaderOverLimit: Style(bold: true, underline: true),
        .borderFocused: Style(bold: true),
        .borderUnfocused: Style(dim: true),
        .cardSelected: Style(reverse: true),
        .cardSelectedUnfocused: Style(underline: true),
        .overdue: Style(bold: true),
        .cardAgeing: Style(underline: true),
        .cardOld: Style(bold: true, underline: true),
        .warning: Style(bold: true),
        .error: Style(bold: true, reverse: true),
        .keyHint: Style(bold: true),
        .searchMatch: Style(underline: true),
        .maskedName: Style(italic: true),
        .statusBar: Style(reverse: true),
        .dialog: Style(),
        .input: Style(underline: true),
        .inputFocused: Style(reverse: true),
    ])
}
