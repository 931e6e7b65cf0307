import BoardCore

/// The plan screen, the case's veiligheidsplan: partners (a jeugdbeschermer, or the
/// Veiligheidsteam's members) and consent, intensity, the safety conditions apart from the goals
/// and agreements (selectable; each agreement with its check, the family's consent and its marks),
/// hours with totals, evaluations with their marks. Overdue things carry a `!` and a word, so they
/// show without colour.
enum PlanView {
    typealias Line = FamilyView.Line

    static func draw(_ screen: PlanScreen, summary: CaseSummary?, context: PageContext, into target: inout Screen) {
        var title = " \(screen.plan?.form.planTitle ?? "Gezamenlijk plan") · gezin \(summary?.familyName ?? "") · zaak \(summary?.kenmerk ?? "#\(screen.caseID)")"
        if let summary { title += " · \(summary.stage.title)" }
        if screen.isReadOnly { title += " · alleen lezen" }
        PageFrame.drawTitle(title, context: context, into: &target)

        let (body, selectedLine) = lines(screen, today: context.today, canStart: screen.startRefusal(summary: summary) == nil,
                                         width: PageFrame.textWidth(screenWidth: target.width))
        PageFrame.drawBox(Rect(x: 0, y: 1, width: target.width, height: target.height - 2), title: "Gezamenlijk plan", lines: body,
                          scroll: screen.scroll, selectedLine: screen.followsSelection ? selectedLine : nil, context: context, into: &target)
    }

    static func field(_ label: String, _ value: String) -> String { FamilyView.field(label, value, width: 20) }

