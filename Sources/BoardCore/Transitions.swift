/// The rules of the flow: which moves are allowed, and what each move must record.
///
///     Aangemeld ─> Onderzoek ─┬────────────────> Veiligheid gewaarborgd
///                             └─> Beschermtafel ─┬> Veiligheid gewaarborgd
///                                                └> RvK-onderzoek
/// Moving back one step is a correction and needs a reason.
public enum MoveDirection: Sendable { case forward, back }

/// What a move asks of the user, besides its date.
public struct MoveRule: Equatable, Sendable {
    public var from: Stage
    public var to: Stage
    public var direction: MoveDirection
    /// Label of the move's date: the day it took effect.
    public var dateLabel: String
    /// Label of the required text (reason, conclusion, advice); nil when none is asked.
    public var textLabel: String?
    /// To the Beschermtafel: who brings the case in.
    public var needsRequester: Bool
}

public struct MoveRefusal: Error, Equatable, Sendable {
    public var message: String
}

public enum Transitions {
    static let forwardTargets: [Stage: [Stage]] = [
        .aangemeld: [.onderzoek],
        .onderzoek: [.veiligheidGewaarborgd, .beschermtafel],
        .beschermtafel: [.veiligheidGewaarborgd, .rvkOnderzoek],
    ]

    /// The stage a case came from before `stage`, for a one-step correction.
    /// Veiligheid gewaarborgd can follow Onderzoek or the Beschermtafel; the case's history decides.
    public static func previous(of stage: Stage, cameFrom: Stage?) -> Stage? {
        switch stage {
        case .aangemeld: return nil
        case .onderzoek: return .aangemeld
        case .beschermtafel: return .onderzoek
        case .rvkOnderzoek: return .beschermtafel
        case .veiligheidGewaarborgd: return cameFrom ?? .onderzoek
        }
    }

    /// The stages a case may move to, or why it may not move that way.
    public static func targets(from stage: Stage, direction: MoveDirection, cameFrom: Stage? = nil) -> Result<[Stage], MoveRefusal> {
        switch direction {
        case .forward:
            guard let targets = forwardTargets[stage] else {
                return .failure(MoveRefusal(message: "\(stage.title) is een eindkolom: de zaak is afgesloten en gaat niet verder. Een nieuwe melding wordt een nieuwe zaak."))
            }
            return .success(targets)
        case .back:
            guard let previous = previous(of: stage, cameFrom: cameFrom) else {
                return .failure(MoveRefusal(message: "Aangemeld is de eerste kolom: de zaak kan niet verder terug."))
            }
            return .success([previous])
        }
    }

    /// The rule for one move, or why it is refused.
    public static func rule(from: Stage, to: Stage, cameFrom: Stage? = nil) -> Result<MoveRule, MoveRefusal> {
        if forwardTargets[from]?.contains(to) == true {
            switch to {
            case .onderzoek:
                return .success(MoveRule(from: from, to: to, direction: .forward, dateLabel: "Start onderzoek",
                                         textLabel: nil, needsRequester: false))
            case .beschermtafel:
                return .success(MoveRule(from: from, to: to, direction: .forward, dateLabel: "Datum aanvraag",
                                         textLabel: nil, needsRequester: true))
            case .veiligheidGewaarborgd:
                return .success(MoveRule(from: from, to: to, direction: .forward, dateLabel: "Datum",
                                         textLabel: "Conclusie", needsRequester: false))
            case .rvkOnderzoek:
                return .success(MoveRule(from: from, to: to, direction: .forward, dateLabel: "Datum tafel",
                                         textLabel: "Advies tafel", needsRequester: false))
            case .aangemeld:
                break
            }
        }
        if previous(of: from, cameFrom: cameFrom) == to {
            return .success(MoveRule(from: from, to: to, direction: .back, dateLabel: "Datum",
                                     textLabel: "Reden van correctie", needsRequester: false))
        }
        if from == to {
            return .failure(MoveRefusal(message: "De zaak staat al in \(to.title)."))
        }
        if case .success(let allowed) = targets(from: from, direction: .forward), !allowed.isEmpty {
            let names = allowed.map(\.title).joined(separator: " of ")
            let back = previous(of: from, cameFrom: cameFrom) == nil ? "" : " (of één stap terug)"
            return .failure(MoveRefusal(message: "Van \(from.title) kan een zaak alleen naar \(names)\(back)."))
        }
        return .failure(MoveRefusal(message: "\(from.title) is een eindkolom: alleen één stap terug is mogelijk, met een reden."))
    }
}

/// A move as the user asks for it.
public struct MoveRequest: Equatable, Sendable {
    public var caseID: CaseID
    /// The version of the case the user saw; a store refuses the move when it changed since.
    public var expectedVersion: Int
    public var from: Stage
    public var to: Stage
    public var day: Day
    public var text: String
    public var requester: TableRequester?

    public init(caseID: CaseID, expectedVersion: Int, from: Stage, to: Stage, day: Day, text: String = "",
                requester: TableRequester? = nil) {
        self.caseID = caseID
        self.expectedVersion = expectedVersion
        self.from = from
        self.to = to
        self.day = day
        self.text = text
        self.requester = requester
    }

    /// The move closes the case (into Veiligheid gewaarborgd).
    public var closesCase: Bool { to.closesCase }

    /// The line the log and the timeline show for this move.
    public var detail: String {
        var parts: [String] = []
        if let requester { parts.append("ingebracht door \(requester.rawValue)") }
        if !text.trimmingWhitespace().isEmpty { parts.append(text.trimmingWhitespace()) }
        return parts.joined(separator: "; ")
    }
}

/// A field of the move that is wrong, and why, in Dutch.
public struct FieldProblem: Equatable, Sendable {
    public enum Field: Sendable { case date, text, requester }
    public var field: Field
    public var message: String
}

/// All that is wrong with a move.
public struct MoveProblems: Error, Equatable, Sendable {
    public var problems: [FieldProblem]
}

extension Transitions {
    /// Checks a complete move against the rules and the case's history.
    public static func validate(_ request: MoveRequest, stageSince: Day, cameFrom: Stage?, today: Day)
        -> Result<MoveRule, MoveProblems> {
        let rule: MoveRule
        switch Transitions.rule(from: request.from, to: request.to, cameFrom: cameFrom) {
        case .success(let found): rule = found
        case .failure(let refusal): return .failure(MoveProblems(problems: [FieldProblem(field: .date, message: refusal.message)]))
        }
        var problems: [FieldProblem] = []
        if request.day > today {
            problems.append(FieldProblem(field: .date, message: DateProblem.inFuture(request.day).message))
        } else if request.day < stageSince {
            problems.append(FieldProblem(field: .date, message: DateProblem.before(stageSince, what: "de datum waarop de zaak in \(request.from.title) kwam").message))
        }
        if let label = rule.textLabel, request.text.trimmingWhitespace().isEmpty {
            problems.append(FieldProblem(field: .text, message: "\(label) is verplicht"))
        }
        if rule.needsRequester && request.requester == nil {
            problems.append(FieldProblem(field: .requester, message: "Kies wie de zaak inbrengt"))
        }
        return problems.isEmpty ? .success(rule) : .failure(MoveProblems(problems: problems))
    }
}
