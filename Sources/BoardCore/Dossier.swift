/// Everything recorded about a family, as the family screen shows it.
public struct FamilyRecord: Equatable, Sendable {
    public var id: FamilyID
    public var name: String
    public var address: String
    public var wijk: String

    public init(id: FamilyID, name: String, address: String, wijk: String) {
        self.id = id
        self.name = name
        self.address = address
        self.wijk = wijk
    }
}

public struct ChildRecord: Equatable, Sendable {
    public var id: Int64
    public var firstName: String
    /// Empty when the child carries the family's name.
    public var surname: String
    /// Nil when no longer known: retention erases birth dates along with names.
    public var birthDate: Day?
    /// Empty when not recorded; always valid by the elfproef when present.
    public var bsn: String

    public init(id: Int64 = 0, firstName: String, surname: String = "", birthDate: Day?, bsn: String = "") {
        self.id = id
        self.firstName = firstName
        self.surname = surname
        self.birthDate = birthDate
        self.bsn = bsn
    }
}

/// A parent or caregiver (ouder/verzorger).
public struct Caregiver: Equatable, Sendable {
    /// The store's row id (0 before it is stored).
    public var id: Int64
    public var name: String
    public var relation: String
    public var phone: String

    public init(id: Int64 = 0, name: String, relation: String, phone: String) {
        self.id = id
        self.name = name
        self.relation = relation
        self.phone = phone
    }
}

/// Someone else involved: family, neighbours, or a professional.
public struct NetworkMember: Equatable, Sendable {
    /// The store's row id (0 before it is stored).
    public var id: Int64
    public var name: String
    public var role: String
    public var organisation: String
    public var phone: String

    public init(id: Int64 = 0, name: String, role: String, organisation: String, phone: String) {
        self.id = id
        self.name = name
        self.role = role
        self.organisation = organisation
        self.phone = phone
    }
}

/// Who gave a score on the safety scale.
public enum ScoreGiver: String, CaseIterable, Codable, Sendable {
    case medewerker, ouder, jeugdige
}

/// A Signs of Safety assessment with its 0–10 score.
public struct SafetyAssessment: Equatable, Sendable {
    public var day: Day
    public var concerns: String
    public var strengths: String
    public var needs: String
    public var score: Int
    public var givenBy: ScoreGiver
    public var recordedBy: String
    /// The child the score is about (a `ChildRecord` id); nil for the whole family.
    public var childID: Int64?

    public init(day: Day, concerns: String, strengths: String, needs: String, score: Int, givenBy: ScoreGiver, recordedBy: String = "",
                childID: Int64? = nil) {
        self.day = day
        self.concerns = concerns
        self.strengths = strengths
        self.needs = needs
        self.score = score
        self.givenBy = givenBy
        self.recordedBy = recordedBy
        self.childID = childID
    }

    public static let scale = 0...10
}

/// The outcome of a risk instrument owned by others (LIRIK, ARIJ): recorded, never computed.
public struct RiskInstrumentRecord: Equatable, Sendable {
    public var instrument: String
    public var day: Day
    public var outcome: String
    public var note: String
    public var recordedBy: String

    public init(instrument: String, day: Day, outcome: String, note: String, recordedBy: String = "") {
        self.instrument = instrument
        self.day = day
        self.outcome = outcome
        self.note = note
        self.recordedBy = recordedBy
    }

    public static let instruments = ["LIRIK", "ARIJ", "Anders"]
}

/// A journal note. Notes are never edited; a correction is a new note that refers to the old one.
public struct Note: Equatable, Sendable {
    public var id: Int64
    public var recordedAt: String
    public var author: String
    public var text: String
    public var refersTo: Int64?

    public init(id: Int64 = 0, recordedAt: String = "", author: String = "", text: String, refersTo: Int64? = nil) {
        self.id = id
        self.recordedAt = recordedAt
        self.author = author
        self.text = text
        self.refersTo = refersTo
    }
}

/// What the Beschermtafel decided.
public enum TableOutcome: String, CaseIterable, Codable, Sendable {
    /// Voluntary help suffices (or is adjusted): safety is ensured.
    case vrijwillig
    /// Goals and agreements with a report-back date; the table decides again then.
    case drang
    /// The Raad voor de Kinderbescherming investigates.
    case rvkOnderzoek = "rvk_onderzoek"

