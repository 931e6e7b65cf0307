import BoardCore

/// The sections of the family screen, reachable by number keys or Tab.
public enum FamilySection: Int, CaseIterable, Sendable {
    case gezin = 1, zaak, veiligheid, journaal, beschermtafel, rvk

    public var title: String {
        switch self {
        case .gezin: return "Gezin"
        case .zaak: return "Zaak"
        case .veiligheid: return "Veiligheid"
        case .journaal: return "Journaal"
        case .beschermtafel: return "Beschermtafel"
        case .rvk: return "RvK"
        }
    }
}

/// The family screen: a dossier, the section in front, and where the user is in it.
public struct FamilyScreen: Equatable, Sendable {
    public var dossier: Dossier
    public var section: FamilySection = .gezin
    public var scroll = 0
    /// The selected note in the Journaal (index in `dossier.notes`, newest first).
    public var selectedNote = 0
    /// BSNs are masked unless the user asks to see them.
    public var showsBSN = false

    public init(dossier: Dossier) { self.dossier = dossier }

    public var isReadOnly: Bool { !dossier.isViewingCurrentCase }
}

/// A form opened from the family screen, and what it will change.
public struct DossierForm: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case editFamily, addChild, addCaregiver, addNetworkMember, addAssessment, addRiskInstrument
        case addNote(refersTo: Int64?)
        case tableDecision, rvkOutcome
        /// The weekly meeting's decision (the agenda's `B`).
        case meetingDecision
    }

    public var kind: Kind
    public var form: Form
    public var familyID: FamilyID
    public var caseSummary: CaseSummary
    /// For a table decision: the request date the meeting may not precede.
    public var requestDate: Day?
    public var rvkStart: Day?
}

extension KeyMap {
    /// Keys on every section of the family screen.
    public static let familyCommon: [Binding] = [
        Binding([.character("1"), .character("2"), .character("3"), .character("4"), .character("5"), .character("6")], .section(0),
                "sectie kiezen: Gezin, Zaak, Veiligheid, Journaal, Beschermtafel, RvK"),
        Binding([.tab], .nextSection, "volgende sectie", bar: "sectie"),
        Binding([.backTab], .previousSection, "vorige sectie"),
        Binding([.up, .character("k")], .up, "omhoog"),
        Binding([.down, .character("j")], .down, "omlaag"),
        Binding([.pageUp], .pageUp, "bladzijde omhoog"),
        Binding([.pageDown, .character(" ")], .pageDown, "bladzijde omlaag"),
        Binding([.character("g"), .home], .first, "begin"),
        Binding([.character("G"), .end], .last, "einde"),
        Binding([.character(">")], .forward, "zaak naar volgende kolom", bar: "verder"),
        Binding([.character("<")], .back, "zaak één kolom terug (correctie)"),
        Binding([.character("["), .character("]")], .browseCases, "eerdere / latere zaak van dit gezin bekijken"),
        Binding([.character("p")], .openPlan, "plan Jeugdbeschermer in de wijk (of er een starten)", bar: "plan"),
        Binding([.escape], .close, "terug naar het bord", bar: "bord"),
        Binding([.character("?")], .help, "hulp", bar: "hulp"),
        Binding([.character("q")], .quit, "stoppen"),
    ]

    public static func family(_ section: FamilySection) -> [Binding] {
        let own: [Binding]
        switch section {
        case .gezin:
            own = [
                Binding([.character("e")], .editFamily, "gezinsgegevens bewerken", bar: "bewerk"),
                Binding([.character("c")], .addChild, "kind toevoegen", bar: "kind"),
                Binding([.character("o")], .addCaregiver, "ouder/verzorger toevoegen", bar: "ouder"),
                Binding([.character("w")], .addNetworkMember, "netwerk: persoon of professional toevoegen", bar: "netwerk"),
                Binding([.character("b")], .toggleBSN, "BSN tonen / verbergen"),
            ]
        case .zaak:
            own = []
        case .veiligheid:
            own = [
                Binding([.character("n")], .addAssessment, "nieuwe veiligheidsbeoordeling", bar: "beoordeling"),
                Binding([.character("i")], .addRiskInstrument, "risico-instrument vastleggen (LIRIK, ARIJ)", bar: "instrument"),
            ]
        case .journaal:
            own = [
                Binding([.character("n")], .addNote, "nieuwe notitie", bar: "notitie"),
                Binding([.character("c")], .correctNote, "correctie op de gekozen notitie", bar: "correctie"),
            ]
        case .beschermtafel:
            own = [Binding([.character("u")], .recordTableDecision, "besluit van de tafel vastleggen", bar: "besluit")]
        case .rvk:
            own = [Binding([.character("u")], .recordRvkOutcome, "uitkomst van de Raad vastleggen", bar: "uitkomst")]
        }
        return own + familyCommon
    }
}
