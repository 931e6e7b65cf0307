import BoardCore

extension AppState {
    /// The plan screen, when one is open (under any form on top of it).
    public var openPlan: PlanScreen? {
        for overlay in overlays.reversed() { if case .plan(let screen) = overlay { return screen } }
        return nil
    }

    /// The case the plan screen is about, as the family screen under it last loaded it (its version included).
    func planSummary(_ screen: PlanScreen) -> CaseSummary? {
        guard let family = openFamily else { return nil }
        if family.dossier.viewed.summary.id == screen.caseID { return family.dossier.viewed.summary }
        return family.dossier.cases.first(where: { $0.id == screen.caseID })
    }

    /// The plans of a case arrived: refresh the open plan screen, or open it. A case without any
    /// plan gets the start form straight away (with the plan screen, which explains consent, under it).
    mutating func receivePlans(caseID: CaseID, plans: [JointPlan]) -> [Effect] {
        if let index = overlays.lastIndex(where: { if case .plan = $0 { return true } else { return false } }),
           case .plan(var screen) = overlays[index], screen.caseID == caseID {
            screen.plans = plans
            screen.clampSelection()
            overlays[index] = .plan(screen)
            return []
        }
        let readOnly = openFamily?.isReadOnly ?? false
        let screen = PlanScreen(caseID: caseID, plans: plans, isReadOnly: readOnly)
        overlays.append(.plan(screen))
        if plans.isEmpty && !readOnly { _ = offerStart(screen) }
        return []
    }

    /// Keys on the plan screen.
    mutating func handlePlan(_ key: Key, _ screen: PlanScreen) -> [Effect] {
        var screen = screen
        guard let action = KeyMap.action(for: key, in: KeyMap.plan) else {
            message = StatusMessage(text: "Toets \(key.label) doet hier niets; ? toont de toetsen van het plan.", isError: false)
            return []
        }
        let page = max(1, height - 8)
        switch action {
        case .up, .down:
            screen.selected = action == .up ? max(0, screen.selected - 1) : min(max(0, screen.items.count - 1), screen.selected + 1)
            screen.followsSelection = true
        case .pageUp, .pageDown:
            screen.scroll = action == .pageUp ? max(0, screen.scroll - page) : screen.scroll + page
            screen.followsSelection = false
        case .close, .help, .quit:
            return handlePageAction(action, helpTitle: "Plan JB in de wijk", bindings: KeyMap.plan)
        case .planStart:
            return offerStart(screen)
        case .planStatus:
            guard !screen.isReadOnly else { return planReadOnly() }
            guard screen.activePlan != nil else { return planNotRunning() }
            switch screen.selectedItem {
            case .goal(let goal)?: return [.applyPlan(.setGoalStatus(screen.caseID, goalID: goal.id, goal.status.next))]
            case .agreement(let agreement)?:
                return [.applyPlan(.setAgreementStatus(screen.caseID, agreementID: agreement.id, agreement.status.next))]
            case nil:
                message = StatusMessage(text: "Nog geen doel of afspraak om te kiezen: d voegt een doel toe, a een afspraak.", isError: true)
                return []
            }
        case .planGoal, .planAgreement, .planHours, .planIntensity, .planEvaluation:
            guard !screen.isReadOnly else { return planReadOnly() }
            guard let plan = screen.activePlan, let summary = planSummary(screen) else { return planNotRunning() }
            let kind: PlanForm.Kind
            switch action {
            case .planGoal: kind = .goal
            case .planAgreement: kind = .agreement
            case .planHours: kind = .hours
            case .planIntensity: kind = .intensity
            default: kind = .evaluation
            }
            overlays[overlays.count - 1] = .plan(screen)
            overlays.append(.planForm(PlanForms.make(kind, summary: summary, plan: plan, user: user, today: today)))
            return []
        default:
            return []
        }
        overlays[overlays.count - 1] = .plan(screen)
        return []
    }

    /// Opens the start form, or says why a plan cannot start now.
    private mutating func offerStart(_ screen: PlanScreen) -> [Effect] {
        guard !screen.isReadOnly else { return planReadOnly() }
        if screen.activePlan != nil {
            message = StatusMessage(text: "Deze zaak heeft al een lopend plan; een nieuw plan start na afschalen.", isError: true)
            return []
        }
        guard let summary = planSummary(screen) else { return [] }
        guard JointPlanRules.startStages.contains(summary.stage), summary.closedDay == nil else {
            message = StatusMessage(text: "Een plan start bij een open zaak in Aangemeld, Onderzoek of Beschermtafel.", isError: true)
            return []
        }
        overlays.append(.planForm(PlanForms.make(.start, summary: summary, plan: nil, user: user, today: today)))
        return []
    }

    private mutating func planReadOnly() -> [Effect] {
        message = StatusMessage(text: "Dit is het plan van een eerdere zaak: alleen lezen.", isError: true)
        return []
    }

    private mutating func planNotRunning() -> [Effect] {
        message = StatusMessage(text: "Er loopt geen plan bij deze zaak; n start er een (met instemming van het gezin).", isError: true)
        return []
    }

    mutating func submitPlanForm(_ planForm: inout PlanForm) -> [Effect] {
        planForm.form.clearErrors()
        switch PlanForms.change(from: planForm, today: today) {
        case .success(let change):
            return [.applyPlan(change)]
        case .failure(let problems):
            for (id, text) in problems.fields { planForm.form.setError(text, on: id) }
            planForm.form.error = "Niet opgeslagen: verbeter de gemarkeerde velden."
            planForm.form.focusFirstError()
            return []
        }
    }
}
