import BoardCore

/// The one dialog that can stand above a page: a form and what it is for. `submit` turns the
/// filled form into what saving asks for, or into the fields' problems.
public enum Dialog: Equatable, Sendable {
    case newReport(Form)
    case move(MoveDialog)
    case dossier(DossierForm)
    case plan(PlanForm)
    /// The board's choice filters (`f`).
    case filters(Form)
    /// The report screen's period (`v`).
    case reportPeriod(Form)

    public var form: Form {
        get {
            switch self {
            case .newReport(let form), .filters(let form), .reportPeriod(let form): return form
            case .move(let dialog): return dialog.form
            case .dossier(let dossierForm): return dossierForm.form
            case .plan(let planForm): return planForm.form
            }
        }
        set {
            switch self {
            case .newReport: self = .newReport(newValue)
            case .filters: self = .filters(newValue)
            case .reportPeriod: self = .reportPeriod(newValue)
            case .move(var dialog):
                dialog.form = newValue
                self = .move(dialog)
            case .dossier(var dossierForm):
                dossierForm.form = newValue
                self = .dossier(dossierForm)
            case .plan(var planForm):
                planForm.form = newValue
                self = .plan(planForm)
            }
        }
    }

    /// The dialog as a room may see it in meeting mode (NameMask.swift): the case's family as
    /// initials, the names known so far scrubbed from what was typed.
    func masked(names: inout [String]) -> Dialog {
        switch self {
        case .move(var dialog):
            names += [dialog.summary.familyName]
            dialog.summary = NameMask.summary(dialog.summary)
            return .move(dialog)
        case .dossier(var dossierForm):
            names += [dossierForm.caseSummary.familyName]
            dossierForm.caseSummary = NameMask.summary(dossierForm.caseSummary)
            dossierForm.form = NameMask.scrub(dossierForm.form, names: names)
            dossierForm.form.title = NameMask.scrub(dossierForm.form.title, names: names)
            if dossierForm.kind == .editFamily, let adres = dossierForm.form.index(of: "adres") {
                if !dossierForm.form["adres"].isEmpty { dossierForm.form["adres"] = NameMask.hidden }
                if dossierForm.form.fields[adres].typed != nil { dossierForm.form.fields[adres].typed = NameMask.hidden }
            }
            return .dossier(dossierForm)
        case .plan(var planForm):
            names += [planForm.summary.familyName]
            planForm.summary = NameMask.summary(planForm.summary)
            planForm.form = NameMask.scrub(planForm.form, names: names)
            return .plan(planForm)
        case .newReport, .filters, .reportPeriod:
            return self
        }
    }

    /// The line under the form's title: what the form is about.
    var subtitle: String? {
        switch self {
        case .newReport, .filters: return nil
        case .move(let dialog): return MoveForm.subtitle(dialog)
        case .dossier(let dossierForm): return "Gezin \(dossierForm.caseSummary.familyName) · zaak \(dossierForm.caseSummary.kenmerk)"
        case .plan(let planForm): return PlanForms.subtitle(planForm)
        case .reportPeriod: return ReportPeriodForm.subtitle
        }
    }

    /// What saving does: a change the store must confirm (the dialog stays open until `saved`),
    /// or a choice that applies at once and closes the dialog.
    enum Outcome {
        case store([Effect])
        case apply((inout AppState) -> [Effect])
    }

    /// The form's content as what it asks for, or per field what is wrong (in Dutch), with the
    /// line said above the fields.
    func submit(in state: AppState) -> Result<Outcome, DialogRefusal> {
        switch self {
        case .newReport(let form):
            return NewReportForm.validate(form, today: state.today, matches: state.familyMatches, staff: state.staff)
                .map { .store([.addReport($0)]) }.refused("Niet opgeslagen")
        case .move(let dialog):
            return MoveForm.request(from: dialog, today: state.today).map { .store([.move($0)]) }.refused("Niet verplaatst")
        case .dossier(let dossierForm):
            return DossierForms.change(from: dossierForm, today: state.today, norms: state.norms, staff: state.staff)
                .map { .store([.apply($0)]) }.refused("Niet opgeslagen")
        case .plan(let planForm):
            return PlanForms.change(from: planForm, today: state.today).map { .store([.applyPlan($0)]) }.refused("Niet opgeslagen")
        case .filters(let form):
            let facets = FilterForm.facets(from: form)
            return .success(.apply { $0.choose(facets) })
        case .reportPeriod(let form):
            return ReportPeriodForm.choice(form, today: state.today)
                .map { choice in .apply { $0.showReport(choice.period, source: choice.source) } }.refused("Periode niet gewijzigd")
        }
    }

    /// The question to ask before saving `effects`, when they close the dialog's case.
    func closingQuestion(for effects: [Effect]) -> String? {
        guard effects.contains(where: \.closesCase) else { return nil }
        let kenmerk: String
        switch self {
        case .move(let dialog): kenmerk = dialog.summary.kenmerk
        case .dossier(let dossierForm): kenmerk = dossierForm.caseSummary.kenmerk
        case .plan(let planForm): kenmerk = planForm.summary.kenmerk
        case .newReport, .filters, .reportPeriod: return nil
        }
        return "Zaak \(kenmerk) sluiten? Dit beëindigt de zaak."
    }

    /// After a key changed the form: what the dialog keeps up to date (the new-report form looks
    /// up families by the name typed, and keeps an empty row for one more child; the move form
    /// asks what its new target needs).
    mutating func formChanged(from old: Form, today: Day) -> [Effect] {
        switch self {
        case .newReport(var form):
            NewReportForm.ensureEmptyChildRow(&form)
            var effects: [Effect] = []
            if form["gezin"] != old["gezin"] {
                NewReportForm.offerFamilies([], in: &form)
                effects.append(.findFamilies(form["gezin"].trimmingWhitespace()))
            }
            self = .newReport(form)
            return effects
        case .move(var dialog):
            if dialog.form["naar"] != old["naar"] { MoveForm.rebuild(&dialog, today: today) }
            self = .move(dialog)
            return []
        case .plan(var planForm):
            if planForm.kind == .start { PlanForms.startFormChanged(&planForm.form, from: old) }
            self = .plan(planForm)
            return []
        case .dossier, .filters, .reportPeriod:
            return []
        }
    }
}

/// A form that could not be saved: what is wrong per field, and the line above them.
struct DialogRefusal: Error {
    var problems: FormProblems
    var heading: String
}

extension Result where Failure == FormProblems {
    func refused(_ what: String) -> Result<Success, DialogRefusal> {
        mapError { DialogRefusal(problems: $0, heading: "\(what): verbeter de gemarkeerde velden.") }
    }
}

/// Field errors collected by a form's validation, keyed by field id.
public struct FormProblems: Error, Equatable, Sendable {
    public var fields: [(String, String)]

    public init(_ fields: [(String, String)]) { self.fields = fields }

    public static func == (lhs: FormProblems, rhs: FormProblems) -> Bool {
        lhs.fields.map(\.0) == rhs.fields.map(\.0) && lhs.fields.map(\.1) == rhs.fields.map(\.1)
    }
}
