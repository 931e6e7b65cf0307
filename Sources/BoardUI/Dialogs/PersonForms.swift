import BoardCore

/// The forms that correct or remove a child, parent or network member of the Gezin section:
/// the person's fields as they are, and the reason, which the log keeps with what changed.
enum PersonForms {
    static func make(correcting person: FamilyPerson) -> Form {
        var fields: [FormField]
        switch person {
        case .child(let child):
            fields = [
                FormField(id: "voornaam", label: "Voornaam", value: child.firstName, text: .personName),
                FormField(id: "achternaam", label: "Achternaam (als anders)", value: child.surname, text: .personName),
                FormField(id: "geboren", label: "Geboortedatum", kind: .date, value: child.birthDate?.dutch ?? ""),
                FormField(id: "bsn", label: "BSN (optioneel)", value: child.bsn, text: .name),
            ]
        case .caregiver(let caregiver):
            let relations = DossierForms.relations.contains(caregiver.relation) || caregiver.relation.isEmpty
                ? DossierForms.relations : DossierForms.relations + [caregiver.relation]
            fields = [
                FormField(id: "naam", label: "Naam", value: caregiver.name, text: .personName),
                FormField(id: "relatie", label: "Relatie", kind: .choice(relations), value: caregiver.relation.isEmpty ? relations[0] : caregiver.relation),
                FormField(id: "telefoon", label: "Telefoon", value: caregiver.phone, text: .phone),
            ]
        case .networkMember(let member):
            fields = [
                FormField(id: "naam", label: "Naam", value: member.name, text: .personName),
                FormField(id: "rol", label: "Rol (bv. buurvrouw, huisarts)", value: member.role, text: .name),
                FormField(id: "organisatie", label: "Organisatie", value: member.organisation, text: .name),
                FormField(id: "telefoon", label: "Telefoon", value: member.phone, text: .phone),
            ]
        }
        fields.append(FormField(id: "reden", label: "Reden van de correctie", text: .line))
        var form = Form(title: "Corrigeren: \(person.description)", fields: fields)
        form.notice = "Het logboek bewaart wat er stond, wat je wijzigt en waarom."
        return form
    }

    static func make(removing person: FamilyPerson) -> Form {
        var form = Form(title: "Verwijderen: \(person.description)", fields: [
            FormField(id: "reden", label: "Reden van verwijderen", text: .line),
        ])
        form.notice = "Alleen voor wie ten onrechte is vastgelegd (dubbel, bij het verkeerde gezin): een correctie, geen wissing. "
            + "Het logboek bewaart wat er stond en waarom."
        return form
    }

    /// The corrected person from the form, or per field what is wrong (in Dutch).
    static func corrected(_ person: FamilyPerson, from form: Form, today: Day, problems: inout [(String, String)]) -> FamilyPerson? {
        func required(_ id: String, _ label: String) -> String {
            let value = form[id].trimmingWhitespace()
            if value.isEmpty { problems.append((id, "\(label) is verplicht")) }
            return value
        }
        let corrected: FamilyPerson?
        switch person {
        case .child(let child):
            let name = required("voornaam", "Voornaam")
            var born: Day?
            switch Day.validate(form["geboren"], today: today, notAfter: today) {
            case .success(let day): born = day
            case .failure(let problem): problems.append(("geboren", problem.message))
            }
            let bsn = form["bsn"].filter { !$0.isWhitespace }
            if !bsn.isEmpty && !BSN.isValid(bsn) { problems.append(("bsn", "Dit BSN klopt niet (elfproef); controleer de negen cijfers")) }
            corrected = born.map { .child(ChildRecord(id: child.id, firstName: name, surname: form["achternaam"].trimmingWhitespace(), birthDate: $0, bsn: bsn)) }
        case .caregiver(let caregiver):
            let name = required("naam", "Naam")
            corrected = .caregiver(Caregiver(id: caregiver.id, name: name, relation: form["relatie"], phone: form["telefoon"].trimmingWhitespace()))
        case .networkMember(let member):
            let name = required("naam", "Naam")
            let role = required("rol", "Rol")
            corrected = .networkMember(NetworkMember(id: member.id, name: name, role: role, organisation: form["organisatie"].trimmingWhitespace(),
                                                     phone: form["telefoon"].trimmingWhitespace()))
        }
        if let corrected, person.changedFields(to: corrected).isEmpty, let first = form.fields.first {
            problems.append((first.id, "Er is niets veranderd; corrigeer een gegeven of annuleer met Esc"))
        }
        return corrected
    }
}