    public var title: String {
        switch self {
        case .vrijwillig: return "Vrijwillig kader volstaat"
        case .drang: return "Drang"
        case .rvkOnderzoek: return "RvK-onderzoek"
        }
    }
}

/// A case's time at the Beschermtafel: the request, and each meeting's decision.
public struct TableRecord: Equatable, Sendable {
    public var id: Int64
    public var requester: TableRequester
    public var requestDate: Day
    public var meetingDate: Day?
    public var attendees: String
    public var advice: String
    public var outcome: TableOutcome?
    public var reportBackOn: Day?
    public var goals: String
    /// What an undo (CaseUndo.swift) did to the record, which stays as written: withdrawn (the
    /// decision or request was undone), or restored (the undo wrote it to give the table back
    /// the word it had before the withdrawn decision).
    public var undo: Undo?

    public enum Undo: Equatable, Sendable { case withdrawn, restored }

    public init(id: Int64 = 0, requester: TableRequester, requestDate: Day, meetingDate: Day? = nil, attendees: String = "",
                advice: String = "", outcome: TableOutcome? = nil, reportBackOn: Day? = nil, goals: String = "") {
        self.id = id
        self.requester = requester
        self.requestDate = requestDate
        self.meetingDate = meetingDate
        self.attendees = attendees
        self.advice = advice
        self.outcome = outcome
        self.reportBackOn = reportBackOn
        self.goals = goals
    }
}

/// A meeting's decision as the user records it.
public struct TableDecision: Equatable, Sendable {
    public var meetingDate: Day
    public var attendees: String
    public var advice: String
    public var outcome: TableOutcome
    public var reportBackOn: Day?
    public var goals: String

    public init(meetingDate: Day, attendees: String, advice: String, outcome: TableOutcome, reportBackOn: Day? = nil, goals: String = "") {
        self.meetingDate = meetingDate
        self.attendees = attendees
        self.advice = advice
        self.outcome = outcome
        self.reportBackOn = reportBackOn
        self.goals = goals
    }

    /// Drang needs a report-back date 2 weeks to 6 months after the meeting, and goals.
    public func problems(requestDate: Day, today: Day, maxMonths: Int) -> [(field: String, message: String)] {
        var problems: [(String, String)] = []
        if meetingDate > today { problems.append(("tafeldatum", DateProblem.inFuture(meetingDate).message)) }
        if meetingDate < requestDate {
            problems.append(("tafeldatum", DateProblem.before(requestDate, what: "de aanvraag").message))
        }
        if advice.trimmingWhitespace().isEmpty { problems.append(("advies", "Advies van de tafel is verplicht")) }
        if outcome == .drang {
            if goals.trimmingWhitespace().isEmpty { problems.append(("doelen", "Bij drang horen doelen en afspraken")) }
            if let back = reportBackOn {
                if back <= meetingDate { problems.append(("terugkoppeling", "De terugkoppeling ligt na de tafel")) }
                if back > meetingDate.adding(days: maxMonths * 31) {
                    problems.append(("terugkoppeling", "Terugkoppeling uiterlijk \(maxMonths) maanden na de tafel"))
                }
            } else {
                problems.append(("terugkoppeling", "Bij drang hoort een terugkoppeldatum"))
            }
        }
        return problems
    }
}

/// The Raad's investigation and its outcome; recording an outcome closes the case.
public enum RvkOutcome: String, CaseIterable, Codable, Sendable {
    case geenMaatregel = "geen maatregel"
    case ots = "OTS"
    case uithuisplaatsing
}

public struct RvkRecord: Equatable, Sendable {
    public var startDate: Day
    /// The case's outcome: the most far-reaching of the children's (ChildOutcome.swift).
    public var outcome: RvkOutcome?
    public var outcomeDate: Day?
    /// The outcome per child concerned; empty while the investigation runs, and for an outcome
    /// recorded before outcomes were kept per child (schema `v15-child-outcomes`).
    public var children: [ChildOutcome]

    public init(startDate: Day, outcome: RvkOutcome? = nil, outcomeDate: Day? = nil, children: [ChildOutcome] = []) {
        self.startDate = startDate
        self.outcome = outcome
        self.outcomeDate = outcomeDate
        self.children = children
    }
}

