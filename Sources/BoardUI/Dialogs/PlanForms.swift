import BoardCore

/// The forms of the plan screen: what each asks, and how its fields become a `PlanChange`.
public enum PlanForms {
    static let organisations = PlanOrganisation.known + [PlanOrganisation.other]
    /// The most members a start form offers rows for: the Zaanstad Veiligheidsteam has six staff.
    static let maximumMembers = 6

    static func memberNameID(_ n: Int) -> String { "lid\(n)naam" }
    static func memberOrganisationID(_ n: Int) -> String { "lid\(n)organisatie" }

    /// A member's name, and the organisation with Tab completing the seed's list (another is typed).
    static func memberFields(_ n: Int, label: String) -> [FormField] {
        var organisation = FormField(id: memberOrganisationID(n), label: "\(label): organisatie", text: .name)
        organisation.completions = PlanOrganisation.team
        return [FormField(id: memberNameID(n), label: "\(label): naam", text: .name), organisation]
    }

    /// The fields that say who works with the family: a jeugdbeschermer and the GI, or the
    /// Veiligheidsteam's members (one row, and always one empty row more).
    static func partnerFields(_ form: JointWorkForm) -> [FormField] {
        switch form {
        case .jeugdbeschermerInDeWijk:
            return [FormField(id: "jeugdbeschermer", label: "Jeugdbeschermer", text: .name),
                    FormField(id: "organisatie", label: "Organisatie (GI)", kind: .choice(organisations), value: PlanOrganisation.jbra),
                    FormField(id: "andereGI", label: "Naam andere GI", text: .name)]
        case .veiligheidsteam:
            return memberFields(1, label: "Teamlid 1")
        }
    }

    static func chosenForm(_ form: Form) -> JointWorkForm {
        JointWorkForm.allCases.first { $0.title == form["vorm"] } ?? .jeugdbeschermerInDeWijk
    }

    /// After a key changed the start form: its partner fields follow the chosen form, and a
    /// Veiligheidsteam keeps one empty member row at the end (up to `maximumMembers`).
    static func startFormChanged(_ form: inout Form, from old: Form) {
        if form["vorm"] != old["vorm"] {
            let focusID = form.fields.indices.contains(form.focus) ? form.fields[form.focus].id : "vorm"
            let partnerIDs = Set(partnerFields(.jeugdbeschermerInDeWijk).map(\.id))
            let kept = form.fields.filter { !partnerIDs.contains($0.id) && !$0.id.hasPrefix("lid") }
            form.fields = [kept[0]] + partnerFields(chosenForm(form)) + kept.dropFirst()
            form.focus = form.fields.firstIndex { $0.id == focusID } ?? 0
        }
        guard chosenForm(form) == .veiligheidsteam else { return }
        var count = 0
        while form.index(of: memberNameID(count + 1)) != nil { count += 1 }
        let typed = form
        let isEmpty = { (n: Int) in typed[memberNameID(n)].trimmingWhitespace().isEmpty && typed[memberOrganisationID(n)].trimmingWhitespace().isEmpty }
        if count < maximumMembers, !isEmpty(count), let last = form.index(of: memberOrganisationID(count)) {
            form.fields.insert(contentsOf: memberFields(count + 1, label: "Teamlid \(count + 1)"), at: last + 1)
        }
    }

    /// The members typed in a start form (rows with nothing typed left out).
    static func members(in form: Form, since: Day) -> [TeamMember] {
        var members: [TeamMember] = []
        var n = 1
        while form.index(of: memberNameID(n)) != nil {
            let name = form[memberNameID(n)].trimmingWhitespace(), organisation = form[memberOrganisationID(n)].trimmingWhitespace()
            if !name.isEmpty || !organisation.isEmpty { members.append(TeamMember(name: name, organisation: organisation, since: since)) }
            n += 1
        }
        return members
    }

    /// An evaluation's field for the mark of one open agreement.
    static func markID(_ agreement: PlanAgreement) -> String { "afspraak\(agreement.id)" }

