import BoardCore

/// The forms of the family screen: what each asks, and how its fields become a `DossierChange`.
public enum DossierForms {
    static let relations = ["moeder", "vader", "stiefouder", "pleegouder", "grootouder", "voogd", "anders"]

    /// `staff`: whom a medewerker field completes to.
    public static func make(_ kind: DossierForm.Kind, screen: FamilyScreen, today: Day, staff: StaffDirectory = StaffDirectory()) -> DossierForm {
        let dossier = screen.dossier
        let summary = dossier.viewed.summary
        var requestDate: Day?
        var rvkStart: Day?
        let form: Form
        switch kind {
        case .editFamily:
            form = Form(title: "Gezin bewerken", fields: [
                FormField(id: "naam", label: "Gezinsnaam", value: dossier.family.name, text: .name),
                FormField(id: "adres", label: "Adres", value: dossier.family.address, text: .name),
                FormField(id: "wijk", label: "Wijk", value: dossier.family.wijk, text: .name),
            ])
        case .addChild:
            form = Form(title: "Kind toevoegen", fields: [
                FormField(id: "voornaam", label: "Voornaam", text: .personName),
                FormField(id: "achternaam", label: "Achternaam (als anders)", text: .personName),
                FormField(id: "geboren", label: "Geboortedatum", kind: .date),
                FormField(id: "bsn", label: "BSN (optioneel)", text: .name),
            ])
        case .addCaregiver:
            form = Form(title: "Ouder/verzorger toevoegen", fields: [
                FormField(id: "naam", label: "Naam", text: .personName),
                FormField(id: "relatie", label: "Relatie", kind: .choice(relations), value: relations[0]),
                FormField(id: "telefoon", label: "Telefoon", text: .phone),
            ])
        case .addNetworkMember:
            form = Form(title: "Netwerk aanvullen", fields: [
                FormField(id: "naam", label: "Naam", text: .personName),
                FormField(id: "rol", label: "Rol (bv. buurvrouw, huisarts)", text: .name),
                FormField(id: "organisatie", label: "Organisatie", text: .name),
                FormField(id: "telefoon", label: "Telefoon", text: .phone),
            ])
        case .addAssessment:
            form = Form(title: "Veiligheidsbeoordeling", fields: [
                FormField(id: "datum", label: "Datum", kind: .date, value: today.dutch),
                FormField(id: "score", label: "Veiligheidsschaal 0–10"),
                FormField(id: "over", label: "Over", kind: .choice([wholeFamily] + dossier.children.map { childLabel($0, among: dossier.children) }),
                          value: wholeFamily),
                FormField(id: "door", label: "Score gegeven door", kind: .choice(ScoreGiver.allCases.map(\.rawValue)), value: ScoreGiver.medewerker.rawValue),
                FormField(id: "zorgen", label: "Zorgen", kind: .multiline),
                FormField(id: "goed", label: "Wat gaat goed", kind: .multiline),
                FormField(id: "moet", label: "Wat moet er gebeuren", kind: .multiline),
            ])
        case .addRiskInstrument:
            form = Form(title: "Risico-instrument", fields: [
                FormField(id: "instrument", label: "Instrument", kind: .choice(RiskInstrumentRecord.instruments), value: "LIRIK"),
                FormField(id: "anders", label: "Naam (bij Anders)", text: .name),
                FormField(id: "datum", label: "Datum", kind: .date, value: today.dutch),
                FormField(id: "uitkomst", label: "Uitkomstcategorie", text: .name),
                FormField(id: "toelichting", label: "Toelichting", kind: .multiline),
            ])
        case .correctPerson(let person):
            form = PersonForms.make(correcting: person)
        case .removePerson(let person):
            form = PersonForms.make(removing: person)
        case .addNote(let refersTo):
            form = Form(title: refersTo == nil ? "Nieuwe notitie" : "Correctie op notitie \(refersTo!)", fields: [
                FormField(id: "tekst", label: "Notitie", kind: .multiline),
            ])
        case .tableDecision:
            requestDate = dossier.tableRecords.last?.requestDate
            form = Form(title: "Besluit Beschermtafel", fields: [
                FormField(id: "tafeldatum", label: "Datum tafel", kind: .date, value: today.dutch),
                FormField(id: "aanwezigen", label: "Aanwezigen (naam – rol)", kind: .multiline),
                FormField(id: "advies", label: "Advies", kind: .multiline),
                FormField(id: "uitkomst", label: "Uitkomst", kind: .choice(TableOutcome.allCases.map(\.title)), value: TableOutcome.drang.title),
                FormField(id: "terugkoppeling", label: "Terugkoppeling (drang)", kind: .date, value: today.adding(days: 91).dutch),
                FormField(id: "doelen", label: "Doelen en afspraken (drang)", kind: .multiline),
            ])
        case .meetingDecision:
            return meetingDecision(for: summary, today: today)
        case .dutyDone(let duty):
            return dutyDone(duty, for: summary, today: today)
        case .handOver:
            var to = FormField(id: "naar", label: "Nieuwe medewerker", text: .name)
            to.completions = staff.members.map(\.displayName).filter { $0 != summary.medewerker }
            form = Form(title: "Zaak overdragen (nu: \(summary.medewerker.isEmpty ? "geen medewerker" : summary.medewerker))", fields: [
                to, FormField(id: "reden", label: "Reden van de overdracht", text: .line),
            ])
        case .rvkOutcome:
            rvkStart = dossier.rvk?.startDate
            // One outcome per child of the family; a child the Raad's investigation did not concern is left out.
            form = Form(title: "Uitkomst RvK-onderzoek (per kind)", fields: dossier.children.map { child in
                FormField(id: outcomeField(child), label: childLabel(child, among: dossier.children),
                          kind: .choice(RvkOutcome.allCases.map(\.rawValue) + [notConcerned]), value: RvkOutcome.geenMaatregel.rawValue)
            } + [
                FormField(id: "datum", label: "Datum", kind: .date, value: today.dutch),
            ])
        }
        return DossierForm(kind: kind, form: form, familyID: dossier.family.id, caseSummary: summary,
                           requestDate: requestDate, rvkStart: rvkStart, children: dossier.children)
    }

