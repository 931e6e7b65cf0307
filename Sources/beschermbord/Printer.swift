import BoardUI
import Foundation

/// What the commands print for the user. The text may come from a file or the store, so it never
/// reaches the terminal with control characters or escape sequences, which could move the cursor,
/// recolour or retitle it.
enum Printer {
    /// One line, cleaned; for a file name or a store's text inside a message.
    static func clean(_ text: String) -> String { TextSanitizer.singleLine(text) }

    /// A line for the user on stdout, cleaned.
    static func say(_ line: String) { FileHandle.standardOutput.write(Data((clean(line) + "\n").utf8)) }

    /// A warning or problem line on stderr, cleaned.
    static func warn(_ line: String) { FileHandle.standardError.write(Data((clean(line) + "\n").utf8)) }

    /// Columns padded to the widest value (in display columns), at most `maximum` wide each; the
    /// last column is not padded.
    static func table(_ rows: [[String]], maximum: Int = 40) -> [String] {
        let cleaned = rows.map { $0.map(Self.clean) }
        guard let count = cleaned.map(\.count).max(), count > 0 else { return [] }
        var widths = [Int](repeating: 0, count: count)
        for row in cleaned {
            for (index, cell) in row.enumerated() { widths[index] = min(maximum, max(widths[index], DisplayWidth.of(cell))) }
        }
        return cleaned.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : DisplayWidth.pad(cell, to: widths[index])
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
