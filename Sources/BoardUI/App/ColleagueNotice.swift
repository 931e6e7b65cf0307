import BoardCore

extension AppState {
    /// A reload brought changes that others made: the status line names the newest and counts
    /// the rest. A confirmation of the user's own save stays in front of it; an error is not
    /// replaced.
    mutating func noteColleagueChanges(_ changes: [ColleagueChange]) {
        guard let newest = changes.first, message?.isError != true else { return }
        var notice = "Intussen gewijzigd door \(staff.displayName(of: newest.user)): \(newest.what)"
        if changes.count > 1 { notice += " (en nog \(changes.count - 1) \(changes.count == 2 ? "wijziging" : "wijzigingen"))" }
        notice += "."
        message = StatusMessage(text: [message?.text, notice].compactMap { $0 }.joined(separator: " "), isError: false)
    }
}
