import BoardCore

/// The form for a new aanmelding: its fields and how they turn into a `NewReport`.
public enum NewReportForm {
    /// `medewerker`: the user as people know them; `staff`: whom Tab completes the medewerker to.
    public static func make(kenmerk: String, today: Day, medewerker: String, staff: StaffDirectory = StaffDirectory()) -> Form {
        var form = Form(title: "Nieuwe aanmelding", fields: [
            FormField(id: "kenmerk", label: "Kenmerk", value: kenmerk, text: .kenmerk),
            FormField(id: "datum", label: "Datum aanmelding", kind: .date, value: today.dutch),
            FormField(id: "bron", label: "Bron", kind: .choice(Source.allCases.map(\.rawValue)), value: Source.veiligThuis.rawValue),
            FormField(id: "gezin", label: "Gezinsnaam", text: .name),
            FormField(id: "wijk", label: "Wijk", text: .name),
            FormField(id: "medewerker", label: "Medewerker", value: medewerker, text: .name),
        ])
        form.fields[form.index(of: "medewerker")!].completions = staff.members.map(\.displayName)
        ensureEmptyChildRow(&form)
        return form
    }

    static func childNameID(_ n: Int) -> String { "kind\(n).naam" }
    static func childBirthID(_ n: Int) -> String { "kind\(n).geboren" }

    static func childCount(_ form: Form) -> Int {
        var n = 0
        while form.index(of: childNameID(n + 1)) != nil { n += 1 }
        return n
    }

    /// There is always one empty child row at the end, so another child can be added by typing,
    /// up to the most children a report names. Trailing empty rows beyond one are removed again.
    public static func ensureEmptyChildRow(_ form: inout Form) {
        var count = childCount(form)
        func isEmpty(_ n: Int) -> Bool {
            form[childNameID(n)].trimmingWhitespace().isEmpty && form[childBirthID(n)].trimmingWhitespace().isEmpty
        }
        while count >= 2 && isEmpty(count) && isEmpty(count - 1),
              let index = form.index(of: childNameID(count)), form.focus < index {
            form.fields.removeSubrange(index...(index + 1))
            count -= 1
        }
        if count == 0 || (!isEmpty(count) && count < InputText.maximumChildren) {
            let n = count + 1
            form.fields.append(FormField(id: childNameID(n), label: "Kind \(n): voornaam", text: .personName))
            form.fields.append(FormField(id: childBirthID(n), label: "Kind \(n): geboren", kind: .date))
        }
    }

    /// The choice after the family name: a new family, or one of the known families of that name.
    static let newFamily = "Nieuw gezin"

    static func matchLabel(_ match: FamilyMatch) -> String {
        var label = match.name
        if !match.wijk.isEmpty { label += " · \(match.wijk)" }
        if !match.lastKenmerk.isEmpty { label += " · laatste zaak \(match.lastKenmerk)" }
        if match.hasOpenCase { label += " (open)" }
        return label
    }

    /// Shows (or removes) the field that links the report to a known family.
    public static func offerFamilies(_ matches: [FamilyMatch], in form: inout Form) {
        let existing = form.index(of: "koppel")
        if matches.isEmpty {
            if let existing { form.fields.remove(at: existing); if form.focus > existing { form.focus -= 1 } }
            return
        }
        let options = [newFamily] + matches.map(matchLabel)
        let field = FormField(id: "koppel", label: "Bekend gezin?", kind: .choice(options), value: newFamily)
        if let existing {
            let kept = form.fields[existing].value
            form.fields[existing] = field
            if options.contains(kept) { form.fields[existing].value = kept }
        } else if let name = form.index(of: "gezin") {
            form.fields.insert(field, at: name + 1)
            if form.focus > name { form.focus += 1 }
        }
    }

    /// `staff`: the list a medewerker is chosen from; the report names them by login. (Empty only
    /// before the list has loaded: then the name goes as typed.)
    public static func validate(_ form: Form, today: Day, matches: [FamilyMatch] = [],
                                staff: StaffDirectory = StaffDirectory()) -> Result<NewReport, FormProblems> {
        var problems = form.inputProblems()
        var medewerker = form["medewerker"]
        if !staff.isEmpty {
            switch staff.resolve(medewerker) {
            case .success(let member): medewerker = member?.name ?? ""
            case .failure(let unknown): problems.append(("medewerker", unknown.message))
            }
        }
        let kenmerk = form["kenmerk"].trimmingWhitespace()
        if kenmerk.isEmpty { problems.append(("kenmerk", "Kenmerk is verplicht")) }
        var reportedOn = today
        switch Day.validate(form["datum"], today: today, notAfter: today) {
        case .success(let day): reportedOn = day
        case .failure(let problem): problems.append(("datum", problem.message))
        }
        let source = Source(name: form["bron"])
        if source == nil { problems.append(("bron", "Kies een bron")) }
        let family = form["gezin"].trimmingWhitespace()
        if family.isEmpty { problems.append(("gezin", "Gezinsnaam is verplicht")) }
        var children: [Child] = []
        for n in 1...max(1, childCount(form)) {
            let name = form[childNameID(n)].trimmingWhitespace()
            let birth = form[childBirthID(n)].trimmingWhitespace()
            if name.isEmpty && birth.isEmpty { continue }
            if name.isEmpty { problems.append((childNameID(n), "Voornaam ontbreekt")) }
            switch Day.validate(birth, today: today, notAfter: today) {
            case .success(let day):
                if let problem = Child.birthProblem(day, reportedOn: reportedOn) {
                    problems.append((childBirthID(n), problem.message))
                } else if !name.isEmpty {
                    children.append(Child(firstName: name, birthDate: day))
                }
            case .failure(let problem):
                problems.append((childBirthID(n), birth.isEmpty ? "Geboortedatum ontbreekt" : problem.message))
            }
        }
        if children.isEmpty && !problems.contains(where: { $0.0.hasPrefix("kind") }) {
            problems.append((childNameID(1), "Een aanmelding noemt minstens één kind"))
        }
        var existing: FamilyMatch?
        if form.index(of: "koppel") != nil, form["koppel"] != newFamily {
            existing = matches.first(where: { matchLabel($0) == form["koppel"] })
            if let existing, existing.hasOpenCase {
                problems.append(("koppel", "Dit gezin heeft al een open zaak (\(existing.lastKenmerk))"))
            }
        }
        if existing != nil, let index = problems.firstIndex(where: { $0.1 == "Een aanmelding noemt minstens één kind" }) {
            problems.remove(at: index) // the known family's children are already recorded
        }
        guard problems.isEmpty, let source else { return .failure(FormProblems(problems)) }
        return .success(NewReport(kenmerk: kenmerk, reportedOn: reportedOn, source: source, familyName: existing?.name ?? family,
                                  wijk: form["wijk"], medewerker: medewerker, children: children,
                                  existingFamilyID: existing?.id))
    }
}
