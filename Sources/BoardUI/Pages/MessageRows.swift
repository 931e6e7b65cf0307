/// The status message on a page's last row, the same on every page. A message longer than the
/// row wraps upward over the page above it, so that no message is cut; like every message it
/// stands until the next key.
enum MessageRows {
    static func draw(_ message: StatusMessage, into screen: inout Screen) {
        let role: Role = message.isError ? .error : .normal
        let last = screen.height - 1
        guard DisplayWidth.of(message.text) + 1 > screen.width else {
            screen.put(" " + message.text, x: 0, y: last, role: role)
            return
        }
        var lines = TextLayout.wrapped(message.text, width: max(1, screen.width - 2))
        // At most half the page, so that what the message is about stays in view.
        let room = max(1, screen.height / 2)
        if lines.count > room {
            lines.removeLast(lines.count - room)
            lines[room - 1] += "…"
        }
        let top = last - lines.count + 1
        screen.fill(Rect(x: 0, y: top, width: screen.width, height: lines.count), role: .normal)
        for (offset, line) in lines.enumerated() {
            screen.put(" " + line, x: 0, y: top + offset, role: role)
        }
    }
}