    /// The assessment's choice for a score about the whole family.
    static let wholeFamily = "hele gezin"
    /// The outcome form's choice for a child the investigation did not concern.
    static let notConcerned = "niet betrokken"

    static func outcomeField(_ child: ChildRecord) -> String { "kind-\(child.id)" }

    /// A child as a form names them: the first name, with the birth date when a sibling has the same name.
    static func childLabel(_ child: ChildRecord, among children: [ChildRecord]) -> String {
        let name = child.firstName.isEmpty ? "kind" : child.firstName
        guard children.contains(where: { $0.id != child.id && $0.firstName == child.firstName }) else { return name }
        return "\(name) (\(child.birthDate?.dutch ?? Day.unknownText))"
    }

    /// The weekly meeting's decision on a case (from the agenda, with or without the family screen).
    public static func meetingDecision(for summary: CaseSummary, today: Day) -> DossierForm {
        let form = Form(title: "Besluit teamoverleg", fields: [
            FormField(id: "besluit", label: "Besluit", kind: .multiline),
            FormField(id: "wie", label: "Wie voert het uit", value: summary.medewerker, text: .name),
            FormField(id: "uiterlijk", label: "Uiterlijk", kind: .date, value: today.adding(days: MeetingAgenda.defaultInterval).dutch),
        ])
        return DossierForm(kind: .meetingDecision, form: form, familyID: summary.familyID, caseSummary: summary)
    }

    /// A duty met (the Termijnen page): on which day, and what was done.
    public static func dutyDone(_ duty: Duty, for summary: CaseSummary, today: Day) -> DossierForm {
        let form = Form(title: "\(duty.kind.title) (termijn \(duty.due.dutch))", fields: [
            FormField(id: "datum", label: "Gedaan op", kind: .date, value: today.dutch),
            FormField(id: "wat", label: "Wat is er gedaan", kind: .multiline),
        ])
        return DossierForm(kind: .dutyDone(duty), form: form, familyID: summary.familyID, caseSummary: summary)
    }

