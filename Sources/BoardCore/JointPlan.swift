/// The joint plan: a jeugdbeschermer of a GI (JBRA, the William Schrikker Stichting or another)
/// works inside the wijkteam with a family ("Jeugdbeschermer in de wijk"), or the Veiligheidsteam
/// does (JointWorkForm), always with the family's consent (a voluntary context). See DOMAIN.md.
public typealias PlanID = Int64

/// How intensively the jeugdbeschermer works with the family.
public enum PlanIntensity: String, CaseIterable, Codable, Sendable {
    /// Working intensively with and in the family.
    case intensief
    /// Advice and thinking along on request.
    case advies

    public var title: String { rawValue }
}

public enum GoalStatus: String, CaseIterable, Codable, Sendable {
    case open
    case bereikt
    case nietBereikt = "niet bereikt"

    public var title: String { rawValue }
}

public enum AgreementStatus: String, CaseIterable, Codable, Sendable {
    case open
    case gedaan
    case nietGedaan = "niet gedaan"

    public var title: String { rawValue }
}

extension CaseIterable where Self: Equatable, AllCases.Index == Int {
    /// The case after this one, the last followed by the first: `s` on the plan screen cycles a
    /// goal open → bereikt → niet bereikt → open, an agreement open → gedaan → niet gedaan → open.
    public var next: Self {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}

/// Who an agreement is for.
public enum PlanParty: String, CaseIterable, Codable, Sendable {
    case gezin = "gezinslid"
    case wijkteam
    case jeugdbeschermer
    case veiligheidsteam
    case anders

    public var title: String { rawValue }

    /// The parties an agreement of a plan of this form can name.
    public static func choices(for form: JointWorkForm) -> [PlanParty] {
        [.gezin, .wijkteam, form == .veiligheidsteam ? .veiligheidsteam : .jeugdbeschermer, .anders]
    }
}

/// How a plan ended.
public enum PlanEnd: String, CaseIterable, Codable, Sendable {
    /// The family goes on without the jeugdbeschermer.
    case afgeschaald
    /// The Raad is involved to consider help in a compulsory context.
    case raadBetrokken = "raad_betrokken"
    // A plan also ends with its case, in the transaction of the change that ends or hands it over:
    /// The case closed with safety ensured (Veiligheid gewaarborgd).
    case zaakGesloten = "zaak_gesloten"
    /// The case went to the Raad for an investigation (RvK-onderzoek).
    case zaakNaarRaad = "zaak_naar_raad"
    /// The Raad's outcome closed the case (a plan still running from before plans ended with their case).
    case uitkomstRaad = "uitkomst_raad"

    public var title: String {
        switch self {
        case .afgeschaald: return "afgeschaald"
        case .raadBetrokken: return "Raad betrokken"
        case .zaakGesloten: return "zaak gesloten: veiligheid gewaarborgd"
        case .zaakNaarRaad: return "zaak naar de Raad voor de Kinderbescherming"
        case .uitkomstRaad: return "zaak gesloten: uitkomst van de Raad"
        }
    }

    /// Why a running plan ends when its case enters `stage`; nil when the plan goes on there.
    public static func withCase(entering stage: Stage) -> PlanEnd? {
        switch stage {
        case .veiligheidGewaarborgd: return .zaakGesloten
        case .rvkOnderzoek: return .zaakNaarRaad
        case .aangemeld, .onderzoek, .beschermtafel: return nil
        }
    }
}

/// The conclusion of an evaluation.
public enum EvaluationConclusion: String, CaseIterable, Codable, Sendable {
    /// Go on; the next evaluation date is required.
    case doorgaan
    /// The family can go on without the jeugdbeschermer: the plan ends.
    case afschalen
    /// The plan ends and the case moves towards the Raad (see `JointPlanRules.raadMoves`).
    case raadBetrekken = "raad_betrekken"

    public var title: String {
        switch self {
        case .doorgaan: return "doorgaan"
        case .afschalen: return "afschalen"
        case .raadBetrekken: return "Raad betrekken"
        }
    }

