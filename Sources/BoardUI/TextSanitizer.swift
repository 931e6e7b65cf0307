/// Text from the store or an import never reaches the terminal raw: control characters and
/// escape sequences could move the cursor, change colours or retitle the window.
public enum TextSanitizer {
    /// One display line: line breaks and tabs become spaces; every other control, escape
    /// sequence introducer and bidirectional override is dropped.
    public static func singleLine(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
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

    /// Multi-line text (notes): keeps line breaks, cleans each line.
    public static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { singleLine(String($0)) }
    }
}
