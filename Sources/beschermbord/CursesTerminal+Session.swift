import BoardSession
import Terminal

/// The real terminal under the session loop: it already has what `SessionTerminal` asks for.
extension CursesTerminal: SessionTerminal {}