    /// What the plan becomes after this conclusion: nil while it continues.
    public var end: PlanEnd? {
        switch self {
        case .doorgaan: return nil
        case .afschalen: return .afgeschaald
        case .raadBetrekken: return .raadBetrokken
        }
    }
}

/// The known GIs; another GI is recorded by its name.
public enum PlanOrganisation {
    public static let jbra = "JBRA"
    public static let wss = "William Schrikker Stichting"
    public static let known = [jbra, wss]
    /// The choice in the start form for a GI that is not in `known`.
    public static let other = "andere GI"
    /// Where the Veiligheidsteam's staff come from (the Zaanstad seed): the GIs, the Raad, the
    /// Blijf Groep and Veilig Thuis; another organisation is recorded by its name.
    public static let team = [jbra, wss, "Jeugd- en Gezinsbeschermers", "Raad voor de Kinderbescherming", "Blijf Groep", "Veilig Thuis"]
    /// The organisation of the wijkteam colleague's hours.
    public static let wijkteam = "wijkteam"
    /// What a Veiligheidsteam plan records as its organisation: its members have their own.
    public static let veiligheidsteam = "Veiligheidsteam"

    /// The short name figures and the card use.
    public static func short(_ name: String) -> String {
        switch name {
        case jbra: return "JBRA"
        case wss: return "WSS"
        default: return name
        }
    }
}

public struct IntensityChange: Equatable, Sendable {
    public var day: Day
    public var intensity: PlanIntensity
    public var recordedBy: String

    public init(day: Day, intensity: PlanIntensity, recordedBy: String = "") {
        self.day = day
        self.intensity = intensity
        self.recordedBy = recordedBy
    }
}

public struct PlanGoal: Equatable, Sendable {
    public var id: Int64
    public var text: String
    /// The safety conditions (veiligheidsvoorwaarden) the goal serves.
    public var safetyConditions: String
    public var status: GoalStatus

    public init(id: Int64 = 0, text: String, safetyConditions: String, status: GoalStatus = .open) {
        self.id = id
        self.text = text
        self.safetyConditions = safetyConditions
        self.status = status
    }
}

public struct PlanAgreement: Equatable, Sendable {
    public var id: Int64
    public var party: PlanParty
    /// Who exactly (moeder, the wijkteam colleague's name); may be empty.
    public var who: String
    public var what: String
    public var due: Day
    public var status: AgreementStatus
    /// How it is checked (veiligheidsplan); empty for an agreement made before the plan asked.
    public var check: String
    /// The family's consent to this agreement; nil for one made before the plan asked.
    public var consent: Consent?

    public init(id: Int64 = 0, party: PlanParty, who: String = "", what: String, due: Day, status: AgreementStatus = .open,
                check: String = "", consent: Consent? = nil) {
        self.id = id
        self.party = party
        self.who = who
        self.what = what
        self.due = due
        self.status = status
        self.check = check
        self.consent = consent
    }

    /// Past its date and still open.
    public func isOverdue(today: Day) -> Bool { status == .open && due < today }

    /// "gezinslid (moeder)".
    public var partyText: String { who.trimmingWhitespace().isEmpty ? party.title : "\(party.title) (\(who.trimmingWhitespace()))" }
}

/// Time spent, in quarter hours.
public struct HoursEntry: Equatable, Sendable {
    public var day: Day
    public var quarters: Int
    public var person: String
    public var description: String

    public init(day: Day, quarters: Int, person: String, description: String) {
        self.day = day
        self.quarters = quarters
        self.person = person
        self.description = description
    }

    public var hours: Double { Double(quarters) / 4 }
}

public struct PlanEvaluation: Equatable, Sendable {
    public var id: Int64
    public var day: Day
    public var wentWell: String
    public var wentBadly: String
    public var conclusion: EvaluationConclusion
    /// Required when the conclusion is doorgaan.
    public var nextEvaluation: Day?
    public var recordedBy: String
    /// Per agreement (by id) open at the evaluation: kept or not. Empty for an evaluation from
    /// before the veiligheidsplan.
    public var marks: [Int64: AgreementMark]

    public init(id: Int64 = 0, day: Day, wentWell: String, wentBadly: String, conclusion: EvaluationConclusion, nextEvaluation: Day? = nil,
                recordedBy: String = "", marks: [Int64: AgreementMark] = [:]) {
        self.id = id
        self.marks = marks
        self.day = day
        self.wentWell = wentWell
        self.wentBadly = wentBadly
        self.conclusion = conclusion
        self.nextEvaluation = nextEvaluation
        self.recordedBy = recordedBy
    }