    /// The screen's lines, and the line of the selected goal or agreement. `canStart`: a new plan
    /// may start (an ended plan then says how).
    static func lines(_ screen: PlanScreen, today: Day, canStart: Bool, width: Int) -> ([Line], Int?) {
        guard let plan = screen.plan else {
            return ([
                ("Nog geen gezamenlijk plan bij deze zaak.", .title),
                ("", .normal),
                ("Vrijwillig kader: een jeugdbeschermer van JBRA, de William Schrikker Stichting of een andere GI", .normal),
                ("(Jeugdbeschermer in de wijk), of leden van het Veiligheidsteam (GI's, Raad, Blijf Groep,", .normal),
                ("Veilig Thuis), werken samen met het wijkteam en het gezin, altijd met instemming van het gezin.", .normal),
                ("Zonder instemming (datum en door wie) start er geen plan.", .normal),
                ("", .normal),
                ("n start een plan.", .dim),
            ], nil)
        }
        var lines: [Line] = []
        if let endedOn = plan.endedOn {
            let reason = plan.end.map { ": \($0.title)" } ?? ""
            lines.append(("Plan beëindigd op \(endedOn.dutch)\(reason)." + (canStart ? " n start een nieuw plan." : ""), .warning))
        } else {
            lines.append(("Vrijwillig kader: dit plan loopt met instemming van het gezin.", .dim))
        }
        switch plan.form {
        case .jeugdbeschermerInDeWijk:
            lines.append((field("Jeugdbeschermer", "\(plan.jeugdbeschermer) (\(plan.organisation))"), .title))
        case .veiligheidsteam:
            for (index, member) in plan.members.enumerated() {
                let since = member.since == plan.startDate ? "" : ", sinds \(member.since.dutch)"
                lines.append((field(index == 0 ? "Veiligheidsteam" : "", member.text + since), .title))
            }
        }
        lines.append((field("Collega wijkteam", plan.wijkteamColleague), .normal))
        lines.append((field("Start", plan.startDate.dutch), .normal))
        lines.append((field("Instemming gezin", "\(plan.consentDate.dutch) door \(plan.consentBy)"), .normal))
        let intensities = plan.intensities.map { "\($0.intensity.title) sinds \($0.day.dutch)" }
        lines.append((field("Intensiteit", intensities.last ?? "—"), .normal))
        if intensities.count > 1 {
            lines.append((field("", "eerder: " + intensities.dropLast().reversed().joined(separator: "; ")), .dim))
        }
        if let next = plan.nextEvaluation {
            let late = plan.isEvaluationOverdue(today: today)
            lines.append((field("Volgende evaluatie", next.dutch + (late ? "  ! verstreken" : "")), late ? .overdue : .title))
        } else {
            lines.append((field("Volgende evaluatie", "— (plan beëindigd)"), .dim))
        }

        // The headings name their keys only while those keys work: a running plan of the current case.
        let keys = { (hint: String) in plan.isActive && !screen.isReadOnly ? " (\(hint))" : "" }
        var selectedLine: Int?
        var index = 0
        // The conditions are not the family's to agree to: apart from the goals and agreements.
        lines.append(("", .normal))
        lines.append(("Veiligheidsvoorwaarden" + keys("w legt vast"), .columnHeader))
        if plan.conditions.isEmpty { lines.append(("  nog geen voorwaarden van Veilig Thuis of de Beschermtafel", .dim)) }
        for condition in plan.conditions {
            lines += FamilyView.wrapped("\(condition.day.dutch)  \(condition.setBy.title): \(condition.text)", indent: "  ", width: width)
        }
        lines.append(("", .normal))
        lines.append(("Doelen" + keys("d voegt toe, s wisselt de status"), .columnHeader))
        if plan.goals.isEmpty { lines.append(("  nog geen doelen", .dim)) }
        for goal in plan.goals {
            let selected = index == screen.selected
            if selected { selectedLine = lines.count }
            let mark = goal.status == .bereikt ? "✓" : goal.status == .nietBereikt ? "✗" : "·"
            lines.append(("\(selected ? "▶" : " ") \(mark) [\(goal.status.title)] \(goal.text)", selected ? .cardSelected : .normal))
            if !goal.safetyConditions.isEmpty {
                lines += FamilyView.wrapped("voor: \(goal.safetyConditions)", indent: "      ", width: width, role: .dim)
            }
            index += 1
        }
        lines.append(("", .normal))
        lines.append(("Afspraken" + keys("a voegt toe, s wisselt de status"), .columnHeader))
        if plan.agreements.isEmpty { lines.append(("  nog geen afspraken", .dim)) }
        for agreement in plan.agreements {
            let selected = index == screen.selected
            if selected { selectedLine = lines.count }
            let late = plan.isActive && agreement.isOverdue(today: today)
            var text = "\(selected ? "▶" : " ") \(late ? "!" : " ") \(agreement.due.dutch) [\(agreement.status.title)] \(agreement.partyText): \(agreement.what)"
            if late { text += "  ! te laat" }
            lines.append((text, selected ? .cardSelected : late ? .overdue : .normal))
            lines += agreementDetails(agreement, plan: plan, width: width)
            index += 1
        }

        lines.append(("", .normal))
        lines.append(("Uren" + keys("u legt vast") + " · totaal \(JointPlanRules.hoursText(plan.totalQuarters)) uur", .columnHeader))
        if plan.hours.isEmpty { lines.append(("  nog geen uren", .dim)) }
        for entry in plan.hours.suffix(8) {
            let hours = DisplayWidth.pad(JointPlanRules.hoursText(entry.quarters) + " u", to: 7)
            lines.append(("  \(entry.day.dutch)  \(hours) \(entry.person)" + (entry.description.isEmpty ? "" : " · \(entry.description)"), .normal))
        }
        if plan.hours.count > 8 { lines.append(("  (\(plan.hours.count - 8) eerdere regels)", .dim)) }
        if !plan.hours.isEmpty {
            lines.append(("  Per organisatie: " + plan.quartersPerOrganisation.map { "\($0.organisation) \(JointPlanRules.hoursText($0.quarters)) u" }
                            .joined(separator: " · "), .normal))
            lines.append(("  Per persoon: " + plan.quartersPerPerson.map { "\($0.person) \(JointPlanRules.hoursText($0.quarters)) u" }.joined(separator: " · "), .normal))
            lines.append(("  Per maand:   " + plan.quartersPerMonth.map { "\(JointPlanRules.monthTitle($0.month)) \(JointPlanRules.hoursText($0.quarters)) u" }
                            .joined(separator: " · "), .normal))
        }

        lines.append(("", .normal))
        lines.append(("Evaluaties" + keys("v legt vast"), .columnHeader))
        if plan.evaluations.isEmpty { lines.append(("  nog geen evaluaties", .dim)) }
        for evaluation in plan.evaluations.reversed() {
            var head = "  \(evaluation.day.dutch)  \(evaluation.conclusion.title)"
            if let next = evaluation.nextEvaluation { head += ", volgende \(next.dutch)" }
            lines.append((head, .title))
            if !evaluation.wentWell.isEmpty { lines += FamilyView.wrapped("goed: \(evaluation.wentWell)", indent: "      ", width: width) }
            if !evaluation.wentBadly.isEmpty { lines += FamilyView.wrapped("niet goed: \(evaluation.wentBadly)", indent: "      ", width: width) }
            for agreement in plan.agreements {
                guard let mark = evaluation.marks[agreement.id] else { continue }
                lines += FamilyView.wrapped("\(mark.title): \(agreement.what)", indent: "      ", width: width, role: mark == .nagekomen ? .normal : .warning)
            }
        }
        if screen.plans.count > 1 {
            lines.append(("", .normal))
            lines.append(("Eerdere plannen bij deze zaak", .columnHeader))
            for earlier in screen.plans.dropLast() {
                lines.append(("  \(earlier.startDate.dutch) – \(earlier.endedOn?.dutch ?? "…")  \(earlier.form.planTitle): \(earlier.partnersText)  \(earlier.end?.title ?? "")", .dim))
            }
        }
        return (lines, selectedLine)
    }

    /// Under an agreement: how it is checked and the family's consent (veiligheidsplan), and what
    /// each evaluation said of it.
    static func agreementDetails(_ agreement: PlanAgreement, plan: JointPlan, width: Int) -> [Line] {
        var parts: [String] = []
        if !agreement.check.isEmpty { parts.append("controle: \(agreement.check)") }
        if let consent = agreement.consent { parts.append("akkoord gezin \(consent.day.dutch) door \(consent.by)") }
        let marks = plan.evaluations.compactMap { evaluation in evaluation.marks[agreement.id].map { "\(evaluation.day.dutch) \($0.title)" } }
        if !marks.isEmpty { parts.append("evaluaties: " + marks.joined(separator: ", ")) }
        guard !parts.isEmpty else { return [] }
        return FamilyView.wrapped(parts.joined(separator: " · "), indent: "      ", width: width, role: .dim)
    }
}