/// A family's whole dossier, with one of its cases in view (the current one, or an earlier one read-only).
public struct Dossier: Equatable, Sendable {
    public var family: FamilyRecord
    public var children: [ChildRecord]
    public var caregivers: [Caregiver]
    public var network: [NetworkMember]
    /// Every case of the family, newest first.
    public var cases: [CaseSummary]
    /// The case in view, with its timeline.
    public var viewed: CaseDetails
    public var assessments: [SafetyAssessment]
    public var risks: [RiskInstrumentRecord]
    /// Newest first.
    public var notes: [Note]
    public var tableRecords: [TableRecord]
    public var rvk: RvkRecord?

    public init(family: FamilyRecord, children: [ChildRecord], caregivers: [Caregiver], network: [NetworkMember],
                cases: [CaseSummary], viewed: CaseDetails, assessments: [SafetyAssessment], risks: [RiskInstrumentRecord],
                notes: [Note], tableRecords: [TableRecord], rvk: RvkRecord?) {
        self.family = family
        self.children = children
        self.caregivers = caregivers
        self.network = network
        self.cases = cases
        self.viewed = viewed
        self.assessments = assessments
        self.risks = risks
        self.notes = notes
        self.tableRecords = tableRecords
        self.rvk = rvk
    }

    /// Whether the case in view is the family's newest: earlier cases are read-only.
    public var isViewingCurrentCase: Bool { cases.first?.id == viewed.summary.id }
}

/// A change to a dossier, as the UI asks the store for it. Each is one transaction with its event.
public enum DossierChange: Equatable, Sendable {
    case editFamily(FamilyID, seen: SeenCase, name: String, address: String, wijk: String)
    case addChild(FamilyID, seen: SeenCase, ChildRecord)
    case addCaregiver(FamilyID, seen: SeenCase, Caregiver)
    case addNetworkMember(FamilyID, seen: SeenCase, NetworkMember)
    case addAssessment(CaseID, SafetyAssessment)
    case addRiskInstrument(CaseID, RiskInstrumentRecord)
    case addNote(CaseID, Note)
    case recordTableDecision(CaseID, expectedVersion: Int, TableDecision)
    /// The Raad's outcome for each child concerned (children left out were not concerned).
    case recordRvkOutcome(CaseID, expectedVersion: Int, [ChildOutcome], Day)
    case recordMeetingDecision(CaseID, MeetingDecision)
    /// Overdracht: the case goes to another medewerker (a login or display name on the staff list), for a reason.
    case handOver(CaseID, expectedVersion: Int, to: String, reason: String)
    /// A child, parent or network member recorded wrongly: the person as it should read (same
    /// id), and why. The log keeps what it read before.
    case correctPerson(FamilyID, seen: SeenCase, FamilyPerson, reason: String)
    /// A person recorded by mistake, removed for a reason: a correction, logged with what the
    /// record held, never an erasure of the family's history.
    case removePerson(FamilyID, seen: SeenCase, FamilyPerson, reason: String)
    /// A duty (termijn) met: what was done and on which day (Duty.swift).
    case recordDuty(CaseID, DutyRecord)

    /// The change closes its case: the table finds voluntary help enough, or the Raad's outcome.
    public var closesCase: Bool {
        switch self {
        // Vrijwillig moves the case to Veiligheid gewaarborgd.
        case .recordTableDecision(_, _, let decision): return decision.outcome == .vrijwillig
        case .recordRvkOutcome: return true
        case .editFamily, .addChild, .addCaregiver, .addNetworkMember, .addAssessment, .addRiskInstrument, .addNote, .recordMeetingDecision,
             .handOver, .correctPerson, .removePerson, .recordDuty:
            return false
        }
    }

    /// The case the change belongs to, for the log; nil for family-level changes.
    public var caseID: CaseID? {
        switch self {
        case .addAssessment(let id, _), .addRiskInstrument(let id, _), .addNote(let id, _),
             .recordTableDecision(let id, _, _), .recordRvkOutcome(let id, _, _, _), .recordMeetingDecision(let id, _),
             .handOver(let id, _, _, _), .recordDuty(let id, _): return id
        case .editFamily, .addChild, .addCaregiver, .addNetworkMember, .correctPerson, .removePerson: return nil
        }
    }
}