    /// The text the Beschermtafel request or the table's advice carries when the Raad is involved.
    public func summaryText(form: JointWorkForm) -> String {
        var parts = ["evaluatie \(form.planName) \(day.dutch): Raad betrekken"]
        if !wentWell.trimmingWhitespace().isEmpty { parts.append("goed: \(wentWell.trimmingWhitespace())") }
        if !wentBadly.trimmingWhitespace().isEmpty { parts.append("niet goed: \(wentBadly.trimmingWhitespace())") }
        return parts.joined(separator: "; ")
    }
}

/// What starting a plan records.
public struct PlanStart: Equatable, Sendable {
    public var form: JointWorkForm
    /// The Veiligheidsteam's members on the case (at least one); empty for a Jeugdbeschermer in de wijk.
    public var members: [TeamMember]
    public var jeugdbeschermer: String
    public var organisation: String
    public var wijkteamColleague: String
    public var startDate: Day
    public var consentDate: Day?
    public var consentBy: String
    public var intensity: PlanIntensity
    public var firstEvaluation: Day

    public init(form: JointWorkForm = .jeugdbeschermerInDeWijk, members: [TeamMember] = [], jeugdbeschermer: String, organisation: String,
                wijkteamColleague: String, startDate: Day, consentDate: Day?, consentBy: String, intensity: PlanIntensity, firstEvaluation: Day) {
        self.form = form
        self.members = members
        self.jeugdbeschermer = jeugdbeschermer
        self.organisation = organisation
        self.wijkteamColleague = wijkteamColleague
        self.startDate = startDate
        self.consentDate = consentDate
        self.consentBy = consentBy
        self.intensity = intensity
        self.firstEvaluation = firstEvaluation
    }
}

/// One joint plan with everything recorded in it.
public struct JointPlan: Equatable, Sendable {
    public var id: PlanID
    public var caseID: CaseID
    public var jeugdbeschermer: String
    public var organisation: String
    public var wijkteamColleague: String
    public var startDate: Day
    public var consentDate: Day
    public var consentBy: String
    /// Oldest first; the last is the current intensity.
    public var intensities: [IntensityChange]
    public var goals: [PlanGoal]
    public var agreements: [PlanAgreement]
    public var hours: [HoursEntry]
    /// Oldest first.
    public var evaluations: [PlanEvaluation]
    /// The Veiligheidsteam's members on the case, in the order they joined; empty for a
    /// Jeugdbeschermer in de wijk.
    public var members: [TeamMember]
    /// The safety conditions Veilig Thuis or the Beschermtafel set, oldest first.
    public var conditions: [SafetyCondition]
    /// The evaluation due next; nil once the plan ended.
    public var nextEvaluation: Day?
    public var endedOn: Day?
    public var end: PlanEnd?

    public init(id: PlanID, caseID: CaseID, jeugdbeschermer: String, organisation: String, wijkteamColleague: String,
                startDate: Day, consentDate: Day, consentBy: String, intensities: [IntensityChange] = [], goals: [PlanGoal] = [],
                agreements: [PlanAgreement] = [], hours: [HoursEntry] = [], evaluations: [PlanEvaluation] = [],
                members: [TeamMember] = [], conditions: [SafetyCondition] = [],
                nextEvaluation: Day? = nil, endedOn: Day? = nil, end: PlanEnd? = nil) {
        self.members = members
        self.conditions = conditions
        self.id = id
        self.caseID = caseID
        self.jeugdbeschermer = jeugdbeschermer
        self.organisation = organisation
        self.wijkteamColleague = wijkteamColleague
        self.startDate = startDate
        self.consentDate = consentDate
        self.consentBy = consentBy
        self.intensities = intensities
        self.goals = goals
        self.agreements = agreements
        self.hours = hours
        self.evaluations = evaluations
        self.nextEvaluation = nextEvaluation
        self.endedOn = endedOn
        self.end = end
    }

    public var isActive: Bool { endedOn == nil }
    public var intensity: PlanIntensity? { intensities.last?.intensity }

    /// A plan with members is the Veiligheidsteam's (it starts with at least one); every plan of
    /// a store from before the Veiligheidsteam is a Jeugdbeschermer in de wijk.
    public var form: JointWorkForm { members.isEmpty ? .jeugdbeschermerInDeWijk : .veiligheidsteam }

