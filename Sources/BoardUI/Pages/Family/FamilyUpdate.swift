import BoardCore

extension AppState {
    /// Keys on the family screen: sections, scrolling, moves and the section's own forms.
    mutating func handleFamily(_ key: Key, _ screen: FamilyScreen) -> [Effect] {
        var screen = screen
        let bindings = openAgenda == nil ? KeyMap.family(screen.section) : KeyMap.familyInAgenda(screen.section)
        guard let action = KeyMap.action(for: key, in: bindings) else {
            message = StatusMessage(text: "Toets \(key.label) doet hier niets; ? toont de toetsen van \(screen.section.title).", isError: false)
            return []
        }
        let page = max(1, height - 8)
        var effects: [Effect] = []
        switch action {
        case .section:
            if case .character(let c) = key, let n = c.wholeNumberValue, let section = FamilySection(rawValue: n) {
                screen.section = section
                screen.scroll = 0
            }
        case .nextSection, .previousSection:
            let all = FamilySection.allCases
            let index = all.firstIndex(of: screen.section)! + (action == .nextSection ? 1 : -1)
            screen.section = all[(index + all.count) % all.count]
            screen.scroll = 0
        case .up, .down:
            let delta = action == .up ? -1 : 1
            if screen.section == .journaal {
                screen.selectedNote = min(max(0, screen.selectedNote + delta), max(0, screen.dossier.notes.count - 1))
            } else {
                screen.scroll = max(0, screen.scroll + delta)
            }
        case .pageUp: screen.scroll = max(0, screen.scroll - page)
        case .pageDown: screen.scroll += page
        case .first:
            screen.scroll = 0
            screen.selectedNote = 0
        case .last:
            screen.scroll = Int.max / 2
            screen.selectedNote = max(0, screen.dossier.notes.count - 1)
        case .forward, .back:
            guard !screen.isReadOnly else { return readOnly() }
            let summary = screen.dossier.viewed.summary
            let cameFrom = screen.dossier.viewed.events.last(where: { $0.toStage == summary.stage && $0.fromStage != nil })?.fromStage
            openMoveDialog(for: summary, direction: action == .forward ? .forward : .back, cameFrom: cameFrom)
            return []
        case .browseCases:
            let cases = screen.dossier.cases
            guard let index = cases.firstIndex(where: { $0.id == screen.dossier.viewed.summary.id }) else { return [] }
            // `[` goes to an earlier case (further down the newest-first list), `]` back towards the current one.
            let target = key == .character("[") ? index + 1 : index - 1
            guard cases.indices.contains(target) else {
                message = StatusMessage(text: key == .character("[") ? "Dit gezin heeft geen eerdere zaak." : "Dit is de nieuwste zaak van het gezin.", isError: false)
                return []
            }
            effects = [.viewCase(cases[target].id)]
        case .nextAgendaItem, .previousAgendaItem:
            return stepAgenda(by: action == .nextAgendaItem ? 1 : -1)
        case .recordMeetingDecision:
            overlays[overlays.count - 1] = .family(screen)
            return openMeetingDecision()
        case .openPlan:
            overlays[overlays.count - 1] = .family(screen)
            return [.openPlan(screen.dossier.viewed.summary.id)]
        case .close:
            overlays.removeLast()
            return []
        case .help:
            overlays.append(.help(title: "Gezin · \(screen.section.title)", bindings: bindings, scroll: 0))
            return []
        case .quit:
            wantsQuit = true
            return [.quit]
        case .toggleBSN:
            screen.showsBSN.toggle()
            message = StatusMessage(text: screen.showsBSN ? "BSN zichtbaar; b verbergt ze weer." : "BSN verborgen.", isError: false)
        case .editFamily, .addChild, .addCaregiver, .addNetworkMember, .addAssessment, .addRiskInstrument, .addNote, .correctNote,
             .recordTableDecision, .recordRvkOutcome:
            guard !screen.isReadOnly else { return readOnly() }
            guard let kind = formKind(for: action, screen: screen) else { return [] }
            overlays[overlays.count - 1] = .family(screen)
            overlays.append(.dossierForm(DossierForms.make(kind, screen: screen, today: today)))
            return []
        default:
            return []
        }
        overlays[overlays.count - 1] = .family(screen)
        return effects
    }

    /// Which form an action opens, or nil (with a message) when the case is not in a state for it.
    private mutating func formKind(for action: Action, screen: FamilyScreen) -> DossierForm.Kind? {
        let summary = screen.dossier.viewed.summary
        switch action {
        case .editFamily: return .editFamily
        case .addChild: return .addChild
        case .addCaregiver: return .addCaregiver
        case .addNetworkMember: return .addNetworkMember
        case .addAssessment: return .addAssessment
        case .addRiskInstrument: return .addRiskInstrument
        case .addNote: return .addNote(refersTo: nil)
        case .correctNote:
            guard screen.dossier.notes.indices.contains(screen.selectedNote) else {
                message = StatusMessage(text: "Er is nog geen notitie om te corrigeren.", isError: true)
                return nil
            }
            return .addNote(refersTo: screen.dossier.notes[screen.selectedNote].id)
        case .recordTableDecision:
            guard summary.stage == .beschermtafel, !screen.dossier.tableRecords.isEmpty else {
                message = StatusMessage(text: "Een besluit van de tafel hoort bij een zaak in de kolom Beschermtafel; verplaats de zaak eerst met >.", isError: true)
                return nil
            }
            return .tableDecision
        case .recordRvkOutcome:
            guard summary.stage == .rvkOnderzoek, let rvk = screen.dossier.rvk else {
                message = StatusMessage(text: "Een uitkomst van de Raad hoort bij een zaak in RvK-onderzoek.", isError: true)
                return nil
            }
            guard rvk.outcome == nil else {
                message = StatusMessage(text: "De uitkomst is al vastgelegd; de zaak is afgesloten.", isError: true)
                return nil
            }
            return .rvkOutcome
        default:
            return nil
        }
    }

    private mutating func readOnly() -> [Effect] {
        message = StatusMessage(text: "Dit is een eerdere zaak: alleen lezen. ] gaat terug naar de huidige zaak.", isError: true)
        return []
    }
}
