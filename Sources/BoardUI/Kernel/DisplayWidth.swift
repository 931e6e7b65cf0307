/// How many terminal columns text takes. `String.count` is not it: Zoë is 3 columns,
/// 李娜 is 4, and a combining accent takes none. Pure Swift, so it does not depend on the locale.
public enum DisplayWidth {
    public static func of(_ character: Character) -> Int {
        if character.isASCII { return character.asciiValue! < 0x20 || character.asciiValue! == 0x7F ? 0 : 1 }
        guard let first = character.unicodeScalars.first else { return 0 }
        if isZeroWidth(first) { return 0 }
        if isWide(first) || character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) && first.properties.isEmoji {
            return 2
        }
        return 1
    }

    public static func of(_ text: String) -> Int {
        if isPrintableASCII(text) { return text.utf8.count }
        if isSimpleLatin(text) { return text.unicodeScalars.count }
        return measuredByCharacter(text)
    }

    static func measuredByCharacter(_ text: String) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// Cuts `text` to at most `width` columns, ending in `…` when something was cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if isPrintableASCII(text) {
            return text.utf8.count <= width ? text : String(decoding: text.utf8.prefix(width - 1), as: UTF8.self) + "…"
        }
        if isSimpleLatin(text) {
            let scalars = text.unicodeScalars
            return scalars.count <= width ? text : String(String.UnicodeScalarView(scalars.prefix(width - 1))) + "…"
        }
        return truncatedByCharacter(text, to: width)
    }

    static func truncatedByCharacter(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        var total = 0
        var fits = true
        for character in text {
            total += of(character)
            if total > width { fits = false; break }
        }
        if fits { return text }
        var result = ""
        var used = 0
        for character in text {
            let w = of(character)
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }

    /// Pads with spaces (or cuts) to exactly `width` columns.
    public static func pad(_ text: String, to width: Int) -> String {
        let cut = truncate(text, to: width)
        return cut + String(repeating: " ", count: max(0, width - of(cut)))
    }

    /// Printable ASCII is one column per byte: the common case, measured without Characters.
    static func isPrintableASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// Latin letters whose accent is part of one code point (Ö, ë, ı, ş, ğ: most names on a Dutch
    /// board): each scalar is one character and one column, so these too are measured without
    /// Characters, whose grapheme breaking was a fifth of drawing a frame. Combining marks start at
    /// U+0300; U+00AD (soft hyphen) takes no column, and U+0080–U+009F are control characters.
    static func isSimpleLatin(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            let value = scalar.value
            return (value >= 0x20 && value < 0x7F) || (value >= 0xA0 && value < 0x300 && value != 0xAD)
        }
    }

    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return true
        default: return scalar.value == 0x200B
        }
    }

    /// East Asian Wide and Fullwidth ranges, and emoji shown as pictures.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x1100 { return false }
        if scalar.properties.isEmojiPresentation { return true }
        return (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
    }
}