    /// Who works with the family besides the wijkteam: `Fatima Ouali (JBRA)`, or the members.
    public var partnersText: String {
        switch form {
        case .jeugdbeschermerInDeWijk: return "\(jeugdbeschermer) (\(organisation))"
        case .veiligheidsteam: return members.map(\.text).joined(separator: ", ")
        }
    }

    /// The organisation whose hours an entry by `person` are: a member's own, the wijkteam
    /// colleague's the wijkteam's, anyone else's in a Jeugdbeschermer in de wijk the GI's.
    public func organisation(of person: String) -> String {
        let name = person.trimmingWhitespace()
        if let member = members.first(where: { $0.name == name }) { return member.organisation }
        if name == wijkteamColleague.trimmingWhitespace() { return PlanOrganisation.wijkteam }
        return form == .veiligheidsteam ? PlanOrganisation.veiligheidsteam : organisation
    }

    /// Hours per organisation, most first, then by name.
    public var quartersPerOrganisation: [(organisation: String, quarters: Int)] {
        var totals: [String: Int] = [:]
        for entry in hours { totals[organisation(of: entry.person), default: 0] += entry.quarters }
        return totals.map { (organisation: $0.key, quarters: $0.value) }.sorted { ($1.quarters, $0.organisation) < ($0.quarters, $1.organisation) }
    }

    /// The agreements an evaluation marks: those still open.
    public var openAgreements: [PlanAgreement] { agreements.filter { $0.status == .open } }

    public func isEvaluationOverdue(today: Day) -> Bool { isActive && (nextEvaluation.map { $0 < today } ?? false) }
    public func overdueAgreements(today: Day) -> [PlanAgreement] { isActive ? agreements.filter { $0.isOverdue(today: today) } : [] }

    public var totalQuarters: Int { hours.reduce(0) { $0 + $1.quarters } }

    /// Hours per person, most first, then by name.
    public var quartersPerPerson: [(person: String, quarters: Int)] {
        var totals: [String: Int] = [:]
        for entry in hours { totals[entry.person, default: 0] += entry.quarters }
        return totals.map { (person: $0.key, quarters: $0.value) }.sorted { ($1.quarters, $0.person) < ($0.quarters, $1.person) }
    }

    /// Hours per calendar month ("2026-11"), oldest first.
    public var quartersPerMonth: [(month: String, quarters: Int)] {
        var totals: [String: Int] = [:]
        for entry in hours { totals[JointPlanRules.month(entry.day), default: 0] += entry.quarters }
        return totals.map { (month: $0.key, quarters: $0.value) }.sorted { $0.month < $1.month }
    }
}

/// A problem with one field of a plan change, in Dutch.
public typealias PlanProblem = (field: String, message: String)

/// The rules of the joint plan; the forms and the store both check with them.
public enum JointPlanRules {
    /// The stages in which a plan can be started: an open case in the protection flow.
    public static let startStages: Set<Stage> = [.aangemeld, .onderzoek, .beschermtafel]

    /// Why starting this plan is refused, per field; empty when it may start.
    /// Consent is the heart of it: a voluntary context, so no plan without the family's consent.
    public static func problems(_ start: PlanStart, reportedOn: Day, today: Day) -> [PlanProblem] {
        var problems: [PlanProblem] = []
        switch start.form {
        case .jeugdbeschermerInDeWijk:
            if start.jeugdbeschermer.trimmingWhitespace().isEmpty { problems.append(("jeugdbeschermer", "Naam van de jeugdbeschermer is verplicht")) }
            if start.organisation.trimmingWhitespace().isEmpty { problems.append(("organisatie", "Kies de GI of typ de naam van de andere GI")) }
        case .veiligheidsteam:
            if start.members.isEmpty { problems.append(("lid1naam", "Noem ten minste één lid van het Veiligheidsteam")) }
            for (index, member) in start.members.enumerated() {
                problems += member.problems.map { ("lid\(index + 1)\($0.field)", $0.message) }
            }
        }
        if start.wijkteamColleague.trimmingWhitespace().isEmpty { problems.append(("collega", "Naam van de collega van het wijkteam is verplicht")) }
        if start.startDate > today { problems.append(("start", DateProblem.inFuture(start.startDate).message)) }
        if start.startDate < reportedOn { problems.append(("start", DateProblem.before(reportedOn, what: "de aanmelding").message)) }
        if let consent = start.consentDate {
            if consent > today { problems.append(("instemming", DateProblem.inFuture(consent).message)) }
            if consent > start.startDate { problems.append(("instemming", "Het gezin stemt in vóór of op de startdatum: zonder instemming geen plan")) }
        } else {
            problems.append(("instemming", "Zonder instemming van het gezin start er geen plan (vrijwillig kader)"))
        }
        if start.consentBy.trimmingWhitespace().isEmpty { problems.append(("instemmingDoor", "Vul in wie namens het gezin instemde")) }
        if start.firstEvaluation <= start.startDate { problems.append(("evaluatie", "De eerste evaluatie ligt na de start")) }
        return problems
    }

