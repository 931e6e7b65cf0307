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
    /// The selected person in the Gezin section (index in `people`).
    public var selectedPerson = 0
    /// BSNs are masked unless the user asks to see them.
    public var showsBSN = false
    /// A search in the section in front (`/`), while one is typed or stands.
    public var find: PageFind?

    public init(dossier: Dossier) { self.dossier = dossier }

    public var isReadOnly: Bool { !dossier.isViewingCurrentCase }

    /// The people of the Gezin section in the order it lists them: children, parents and
    /// caregivers, the network.
    public var people: [FamilyPerson] {
        dossier.children.map(FamilyPerson.child) + dossier.caregivers.map(FamilyPerson.caregiver) + dossier.network.map(FamilyPerson.networkMember)
    }

    /// The person `Enter` corrects and `x` removes.
    public var chosenPerson: FamilyPerson? { people.indices.contains(selectedPerson) ? people[selectedPerson] : nil }
}

/// A form opened from the family screen, and what it will change.
public struct DossierForm: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case editFamily, addChild, addCaregiver, addNetworkMember, addAssessment, addRiskInstrument
        case addNote(refersTo: Int64?)
        /// A child, parent or network member corrected, or removed as recorded by mistake; with a reason.
        case correctPerson(FamilyPerson), removePerson(FamilyPerson)
        case tableDecision, rvkOutcome
        /// Overdracht to another medewerker from the staff list, with a reason.
        case handOver
        /// The weekly meeting's decision (the agenda's `B`).
        case meetingDecision
        /// A duty met: when and what was done (the Termijnen page's Enter).
        case dutyDone(Duty)
    }

    public var kind: Kind
    public var form: Form
    public var familyID: FamilyID
    public var caseSummary: CaseSummary
    /// For a table decision: the request date the meeting may not precede.
    public var requestDate: Day?
    public var rvkStart: Day?
    /// The family's children, whom the Raad's outcome and an assessment name.
    public var children: [ChildRecord] = []
}

/// What the family screen's keys do.
public enum FamilyAction: KeyAction {
    case section, nextSection, previousSection, scroll(Scroll)
    case forward, back, undo, browseCases, openPlan, toggleBSN
    /// Opens a form of the dossier (a correction of a note: `correctNote`, for the selected one).
    case form(DossierForm.Kind)
    case correctNote
    /// Opens the correction or the removal of the person chosen in the Gezin section.
    case correctPerson, removePerson
    /// The agenda's keys, while the screen was opened from it (AgendaScreen.swift).
    case agenda(AgendaAction)
    /// Searching the section in front (PageFind.swift).
    case find(PageFindAction)
}

extension FamilyScreen: PageScreen {
    var asPage: Page { .family(self) }
    var helpTitle: String { "Gezin · \(section.title)" }
    var keysName: String { " van \(section.title)" }

    /// While a search is typed every key is part of it; while one stands, Esc ends it first.
    func closing(in state: AppState) -> Closing? {
        guard let find else { return Closing(description: "terug naar het bord", bar: "bord") }
        return find.isTyping ? nil : Closing(description: "zoeken stoppen (de treffer blijft in beeld)", bar: "stop")
    }

    /// Esc on a standing search ends it, keeping the match in front where it is: in the Journaal
    /// its note becomes the chosen one (for `c`), elsewhere the page stays scrolled to it.
    mutating func close(in state: inout AppState) -> [Effect] {
        guard find != nil else {
            state.pages.removeLast()
            return []
        }
        let shown = state.isMeeting ? NameMask.state(state).openFamily ?? self : self
        let (lines, noteStarts) = FamilyView.searchedLines(shown, context: state.pageContext, screenWidth: state.width)
        if let match = FamilyView.currentMatch(shown, in: lines) {
            if section == .journaal {
                selectedNote = noteStarts.lastIndex(where: { $0 <= match }) ?? selectedNote
            } else {
                scroll = PageFrame.firstLine(scroll: scroll, selectedLine: match, count: lines.count,
                                             height: FamilyView.bodyHeight(pageHeight: state.pageHeight))
            }
        }
        find = nil
        return []
    }

    func input(_ key: Key) -> FamilyAction? {
        find?.isTyping == true ? FilterLineAction.input(key).map { .find(.line($0)) } : nil
    }

    /// The page's keys and `/`; while a search is typed only its keys, and while one stands its
    /// `n`, `N` and `/` first, in place of the section's `n`.
    func bindings(in state: AppState) -> [Binding<FamilyAction>] {
        guard let find else { return pageBindings(in: state) + [PageFind.startBinding(FamilyAction.find)] }
        if find.isTyping { return find.bindings(FamilyAction.find) }
        return find.bindings(FamilyAction.find) + PageFind.withoutShadowed(pageBindings(in: state))
    }

