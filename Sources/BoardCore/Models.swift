/// Identifiers are the store's row ids; value types carry them so the UI can ask for more.
public typealias FamilyID = Int64
public typealias CaseID = Int64

public struct Child: Equatable, Sendable {
    public var firstName: String
    /// Nil when no longer known: retention erases birth dates along with names.
    public var birthDate: Day?

    public init(firstName: String, birthDate: Day?) {
        self.firstName = firstName
        self.birthDate = birthDate
    }
}

extension Child {
    /// A child that a report names is born on or before the report's day.
    public static func birthProblem(_ born: Day, reportedOn: Day) -> DateProblem? {
        born > reportedOn ? .after(reportedOn, what: "de aanmelding") : nil
    }
}

extension Day {
    /// What a screen or an export says for a date that is no longer known (erased by retention),
    /// rather than showing the epoch.
    public static let unknownText = "onbekend"
}

/// What the board needs of one case: one card. Loaded by an indexed query, nothing more.
public struct CaseSummary: Equatable, Sendable {
    public var id: CaseID
    public var kenmerk: String
    public var familyID: FamilyID
    public var familyName: String
    public var wijk: String
    public var source: Source
    public var reportedOn: Day
    public var stage: Stage
    public var stageSince: Day
    public var medewerker: String
    public var childCount: Int
    /// Birth date of the youngest child, nil when no child is recorded.
    public var youngestBirthDate: Day?
    public var version: Int
    /// The day the case closed (safety ensured, or the Raad's outcome); nil while it is open.
    public var closedOn: Day?
    /// At the Beschermtafel under drang: when the table wants to hear back.
    public var reportBackOn: Day?
    /// The next evaluation of the case's active joint plan (JointPlan.swift); nil without an active plan.
    public var planNextEvaluation: Day?
    /// The earliest date of an open agreement in the active joint plan.
    public var planEarliestAgreementDue: Day?
    /// The lowest of the latest safety scores (the latest per child and for the whole family);
    /// nil before the first assessment.
    public var lowestSafetyScore: Int?
    /// The duties recorded as done (Duty.swift): read for a case from Veilig Thuis or in RvK-onderzoek.
    public var dutiesDone: DutiesDone = []
    /// At the Beschermtafel: the latest report-back date the team recorded having reported back on.
    public var reportedBackFor: Day?
    /// Whose the active joint plan is (`◆JB`, `◆VT`); nil without an active plan. A plan whose
    /// form was not read is a Jeugdbeschermer in de wijk, as every plan from before the Veiligheidsteam.
    public var activePlanForm: JointWorkForm? {
        get { hasActivePlan ? (planForm ?? .jeugdbeschermerInDeWijk) : nil }
        set { planForm = newValue }
    }
    private var planForm: JointWorkForm?

    public init(id: CaseID, kenmerk: String, familyID: FamilyID, familyName: String, wijk: String,
                source: Source, reportedOn: Day, stage: Stage, stageSince: Day, medewerker: String,
                childCount: Int, youngestBirthDate: Day?, version: Int, closedOn: Day? = nil, reportBackOn: Day? = nil,
                planNextEvaluation: Day? = nil, planEarliestAgreementDue: Day? = nil, lowestSafetyScore: Int? = nil,
                dutiesDone: DutiesDone = [], reportedBackFor: Day? = nil,
                activePlanForm: JointWorkForm? = nil) {
        self.id = id
        self.kenmerk = kenmerk
        self.familyID = familyID
        self.familyName = familyName
        self.wijk = wijk
        self.source = source
        self.reportedOn = reportedOn
        self.stage = stage
        self.stageSince = stageSince
        self.medewerker = medewerker
        self.childCount = childCount
        self.youngestBirthDate = youngestBirthDate
        self.version = version
        self.closedOn = closedOn
        self.reportBackOn = reportBackOn
        self.planNextEvaluation = planNextEvaluation
        self.planEarliestAgreementDue = planEarliestAgreementDue
        self.lowestSafetyScore = lowestSafetyScore
        self.dutiesDone = dutiesDone
        self.reportedBackFor = reportedBackFor
        planForm = activePlanForm
    }

