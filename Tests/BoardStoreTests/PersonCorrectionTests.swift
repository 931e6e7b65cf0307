import BoardCore
import Testing
@testable import BoardStore

/// Children, parents and network members corrected and removed, each with a reason and logged
/// with what the record held: a removal is a correction, never an erasure (issue 18, point 7).
@Suite struct PersonCorrectionTests {
    let today = day(2025, 9, 1)

    func family(_ scratch: ScratchDirectory) throws -> (Store, CaseID, FamilyID, String) {
        let path = scratch.file("bord.sqlite")
        let store = try Store(path: path, user: "anouk")
        let id = try store.addReport(report("2025-0001"))
        let familyID = try store.dossier(caseID: id, openedSection: nil).family.id
        try store.apply(.addCaregiver(familyID, seen: try seen(store, id), Caregiver(name: "Petra de Vries", relation: "moeder", phone: "06-12345678")),
                        today: today)
        return (store, id, familyID, path)
    }

    func seen(_ store: Store, _ id: CaseID) throws -> SeenCase {
        SeenCase(caseID: id, version: try store.details(of: id, logOpening: false).summary.version)
    }

    func events(_ store: Store, _ id: CaseID) throws -> [CaseEvent] { try store.details(of: id, logOpening: false).events }

    @Test func aCorrectedChildIsStoredAndTheLogKeepsWhatItRead() throws {
        let scratch = try ScratchDirectory()
        let (store, id, familyID, path) = try family(scratch)
        let zoe = try #require(try store.dossier(caseID: id, openedSection: nil).children.first { $0.firstName == "Zoë" })
        var corrected = zoe
        corrected.birthDate = day(2016, 4, 21)
        let before = try seen(store, id)
        #expect(try store.apply(.correctPerson(familyID, seen: before, .child(corrected), reason: "cijfers omgedraaid"), today: today)
                == "Correctie opgeslagen: kind Zoë (21-04-2016).")
        #expect(try store.dossier(caseID: id, openedSection: nil).children.first { $0.id == zoe.id }?.birthDate == day(2016, 4, 21))
        let logged = try #require(try events(store, id).last)
        #expect(logged.kind == .persoonGecorrigeerd)
        #expect(logged.detail == "kind Zoë (12-04-2016) → kind Zoë (21-04-2016) (geboortedatum); reden: cijfers omgedraaid")
        // A form opened before the correction is refused, as any stale family form is.
        #expect(throws: StoreError.self) { try store.apply(.correctPerson(familyID, seen: before, .child(zoe), reason: "terug"), today: today) }
        #expect(try IntegrityCheck.run(path: path).isHealthy)
    }

    @Test func aRemovalDeletesTheRecordAndLogsWhatItHeldWithTheReason() throws {
        let scratch = try ScratchDirectory()
        let (store, id, familyID, path) = try family(scratch)
        let dossier = try store.dossier(caseID: id, openedSection: nil)
        let petra = try #require(dossier.caregivers.first)
        #expect(try store.apply(.removePerson(familyID, seen: try seen(store, id), .caregiver(petra), reason: "bij het verkeerde gezin"), today: today)
                == "Verwijderd: ouder/verzorger Petra de Vries (moeder). Het logboek bewaart wat er stond.")
        #expect(try store.dossier(caseID: id, openedSection: nil).caregivers.isEmpty)
        let logged = try #require(try events(store, id).last)
        #expect(logged.kind == .persoonVerwijderd)
        #expect(logged.detail == "ouder/verzorger Petra de Vries (moeder) verwijderd; reden: bij het verkeerde gezin")
        // The case's own history is untouched: its report still names the children it named.
        #expect(try events(store, id).first?.detail == "bron Veilig Thuis; kinderen: Zoë, Daan")

        let daan = try #require(dossier.children.first { $0.firstName == "Daan" })
        try store.apply(.removePerson(familyID, seen: try seen(store, id), .child(daan), reason: "dubbel ingevoerd"), today: today)
        #expect(try store.dossier(caseID: id, openedSection: nil).children.map(\.firstName) == ["Zoë"])
        #expect(try store.boardCases(today: today, closedWindowDays: nil).first?.childCount == 1, "the card counts one child")
        #expect(try IntegrityCheck.run(path: path).isHealthy)
    }

    @Test func whatIsRefused() throws {
        let scratch = try ScratchDirectory()
        let (store, id, familyID, _) = try family(scratch)
        let dossier = try store.dossier(caseID: id, openedSection: nil)
        let zoe = try #require(dossier.children.first { $0.firstName == "Zoë" })
        func refusal(_ change: DossierChange) -> String? {
            do { try store.apply(change, today: today); return nil } catch { return "\(error)" }
        }
        let seenNow = try seen(store, id)
        #expect(refusal(.correctPerson(familyID, seen: seenNow, .child(zoe), reason: "   ")) == "Geef de reden van de correctie; er is niets opgeslagen.")
        #expect(refusal(.correctPerson(familyID, seen: seenNow, .child(zoe), reason: "niets")) == "Er is niets veranderd; er is niets opgeslagen.")
        var dated = zoe
        dated.firstName = "1-2-2030"
        #expect(refusal(.correctPerson(familyID, seen: seenNow, .child(dated), reason: "x"))
                == "De voornaam ‘1-2-2030’ is geen naam: een naam bestaat uit letters, met hoogstens spaties en - ' . ertussen.")
        var petra = try #require(dossier.caregivers.first)
        petra.phone = "abc"
        #expect(refusal(.correctPerson(familyID, seen: seenNow, .caregiver(petra), reason: "x"))?.hasPrefix("Het telefoonnummer ‘abc’ is geen telefoonnummer") == true)
        var stranger = zoe
        stranger.id = 999
        #expect(refusal(.removePerson(familyID, seen: seenNow, .child(stranger), reason: "x")) == "Deze persoon staat niet (meer) bij dit gezin; er is niets opgeslagen.")
        let daan = try #require(dossier.children.first { $0.firstName == "Daan" })
        try store.apply(.removePerson(familyID, seen: seenNow, .child(daan), reason: "dubbel"), today: today)
        #expect(refusal(.removePerson(familyID, seen: try seen(store, id), .child(zoe), reason: "x"))?.hasPrefix("Een aanmelding noemt minstens één kind") == true)
    }
}