    public static func make(_ kind: PlanForm.Kind, summary: CaseSummary, plan: JointPlan?, user: String, today: Day) -> PlanForm {
        let form: Form
        switch kind {
        case .start:
            var start = Form(title: "Gezamenlijk plan starten", fields: [
                FormField(id: "vorm", label: "Samen met", kind: .choice(JointWorkForm.allCases.map(\.title)),
                          value: JointWorkForm.jeugdbeschermerInDeWijk.title),
            ] + partnerFields(.jeugdbeschermerInDeWijk) + [
                FormField(id: "collega", label: "Collega wijkteam", value: summary.medewerker, text: .name),
                FormField(id: "start", label: "Startdatum", kind: .date, value: today.dutch),
                FormField(id: "instemming", label: "Instemming gezin op", kind: .date),
                FormField(id: "instemmingDoor", label: "Instemming door", text: .name),
                FormField(id: "intensiteit", label: "Intensiteit", kind: .choice(PlanIntensity.allCases.map(\.title)), value: PlanIntensity.intensief.title),
                FormField(id: "evaluatie", label: "Eerste evaluatie", kind: .date, value: today.adding(days: 56).dutch),
            ])
            // The form most often chosen is typed into at once; the choice of form stands above it.
            start.focus = 1
            form = start
        case .member:
            form = Form(title: "Lid Veiligheidsteam toevoegen",
                        fields: memberFields(1, label: "Teamlid") + [FormField(id: "sinds", label: "Werkt mee sinds", kind: .date, value: today.dutch)])
        case .condition:
            form = Form(title: "Veiligheidsvoorwaarde vastleggen", fields: [
                FormField(id: "door", label: "Gesteld door", kind: .choice(ConditionSetter.allCases.map(\.title)),
                          value: summary.stage == .beschermtafel ? ConditionSetter.beschermtafel.title : ConditionSetter.veiligThuis.title),
                FormField(id: "datum", label: "Gesteld op", kind: .date, value: today.dutch),
                FormField(id: "voorwaarde", label: "Voorwaarde", kind: .multiline),
            ])
        case .goal:
            form = Form(title: "Doel toevoegen", fields: [
                FormField(id: "doel", label: "Doel", kind: .multiline),
                FormField(id: "voorwaarden", label: "Dient veiligheidsvoorwaarde(n)", kind: .multiline),
            ])
        case .agreement:
            form = Form(title: "Afspraak toevoegen", fields: [
                FormField(id: "wie", label: "Wie", kind: .choice(PlanParty.choices(for: plan?.form ?? .jeugdbeschermerInDeWijk).map(\.title)),
                          value: PlanParty.gezin.title),
                FormField(id: "naam", label: "Naam of rol (optioneel)", text: .name),
                FormField(id: "wat", label: "Wat", kind: .multiline),
                FormField(id: "uiterlijk", label: "Uiterlijk op", kind: .date, value: today.adding(days: 14).dutch),
                FormField(id: "controle", label: "Hoe gecontroleerd"),
                FormField(id: "akkoordOp", label: "Gezin akkoord op", kind: .date, value: today.dutch),
                FormField(id: "akkoordDoor", label: "Akkoord door", value: plan?.consentBy ?? "", text: .name),
            ])
        case .hours:
            form = Form(title: "Uren vastleggen", fields: [
                FormField(id: "datum", label: "Datum", kind: .date, value: today.dutch),
                FormField(id: "uren", label: "Uren (per 0,25)"),
                hoursPersonField(plan: plan, user: user),
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
            ] + (plan?.openAgreements ?? []).map { agreement in
                // Each open agreement is marked at every evaluation: no choice is made for the user.
                FormField(id: markID(agreement), label: "Afspraak: " + DisplayWidth.truncate(agreement.what, to: 24),
                          kind: .choice(AgreementMark.allCases.map(\.title)))
            })
        }
        return PlanForm(kind: kind, form: form, summary: summary, plan: plan)
    }

