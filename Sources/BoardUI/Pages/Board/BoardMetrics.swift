import BoardCore

/// The board's geometry, shared by the view that draws it and the update that scrolls it.
public enum BoardMetrics {
    /// Title row and status row (the key bar is below the page).
    static let chromeRows = 2
    /// Lines of text on a card, and the blank line between cards.
    public static let cardLines = 4
    static let cardPitch = cardLines + 1

    /// Rows inside a column's border.
    static func innerHeight(pageHeight: Int) -> Int { max(0, pageHeight - chromeRows - 2) }

    /// How many cards fit in a column at once, under the line of counts when the header has one
    /// (BoardHeader.swift).
    public static func visibleCards(pageHeight: Int, countLine: Bool) -> Int {
        max(1, (innerHeight(pageHeight: pageHeight) - (countLine ? 1 : 0) + 1) / cardPitch)
    }

    /// The part of a column (its box) where the cards stand: inside the border, below the line of
    /// counts when the header has one.
    static func cardArea(inColumn rect: Rect, countLine: Bool) -> Rect {
        let inner = rect.inset(by: 1)
        return countLine ? Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1) : inner
    }

    /// Where a column's card stands, `offset` places below the first one in view.
    static func cardRect(_ offset: Int, inColumn inner: Rect) -> Rect {
        let y = inner.y + offset * cardPitch
        return Rect(x: inner.x, y: y, width: inner.width, height: min(cardLines, inner.maxY - y))
    }

    /// The columns of a board drawn in a page area of `width` by `pageHeight`.
    static func columnRects(width: Int, pageHeight: Int) -> [Rect] {
        columnRects(width: width, top: 1, height: pageHeight - chromeRows, count: Stage.allCases.count)
    }

    /// The x-range of each of the five columns: equal widths, the remainder to the last ones.
    static func columnRects(width: Int, top: Int, height: Int, count: Int) -> [Rect] {
        let base = width / count, extra = width % count
        var x = 0
        return (0..<count).map { index in
            let w = base + (index >= count - extra ? 1 : 0)
            defer { x += w }
            return Rect(x: x, y: top, width: w, height: height)
        }
    }
}
