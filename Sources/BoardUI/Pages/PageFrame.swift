import BoardCore

/// The frame of a full page (the area above the key bar): the title row itself (title left, today's date
/// right), a box with a scrolled window of lines, scroll marks, and the status message above the
/// key bar. The report, agenda and caseload draw in it; the family, plan and log pages share its
/// title row. The lines are the page's own.
enum PageFrame {
    typealias Line = FamilyView.Line

    /// Rows of lines inside the box: the page less the title row, the box's borders and the
    /// message row.
    static func bodyHeight(pageHeight: Int) -> Int { max(0, pageHeight - 4) }

    /// How far a page key moves: the rows in view, less one that stays for context.
    static func rowsPerPage(pageHeight: Int) -> Int { max(1, bodyHeight(pageHeight: pageHeight) - 1) }

    /// Columns a line may take: the box's borders and a space of margin on either side.
    static func textWidth(screenWidth: Int) -> Int { max(1, screenWidth - 4) }

    /// The first line that keeps `line` in view at the bottom of the box (0 without a line).
    static func scroll(showing line: Int?, pageHeight: Int) -> Int {
        line.map { max(0, $0 - bodyHeight(pageHeight: pageHeight) + 1) } ?? 0
    }

    /// The title row of every full page: the title, and today's date on the right. In meeting
    /// mode the badge takes the room left of the date, so the title ends before it.
    static func drawTitle(_ title: String, context: PageContext, into target: inout Screen) {
        target.fill(Rect(x: 0, y: 0, width: target.width, height: 1), role: .statusBar)
        let date = " \(context.today.dutch) "
        target.put(title, x: 0, y: 0, maxWidth: titleWidth(screenWidth: target.width, context: context), role: .statusBar)
        target.put(date, x: target.width - DisplayWidth.of(date), y: 0, role: .statusBar)
    }

    /// Columns the title may take: the date, and in meeting mode the badge, take the rest.
    static func titleWidth(screenWidth: Int, context: PageContext) -> Int {
        let badge = context.isMeeting ? DisplayWidth.of(NameMask.badge) : 0
        return screenWidth - DisplayWidth.of(" \(context.today.dutch) ") - badge - 1
    }

    /// `footer`, when given, stands on the box's lower border, left (the scroll mark is right).
    static func draw(title: String, boxTitle: String, lines: [Line], scroll: Int, footer: String? = nil, context: PageContext,
                     into target: inout Screen) {
        drawTitle(title, context: context, into: &target)
        let box = Rect(x: 0, y: 1, width: target.width, height: target.height - 2)
        drawBox(box, title: boxTitle, lines: lines, scroll: scroll, footer: footer, context: context, into: &target)
    }

    /// The first line to show: `scroll` kept within the lines, then moved as little as needed to
    /// show `selectedLine` (a selected note, goal or agreement stays in view).
    static func firstLine(scroll: Int, selectedLine: Int?, count: Int, height: Int) -> Int {
        var first = min(max(0, scroll), max(0, count - height))
        if let selectedLine {
            if selectedLine < first { first = selectedLine }
            if selectedLine >= first + height { first = selectedLine - height + 1 }
        }
        return first
    }

    /// A box with a window of `lines` from `scroll` on, scroll marks and `footer` on its border, and
    /// the status message on the page's last row (over the box when it wraps).
    static func drawBox(_ rect: Rect, title: String, lines: [Line], scroll: Int, selectedLine: Int? = nil, footer: String? = nil,
                        context: PageContext, into target: inout Screen) {
        target.box(rect, role: .borderFocused, title: title, titleRole: .columnHeader)
        let inner = rect.inset(by: 1)
        let width = max(1, inner.width - 2)
        let first = firstLine(scroll: scroll, selectedLine: selectedLine, count: lines.count, height: inner.height)
        for (offset, line) in lines.dropFirst(first).prefix(inner.height).enumerated() {
            target.put(line.text, x: inner.x + 1, y: inner.y + offset, maxWidth: width, role: line.role)
        }
        if first > 0 { target.put("▲", x: rect.maxX - 3, y: rect.y, role: .keyHint) }
        if first + inner.height < lines.count { target.put("▼ meer", x: rect.maxX - 8, y: rect.maxY - 1, role: .keyHint) }
        if let footer {
            target.put(" \(footer) ", x: rect.x + 2, y: rect.maxY - 1, maxWidth: max(0, rect.width - 13), role: .keyHint)
        }
        if let message = context.message { MessageRows.draw(message, into: &target) }
    }
}
