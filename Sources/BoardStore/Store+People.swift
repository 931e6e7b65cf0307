import BoardCore

/// Corrections of the people in a family's Gezin section: a child, a parent or caregiver, a
/// network member, corrected or removed, each for a reason. Each is a family change (every case
/// of the family gets a new version, so a form opened before is refused) logged with what the
/// record held before, so the log keeps the family's history: a removal is a correction, never an
/// erasure (that is retention's, `erasePersonalData`).
extension Store {
    func correctPerson(_ db: any StoreDatabase, familyID: FamilyID, seen: SeenCase, _ person: FamilyPerson, reason: String,
                       today: Day) throws -> String {
        let reason = try Self.correctionReason(reason)
        try lockFamily(db, familyID: familyID, seen: seen)
        let before = try Self.stored(db, person, familyID: familyID)
        let changed = before.changedFields(to: person)
        guard !changed.isEmpty else { throw StoreError.refused("Er is niets veranderd; er is niets opgeslagen.") }
        switch person {
        case .child(let child):
            try Self.requireName(child.firstName, "De voornaam")
            if !child.surname.isEmpty { try Self.requireName(child.surname, "De achternaam") }
            guard let born = child.birthDate else { throw StoreError.refused("De geboortedatum van \(child.firstName) is verplicht.") }
            if !child.bsn.isEmpty && !BSN.isValid(child.bsn) { throw StoreError.refused("BSN \(child.bsn) klopt niet (elfproef).") }
            try db.execute(sql: "UPDATE child SET first_name = ?, surname = ?, birth_date = ?, bsn = ? WHERE id = ? AND family_id = ?",
                           arguments: [child.firstName.trimmingWhitespace(), child.surname.trimmingWhitespace(), born.iso, child.bsn,
                                       child.id, familyID])
        case .caregiver(let caregiver):
            try Self.requireName(caregiver.name, "De naam")
            try Self.requirePhone(caregiver.phone)
            try db.execute(sql: "UPDATE caregiver SET name = ?, relation = ?, phone = ? WHERE id = ? AND family_id = ?",
                           arguments: [caregiver.name.trimmingWhitespace(), caregiver.relation, caregiver.phone.trimmingWhitespace(),
                                       caregiver.id, familyID])
        case .networkMember(let member):
            try Self.requireName(member.name, "De naam")
            try Self.requirePhone(member.phone)
            guard !member.role.trimmingWhitespace().isEmpty else { throw StoreError.refused("De rol is verplicht.") }
            try db.execute(sql: "UPDATE network_member SET name = ?, role = ?, organisation = ?, phone = ? WHERE id = ? AND family_id = ?",
                           arguments: [member.name.trimmingWhitespace(), member.role.trimmingWhitespace(), member.organisation.trimmingWhitespace(),
                                       member.phone.trimmingWhitespace(), member.id, familyID])
        }
        try logFamilyChange(db, familyID: familyID, kind: .persoonGecorrigeerd, today: today,
                            detail: "\(before.description) → \(person.description) (\(changed.joined(separator: ", "))); reden: \(reason)")
        return "Correctie opgeslagen: \(person.description)."
    }

    func removePerson(_ db: any StoreDatabase, familyID: FamilyID, seen: SeenCase, _ person: FamilyPerson, reason: String,
                      today: Day) throws -> String {
        let reason = try Self.correctionReason(reason)
        try lockFamily(db, familyID: familyID, seen: seen)
        let before = try Self.stored(db, person, familyID: familyID)
        if case .child = person, try db.value(Int.self, sql: "SELECT COUNT(*) FROM child WHERE family_id = ?", arguments: [familyID]) == 1 {
            throw StoreError.refused("Een aanmelding noemt minstens één kind: het enige kind van het gezin wordt niet verwijderd. Corrigeer het als het verkeerd is vastgelegd.")
        }
        if case .child(let child) = person, try childHasOwnRecords(db, childID: child.id) {
            throw StoreError.refused("Bij \(child.firstName) staat een uitkomst van de Raad of een veiligheidsscore: het kind wordt niet verwijderd. Corrigeer het als het verkeerd is vastgelegd.")
        }
        switch db.dialect {
        case .sqlite:
            try db.execute(sql: "DELETE FROM \(Self.table(of: person)) WHERE id = ? AND family_id = ?", arguments: [person.id, familyID])
        case .postgres:
            // Staff may delete nothing on the server; its function does this one delete (ServerEnforcedRoles.swift).
            try db.execute(sql: "SELECT remove_family_person(?, ?::bigint, ?::bigint)", arguments: [Self.table(of: person), person.id, familyID])
        }
        try logFamilyChange(db, familyID: familyID, kind: .persoonVerwijderd, today: today,
                            detail: "\(before.description) verwijderd; reden: \(reason)")
        return "Verwijderd: \(before.description). Het logboek bewaart wat er stond."
    }

    /// The person as the store holds them now; refused when they are no longer there.
    static func stored(_ db: any StoreDatabase, _ person: FamilyPerson, familyID: FamilyID) throws -> FamilyPerson {
        let found: FamilyPerson?
        switch person {
        case .child:
            found = try db.row(sql: "SELECT id, first_name, surname, birth_date, bsn FROM child WHERE id = ? AND family_id = ?",
                                     arguments: [person.id, familyID])
                .map { .child(ChildRecord(id: $0[0], firstName: $0[1], surname: $0[2], birthDate: Day(parsing: $0[3]), bsn: $0[4])) }
        case .caregiver:
            found = try db.row(sql: "SELECT id, name, relation, phone FROM caregiver WHERE id = ? AND family_id = ?",
                                     arguments: [person.id, familyID])
                .map { .caregiver(Caregiver(id: $0[0], name: $0[1], relation: $0[2], phone: $0[3])) }
        case .networkMember:
            found = try db.row(sql: "SELECT id, name, role, organisation, phone FROM network_member WHERE id = ? AND family_id = ?",
                                     arguments: [person.id, familyID])
                .map { .networkMember(NetworkMember(id: $0[0], name: $0[1], role: $0[2], organisation: $0[3], phone: $0[4])) }
        }
        guard let found else { throw StoreError.refused("Deze persoon staat niet (meer) bij dit gezin; er is niets opgeslagen.") }
        return found
    }

    static func table(of person: FamilyPerson) -> String {
        switch person {
        case .child: return "child"
        case .caregiver: return "caregiver"
        case .networkMember: return "network_member"
        }
    }

    static func correctionReason(_ reason: String) throws -> String {
        let trimmed = reason.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw StoreError.refused("Geef de reden van de correctie; er is niets opgeslagen.") }
        return trimmed
    }

    static func requireName(_ name: String, _ field: String) throws {
        let trimmed = name.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw StoreError.refused("\(field) is verplicht.") }
        if let problem = InputText.problem(in: trimmed, kind: .personName) { throw StoreError.refused("\(field) ‘\(trimmed)’ \(problem.message).") }
    }

    static func requirePhone(_ phone: String) throws {
        let trimmed = phone.trimmingWhitespace()
        if let problem = InputText.problem(in: trimmed, kind: .phone) { throw StoreError.refused("Het telefoonnummer ‘\(trimmed)’ \(problem.message).") }
    }
}
