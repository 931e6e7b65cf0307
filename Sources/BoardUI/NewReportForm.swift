import BoardCore

/// The form for a new aanmelding: its fields and how they turn into a `NewReport`.
public enum NewReportForm {
    public static func make(kenmerk: String, today: Day, medewerker: String) -> Form {
        var form = Form(title: "Nieuwe aanmelding", fields: [
            FormField(id: "kenmerk", label: "Kenmerk", value: kenmerk),
            FormField(id: "datum", label: "Datum aanmelding", kind: .date, value: today.dutch),
            FormField(id: "bron", label: "Bron", kind: .choice(Source.allCases.map(\.rawValue)), value: Source.veiligThuis.rawValue),
            FormField(id: "gezin", label: "Gezinsnaam"),
            FormField(id: "wijk", label: "Wijk"),
            FormField(id: "medewerker", label: "Medewerker", value: medewerker),
        ])
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

    /// There is always one empty child row at the end, so another child can be added by typing.
    /// Trailing empty rows beyond one are removed again.
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
        if count == 0 || !isEmpty(count) {
            let n = count + 1
            form.fields.append(FormField(id: childNameID(n), label: "Kind \(n): voornaam"))
            form.fields.append(FormField(id: childBirthID(n), label: "Kind \(n): geboren", kind: .date))
        }
    }

    public static func validate(_ form: Form, today: Day) -> Result<NewReport, FormProblems> {
        var problems: [(String, String)] = []
        let kenmerk = form["kenmerk"].trimmingWhitespace()
        if kenmerk.isEmpty { problems.append(("kenmerk", "Kenmerk is verplicht")) }
        var reportedOn = today
        switch Day.validate(form["datum"], notAfter: today) {
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
            if name.isEmpty { problems.append((childNameID(n), "Voornaam ontbreekt")); continue }
            switch Day.validate(birth, notAfter: reportedOn) {
            case .success(let day): children.append(Child(firstName: name, birthDate: day))
            case .failure(let problem):
                problems.append((childBirthID(n), birth.isEmpty ? "Geboortedatum ontbreekt" : problem.message))
            }
        }
        if children.isEmpty && !problems.contains(where: { $0.0.hasPrefix("kind") }) {
            problems.append((childNameID(1), "Een aanmelding noemt minstens één kind"))
        }
        guard problems.isEmpty, let source else { return .failure(FormProblems(problems)) }
        return .success(NewReport(kenmerk: kenmerk, reportedOn: reportedOn, source: source, familyName: family,
                                  wijk: form["wijk"], medewerker: form["medewerker"], children: children))
    }
}
