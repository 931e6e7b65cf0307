import BoardCore

/// The forms of the plan screen: what each asks, and how its fields become a `PlanChange`.
public enum PlanForms {
    static let organisations = PlanOrganisation.known + [PlanOrganisation.other]

    public static func make(_ kind: PlanForm.Kind, summary: CaseSummary, plan: JointPlan?, user: String, today: Day) -> PlanForm {
        let form: Form
        switch kind {
        case .start:
            form = Form(title: "Plan JB in de wijk starten", fields: [
                FormField(id: "jeugdbeschermer", label: "Jeugdbeschermer", text: .name),
                FormField(id: "organisatie", label: "Organisatie (GI)", kind: .choice(organisations), value: PlanOrganisation.jbra),
                FormField(id: "andereGI", label: "Naam andere GI", text: .name),
                FormField(id: "collega", label: "Collega wijkteam", value: summary.medewerker, text: .name),
                FormField(id: "start", label: "Startdatum", kind: .date, value: today.dutch),
                FormField(id: "instemming", label: "Instemming gezin op", kind: .date),
                FormField(id: "instemmingDoor", label: "Instemming door", text: .name),
                FormField(id: "intensiteit", label: "Intensiteit", kind: .choice(PlanIntensity.allCases.map(\.title)), value: PlanIntensity.intensief.title),
                FormField(id: "evaluatie", label: "Eerste evaluatie", kind: .date, value: today.adding(days: 56).dutch),
            ])
        case .goal:
            form = Form(title: "Doel toevoegen", fields: [
                FormField(id: "doel", label: "Doel", kind: .multiline),
                FormField(id: "voorwaarden", label: "Dient veiligheidsvoorwaarde(n)", kind: .multiline),
            ])
        case .agreement:
            form = Form(title: "Afspraak toevoegen", fields: [
                FormField(id: "wie", label: "Wie", kind: .choice(PlanParty.allCases.map(\.title)), value: PlanParty.gezin.title),
                FormField(id: "naam", label: "Naam of rol (optioneel)", text: .name),
                FormField(id: "wat", label: "Wat", kind: .multiline),
                FormField(id: "uiterlijk", label: "Uiterlijk op", kind: .date, value: today.adding(days: 14).dutch),
            ])
        case .hours:
            form = Form(title: "Uren vastleggen", fields: [
                FormField(id: "datum", label: "Datum", kind: .date, value: today.dutch),
                FormField(id: "uren", label: "Uren (per 0,25)"),
                FormField(id: "door", label: "Door wie", value: plan?.jeugdbeschermer ?? user, text: .name),
                FormField(id: "omschrijving", label: "Korte omschrijving"),
            ])
        case .intensity:
            let other = plan?.intensity == .intensief ? PlanIntensity.advies : .intensief
            form = Form(title: "Intensiteit wijzigen", fields: [
                FormField(id: "intensiteit", label: "Nieuwe intensiteit", kind: .choice(PlanIntensity.allCases.map(\.title)), value: other.title),
                FormField(id: "datum", label: "Met ingang van", kind: .date, value: today.dutch),
            ])
        case .evaluation:
            form = Form(title: "Evaluatie plan", fields: [
                FormField(id: "datum", label: "Datum evaluatie", kind: .date, value: today.dutch),
                FormField(id: "goed", label: "Wat ging goed", kind: .multiline),
                FormField(id: "nietGoed", label: "Wat ging niet goed", kind: .multiline),
                FormField(id: "conclusie", label: "Conclusie", kind: .choice(EvaluationConclusion.allCases.map(\.title)),
                          value: EvaluationConclusion.doorgaan.title),
                FormField(id: "volgende", label: "Volgende evaluatie (doorgaan)", kind: .date, value: today.adding(days: 56).dutch),
            ])
        }
        return PlanForm(kind: kind, form: form, summary: summary, plan: plan)
    }

    /// The line above a form's fields: whose plan, and for a start the voluntary context.
    public static func subtitle(_ planForm: PlanForm) -> String {
        let who = "Gezin \(planForm.summary.familyName) · zaak \(planForm.summary.kenmerk)"
        switch planForm.kind {
        case .start: return "Zaak \(planForm.summary.kenmerk) · vrijwillig kader: alleen met instemming van het gezin"
        case .evaluation: return "Zaak \(planForm.summary.kenmerk) · Raad betrekken: \(raadRoute(planForm.summary.stage))"
        default: return who
        }
    }

    /// Where "Raad betrekken" takes the case from its stage, in a few words.
    static func raadRoute(_ stage: Stage) -> String {
        switch stage {
        case .aangemeld: return "via Onderzoek naar de Beschermtafel"
        case .onderzoek: return "naar de Beschermtafel"
        case .beschermtafel: return "naar RvK-onderzoek"
        case .rvkOnderzoek: return "de Raad is al betrokken"
        case .veiligheidGewaarborgd: return "kan niet: de zaak is afgesloten"
        }
    }