    /// Why this evaluation is refused, per field; empty when it may be recorded.
    public static func problems(_ evaluation: PlanEvaluation, plan: JointPlan, today: Day) -> [PlanProblem] {
        var problems: [PlanProblem] = []
        if !plan.isActive { problems.append(("datum", "Dit plan is al beëindigd")) }
        if evaluation.day > today { problems.append(("datum", DateProblem.inFuture(evaluation.day).message)) }
        let earliest = plan.evaluations.last?.day ?? plan.startDate
        if evaluation.day < earliest {
            problems.append(("datum", DateProblem.before(earliest, what: plan.evaluations.isEmpty ? "de start van het plan" : "de vorige evaluatie").message))
        }
        if evaluation.wentWell.trimmingWhitespace().isEmpty && evaluation.wentBadly.trimmingWhitespace().isEmpty {
            problems.append(("goed", "Vul in wat goed ging of wat niet goed ging"))
        }
        for agreement in plan.openAgreements where evaluation.marks[agreement.id] == nil {
            problems.append(("afspraak\(agreement.id)", "Geef aan of de afspraak is nagekomen: \(agreement.what)"))
        }
        if !Set(evaluation.marks.keys).isSubset(of: plan.openAgreements.map(\.id)) {
            problems.append(("datum", "Alleen open afspraken van dit plan worden bij een evaluatie beoordeeld"))
        }
        if evaluation.conclusion == .doorgaan {
            if let next = evaluation.nextEvaluation {
                if next <= evaluation.day { problems.append(("volgende", "De volgende evaluatie ligt na deze evaluatie")) }
            } else {
                problems.append(("volgende", "Bij doorgaan hoort de datum van de volgende evaluatie"))
            }
        }
        return problems
    }

    /// The moves "Raad betrekken" makes from a case's stage: the route to the Raad always runs
    /// through the Beschermtafel, which decides on an RvK-onderzoek.
    /// - Aangemeld: the work with the family was the safety assessment, so the case first enters
    ///   Onderzoek and then goes to the Beschermtafel, both on the evaluation's day.
    /// - Onderzoek: to the Beschermtafel, brought in by Jeugdbescherming (the jeugdbeschermer).
    /// - Beschermtafel: to RvK-onderzoek, with the evaluation's day as the table's date and its text as the advice.
    /// - RvK-onderzoek: the Raad is already involved; the plan only ends.
    /// - Veiligheid gewaarborgd: the case is closed; refused (a new report makes a new case).
    public static func raadMoves(caseID: CaseID, version: Int, stage: Stage, stageSince: Day, evaluation: PlanEvaluation,
                                 form: JointWorkForm = .jeugdbeschermerInDeWijk) -> Result<[MoveRequest], MoveRefusal> {
        let day = max(evaluation.day, stageSince)
        let text = evaluation.summaryText(form: form)
        switch stage {
        case .aangemeld:
            return .success([
                MoveRequest(caseID: caseID, expectedVersion: version, from: .aangemeld, to: .onderzoek, day: day),
                MoveRequest(caseID: caseID, expectedVersion: version + 1, from: .onderzoek, to: .beschermtafel, day: day,
                            text: text, requester: .jeugdbescherming),
            ])
        case .onderzoek:
            return .success([MoveRequest(caseID: caseID, expectedVersion: version, from: .onderzoek, to: .beschermtafel, day: day,
                                         text: text, requester: .jeugdbescherming)])
        case .beschermtafel:
            return .success([MoveRequest(caseID: caseID, expectedVersion: version, from: .beschermtafel, to: .rvkOnderzoek, day: day,
                                         text: text)])
        case .rvkOnderzoek:
            return .success([])
        case .veiligheidGewaarborgd:
            return .failure(MoveRefusal(message: "De zaak is afgesloten (Veiligheid gewaarborgd): de Raad betrekken kan alleen bij een open zaak. Kies afschalen, of meld het gezin opnieuw aan."))
        }
    }

