import BoardCore

/// `U`: the user's own last change of a case undone (CaseUndo.swift). The store proposes what the
/// undo would do; the message line asks it as a question, like the other confirmations answered
/// with j or n, and only a yes writes the undo.
public enum UndoAnswer: KeyAction {
    case yes, no

    /// While the question stands, the only keys.
    static let bindings: [Binding<UndoAnswer>] = [
        Binding([.character("j"), .character("J"), .character("y"), .enter], .yes, "ja, ongedaan maken", bar: "ja"),
        Binding([.character("n"), .character("N"), .escape], .no, "nee, niets ongedaan maken (ook elke andere toets)", bar: "nee"),
    ]
}

extension AppState {
    static let undoKey = Key.character("U")
    static let undoDescription = "mijn laatste wijziging van de zaak ongedaan maken"

    /// The store's proposal arrived: ask it.
    mutating func askUndo(_ proposal: UndoProposal) {
        undoQuestion = proposal
        message = StatusMessage(text: "\(proposal.question) j = ja, n = nee", isError: false)
    }

    /// The answer to the question: yes undoes, any other key leaves everything as it is.
    mutating func answerUndo(_ key: Key) -> [Effect] {
        guard let proposal = undoQuestion else { return [] }
        undoQuestion = nil
        guard KeyMap.action(for: key, in: UndoAnswer.bindings) == .yes else {
            message = StatusMessage(text: "Niets ongedaan gemaakt.", isError: false)
            return []
        }
        message = nil
        return [.undo(proposal.request)]
    }
}
