/// Where a search finds its text in a line, ignoring case and accents as the board's `/` does
/// (`BoardColumns.searchForm`): `sahin` is found in `Şahin`. The places are character offsets
/// into the line as written, so a page can mark exactly what was found.
public enum TextSearch {
    /// Whether `line` holds `query`; an empty query is found nowhere.
    public static func contains(_ query: String, in line: String) -> Bool {
        let needle = folded(query)
        return !needle.isEmpty && folded(line).contains(needle)
    }

    /// Every place `query` stands in `line`, not overlapping, as ranges of the line's characters.
    public static func ranges(of query: String, in line: String) -> [Range<Int>] {
        let needle = Array(folded(query))
        guard !needle.isEmpty else { return [] }
        var text = Array(folded(line))
        var owner = Array(0..<text.count)
        if text.count != line.count {
            // A fold that changes the length (`ß` → `ss`): each character folded on its own, with
            // the offset of the character it came from, so what is found maps back to what was written.
            text = []
            owner = []
            for (offset, character) in line.enumerated() {
                let piece = folded(String(character))
                text += piece
                owner += Array(repeating: offset, count: piece.count)
            }
        }
        var found: [Range<Int>] = []
        var start = 0
        while start + needle.count <= text.count {
            if text[start..<(start + needle.count)].elementsEqual(needle) {
                found.append(owner[start]..<(owner[start + needle.count - 1] + 1))
                start += needle.count
            } else {
                start += 1
            }
        }
        return found
    }

    /// The board's search form; ASCII (most of a log) is only lowercased, without Foundation's folding.
    static func folded(_ text: String) -> String {
        text.utf8.allSatisfy { $0 < 0x80 } ? text.lowercased() : BoardColumns.searchForm(text)
    }
}