    /// Parses hours as typed: `1`, `1,5`, `0.75`, `2,25`, in steps of a quarter hour. Returns quarters.
    public static func quarters(_ text: String) -> Result<Int, PlanHoursProblem> {
        let trimmed = String(text.trimmingWhitespace().map { $0 == "," ? "." : $0 })
        guard !trimmed.isEmpty else { return .failure(.empty) }
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              !(parts[0].isEmpty && (parts.count == 1 || parts[1].isEmpty)) else { return .failure(.notANumber(text.trimmingWhitespace())) }
        let whole = Int(parts[0]) ?? 0
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let quarter: Int
        switch fraction {
        case "": quarter = 0
        case "25": quarter = 1
        case "5": quarter = 2
        case "75": quarter = 3
        default: return .failure(.notAQuarter(text.trimmingWhitespace()))
        }
        guard whole < 100 else { return .failure(.tooMany) }
        let total = whole * 4 + quarter
        guard total > 0 else { return .failure(.empty) }
        guard total <= 24 * 4 else { return .failure(.tooMany) }
        return .success(total)
    }

    /// `1:30` for six quarters, `50:15` for 201: hours and minutes, the way the screen, the store's
    /// messages and the report all show time spent (a decimal `50,2` hides the quarter).
    public static func hoursText(_ quarters: Int) -> String {
        let minutes = (quarters % 4) * 15
        return "\(quarters / 4):\(minutes < 10 ? "0" : "")\(minutes)"
    }

    /// "2026-11": the month key of a day.
    public static func month(_ day: Day) -> String { String(day.iso.prefix(7)) }

    /// "november 2026".
    public static func monthTitle(_ key: String) -> String {
        let parts = key.split(separator: "-")
        guard parts.count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return key }
        return "\(Day.monthNames[month - 1]) \(parts[0])"
    }
}

public enum PlanHoursProblem: Error, Equatable, Sendable {
    case empty
    case notANumber(String)
    case notAQuarter(String)
    case tooMany

    public var message: String {
        switch self {
        case .empty: return "Vul het aantal uren in (per kwartier: 0,25)"
        case .notANumber(let text): return "‘\(text)’ is geen aantal uren; typ bv. 1,5"
        case .notAQuarter(let text): return "‘\(text)’ is geen heel kwartier: gebruik stappen van 0,25"
        case .tooMany: return "Meer dan 24 uur op één dag kan niet"
        }
    }
}

/// A change to a joint plan, as the UI asks the store for it. Each is one transaction with its event.
/// Starting, a new intensity and an evaluation change the case and carry the version the user saw.
public enum PlanChange: Equatable, Sendable {
    case start(CaseID, expectedVersion: Int, PlanStart)
    case addGoal(CaseID, PlanID, PlanGoal)
    case setGoalStatus(CaseID, goalID: Int64, GoalStatus)
    case addAgreement(CaseID, PlanID, PlanAgreement)
    /// A member joins the Veiligheidsteam's work on the case.
    case addMember(CaseID, PlanID, TeamMember)
    /// A safety condition set by Veilig Thuis or the Beschermtafel.
    case addCondition(CaseID, PlanID, SafetyCondition)
    case setAgreementStatus(CaseID, agreementID: Int64, AgreementStatus)
    case addHours(CaseID, PlanID, HoursEntry)
    case changeIntensity(CaseID, expectedVersion: Int, PlanID, PlanIntensity, Day)
    case evaluate(CaseID, expectedVersion: Int, PlanID, PlanEvaluation)

    public var caseID: CaseID {
        switch self {
        case .start(let id, _, _), .addGoal(let id, _, _), .setGoalStatus(let id, _, _), .addAgreement(let id, _, _),
             .addMember(let id, _, _), .addCondition(let id, _, _),
             .setAgreementStatus(let id, _, _), .addHours(let id, _, _), .changeIntensity(let id, _, _, _, _), .evaluate(let id, _, _, _):
            return id
        }
    }
}
