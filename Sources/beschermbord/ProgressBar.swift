import Foundation

/// A one-line progress bar on stderr, only when stderr is a terminal; silent otherwise.
/// Used by one thread at a time (an import's reader while it runs, then the main thread).
final class ProgressBar: @unchecked Sendable {
    private let enabled: Bool
    private var lastShown = -1
    private var label = ""
    private var visible = false

    init(enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.enabled = enabled
    }

    /// Shows `fraction` (0…1) of the phase `label`; redraws only when the whole percentage changes.
    func show(_ label: String, fraction: Double, detail: String = "") {
        guard enabled else { return }
        let percent = Int((max(0, min(1, fraction)) * 100).rounded(.down))
        if percent == lastShown && label == self.label { return }
        lastShown = percent
        self.label = label
        write("\r\u{1B}[K" + Self.line(label, percent: percent, detail: detail))
        visible = true
    }

    /// `Inlezen     [#########.....................]  30%`: the label padded to 12 characters
    /// (never cut), a bar of 30, the percentage right-aligned, then the detail.
    static func line(_ label: String, percent: Int, detail: String = "") -> String {
        let width = 30
        let filled = width * percent / 100
        // ASCII, so that it reads the same in every locale and on every terminal.
        let bar = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "]"
        let padded = label + String(repeating: " ", count: max(1, 12 - label.count))
        let percentText = String(repeating: " ", count: max(0, 3 - String(percent).count)) + "\(percent)%"
        return padded + bar + " " + percentText + (detail.isEmpty ? "" : "  " + detail)
    }

    /// Removes the bar, so that the messages after it start on a clean line.
    func finish() {
        guard enabled, visible else { return }
        write("\r\u{1B}[K")
        visible = false
        lastShown = -1
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
