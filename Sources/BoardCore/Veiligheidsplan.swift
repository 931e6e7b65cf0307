/// The forms of the joint work and the veiligheidsplan that every joint plan is: the safety
/// conditions that Veilig Thuis or the Beschermtafel set, apart from the agreements (who, what,
/// by when, how it is checked, with the family's consent), and each evaluation's marks on them.

/// With whom the wijkteam works with the family: a Jeugdbeschermer in de wijk (the Amsterdam
/// seed), or the Veiligheidsteam, an ambulant team of staff from the GIs, the Raad, the Blijf
/// Groep and Veilig Thuis (the Zaanstad seed). Both keep the same plan.
public enum JointWorkForm: String, CaseIterable, Codable, Sendable {
    case jeugdbeschermerInDeWijk = "jeugdbeschermer_in_de_wijk"
    case veiligheidsteam

    public var title: String {
        switch self {
        case .jeugdbeschermerInDeWijk: return "Jeugdbeschermer in de wijk"
        case .veiligheidsteam: return "Veiligheidsteam"
        }
    }

    /// The card's mark: `◆JB`, `◆VT`.
    public var mark: String {
        switch self {
        case .jeugdbeschermerInDeWijk: return "JB"
        case .veiligheidsteam: return "VT"
        }
    }

    /// "Plan JB in de wijk", "Plan Veiligheidsteam": screens, events and the figures.
    public var planTitle: String { "Plan \(shortTitle)" }
    /// The same within a sentence.
    public var planName: String { "plan \(shortTitle)" }

    public var shortTitle: String {
        switch self {
        case .jeugdbeschermerInDeWijk: return "JB in de wijk"
        case .veiligheidsteam: return "Veiligheidsteam"
        }
    }
}

/// A member of the Veiligheidsteam working on the case, with the organisation they come from.
public struct TeamMember: Equatable, Sendable {
    public var id: Int64
    public var name: String
    public var organisation: String
    /// Since when the member works on the case (the plan's start, or later).
    public var since: Day

    public init(id: Int64 = 0, name: String, organisation: String, since: Day) {
        self.id = id
        self.name = name
        self.organisation = organisation
        self.since = since
    }

    /// `Karin Smit (Veilig Thuis)`.
    public var text: String { "\(name.trimmingWhitespace()) (\(organisation.trimmingWhitespace()))" }

    /// Why this member cannot be recorded, per field suffix (`naam`, `organisatie`).
    public var problems: [PlanProblem] {
        var problems: [PlanProblem] = []
        if name.trimmingWhitespace().isEmpty { problems.append(("naam", "Naam van het teamlid is verplicht")) }
        if organisation.trimmingWhitespace().isEmpty { problems.append(("organisatie", "Vul de organisatie van het teamlid in")) }
        return problems
    }
}

/// Who set a safety condition.
public enum ConditionSetter: String, CaseIterable, Codable, Sendable {
    case veiligThuis = "veilig_thuis"
    case beschermtafel

    public var title: String {
        switch self {
        case .veiligThuis: return "Veilig Thuis"
        case .beschermtafel: return "Beschermtafel"
        }
    }
}

/// A safety condition (veiligheidsvoorwaarde): what must be true for the children to be safe
/// enough, set by Veilig Thuis or the Beschermtafel. Not the family's to agree or refuse: kept
/// apart from the agreements.
public struct SafetyCondition: Equatable, Sendable {
    public var id: Int64
    public var setBy: ConditionSetter
    public var day: Day
    public var text: String

    public init(id: Int64 = 0, setBy: ConditionSetter, day: Day, text: String) {
        self.id = id
        self.setBy = setBy
        self.day = day
        self.text = text
    }
}

/// The family's consent: on which day, and who on the family's behalf. The plan has one for
/// the whole plan (its start); each agreement of the veiligheidsplan one of its own.
public struct Consent: Equatable, Sendable {
    public var day: Day
    public var by: String

    public init(day: Day, by: String) {
        self.day = day
        self.by = by
    }
}

/// What an evaluation says of an open agreement.
public enum AgreementMark: String, CaseIterable, Codable, Sendable {
    case nagekomen
    case nietNagekomen = "niet_nagekomen"

    public var title: String {
        switch self {
        case .nagekomen: return "nagekomen"
        case .nietNagekomen: return "niet nagekomen"
        }
    }
}

extension JointPlanRules {
    /// Why this agreement cannot be added to `plan`, per field; empty when it may.
    public static func problems(_ agreement: PlanAgreement, plan: JointPlan, today: Day) -> [PlanProblem] {
        var problems: [PlanProblem] = []
        if agreement.what.trimmingWhitespace().isEmpty { problems.append(("wat", "Vul in wat er is afgesproken")) }
        if agreement.due < plan.startDate {
            problems.append(("uiterlijk", "De afspraak " + DateProblem.before(plan.startDate, what: "de start van het plan").message))
        }
        if agreement.check.trimmingWhitespace().isEmpty { problems.append(("controle", "Vul in hoe de afspraak wordt gecontroleerd")) }
        if let consent = agreement.consent {
            if consent.day > today { problems.append(("akkoordOp", DateProblem.inFuture(consent.day).message)) }
            if consent.by.trimmingWhitespace().isEmpty { problems.append(("akkoordDoor", "Vul in wie namens het gezin akkoord ging")) }
        } else {
            problems.append(("akkoordOp", "Een afspraak staat in het veiligheidsplan met het akkoord van het gezin: vul de datum in"))
        }
        return problems
    }

    /// Why this condition cannot be recorded, per field; empty when it may.
    public static func problems(_ condition: SafetyCondition, today: Day) -> [PlanProblem] {
        var problems: [PlanProblem] = []
        if condition.text.trimmingWhitespace().isEmpty { problems.append(("voorwaarde", "Vul de veiligheidsvoorwaarde in")) }
        if condition.day > today { problems.append(("datum", DateProblem.inFuture(condition.day).message)) }
        return problems
    }
}
