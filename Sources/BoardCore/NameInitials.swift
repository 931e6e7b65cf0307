/// Names as initials, for what is shown to a room or handed round: meeting mode on every screen
/// (NameMask in BoardUI) and the meeting's minutes.
public enum NameInitials {
    /// `de Vries` → `d.V.`, `Jansen-Bakker` → `J.-B.`, `Zoë` → `Z.`.
    public static func of(_ name: String) -> String {
        name.split(whereSeparator: \.isWhitespace).map { word in
            word.split(separator: "-", omittingEmptySubsequences: true).map { part in
                part.first.map { "\($0)." } ?? ""
            }.joined(separator: "-")
        }.joined()
    }

    /// Replaces every known name in `text` (whole words only) by its initials; longer names first,
    /// so `Petra de Vries` becomes `P.d.V.` rather than `Petra d.V.`.
    public static func scrub(_ text: String, names: [String]) -> String {
        var result = text
        for name in names.sorted(by: { $0.count > $1.count }) where !name.isEmpty {
            result = replaceWholeWord(name, with: of(name), in: result)
        }
        return result
    }

    /// The names, trimmed, and every capitalised word of at least two letters in them: a note
    /// may say `Petra` of `Petra de Vries`.
    public static func withTheirWords(_ names: [String]) -> [String] {
        var all = Set(names.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty })
        for name in all {
            for word in name.split(whereSeparator: { $0.isWhitespace || $0 == "-" })
            where word.count >= 2 && (word.first?.isUppercase ?? false) {
                all.insert(String(word))
            }
        }
        return Array(all)
    }

    private static func replaceWholeWord(_ word: String, with replacement: String, in text: String) -> String {
        guard text.contains(word) else { return text }
        var result = ""
        var rest = text[...]
        while let range = rest.range(of: word) {
            let before = range.lowerBound == rest.startIndex ? result.last : rest[rest.index(before: range.lowerBound)]
            let after = range.upperBound == rest.endIndex ? nil : rest[range.upperBound]
            let isWord = !(before?.isLetter ?? false) && !(after?.isLetter ?? false)
            result += rest[..<range.lowerBound]
            result += isWord ? replacement : String(rest[range])
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
