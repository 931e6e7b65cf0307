import BoardCore

/// Every text a family-screen form can send, with the Dutch name of its field, so that each gets
/// the same clear refusal of a NUL character (see `StoreText.check`).
extension StoreText {
    static func check(_ change: DossierChange) throws {
        for (text, field) in texts(of: change) { try check(text, field: field) }
    }

    static func texts(of change: DossierChange) -> [(String, String)] {
        switch change {
        case .editFamily(_, _, let name, let address, let wijk):
            return [(name, "De gezinsnaam"), (address, "Het adres"), (wijk, "De wijk")]
        case .addChild(_, _, let child):
            return personTexts(.child(child))
        case .addCaregiver(_, _, let caregiver):
            return personTexts(.caregiver(caregiver))
        case .addNetworkMember(_, _, let member):
            return personTexts(.networkMember(member))
        case .addAssessment(_, let assessment):
            return [(assessment.concerns, "Zorgen"), (assessment.strengths, "Wat gaat goed"), (assessment.needs, "Wat moet er gebeuren")]
        case .addRiskInstrument(_, let record):
            return [(record.instrument, "Het instrument"), (record.outcome, "De uitkomstcategorie"), (record.note, "De toelichting")]
        case .addNote(_, let note):
            return [(note.text, "De notitie")]
        case .recordTableDecision(_, _, let decision):
            return [(decision.attendees, "Aanwezigen"), (decision.advice, "Het advies"), (decision.goals, "Doelen en afspraken")]
        case .recordMeetingDecision(_, let decision):
            return [(decision.decision, "Het besluit"), (decision.actor, "Wie het uitvoert")]
        case .handOver(_, _, let medewerker, let reason):
            return [(medewerker, "De medewerker"), (reason, "De reden")]
        case .recordRvkOutcome:
            return []
        case .recordDuty(_, let record):
            return [(record.what, "Wat er gedaan is")]
        case .correctPerson(_, _, let person, let reason), .removePerson(_, _, let person, let reason):
            return personTexts(person) + [(reason, "De reden")]
        }
    }

    static func personTexts(_ person: FamilyPerson) -> [(String, String)] {
        switch person {
        case .child(let child):
            return [(child.firstName, "De voornaam"), (child.surname, "De achternaam"), (child.bsn, "Het BSN")]
        case .caregiver(let caregiver):
            return [(caregiver.name, "De naam"), (caregiver.relation, "De relatie"), (caregiver.phone, "Het telefoonnummer")]
        case .networkMember(let member):
            return [(member.name, "De naam"), (member.role, "De rol"), (member.organisation, "De organisatie"), (member.phone, "Het telefoonnummer")]
        }
    }
}