    /// Whether the case has an active joint plan: an active plan always has a next evaluation.
    public var hasActivePlan: Bool { planNextEvaluation != nil }

    /// The active plan's evaluation has passed, or one of its open agreements is past its date.
    public func isPlanOverdue(today: Day) -> Bool {
        (planNextEvaluation.map { $0 < today } ?? false) || (planEarliestAgreementDue.map { $0 < today } ?? false)
    }

    /// The day the case closed: entering Veiligheid gewaarborgd closes it; an RvK-onderzoek
    /// closes when the Raad's outcome is recorded.
    public var closedDay: Day? {
        closedOn ?? (stage == .veiligheidGewaarborgd ? stageSince : nil)
    }

    public func daysInStage(today: Day) -> Int { max(0, stageSince.days(until: today)) }
}

/// A new report (aanmelding) as typed in the form or read from an import.
public struct NewReport: Equatable, Sendable {
    public var kenmerk: String
    public var reportedOn: Day
    public var source: Source
    public var familyName: String
    public var wijk: String
    public var medewerker: String
    public var children: [Child]
    /// A new report about a family already known becomes a new case of that family.
    public var existingFamilyID: FamilyID?

    public init(kenmerk: String, reportedOn: Day, source: Source, familyName: String, wijk: String,
                medewerker: String, children: [Child], existingFamilyID: FamilyID? = nil) {
        self.kenmerk = kenmerk
        self.reportedOn = reportedOn
        self.source = source
        self.familyName = familyName
        self.wijk = wijk
        self.medewerker = medewerker
        self.children = children
        self.existingFamilyID = existingFamilyID
    }
}

/// What happened to a case, as the append-only log records it.
public enum EventKind: String, Codable, Sendable {
    case aangemeld
    case verplaatst
    case gecorrigeerd
    case geopend
    case gezinGewijzigd = "gezin_gewijzigd"
    case kindToegevoegd = "kind_toegevoegd"
    case verzorgerToegevoegd = "verzorger_toegevoegd"
    case netwerkToegevoegd = "netwerk_toegevoegd"
    case beoordeling
    case risicoInstrument = "risico_instrument"
    case notitie
    case tafelbesluit
    case rvkUitkomst = "rvk_uitkomst"
    /// Everything recorded about the family was exported for an inzage request (AVG art. 15).
    case inzageGeexporteerd = "inzage_geexporteerd"
    /// The staff list changed (added, role or name changed, removed); not tied to a family.
    case medewerkerGewijzigd = "medewerker_gewijzigd"
    /// A setting changed (norms, WIP limits, retention period); not tied to a family.
    case instellingGewijzigd = "instelling_gewijzigd"
    /// The family's personal data was erased (retention period passed, or on request).
    case gegevensVerwijderd = "gegevens_verwijderd"
    // The joint plan of Jeugdbeschermer in de wijk (JointPlan.swift).
    case planGestart = "plan_gestart"
    case planDoel = "plan_doel"
    case planAfspraak = "plan_afspraak"
    case planUren = "plan_uren"
    case planIntensiteit = "plan_intensiteit"
    case planEvaluatie = "plan_evaluatie"
    /// A member joined the Veiligheidsteam's work on the case.
    case planTeamlid = "plan_teamlid"
    /// A safety condition of Veilig Thuis or the Beschermtafel recorded in the plan.
    case planVoorwaarde = "plan_voorwaarde"
    /// The running plan ended with its case: closed, or handed to the Raad (`PlanEnd.withCase`).
    case planBeeindigd = "plan_beeindigd"
    /// The weekly meeting's decision on a case (MeetingAgenda.swift); its text is a journal note.
    case vergaderbesluit
    /// The case was handed over to another medewerker (overdracht), with the reason.
    case overgedragen
    /// A child, parent or network member corrected, with the reason (FamilyPerson).
    case persoonGecorrigeerd = "persoon_gecorrigeerd"
    /// A child, parent or network member removed as recorded by mistake: a correction, with the reason.
    case persoonVerwijderd = "persoon_verwijderd"
    /// Records that no one's change wrote (a store from before the log covered records, the demo's
    /// backfill), logged so that `check` covers them from then on (RecordSeal.swift).
    case vastgelegd
    /// The user's own last change of a case undone (CaseUndo.swift): a correction that names the
    /// event it undoes; the undone events stay in the log.
    case ongedaanGemaakt = "ongedaan_gemaakt"
    /// A duty (termijn) met: what was done and when, such as a terugmelding aan Veilig Thuis (Duty.swift).
    case termijnAfgehandeld = "termijn_afgehandeld"