    /// Turns a filled-in form into a change, or says per field what is wrong.
    public static func change(from planForm: PlanForm, today: Day) -> Result<PlanChange, FormProblems> {
        let form = planForm.form
        let summary = planForm.summary
        var problems = form.inputProblems()
        func required(_ id: String, _ label: String) -> String {
            let value = form[id].trimmingWhitespace()
            if value.isEmpty { problems.append((id, "\(label) is verplicht")) }
            return value
        }
        func date(_ id: String, notAfter: Day? = nil, notBefore: (Day, String)? = nil) -> Day? {
            switch Day.validate(form[id], today: today, notAfter: notAfter, notBefore: notBefore) {
            case .success(let day): return day
            case .failure(let problem): problems.append((id, problem.message)); return nil
            }
        }
        func add(_ found: [PlanProblem]) {
            for problem in found where !problems.contains(where: { $0.0 == problem.field }) { problems.append((problem.field, problem.message)) }
        }
        let change: PlanChange?
        let planStart = planForm.plan.map { ($0.startDate, "de start van het plan") }
        switch planForm.kind {
        case .start:
            var organisation = form["organisatie"]
            if organisation == PlanOrganisation.other { organisation = required("andereGI", "De naam van de andere GI") }
            let start = date("start", notAfter: today)
            // An empty consent date is the refusal that matters most: say it in the domain's words.
            let consent: Day? = form["instemming"].trimmingWhitespace().isEmpty ? nil : date("instemming", notAfter: today)
            let firstEvaluation = date("evaluatie")
            // A date that is not a date leaves the rules to check every other field; what they
            // say about the dates waits until all three are dates.
            let datesKnown = start != nil && firstEvaluation != nil && !problems.contains(where: { $0.0 == "instemming" })
            let planStart = PlanStart(jeugdbeschermer: form["jeugdbeschermer"], organisation: organisation, wijkteamColleague: form["collega"],
                                      startDate: start ?? today, consentDate: consent, consentBy: form["instemmingDoor"],
                                      intensity: PlanIntensity(rawValue: form["intensiteit"]) ?? .intensief, firstEvaluation: firstEvaluation ?? today)
            let dateFields = Set(["start", "evaluatie"] + (consent == nil ? [] : ["instemming"]))
            add(JointPlanRules.problems(planStart, reportedOn: summary.reportedOn, today: today).filter { datesKnown || !dateFields.contains($0.field) })
            change = datesKnown ? .start(summary.id, expectedVersion: summary.version, planStart) : nil
        case .goal:
            let text = required("doel", "Het doel")
            guard let plan = planForm.plan else { return .failure(FormProblems([("doel", "Er is geen lopend plan")])) }
            change = .addGoal(summary.id, plan.id, PlanGoal(text: text, safetyConditions: form["voorwaarden"].trimmingWhitespace()))
        case .agreement:
            let what = required("wat", "Wat er is afgesproken")
            let due = date("uiterlijk", notBefore: planStart)
            guard let plan = planForm.plan else { return .failure(FormProblems([("wat", "Er is geen lopend plan")])) }
            change = due.map { .addAgreement(summary.id, plan.id, PlanAgreement(party: PlanParty(rawValue: form["wie"]) ?? .anders,
                                                                                  who: form["naam"].trimmingWhitespace(), what: what, due: $0)) }
        case .hours:
            let day = date("datum", notAfter: today, notBefore: planStart)
            var quarters: Int?
            switch JointPlanRules.quarters(form["uren"]) {
            case .success(let value): quarters = value
            case .failure(let problem): problems.append(("uren", problem.message))
            }
            let person = required("door", "Door wie")
            guard let plan = planForm.plan else { return .failure(FormProblems([("uren", "Er is geen lopend plan")])) }
            if let day, let quarters {
                change = .addHours(summary.id, plan.id, HoursEntry(day: day, quarters: quarters, person: person,
                                                                   description: form["omschrijving"].trimmingWhitespace()))
            } else {
                change = nil
            }
        case .intensity:
            let day = date("datum", notAfter: today, notBefore: planStart)
            let intensity = PlanIntensity(rawValue: form["intensiteit"]) ?? .advies
            guard let plan = planForm.plan else { return .failure(FormProblems([("intensiteit", "Er is geen lopend plan")])) }
            if plan.intensity == intensity { problems.append(("intensiteit", "De intensiteit is al \(intensity.title)")) }
            change = day.map { .changeIntensity(summary.id, expectedVersion: summary.version, plan.id, intensity, $0) }
        case .evaluation:
            let day = date("datum", notAfter: today)
            let conclusion = EvaluationConclusion.allCases.first(where: { $0.title == form["conclusie"] }) ?? .doorgaan
            var next: Day?
            if conclusion == .doorgaan {
                switch Day.validate(form["volgende"], today: today) {
                case .success(let value): next = value
                case .failure(let problem):
                    problems.append(("volgende", form["volgende"].trimmingWhitespace().isEmpty
                                        ? "Bij doorgaan hoort de datum van de volgende evaluatie" : problem.message))
                }
            }
            guard let plan = planForm.plan else { return .failure(FormProblems([("datum", "Er is geen lopend plan")])) }
            // Without a date the rest is still checked; what is measured from the date waits for one.
            let evaluation = PlanEvaluation(day: day ?? today, wentWell: form["goed"].trimmingWhitespace(), wentBadly: form["nietGoed"].trimmingWhitespace(),
                                            conclusion: conclusion, nextEvaluation: next)
            add(JointPlanRules.problems(evaluation, plan: plan, today: today).filter { day != nil || !["datum", "volgende"].contains($0.field) })
            if conclusion == .raadBetrekken, summary.stage == .veiligheidGewaarborgd {
                problems.append(("conclusie", "De zaak is afgesloten: de Raad betrekken kan alleen bij een open zaak"))
            }
            change = day.map { _ in .evaluate(summary.id, expectedVersion: summary.version, plan.id, evaluation) }
        }
        guard problems.isEmpty, let change else { return .failure(FormProblems(problems)) }
        return .success(change)
    }
}
