import BoardCore

/// The dialog for moving a case: it asks exactly what the transition rules require.
public enum MoveForm {
    public static func make(summary: CaseSummary, targets: [Stage], cameFrom: Stage?, today: Day) -> MoveDialog {
        // With one target the choice has one option: shown, so the user sees where the case goes.
        let fields = [FormField(id: "naar", label: "Naar", kind: .choice(targets.map(\.title)), value: targets[0].title)]
        let direction = Transitions.rule(from: summary.stage, to: targets[0], cameFrom: cameFrom)
        let title = (try? direction.get().direction) == .back ? "Zaak \(summary.kenmerk) terugzetten" : "Zaak \(summary.kenmerk) verplaatsen"
        var dialog = MoveDialog(summary: summary, cameFrom: cameFrom, targets: targets, form: Form(title: title, fields: fields))
        dialog.form["datum"] = today.dutch
        rebuild(&dialog, today: today)
        if targets.count == 1 { dialog.form.focus = min(1, dialog.form.fields.count - 1) }
        return dialog
    }

    static func target(of dialog: MoveDialog) -> Stage {
        dialog.targets.first(where: { $0.title == dialog.form["naar"] }) ?? dialog.targets[0]
    }

    /// Lays out the fields for the chosen target, keeping whatever was typed.
    public static func rebuild(_ dialog: inout MoveDialog, today: Day) {
        let kept = Dictionary(dialog.form.fields.map { ($0.id, $0.value) }, uniquingKeysWith: { a, _ in a })
        let focusID = dialog.form.fields.indices.contains(dialog.form.focus) ? dialog.form.fields[dialog.form.focus].id : "naar"
        guard case .success(let rule) = Transitions.rule(from: dialog.summary.stage, to: target(of: dialog), cameFrom: dialog.cameFrom) else { return }
        var fields = [dialog.form.fields[0]]
        fields.append(FormField(id: "datum", label: rule.dateLabel, kind: .date, value: kept["datum"] ?? today.dutch))
        if rule.needsRequester {
            fields.append(FormField(id: "inbrenger", label: "Ingebracht door", kind: .choice(TableRequester.allCases.map(\.rawValue)),
                                    value: kept["inbrenger"] ?? TableRequester.jeugdteam.rawValue))
        }
        if let label = rule.textLabel {
            fields.append(FormField(id: "tekst", label: label, value: kept["tekst"] ?? ""))
        }
        dialog.form.fields = fields
        dialog.form.focus = fields.firstIndex(where: { $0.id == focusID }) ?? 0
    }

    public static func request(from dialog: MoveDialog, today: Day) -> Result<MoveRequest, FormProblems> {
        let to = target(of: dialog)
        var problems = dialog.form.inputProblems()
        var day: Day?
        switch Day.validate(dialog.form["datum"], today: today, notAfter: today) {
        case .success(let parsed): day = parsed
        case .failure(let problem): problems.insert(("datum", problem.message), at: 0)
        }
        // Without a date the rules still check the text and the requester; the case's own date
        // stands in, and what they say about the date is left to the date's own problem.
        let request = MoveRequest(caseID: dialog.summary.id, expectedVersion: dialog.summary.version,
                                  from: dialog.summary.stage, to: to, day: day ?? dialog.summary.stageSince, text: dialog.form["tekst"],
                                  requester: TableRequester(rawValue: dialog.form["inbrenger"]))
        if case .failure(let refused) = Transitions.validate(request, stageSince: dialog.summary.stageSince, cameFrom: dialog.cameFrom, today: today) {
            for problem in refused.problems {
                let id: String
                switch problem.field {
                case .date: id = "datum"
                case .text: id = "tekst"
                case .requester: id = "inbrenger"
                }
                if !problems.contains(where: { $0.0 == id }) { problems.append((id, problem.message)) }
            }
        }
        guard problems.isEmpty, day != nil else { return .failure(FormProblems(problems)) }
        return .success(request)
    }
}

extension MoveForm {
    /// The line under the dialog's title: which case, from where.
    static func subtitle(_ dialog: MoveDialog) -> String {
        "\(dialog.summary.familyName) · nu in \(dialog.summary.stage.title) sinds \(dialog.summary.stageSince.dutch)"
    }
}