/// The family's case in view as the user saw it when a family form was opened. Family data is
/// shared by all of the family's cases, so a change of it raises every one of their versions and
/// a form filled in over an older version is refused, as a stale case form is.
public struct SeenCase: Equatable, Sendable {
    public var caseID: CaseID
    public var version: Int

    public init(caseID: CaseID, version: Int) {
        self.caseID = caseID
        self.version = version
    }
}

/// The Dutch citizen service number: nine digits passing the elfproef.
public enum BSN {
    public static func isValid(_ text: String) -> Bool {
        let digits = text.compactMap(\.wholeNumberValue)
        guard digits.count == 9, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        var sum = 0
        for (index, digit) in digits.enumerated() {
            sum += digit * (index == 8 ? -1 : 9 - index)
        }
        return sum % 11 == 0 && sum != 0
    }

    /// `*****6789`-style masking for lists: only the last three digits show.
    public static func masked(_ bsn: String) -> String {
        guard bsn.count > 3 else { return bsn }
        return String(repeating: "•", count: bsn.count - 3) + bsn.suffix(3)
    }
}

/// A known family that a new report can be linked to.
public struct FamilyMatch: Equatable, Sendable {
    public var id: FamilyID
    public var name: String
    public var wijk: String
    public var lastKenmerk: String
    public var hasOpenCase: Bool

    public init(id: FamilyID, name: String, wijk: String, lastKenmerk: String, hasOpenCase: Bool) {
        self.id = id
        self.name = name
        self.wijk = wijk
        self.lastKenmerk = lastKenmerk
        self.hasOpenCase = hasOpenCase
    }
}

/// One person of a family's Gezin section, as a correction or removal names them (by the id the
/// store gave them).
public enum FamilyPerson: Equatable, Sendable {
    case child(ChildRecord)
    case caregiver(Caregiver)
    case networkMember(NetworkMember)

    /// The same record of the store (as it may read now): the same kind of person, the same id.
    public func isSameRecord(as other: FamilyPerson) -> Bool {
        switch (self, other) {
        case (.child, .child), (.caregiver, .caregiver), (.networkMember, .networkMember): return id == other.id
        default: return false
        }
    }

    public var id: Int64 {
        switch self {
        case .child(let child): return child.id
        case .caregiver(let caregiver): return caregiver.id
        case .networkMember(let member): return member.id
        }
    }

    /// `kind Zoë (12-04-2016)`, `ouder/verzorger Samira El Amrani (moeder)`: who, for a log line
    /// or a question.
    public var description: String {
        switch self {
        case .child(let child):
            let name = [child.firstName, child.surname].filter { !$0.isEmpty }.joined(separator: " ")
            return "kind \(name) (\(child.birthDate?.dutch ?? Day.unknownText))"
        case .caregiver(let caregiver):
            return "ouder/verzorger \(caregiver.name)" + (caregiver.relation.isEmpty ? "" : " (\(caregiver.relation))")
        case .networkMember(let member):
            return "netwerk \(member.name)" + (member.role.isEmpty ? "" : " (\(member.role))")
        }
    }
}

extension FamilyPerson {
    /// The fields in which `other` (the same person as corrected) differs, in Dutch: what a
    /// correction's log line names. A BSN is named, never quoted.
    public func changedFields(to other: FamilyPerson) -> [String] {
        func differ<T: Equatable>(_ pairs: [(String, T, T)]) -> [String] { pairs.filter { $0.1 != $0.2 }.map(\.0) }
        switch (self, other) {
        case (.child(let a), .child(let b)):
            return differ([("voornaam", a.firstName, b.firstName), ("achternaam", a.surname, b.surname), ("BSN", a.bsn, b.bsn)])
                + differ([("geboortedatum", a.birthDate, b.birthDate)])
        case (.caregiver(let a), .caregiver(let b)):
            return differ([("naam", a.name, b.name), ("relatie", a.relation, b.relation), ("telefoon", a.phone, b.phone)])
        case (.networkMember(let a), .networkMember(let b)):
            return differ([("naam", a.name, b.name), ("rol", a.role, b.role), ("organisatie", a.organisation, b.organisation),
                           ("telefoon", a.phone, b.phone)])
        default:
            return ["soort"]
        }
    }
}
