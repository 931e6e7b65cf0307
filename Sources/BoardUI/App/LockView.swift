/// The privacy screen: replaces everything, so that no name or case content can show, whatever is
/// open underneath and whatever a reload brought in. It is no lock (anyone at the keyboard gets
/// the board back with two keys: checking the login's password needs PAM, which Beschermbord
/// does not use), and it says so, with who is logged in and how to show the board again.
enum LockView {
    static let heading = "Privacyscherm: namen verborgen. Dit is geen slot."

    static func draw(_ state: AppState, into screen: inout Screen) {
        screen.fill(Rect(x: 0, y: 0, width: screen.width, height: screen.height), role: .normal)
        screen.fill(Rect(x: 0, y: 0, width: screen.width, height: 1), role: .statusBar)
        screen.put(" Beschermbord · privacyscherm", x: 0, y: 0, maxWidth: screen.width, role: .statusBar)

        var lines = [heading, "",
                     "Gebruiker: \(state.user)"]
        if let limit = state.lock.limit {
            lines.append("Na \(IdleLock.durationText(seconds: limit)) zonder toets worden de namen verborgen.")
        }
        lines += ["Iedereen aan dit toetsenbord kan het bord weer tonen:",
                  "vergrendel je computer als je wegloopt.", ""]
        lines.append(state.lock.phase == .confirming
                     ? "Enter toont het bord, Esc houdt de namen verborgen."
                     : "Druk een toets om het bord te tonen.")
        let textWidth = lines.map { DisplayWidth.of($0) }.max() ?? 0
        let width = min(screen.width, textWidth + 6)
        let height = min(max(0, screen.height - 2), lines.count + 2)
        let rect = Rect(x: max(0, (screen.width - width) / 2), y: max(1, (screen.height - height) / 2), width: width, height: height)
        screen.fill(rect, role: .dialog)
        screen.box(rect, role: .borderFocused)
        for (offset, line) in lines.prefix(max(0, height - 2)).enumerated() {
            screen.put(line, x: rect.x + 3, y: rect.y + 1 + offset, maxWidth: max(0, width - 4),
                       role: offset == 0 ? .title : offset == lines.count - 1 ? .keyHint : .dialog)
        }
    }
}
