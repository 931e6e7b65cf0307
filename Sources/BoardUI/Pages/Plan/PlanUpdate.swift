import BoardCore

extension PlanScreen: PageScreen {
    var asPage: Page { .plan(self) }
    var helpTitle: String { plan?.form.planTitle ?? "Gezamenlijk plan" }
    var keysName: String { " van het plan" }

    /// The keys; those that change the plan say why when it is an earlier case's, has ended, or none runs.
    /// A key that cannot work while the plan stays as it is (not running, or running for `n`)
    /// leaves the key bar, so the bar offers what works; help still lists it with the reason.
    func bindings(in state: AppState) -> [Binding<PlanAction>] {
        let summary = state.planSummary(self)
        let notRunning = changeRefusal(summary: summary)
        let cannotStart = startRefusal(summary: summary)
        let nothingChosen = "Nog geen doel of afspraak om te kiezen: d voegt een doel toe, a een afspraak."
        let change = { (key: Character, action: PlanAction, description: String, bar: String) in
            Binding([.character(key)], action, description, bar: notRunning == nil ? bar : nil, disabledBecause: notRunning)
        }
        return Scroll.bindings(PlanAction.scroll, up: "vorig doel of vorige afspraak", down: "volgend doel of volgende afspraak",
                               first: "eerste doel", last: "laatste afspraak") + [
            change("d", .form(.goal), "doel toevoegen", "doel"),
            change("a", .form(.agreement), "afspraak toevoegen (wie, wat, uiterlijk, hoe gecontroleerd, akkoord gezin)", "afspraak"),
            change("w", .form(.condition), "veiligheidsvoorwaarde vastleggen (gesteld door Veilig Thuis of de Beschermtafel)", "voorwaarde"),
            // Dimmed, in its place, while no goal or agreement is chosen.
            change("s", .toggleStatus, "status van het gekozen doel of de gekozen afspraak wisselen", "status")
                .disabled(notRunning ?? (selectedItem == nil ? nothingChosen : nil)),
            change("u", .form(.hours), "uren vastleggen (per kwartier)", "uren"),
            // Only a Veiligheidsteam has members to add.
            Binding([.character("t")], .form(.member), "lid van het Veiligheidsteam toevoegen", bar: notRunning == nil && plan?.form == .veiligheidsteam ? "teamlid" : nil,
                    disabledBecause: notRunning ?? (plan?.form == .veiligheidsteam ? nil : "Teamleden horen bij een plan Veiligheidsteam.")),
            change("i", .form(.intensity), "intensiteit wijzigen (intensief / advies)", "intensiteit"),
            change("v", .form(.evaluation), "evaluatie vastleggen (afspraken nagekomen of niet; doorgaan, afschalen, Raad betrekken)", "evaluatie"),
            Binding([.character("n")], .start, "nieuw plan starten, met een jeugdbeschermer of het Veiligheidsteam (met instemming van het gezin)",
                    bar: cannotStart == nil ? "nieuw" : nil,
                    disabledBecause: cannotStart),
        ]
    }

    func closing(in state: AppState) -> Closing? { Closing(description: "terug naar het gezin", bar: "gezin") }

    static let readOnly = "Dit is het plan van een eerdere zaak: alleen lezen."
    static let notRunning = "Er loopt geen plan bij deze zaak; n start er een (met instemming van het gezin)."

    /// Why the plan cannot be changed now; nil while it runs.
    func changeRefusal(summary: CaseSummary?) -> String? {
        if isReadOnly { return Self.readOnly }
        guard let plan else { return Self.notRunning }
        guard let endedOn = plan.endedOn else { return nil }
        let reason = plan.end.map { " (\($0.title))" } ?? ""
        return "Het plan is beëindigd op \(endedOn.dutch)\(reason)" + (startRefusal(summary: summary) == nil ? "; n start een nieuw plan." : ".")
    }

    /// Why no plan can start now; nil when one can.
    func startRefusal(summary: CaseSummary?) -> String? {
        if isReadOnly { return Self.readOnly }
        if activePlan != nil { return "Deze zaak heeft al een lopend plan; een nieuw plan start na afschalen." }
        guard let summary else { return nil }
        guard JointPlanRules.startStages.contains(summary.stage), summary.closedDay == nil else {
            return "Een plan start bij een open zaak in Aangemeld, Onderzoek of Beschermtafel."
        }
        return nil
    }

    mutating func perform(_ action: PlanAction, key: Key, in state: inout AppState) -> [Effect] {
        let page = max(1, state.height - 8)
        switch action {
        case .scroll(.pageUp), .scroll(.pageDown):
            // Paging lets the view leave the selection; the other moves select.
            scroll = action == .scroll(.pageUp) ? max(0, scroll - page) : scroll + page
            followsSelection = false
        case .scroll(let move):
            selected = move.position(from: selected, count: items.count, page: page)
            followsSelection = true
        case .start:
            state.offerPlanStart(self)
        case .toggleStatus:
            switch selectedItem {
            case .goal(let goal)?: return [.applyPlan(.setGoalStatus(caseID, goalID: goal.id, goal.status.next))]
            case .agreement(let agreement)?: return [.applyPlan(.setAgreementStatus(caseID, agreementID: agreement.id, agreement.status.next))]
            case nil: return []
            }
        case .form(let kind):
            guard let plan = activePlan, let summary = state.planSummary(self) else { return [] }
            state.dialog = .plan(PlanForms.make(kind, summary: summary, plan: plan, user: state.userName, today: state.today))
        }
        return []
    }
}

extension Page {
    var planScreen: PlanScreen? { if case .plan(let screen) = self { screen } else { nil } }
}

extension AppState {
    /// The plan screen, when one is open (under any dialog on top of it).
    public var openPlan: PlanScreen? { lastPage(\.planScreen)?.screen }

    /// The case the plan screen is about, as the family screen under it last loaded it (its version included).
    func planSummary(_ screen: PlanScreen) -> CaseSummary? {
        guard let family = openFamily else { return nil }
        if family.dossier.viewed.summary.id == screen.caseID { return family.dossier.viewed.summary }
        return family.dossier.cases.first(where: { $0.id == screen.caseID })
    }

    /// The plans of a case arrived: refresh the open plan screen, or open it. A case without any
    /// plan gets the start form straight away (with the plan screen, which explains consent, under it).
    mutating func receivePlans(caseID: CaseID, plans: [JointPlan]) -> [Effect] {
        if let (index, found) = lastPage(\.planScreen), found.caseID == caseID {
            var screen = found
            screen.plans = plans
            screen.clampSelection()
            pages[index] = .plan(screen)
            return []
        }
        let readOnly = openFamily?.isReadOnly ?? false
        let screen = PlanScreen(caseID: caseID, plans: plans, isReadOnly: readOnly)
        pages.append(.plan(screen))
        if plans.isEmpty && !readOnly { offerPlanStart(screen) }
        return []
    }

    /// Opens the start form, or says why a plan cannot start now.
    fileprivate mutating func offerPlanStart(_ screen: PlanScreen) {
        let summary = planSummary(screen)
        if let refusal = screen.startRefusal(summary: summary) {
            message = StatusMessage(text: refusal, isError: true)
            return
        }
        guard let summary else { return }
        dialog = .plan(PlanForms.make(.start, summary: summary, plan: nil, user: user, today: today))
    }
}
