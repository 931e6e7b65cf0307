import BoardCore

extension FamilyScreen {
    /// Sections, scrolling, moves and the section's own forms.
    mutating func perform(_ action: FamilyAction, key: Key, in state: inout AppState) -> [Effect] {
        let page = max(1, state.height - 8)
        switch action {
        case .section:
            if case .character(let c) = key, let n = c.wholeNumberValue, let chosen = FamilySection(rawValue: n) {
                section = chosen
                scroll = 0
                find?.step = 0
            }
        case .nextSection, .previousSection:
            let all = FamilySection.allCases
            let index = all.firstIndex(of: section)! + (action == .nextSection ? 1 : -1)
            section = all[(index + all.count) % all.count]
            scroll = 0
            find?.step = 0
        case .scroll(.up), .scroll(.down):
            let delta = action == .scroll(.up) ? -1 : 1
            if section == .journaal {
                selectedNote = min(max(0, selectedNote + delta), max(0, dossier.notes.count - 1))
            } else if section == .gezin {
                selectedPerson = min(max(0, selectedPerson + delta), max(0, people.count - 1))
            } else {
                scroll = max(0, scroll + delta)
            }
        case .scroll(.pageUp): scroll = max(0, scroll - page)
        case .scroll(.pageDown): scroll += page
        case .scroll(.first):
            scroll = 0
            selectedNote = 0
            selectedPerson = 0
        case .scroll(.last):
            scroll = Int.max / 2
            selectedNote = max(0, dossier.notes.count - 1)
            selectedPerson = max(0, people.count - 1)
        case .forward, .back:
            let summary = dossier.viewed.summary
            let cameFrom = dossier.viewed.events.last(where: { $0.toStage == summary.stage && $0.fromStage != nil })?.fromStage
            state.openMoveDialog(for: summary, direction: action == .forward ? .forward : .back, cameFrom: cameFrom)
        case .undo:
            return [.proposeUndo(dossier.viewed.summary.id)]
        case .browseCases:
            guard let index = dossier.cases.firstIndex(where: { $0.id == dossier.viewed.summary.id }) else { return [] }
            // `[` goes to an earlier case (further down the newest-first list), `]` back towards the current one.
            let target = key == .character("[") ? index + 1 : index - 1
            guard dossier.cases.indices.contains(target) else {
                state.message = StatusMessage(text: key == .character("[") ? "Dit gezin heeft geen eerdere zaak." : "Dit is de nieuwste zaak van het gezin.",
                                              isError: false)
                return []
            }
            return [.viewCase(dossier.cases[target].id)]
        case .agenda(let agendaAction):
            return state.performOnAgenda(agendaAction, from: self)
        case .find(let findAction):
            PageFind.perform(findAction, on: &find)
        case .openPlan:
            return [.openPlan(dossier.viewed.summary.id)]
        case .toggleBSN:
            showsBSN.toggle()
            state.message = StatusMessage(text: showsBSN ? "BSN zichtbaar; b verbergt ze weer." : "BSN verborgen.", isError: false)
        case .form(let kind): state.dialog = .dossier(DossierForms.make(kind, screen: self, today: state.today, staff: state.staff))
        case .correctPerson, .removePerson:
            guard let person = chosenPerson else { return [] }
            let kind: DossierForm.Kind = action == .correctPerson ? .correctPerson(person) : .removePerson(person)
            state.dialog = .dossier(DossierForms.make(kind, screen: self, today: state.today))
        case .correctNote:
            state.dialog = .dossier(DossierForms.make(.addNote(refersTo: dossier.notes[selectedNote].id), screen: self, today: state.today))
        }
        return []
    }
}

extension Page {
    var familyScreen: FamilyScreen? { if case .family(let screen) = self { screen } else { nil } }
}

extension AppState {
    /// The family screen, when one is open (under any page or dialog on top of it).
    public var openFamily: FamilyScreen? { lastPage(\.familyScreen)?.screen }

    /// A dossier arrived: refresh the family screen of that family, or open one.
    mutating func receiveDossier(_ dossier: Dossier) {
        if let (index, found) = lastPage(\.familyScreen), found.dossier.family.id == dossier.family.id {
            var screen = found
            if screen.dossier.viewed.summary.id != dossier.viewed.summary.id { screen.scroll = 0 }
            screen.dossier = dossier
            screen.selectedNote = min(screen.selectedNote, max(0, dossier.notes.count - 1))
            screen.selectedPerson = min(screen.selectedPerson, max(0, screen.people.count - 1))
            pages[index] = .family(screen)
        } else {
            pages.append(.family(FamilyScreen(dossier: dossier)))
        }
    }
}