    public var title: String {
        switch self {
        case .aangemeld: return "Aangemeld"
        case .verplaatst: return "Verplaatst"
        case .gecorrigeerd: return "Teruggezet"
        case .geopend: return "Dossier geopend"
        case .gezinGewijzigd: return "Gezinsgegevens gewijzigd"
        case .kindToegevoegd: return "Kind toegevoegd"
        case .verzorgerToegevoegd: return "Ouder/verzorger toegevoegd"
        case .netwerkToegevoegd: return "Netwerk aangevuld"
        case .beoordeling: return "Veiligheidsbeoordeling"
        case .risicoInstrument: return "Risico-instrument"
        case .notitie: return "Notitie"
        case .tafelbesluit: return "Besluit Beschermtafel"
        case .rvkUitkomst: return "Uitkomst RvK"
        case .inzageGeexporteerd: return "Inzage geëxporteerd"
        case .medewerkerGewijzigd: return "Medewerkers gewijzigd"
        case .instellingGewijzigd: return "Instelling gewijzigd"
        case .gegevensVerwijderd: return "Persoonsgegevens verwijderd"
        case .planGestart: return "Gezamenlijk plan gestart"
        case .planDoel: return "Plandoel"
        case .planAfspraak: return "Planafspraak"
        case .planUren: return "Uren gezamenlijk plan"
        case .planIntensiteit: return "Intensiteit plan"
        case .planEvaluatie: return "Evaluatie plan"
        case .planTeamlid: return "Lid Veiligheidsteam"
        case .planVoorwaarde: return "Veiligheidsvoorwaarde"
        case .planBeeindigd: return "Gezamenlijk plan beëindigd"
        case .vergaderbesluit: return "Besluit teamoverleg"
        case .overgedragen: return "Overgedragen"
        case .persoonGecorrigeerd: return "Persoon gecorrigeerd"
        case .persoonVerwijderd: return "Persoon verwijderd (correctie)"
        case .vastgelegd: return "Gegevens vastgelegd"
        case .ongedaanGemaakt: return "Ongedaan gemaakt"
        case .termijnAfgehandeld: return "Termijn afgehandeld"
        }
    }
}

public struct CaseEvent: Equatable, Sendable {
    public var id: Int64
    public var caseID: CaseID
    /// Moment of recording, ISO 8601 in UTC.
    public var recordedAt: String
    public var user: String
    public var kind: EventKind
    public var fromStage: Stage?
    public var toStage: Stage?
    /// The day the event took effect (the move's date), which may lie before `recordedAt`.
    public var day: Day
    public var detail: String

    public init(id: Int64, caseID: CaseID, recordedAt: String, user: String, kind: EventKind,
                fromStage: Stage?, toStage: Stage?, day: Day, detail: String) {
        self.id = id
        self.caseID = caseID
        self.recordedAt = recordedAt
        self.user = user
        self.kind = kind
        self.fromStage = fromStage
        self.toStage = toStage
        self.day = day
        self.detail = detail
    }
}

/// Everything the case details view shows.
public struct CaseDetails: Equatable, Sendable {
    public var summary: CaseSummary
    public var children: [Child]
    public var events: [CaseEvent]

    public init(summary: CaseSummary, children: [Child], events: [CaseEvent]) {
        self.summary = summary
        self.children = children
        self.events = events
    }
}
