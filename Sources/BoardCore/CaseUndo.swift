/// The changes of one case as its log tells them: each change the events that one save wrote,
/// and whether it was undone. An undo (`ongedaan_gemaakt`) always undoes the change right before
/// it, since only a case's latest change can be undone (`CaseUndo`), so the log alone says which
/// changes stand; nothing is ever removed from it.
public struct CaseHistory: Equatable, Sendable {
    public struct Change: Equatable, Sendable {
        /// In the order written; the first is the change's own event, the others what it brought
        /// with it (the move of a table decision, the end of a running plan).
        public var events: [CaseEvent]
        public var isUndone = false

        public var head: CaseEvent { events[0] }
        public var isUndo: Bool { head.kind == .ongedaanGemaakt }
        public func contains(_ kind: EventKind) -> Bool { events.contains { $0.kind == kind } }
    }

    public private(set) var changes: [Change] = []
    /// Per undo event, the own event of the change it undid.
    public private(set) var undoneHeads: [Int64: CaseEvent] = [:]

    /// `events`: the case's log in id order; readings (openings) are left out.
    public init(events: [CaseEvent]) {
        for event in events where !event.kind.isAccess && event.kind != .vastgelegd {
            if var last = changes.last, Self.joins(event, last) {
                last.events.append(event)
                changes[changes.count - 1] = last
                continue
            }
            if event.kind == .ongedaanGemaakt, let undone = changes.lastIndex(where: { !$0.isUndo && !$0.isUndone }) {
                changes[undone].isUndone = true
                undoneHeads[event.id] = changes[undone].head
            }
            changes.append(Change(events: [event]))
        }
    }

    /// Whether `event` was written by the same save as `change`: one user's consecutive events
    /// (a save's events follow each other in the log, writers take turns) of the kinds one save
    /// writes together. A drang decision moves nothing, so a move right after it is a save of its
    /// own; an evaluation that involves the Raad moves the case towards it in the same save.
    static func joins(_ event: CaseEvent, _ change: Change) -> Bool {
        let previous = change.events.last!
        guard event.id == previous.id + 1, event.user == previous.user else { return false }
        switch (previous.kind, event.kind) {
        case (.verplaatst, .planBeeindigd), (.rvkUitkomst, .planBeeindigd):
            return true
        case (.tafelbesluit, .verplaatst):
            return event.fromStage == .beschermtafel && !previous.detail.hasPrefix(TableOutcome.drang.title + ";")
        case (.planEvaluatie, .verplaatst), (.verplaatst, .verplaatst):
            return change.head.kind == .planEvaluatie && change.head.detail.hasPrefix("conclusie \(EvaluationConclusion.raadBetrekken.title)")
        default:
            return false
        }
    }

    /// Every event of every undone change.
    public var undoneEventIDs: Set<Int64> {
        Set(changes.filter(\.isUndone).flatMap { $0.events.map(\.id) })
    }

    /// The changes that stand before `index`: neither undone nor an undo.
    func standing(before index: Int) -> ArraySlice<Change> {
        changes[..<index].filter { !$0.isUndone && !$0.isUndo }[...]
    }
}

/// Why there is nothing to undo, in Dutch.
public struct UndoRefusal: Error, Equatable, Sendable {
    public var message: String
}

/// An undo as the user confirmed it: the case, the version seen, and the change's own event.
public struct UndoRequest: Equatable, Sendable {
    public var caseID: CaseID
    public var expectedVersion: Int
    public var undoneEventID: Int64

    public init(caseID: CaseID, expectedVersion: Int, undoneEventID: Int64) {
        self.caseID = caseID
        self.expectedVersion = expectedVersion
        self.undoneEventID = undoneEventID
    }
}

/// The user's own last change of a case, as an undo would take it back, with the question to ask first.
public struct UndoProposal: Equatable, Sendable {
    public enum Undone: Equatable, Sendable {
        /// A move forward or a step back: `event` says from where.
        case move(CaseEvent)
        /// A decision of the Beschermtafel, with the move it made when it moved the case on.
        /// `firstOfRequest`: the decision filled in the request's own record (the table's first
        /// word on it) rather than adding a meeting after an earlier decision.
        case decision(CaseEvent, move: CaseEvent?, firstOfRequest: Bool)
    }

    public var caseID: CaseID
    public var kenmerk: String
    /// The version of the case the proposal was made from; the undo is refused when it changed.
    public var expectedVersion: Int
    public var undone: Undone
    /// The column the case returns to, and since when it was there; nil when it stays (drang).
    public var returnsTo: (stage: Stage, since: Day)?

    /// The event the undo names: the change's own.
    public var undoneEventID: Int64 {
        switch undone {
        case .move(let event), .decision(let event, _, _): return event.id
        }
    }

    public var request: UndoRequest { UndoRequest(caseID: caseID, expectedVersion: expectedVersion, undoneEventID: undoneEventID) }

    /// What the confirmation asks: exactly what will happen.
    public var question: String {
        switch undone {
        case .move(let event):
            return "Zaak \(kenmerk) terug naar \((event.fromStage ?? .aangemeld).title)?"
        case .decision(let event, let move, _):
            let withdraw = "Besluit van de Beschermtafel van \(event.day.dutch) intrekken"
            return move == nil ? "\(withdraw)? De zaak blijft aan de Beschermtafel." : "\(withdraw) en zaak \(kenmerk) terug naar Beschermtafel?"
        }
    }

