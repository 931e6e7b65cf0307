/// Text from the store or an import never reaches the terminal raw: control characters and
/// escape sequences could move the cursor, change colours or retitle the window.
public enum TextSanitizer {
    /// One display line: line breaks and tabs become spaces; every other control, escape
    /// sequence introducer and bidirectional override is dropped.
    public static func singleLine(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) || !containsDropped(text) { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: result.unicodeScalars.append(" ")
            case 0x00...0x1F, 0x7F...0x9F: continue
            case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F: continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Text as screen cells show it: `singleLine`, and an emoji joined to others (👨‍👩‍👧‍👦 is four,
    /// joined by U+200D) keeps the first. Terminals disagree on such a sequence's width (one
    /// picture, or each of its parts), so whatever width the board assumed, some terminal would
    /// move every column after it. Only for the screen: imports and exports keep the text whole.
    public static func forScreen(_ text: String) -> String {
        let line = singleLine(text)
        return containsJoiner(line) ? firstOfJoinedEmoji(line) : line
    }

    /// Whether `text` has a zero-width joiner (E2 80 8D in UTF-8).
    static func containsJoiner(_ text: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            if previous == (0xE2, 0x80), byte == 0x8D { return true }
            previous = (previous.1, byte)
        }
        return false
    }

    /// Each emoji sequence joined by U+200D as its first emoji; a joiner inside a word of another
    /// script (Devanagari) is not an emoji's and stays.
    static func firstOfJoinedEmoji(_ text: String) -> String {
        var result = ""
        for character in text {
            let scalars = character.unicodeScalars
            if let first = scalars.first, first.value > 0x7F, first.properties.isEmoji,
               let joiner = scalars.firstIndex(where: { $0.value == 0x200D }) {
                result.unicodeScalars.append(contentsOf: scalars[..<joiner])
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// Whether `text` has anything `singleLine` changes, found from its UTF-8 bytes: C0 controls
    /// and DEL, C1 controls (C2 80–9F) and the bidirectional marks and overrides (E2 80 8E/8F,
    /// E2 80 AA–AE, E2 81 A6–A9). Most names with accents have none, and are drawn as they are.
    static func containsDropped(_ text: String) -> Bool {
        var utf8 = text.utf8.makeIterator()
        var previous: (UInt8, UInt8) = (0, 0)
        while let byte = utf8.next() {
            if byte < 0x20 || byte == 0x7F { return true }
            switch (previous.0, previous.1, byte) {
            case (_, 0xC2, 0x80...0x9F): return true
            case (0xE2, 0x80, 0x8E), (0xE2, 0x80, 0x8F), (0xE2, 0x80, 0xAA...0xAE), (0xE2, 0x81, 0xA6...0xA9): return true
            default: break
            }
            previous = (previous.1, byte)
        }
        return false
    }

    /// Multi-line text (notes): keeps line breaks, cleans each line.
    public static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { singleLine(String($0)) }
    }
}