    /// The section's own keys, then those of every section; opened from the agenda, the agenda's
    /// `.`, `,` and `B` come first (keys that mean nothing else here).
    private func pageBindings(in state: AppState) -> [Binding<FamilyAction>] {
        let readOnly = isReadOnly ? "Dit is een eerdere zaak: alleen lezen. ] gaat terug naar de huidige zaak." : nil
        let own = sectionBindings.map { $0.action == .toggleBSN ? $0 : $0.disabled(readOnly ?? $0.disabledReason) }
        let common: [Binding<FamilyAction>] = [
            Binding([.character("1"), .character("2"), .character("3"), .character("4"), .character("5"), .character("6")], .section,
                    "sectie kiezen: Gezin, Zaak, Veiligheid, Journaal, Beschermtafel, RvK"),
            Binding([.tab], .nextSection, "volgende sectie", bar: "sectie"),
            Binding([.backTab], .previousSection, "vorige sectie"),
        ] + Scroll.bindings(FamilyAction.scroll, up: "omhoog", down: "omlaag", first: "begin", last: "einde") + [
            Binding([.character(">")], .forward, "zaak naar volgende kolom", bar: "verder", disabledBecause: readOnly),
            Binding([.character("<")], .back, "zaak één kolom terug (correctie)", disabledBecause: readOnly),
            Binding([AppState.undoKey], .undo, AppState.undoDescription, bar: "ongedaan", disabledBecause: readOnly ?? undoRefusal(in: state)),
            Binding([.character("["), .character("]")], .browseCases, "eerdere / latere zaak van dit gezin bekijken"),
            Binding([.character("p")], .openPlan, "gezamenlijk plan: JB in de wijk of Veiligheidsteam (of er een starten)", bar: "plan"),
        ]
        guard state.openAgenda != nil else { return own + common }
        let decided = isReadOnly ? "Een eerdere zaak van het gezin kan niet meer worden gewijzigd; ] gaat naar de huidige." : nil
        return AgendaAction.onFamily.map { $0.action == .recordDecision ? $0.map(FamilyAction.agenda).disabled(decided) : $0.map(FamilyAction.agenda) }
            + own + common
    }

    /// Why `U` has nothing to undo, from the dossier's log, by the rules the store applies (CaseUndo).
    func undoRefusal(in state: AppState) -> String? {
        let viewed = dossier.viewed
        guard case .failure(let refusal) = CaseUndo.proposal(for: viewed.summary, events: viewed.events, user: state.user,
                                                             displayName: state.staff.displayName(of:)) else { return nil }
        return refusal.message
    }

    /// The keys of the section in front, disabled where the case is not in a state for them.
    private var sectionBindings: [Binding<FamilyAction>] {
        let summary = dossier.viewed.summary
        switch section {
        case .gezin:
            let nobody = chosenPerson == nil ? "Er staat nog geen kind, ouder of netwerklid bij dit gezin." : nil
            let onlyChild: String?
            if case .child? = chosenPerson, dossier.children.count == 1 {
                onlyChild = "Een aanmelding noemt minstens één kind: het enige kind wordt niet verwijderd. Corrigeer het met Enter als het verkeerd is vastgelegd."
            } else {
                onlyChild = nil
            }
            return [
                Binding([.enter], .correctPerson, "gekozen kind, ouder of netwerklid corrigeren (met reden, in het logboek)",
                        disabledBecause: nobody),
                Binding([.character("x"), .delete], .removePerson,
                        "gekozen persoon verwijderen als ten onrechte vastgelegd (met reden; het logboek bewaart wat er stond)",
                        disabledBecause: nobody ?? onlyChild),
                Binding([.character("e")], .form(.editFamily), "gezinsgegevens bewerken", bar: "bewerk"),
                Binding([.character("c")], .form(.addChild), "kind toevoegen", bar: "kind"),
                Binding([.character("o")], .form(.addCaregiver), "ouder/verzorger toevoegen", bar: "ouder"),
                Binding([.character("w")], .form(.addNetworkMember), "netwerk: persoon of professional toevoegen", bar: "netwerk"),
                Binding([.character("b")], .toggleBSN, "BSN tonen / verbergen"),
            ]
        case .zaak:
            return [Binding([.character("o")], .form(.handOver), "zaak overdragen aan een andere medewerker (met reden)", bar: "overdragen",
                            disabledBecause: summary.closedDay == nil ? nil : "Een afgesloten zaak wordt niet meer overgedragen.")]
        case .veiligheid:
            return [
                Binding([.character("n")], .form(.addAssessment), "nieuwe veiligheidsbeoordeling", bar: "beoordeling"),
                Binding([.character("i")], .form(.addRiskInstrument), "risico-instrument vastleggen (LIRIK, ARIJ)", bar: "instrument"),
            ]
        case .journaal:
            return [
                Binding([.character("n")], .form(.addNote(refersTo: nil)), "nieuwe notitie", bar: "notitie"),
                Binding([.character("c")], .correctNote, "correctie op de gekozen notitie", bar: "correctie",
                        disabledBecause: dossier.notes.indices.contains(selectedNote) ? nil : "Er is nog geen notitie om te corrigeren."),
            ]
        case .beschermtafel:
            let atTable = summary.stage == .beschermtafel && !dossier.tableRecords.isEmpty
            return [Binding([.character("u")], .form(.tableDecision), "besluit van de tafel vastleggen", bar: "besluit",
                            disabledBecause: atTable ? nil : "Een besluit van de tafel hoort bij een zaak in de kolom Beschermtafel; verplaats de zaak eerst met >.")]
        case .rvk:
            let reason: String?
            if summary.stage != .rvkOnderzoek || dossier.rvk == nil {
                reason = "Een uitkomst van de Raad hoort bij een zaak in RvK-onderzoek."
            } else if dossier.rvk?.outcome != nil {
                reason = "De uitkomst is al vastgelegd; de zaak is afgesloten."
            } else {
                reason = nil
            }
            return [Binding([.character("u")], .form(.rvkOutcome), "uitkomst van de Raad vastleggen", bar: "uitkomst", disabledBecause: reason)]
        }
    }
}
