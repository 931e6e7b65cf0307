import BoardCore

/// The form behind `v` on the report screen: van, tot and bron. The period follows the same
/// rules as `beschermbord report --from --to` (ReportPeriodInput in BoardCore); an empty tot
/// runs to today.
public enum ReportPeriodForm {
    static let allSources = "alle bronnen"
    static let sourceChoices = [allSources] + Source.allCases.map(\.rawValue)

    public static let subtitle = "Cohort: de zaken die in de periode zijn aangemeld (beide dagen tellen mee)"

    public static func make(for screen: ReportScreen) -> Form {
        Form(title: "Periode voor de cijfers", fields: [
            FormField(id: "van", label: "Van", kind: .date, value: screen.period.from.dutch),
            FormField(id: "tot", label: "Tot en met", kind: .date, value: screen.period.to.dutch),
            FormField(id: "bron", label: "Bron", kind: .choice(sourceChoices), value: screen.source?.rawValue ?? allSources),
        ])
    }

    /// The chosen period and source, or per field what is wrong (in Dutch).
    public static func choice(_ form: Form, today: Day) -> Result<(period: ReportPeriod, source: Source?), FormProblems> {
        let source = Source(rawValue: form["bron"])
        let to = form["tot"].trimmingWhitespace()
        // Both days are checked before their order, so one save names every day that is wrong.
        var problems: [(String, String)] = []
        if form["van"].trimmingWhitespace().isEmpty {
            problems.append(("van", "Van is verplicht: de eerste dag van de periode"))
        } else if case .failure(let problem) = Day.validate(form["van"], today: today) {
            problems.append(("van", problem.message))
        }
        if !to.isEmpty, case .failure(let problem) = Day.validate(to, today: today) { problems.append(("tot", problem.message)) }
        if !problems.isEmpty { return .failure(FormProblems(problems)) }
        switch ReportPeriod.typed(from: form["van"], to: to.isEmpty ? nil : to, today: today) {
        case .success(let period):
            return .success((period, source))
        case .failure(.from(let problem)):
            return .failure(FormProblems([("van", problem.message)]))
        case .failure(.to(let problem)):
            return .failure(FormProblems([("tot", problem.message)]))
        case .failure(.backwards(let first, let last)):
            return .failure(FormProblems([("tot", "De periode klopt niet: van (\(first.dutch)) ligt na tot (\(last.dutch))")]))
        case .failure(.year(let year)):
            return .failure(FormProblems([("van", "‘\(year)’ is geen geldig jaartal")]))
        }
    }
}
