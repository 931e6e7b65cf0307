/// Word wrap that remembers where each line starts, so a cursor in the text can be placed on screen.
public enum TextLayout {
    public struct Line: Equatable, Sendable {
        public var text: String
        /// Index (in characters) of the line's first character in the whole text.
        public var start: Int
    }

    /// Wraps at spaces to at most `width` columns; breaks words longer than a line; keeps line breaks.
    public static func wrap(_ text: String, width: Int) -> [Line] {
        guard width > 0 else { return [] }
        var lines: [Line] = []
        var offset = 0
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let characters = Array(paragraph)
            var start = 0
            if characters.isEmpty { lines.append(Line(text: "", start: offset)) }
            while start < characters.count {
                var end = start, used = 0, lastSpace: Int?
                while end < characters.count {
                    let w = DisplayWidth.of(characters[end])
                    if used + w > width { break }
                    if characters[end] == " " { lastSpace = end }
                    used += w
                    end += 1
                }
                if end < characters.count, let space = lastSpace, space > start { end = space + 1 }
                if end == start { end = start + 1 }
                lines.append(Line(text: TextSanitizer.singleLine(String(characters[start..<end])), start: offset + start))
                start = end
            }
            offset += characters.count + 1
        }
        return lines
    }

    /// Plain wrapped lines, without the offsets.
    public static func wrapped(_ text: String, width: Int) -> [String] { wrap(text, width: width).map(\.text) }

    /// The line and column of character index `cursor` in the wrapped text.
    public static func position(of cursor: Int, in lines: [Line], text: String) -> (line: Int, column: Int) {
        guard !lines.isEmpty else { return (0, 0) }
        let index = lines.lastIndex(where: { $0.start <= cursor }) ?? 0
        let characters = Array(text)
        let from = min(lines[index].start, characters.count), to = min(max(from, cursor), characters.count)
        return (index, DisplayWidth.of(String(characters[from..<to])))
    }
}