    /// The log's line for the undo, naming the event it undoes.
    public var detail: String {
        switch undone {
        case .move(let event):
            return "gebeurtenis \(event.id) (\(event.kind.title.lowercased()) op \(event.day.dutch)) ongedaan gemaakt; "
                + "zaak terug naar \((event.fromStage ?? .aangemeld).title)"
        case .decision(let event, let move, _):
            return "gebeurtenis \(event.id) (besluit van de Beschermtafel van \(event.day.dutch)) ongedaan gemaakt; besluit ingetrokken"
                + (move == nil ? "" : ", zaak terug naar Beschermtafel")
        }
    }

    /// The status line after the undo.
    public var confirmation: String {
        switch undone {
        case .move(let event): return "Ongedaan gemaakt: zaak \(kenmerk) staat weer in \((event.fromStage ?? .aangemeld).title)."
        case .decision: return "Ongedaan gemaakt: het besluit van de Beschermtafel is ingetrokken; zaak \(kenmerk) staat aan de Beschermtafel."
        }
    }

    public static func == (lhs: UndoProposal, rhs: UndoProposal) -> Bool {
        lhs.caseID == rhs.caseID && lhs.kenmerk == rhs.kenmerk && lhs.expectedVersion == rhs.expectedVersion && lhs.undone == rhs.undone
            && lhs.returnsTo?.stage == rhs.returnsTo?.stage && lhs.returnsTo?.since == rhs.returnsTo?.since
    }
}

/// What may be undone: the user's own latest change of a case, when it is a move (forward, or a
/// step back) or a decision of the Beschermtafel, and its inverse is exact. Refused, with the
/// reason: a colleague's change, a change that is no move or decision, an undo (no undo of an
/// undo), and changes whose inverse is not exact: one that ended a running joint plan (an ended
/// plan does not run again by itself) and one that brought the case to the Raad (its
/// investigation record replaces an earlier one). Those are corrected with `<`, with a reason.
public enum CaseUndo {
    public static let nothingPrefix = "Niets om ongedaan te maken: "

    /// The proposal for the case's latest change, or why there is none. `displayName` turns a
    /// login into the name people know.
    public static func proposal(for summary: CaseSummary, events: [CaseEvent], user: String,
                                displayName: (String) -> String) -> Result<UndoProposal, UndoRefusal> {
        let history = CaseHistory(events: events)
        guard let index = history.changes.indices.last else {
            return refused(nothingPrefix + "deze zaak heeft nog geen wijziging.")
        }
        let change = history.changes[index]
        let head = change.head
        if head.user != user {
            return refused(nothingPrefix + "de laatste wijziging van deze zaak (\(head.kind.title) op \(head.day.dutch)) "
                           + "is niet van u maar van \(displayName(head.user)).")
        }
        if change.isUndo { return refused(nothingPrefix + "de laatste wijziging van deze zaak is al ongedaan gemaakt.") }
        if change.contains(.planBeeindigd) {
            return refused("Niet ongedaan te maken: met deze wijziging eindigde ook het gezamenlijk plan, en een beëindigd plan "
                           + "loopt niet vanzelf weer. Zet de zaak met < een kolom terug (met een reden) en start zo nodig een nieuw plan.")
        }
        let move = change.events.first { $0.kind == .verplaatst || $0.kind == .gecorrigeerd }
        if move?.toStage == .rvkOnderzoek {
            return refused("Niet ongedaan te maken: de zaak ging naar de Raad (RvK-onderzoek). Zet haar met < terug naar de Beschermtafel, met een reden.")
        }
        if let move, move.toStage != summary.stage || move.fromStage == nil {
            return refused(nothingPrefix + "de zaak staat niet meer in de kolom waar deze wijziging haar liet.")
        }
        let undone: UndoProposal.Undone
        switch head.kind {
        case .verplaatst, .gecorrigeerd:
            undone = .move(head)
        case .tafelbesluit:
            guard summary.stage == .beschermtafel || move != nil else {
                return refused(nothingPrefix + "de zaak staat niet meer aan de Beschermtafel.")
            }
            undone = .decision(head, move: move, firstOfRequest: isFirstDecision(history, before: index))
        default:
            return refused(nothingPrefix + "de laatste wijziging van deze zaak (\(head.kind.title) op \(head.day.dutch)) is geen verplaatsing of "
                           + "besluit van de Beschermtafel; alleen die worden ongedaan gemaakt.")
        }
        let returnsTo = move.flatMap { move in move.fromStage.map { ($0, since(history, before: index, reportedOn: summary.reportedOn)) } }
        return .success(UndoProposal(caseID: summary.id, kenmerk: summary.kenmerk, expectedVersion: summary.version, undone: undone,
                                     returnsTo: returnsTo))
    }

    private static func refused(_ message: String) -> Result<UndoProposal, UndoRefusal> { .failure(UndoRefusal(message: message)) }

    /// The day the case came into its column before the change at `index`: the day of the last
    /// standing move before it (every move sets it), or the report's day.
    static func since(_ history: CaseHistory, before index: Int, reportedOn: Day) -> Day {
        let moves = history.standing(before: index).flatMap(\.events).filter { $0.kind == .verplaatst || $0.kind == .gecorrigeerd }
        return moves.last?.day ?? reportedOn
    }

    /// Whether no standing decision came between the request (the last standing move forward
    /// into the Beschermtafel, which writes it; a step back into it does not) and the change at
    /// `index`: the table's first word on this request.
    static func isFirstDecision(_ history: CaseHistory, before index: Int) -> Bool {
        let standing = history.standing(before: index)
        let entered = standing.lastIndex { change in
            change.events.contains { $0.kind == .verplaatst && $0.toStage == .beschermtafel }
        } ?? standing.startIndex
        return !standing[entered...].contains { $0.head.kind == .tafelbesluit }
    }
}
