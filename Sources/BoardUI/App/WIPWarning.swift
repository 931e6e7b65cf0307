import BoardCore

extension AppState {
    /// After a move, once the board has reloaded: a column now over its WIP limit is said on the
    /// message line, after the move's confirmation. The limit warns; it never refuses a move.
    mutating func warnIfOverLimitAfterMove() {
        guard let stage = movedInto else { return }
        movedInto = nil
        let load = columnLoad[stage] ?? 0
        guard !stage.isEnd, let limit = norms.wipLimits[stage], load > limit else { return }
        let warning = "Let op: \(stage.title) heeft nu \(load) zaken, de limiet is \(limit)."
        let confirmation = message.flatMap { $0.isError ? nil : $0.text }
        message = StatusMessage(text: confirmation.map { "\($0) \(warning)" } ?? warning, isError: false)
    }
}