    /// Who spent the hours: in a Veiligheidsteam plan one of its members or the wijkteam colleague
    /// (so that the hours count for their organisation), otherwise typed, the jeugdbeschermer first.
    static func hoursPersonField(plan: JointPlan?, user: String) -> FormField {
        guard let plan, plan.form == .veiligheidsteam else {
            return FormField(id: "door", label: "Door wie", value: plan?.jeugdbeschermer ?? user, text: .name)
        }
        let people = plan.members.map(\.name) + [plan.wijkteamColleague]
        return FormField(id: "door", label: "Door wie", kind: .choice(people), value: people[0])
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
            let work = chosenForm(form)
            var organisation = form["organisatie"]
            if work == .jeugdbeschermerInDeWijk, organisation == PlanOrganisation.other { organisation = required("andereGI", "De naam van de andere GI") }
            let start = date("start", notAfter: today)
            // An empty consent date is the refusal that matters most: say it in the domain's words.
            let consent: Day? = form["instemming"].trimmingWhitespace().isEmpty ? nil : date("instemming", notAfter: today)
            let firstEvaluation = date("evaluatie")
            // A date that is not a date leaves the rules to check every other field; what they
            // say about the dates waits until all three are dates.
            let datesKnown = start != nil && firstEvaluation != nil && !problems.contains(where: { $0.0 == "instemming" })
            let planStart = PlanStart(form: work, members: members(in: form, since: start ?? today),
                                      jeugdbeschermer: form["jeugdbeschermer"], organisation: organisation, wijkteamColleague: form["collega"],
                                      startDate: start ?? today, consentDate: consent, consentBy: form["instemmingDoor"],
                                      intensity: PlanIntensity(rawValue: form["intensiteit"]) ?? .intensief, firstEvaluation: firstEvaluation ?? today)
            let dateFields = Set(["start", "evaluatie"] + (consent == nil ? [] : ["instemming"]))
            add(JointPlanRules.problems(planStart, reportedOn: summary.reportedOn, today: today).filter { datesKnown || !dateFields.contains($0.field) })
            change = datesKnown ? .start(summary.id, expectedVersion: summary.version, planStart) : nil
        case .member:
            let since = date("sinds", notAfter: today, notBefore: planStart)
            let member = TeamMember(name: form[memberNameID(1)].trimmingWhitespace(), organisation: form[memberOrganisationID(1)].trimmingWhitespace(),
                                    since: since ?? today)
            add(member.problems.map { ("lid1" + $0.field, $0.message) })
            guard let plan = planForm.plan else { return .failure(FormProblems([(memberNameID(1), "Er is geen lopend plan")])) }
            change = since.map { _ in .addMember(summary.id, plan.id, member) }
        case .condition:
            let day = date("datum", notAfter: today)
            let condition = SafetyCondition(setBy: ConditionSetter.allCases.first { $0.title == form["door"] } ?? .veiligThuis, day: day ?? today,
                                            text: form["voorwaarde"].trimmingWhitespace())
            add(JointPlanRules.problems(condition, today: today))
            guard let plan = planForm.plan else { return .failure(FormProblems([("voorwaarde", "Er is geen lopend plan")])) }
            change = day.map { _ in .addCondition(summary.id, plan.id, condition) }
        case .goal:
            let text = required("doel", "Het doel")
            guard let plan = planForm.plan else { return .failure(FormProblems([("doel", "Er is geen lopend plan")])) }
            change = .addGoal(summary.id, plan.id, PlanGoal(text: text, safetyConditions: form["voorwaarden"].trimmingWhitespace()))
        case .agreement:
            let due = date("uiterlijk", notBefore: planStart)
            let agreedOn = date("akkoordOp", notAfter: today)
            guard let plan = planForm.plan else { return .failure(FormProblems([("wat", "Er is geen lopend plan")])) }
            let agreement = PlanAgreement(party: PlanParty(rawValue: form["wie"]) ?? .anders, who: form["naam"].trimmingWhitespace(),
                                          what: form["wat"].trimmingWhitespace(), due: due ?? plan.startDate, check: form["controle"].trimmingWhitespace(),
                                          consent: Consent(day: agreedOn ?? today, by: form["akkoordDoor"].trimmingWhitespace()))
            // What the rules say of a date waits until it is one.
            add(JointPlanRules.problems(agreement, plan: plan, today: today).filter { ($0.field != "uiterlijk" || due != nil) && ($0.field != "akkoordOp" || agreedOn != nil) })
            change = due != nil && agreedOn != nil ? .addAgreement(summary.id, plan.id, agreement) : nil
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
            var marks: [Int64: AgreementMark] = [:]
            for agreement in plan.openAgreements {
                marks[agreement.id] = AgreementMark.allCases.first { $0.title == form[markID(agreement)] }
            }
            let evaluation = PlanEvaluation(day: day ?? today, wentWell: form["goed"].trimmingWhitespace(), wentBadly: form["nietGoed"].trimmingWhitespace(),
                                            conclusion: conclusion, nextEvaluation: next, marks: marks)
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