    /// Turns a filled-in form into a change, or says per field what is wrong.
    /// `staff`: the list a new medewerker is chosen from (empty only before it has loaded).
    public static func change(from dossierForm: DossierForm, today: Day, norms: Norms,
                              staff: StaffDirectory = StaffDirectory()) -> Result<DossierChange, FormProblems> {
        let form = dossierForm.form
        let caseID = dossierForm.caseSummary.id
        let seen = SeenCase(caseID: caseID, version: dossierForm.caseSummary.version)
        var problems = form.inputProblems()
        func required(_ id: String, _ label: String) -> String {
            let value = form[id].trimmingWhitespace()
            if value.isEmpty { problems.append((id, "\(label) is verplicht")) }
            return value
        }
        func date(_ id: String, notBefore: (Day, String)? = nil) -> Day? {
            switch Day.validate(form[id], today: today, notAfter: today, notBefore: notBefore) {
            case .success(let day): return day
            case .failure(let problem): problems.append((id, problem.message)); return nil
            }
        }
        let change: DossierChange?
        switch dossierForm.kind {
        case .editFamily:
            let name = required("naam", "Gezinsnaam")
            change = .editFamily(dossierForm.familyID, seen: seen, name: name, address: form["adres"], wijk: form["wijk"])
        case .addChild:
            let name = required("voornaam", "Voornaam")
            let born = date("geboren")
            let bsn = form["bsn"].filter { !$0.isWhitespace }
            if !bsn.isEmpty && !BSN.isValid(bsn) { problems.append(("bsn", "Dit BSN klopt niet (elfproef); controleer de negen cijfers")) }
            change = born.map { .addChild(dossierForm.familyID, seen: seen, ChildRecord(firstName: name, surname: form["achternaam"], birthDate: $0, bsn: bsn)) }
        case .addCaregiver:
            let name = required("naam", "Naam")
            change = .addCaregiver(dossierForm.familyID, seen: seen, Caregiver(name: name, relation: form["relatie"], phone: form["telefoon"]))
        case .addNetworkMember:
            let name = required("naam", "Naam")
            let role = required("rol", "Rol")
            change = .addNetworkMember(dossierForm.familyID, seen: seen, NetworkMember(name: name, role: role, organisation: form["organisatie"], phone: form["telefoon"]))
        case .addAssessment:
            let day = date("datum", notBefore: (dossierForm.caseSummary.reportedOn, "de aanmelding"))
            let scoreText = form["score"].trimmingWhitespace()
            let score = Int(scoreText)
            if score == nil || !SafetyAssessment.scale.contains(score!) {
                problems.append(("score", scoreText.isEmpty ? "Geef een score van 0 tot 10" : "‘\(scoreText)’ is geen score van 0 tot 10"))
            }
            if form["zorgen"].trimmingWhitespace().isEmpty && form["goed"].trimmingWhitespace().isEmpty && form["moet"].trimmingWhitespace().isEmpty {
                problems.append(("zorgen", "Vul minstens de zorgen, wat goed gaat of wat er moet gebeuren in"))
            }
            let child = dossierForm.children.first { childLabel($0, among: dossierForm.children) == form["over"] }
            change = day.flatMap { d in score.map { .addAssessment(caseID, SafetyAssessment(day: d, concerns: form["zorgen"], strengths: form["goed"], needs: form["moet"], score: $0, givenBy: ScoreGiver(rawValue: form["door"]) ?? .medewerker, childID: child?.id)) } }
        case .addRiskInstrument:
            var instrument = form["instrument"]
            if instrument == "Anders" { instrument = required("anders", "De naam van het instrument") }
            let day = date("datum")
            let outcome = required("uitkomst", "Uitkomstcategorie")
            change = day.map { .addRiskInstrument(caseID, RiskInstrumentRecord(instrument: instrument, day: $0, outcome: outcome, note: form["toelichting"])) }
        case .correctPerson(let person):
            let corrected = PersonForms.corrected(person, from: form, today: today, problems: &problems)
            let reason = required("reden", "De reden")
            change = corrected.map { .correctPerson(dossierForm.familyID, seen: seen, $0, reason: reason) }
        case .removePerson(let person):
            let reason = required("reden", "De reden")
            change = .removePerson(dossierForm.familyID, seen: seen, person, reason: reason)
        case .addNote(let refersTo):
            let text = required("tekst", "Tekst")
            change = .addNote(caseID, Note(text: text, refersTo: refersTo))
        case .tableDecision:
            let meeting = date("tafeldatum", notBefore: dossierForm.requestDate.map { ($0, "de aanvraag") })
            let outcome = TableOutcome.allCases.first(where: { $0.title == form["uitkomst"] }) ?? .drang
            var reportBack: Day?
            if outcome == .drang {
                switch Day.validate(form["terugkoppeling"], today: today) {
                case .success(let back): reportBack = back
                case .failure(let problem):
                    problems.append(("terugkoppeling", form["terugkoppeling"].trimmingWhitespace().isEmpty ? "Bij drang hoort een terugkoppeldatum" : problem.message))
                }
            }
            // Without a meeting date the decision's other fields are still checked; only what is
            // measured from the meeting waits for a date.
            let decision = TableDecision(meetingDate: meeting ?? today, attendees: form["aanwezigen"], advice: form["advies"], outcome: outcome,
                                         reportBackOn: reportBack, goals: outcome == .drang ? form["doelen"] : "")
            for problem in decision.problems(requestDate: dossierForm.requestDate ?? decision.meetingDate, today: today, maxMonths: norms.monthsAtBeschermtafel)
            where !problems.contains(where: { $0.0 == problem.field }) && (meeting != nil || !["tafeldatum", "terugkoppeling"].contains(problem.field)) {
                problems.append((problem.field, problem.message))
            }
            change = meeting.map { _ in .recordTableDecision(caseID, expectedVersion: dossierForm.caseSummary.version, decision) }
        case .meetingDecision:
            let decision = required("besluit", "Het besluit")
            let actor = required("wie", "Wie het uitvoert")
            var due: Day?
            switch Day.validate(form["uiterlijk"], today: today, notBefore: (today, "vandaag")) {
            case .success(let day): due = day
            case .failure(let problem): problems.append(("uiterlijk", problem.message))
            }
            change = due.map { .recordMeetingDecision(caseID, MeetingDecision(decision: decision, actor: actor, due: $0)) }
        case .handOver:
            var medewerker = required("naar", "De nieuwe medewerker")
            if !medewerker.isEmpty, !staff.isEmpty {
                switch staff.resolve(medewerker) {
                case .success(let member?) where member.displayName == dossierForm.caseSummary.medewerker:
                    problems.append(("naar", "De zaak staat al op naam van \(member.displayName)"))
                case .success(let member): medewerker = member?.name ?? medewerker
                case .failure(let unknown): problems.append(("naar", unknown.message))
                }
            }
            let reason = required("reden", "De reden")
            change = .handOver(caseID, expectedVersion: dossierForm.caseSummary.version, to: medewerker, reason: reason)
        case .dutyDone(let duty):
            let day = date("datum", notBefore: (dossierForm.caseSummary.reportedOn, "de aanmelding"))
            let what = required("wat", "Wat er gedaan is")
            change = day.map { .recordDuty(caseID, DutyRecord(kind: duty.kind, answers: duty.answers, day: $0, what: what)) }
        case .rvkOutcome:
            let day = date("datum", notBefore: dossierForm.rvkStart.map { ($0, "de start van het onderzoek") })
            let outcomes = dossierForm.children.compactMap { child in
                RvkOutcome(rawValue: form[outcomeField(child)]).map { ChildOutcome(childID: child.id, outcome: $0) }
            }
            if outcomes.isEmpty {
                problems.append((dossierForm.children.first.map(outcomeField) ?? "datum",
                                 dossierForm.children.isEmpty ? "Leg eerst de kinderen van het gezin vast (sectie Gezin)"
                                     : "Geef de uitkomst voor minstens één kind"))
            }
            change = day.map { .recordRvkOutcome(caseID, expectedVersion: dossierForm.caseSummary.version, outcomes, $0) }
        }
        guard problems.isEmpty, let change else { return .failure(FormProblems(problems)) }
        return .success(change)
    }
}
