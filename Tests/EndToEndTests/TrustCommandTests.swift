import Foundation
import Testing

/// The commands of issue 7 through the real binary: medewerkers, check, audit, retention, instellingen.
/// The tests run as one operating system user, who creates each store and so is its teamleider.
@Suite("Staff, check, audit and retention on the command line", .serialized)
struct TrustCommandTests {
    func run(_ arguments: [String]) throws -> (status: Int32, output: String) { try Binary.run(arguments) }

    func newStore(_ directory: URL, reports: Int = 2) throws -> String {
        let store = directory.appendingPathComponent("bord.sqlite").path
        let made = try run(["_schrijftest", "--store", store, "--count", "\(reports)", "--prefix", "Z"])
        #expect(made.status == 0, "\(made.output)")
        return store
    }

    @Test func staffListAndRoles() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try newStore(directory)
        let me = String(cString: getpwuid(getuid())!.pointee.pw_name)

        let list = try run(["medewerkers", "--store", store])
        #expect(list.status == 0)
        #expect(list.output.contains("Teamleider") && list.output.contains("Je bent \(me) (teamleider)."), "\(list.output)")

        let added = try run(["medewerkers", "toevoegen", "anouk", "--naam", "Anouk de Wit", "--rol", "teamleider", "--store", store])
        #expect(added.status == 0 && added.output.contains("anouk (Anouk de Wit) is toegevoegd als teamleider."), "\(added.output)")
        let badRole = try run(["medewerkers", "toevoegen", "piet", "--naam", "Piet", "--rol", "baas", "--store", store])
        #expect(badRole.status != 0 && badRole.output.contains("baas"))
        let twice = try run(["medewerkers", "toevoegen", "anouk", "--naam", "Anouk", "--store", store])
        #expect(twice.status == 1 && twice.output.contains("staat al in de lijst"))

        // Step down: now a medewerker, who can no longer manage the list or read others' log lines.
        let changed = try run(["medewerkers", "wijzigen", me, "--rol", "medewerker", "--store", store])
        #expect(changed.status == 0 && changed.output.contains("is nu medewerker"), "\(changed.output)")
        let refused = try run(["medewerkers", "toevoegen", "piet", "--naam", "Piet", "--store", store])
        #expect(refused.status == 1)
        #expect(refused.output.contains("beschermbord: Alleen een teamleider mag de lijst van medewerkers beheren; \(me) is medewerker."))
        let audit = try run(["audit", "--store", store])
        #expect(audit.status == 0)
        #expect(audit.output.contains("je bent geen teamleider en ziet daarom alleen je eigen regels"))
        #expect(audit.output.contains("Medewerkers gewijzigd"), "their own staff changes")
        let settings = try run(["instellingen", "zet", "bewaartermijn.jaren", "15", "--store", store])
        #expect(settings.status == 1 && settings.output.contains("Alleen een teamleider mag normen, WIP-limieten, de bewaartermijn en het privacyscherm wijzigen"))

        // Removed from the list: reading still works, saving does not, and the message says what to do.
        let removed = try run(["medewerkers", "verwijderen", "anouk", "--store", store])
        #expect(removed.status == 1, "a medewerker cannot remove anyone")
        let lines = try run(["medewerkers", "lijst", "--store", store]).output
        #expect(lines.contains("anouk") && lines.contains("Anouk de Wit"))
    }

    @Test func checkSaysAllIsWellOrNamesTheDamage() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try newStore(directory, reports: 150)
        let good = try run(["check", "--store", store])
        #expect(good.status == 0, "\(good.output)")
        #expect(good.output.contains("Uitkomst: alles in orde."))
        #expect(good.output.contains("Hash-keten van het logboek: in orde (151 gebeurtenissen)"))
        #expect(good.output.contains("Kop van het logboek: gebeurtenis 151, hash "))

        var data = try #require(FileManager.default.contents(atPath: store))
        let page = data.count / 4096 / 2
        for offset in 0..<200 { data[page * 4096 + offset] = UInt8(truncatingIfNeeded: offset &* 37 &+ 11) }
        try data.write(to: URL(fileURLWithPath: store))
        let bad = try run(["check", "--store", store])
        #expect(bad.status == 1, "\(bad.output)")
        #expect(bad.output.contains("SQLite-integriteit: NIET IN ORDE"))
        #expect(bad.output.contains("zet de laatste back-up terug"))
        let refused = try run(["board", "--store", store])
        #expect(refused.status == 1)
        #expect(refused.output.contains("is beschadigd") && refused.output.contains("beschermbord check --store \(store)"), "\(refused.output)")
        #expect(FileManager.default.contents(atPath: store) == data, "neither check nor the refused open changed the file")

        let missing = try run(["check", "--store", directory.appendingPathComponent("weg.sqlite").path])
        #expect(missing.status == 1 && missing.output.contains("bestaat niet"))
    }

    @Test func auditFiltersAndRefusesImpossibleDates() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try newStore(directory, reports: 3)
        let all = try run(["audit", "--store", store])
        #expect(all.status == 0)
        #expect(all.output.hasPrefix("Datum/tijd"))
        #expect(all.output.contains("Medewerkers gewijzigd") && all.output.contains("Schrijftest 2"))
        let family = try run(["audit", "--family", "Z-2", "--store", store])
        #expect(family.output.contains("Z-2") && !family.output.contains("Z-1 ") && !family.output.contains("Z-3"), "\(family.output)")
        let nextYear = Calendar(identifier: .gregorian).component(.year, from: Date()) + 1
        let future = try run(["audit", "--since", "01-01-\(nextYear)", "--store", store])
        #expect(future.status == 0 && future.output.contains("Geen regels"))
        let farFuture = try run(["audit", "--since", "01-01-2999", "--store", store])
        #expect(farFuture.status != 0 && farFuture.output.contains("ligt niet tussen 1900 en \(nextYear)"), "\(farFuture.output)")
        for impossible in ["29-02-2023", "00-00-0000"] {
            let refused = try run(["audit", "--since", impossible, "--store", store])
            #expect(refused.status != 0 && refused.output.contains("bestaat niet als datum"), "\(refused.output)")
        }
        let unknown = try run(["audit", "--family", "9999-0001", "--store", store])
        #expect(unknown.status == 1 && unknown.output.contains("9999-0001"))
    }

    @Test func retentionListsConfirmsAndErases() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try newStore(directory, reports: 1)
        let csv = directory.appendingPathComponent("oud.csv").path
        try """
            kenmerk;aangemeld_op;bron;gezin;kinderen;onderzoek_op;uitkomst;uitkomst_op
            2004-0001;10-01-2004;Veilig Thuis;Zwanenburg;Quirijn (05-05-2001);20-01-2004;veiligheid gewaarborgd;01-02-2005
            2004-0002;11-01-2004;Jeugdteam;Visser;Saar (05-05-2002);21-01-2004;;

            """.write(toFile: csv, atomically: true, encoding: .utf8)
        let imported = try run(["import", csv, "--store", store])
        #expect(imported.status == 0, "\(imported.output)")

        let list = try run(["retention", "--store", store])
        #expect(list.status == 0)
        #expect(list.output.contains("1 gezin valt buiten de bewaartermijn van 20 jaar"), "\(list.output)")
        #expect(list.output.contains("2004-0001") && list.output.contains("Zwanenburg") && list.output.contains("01-02-2005"))
        #expect(!list.output.contains("Visser"), "an open case is never listed")
        #expect(list.output.contains("Er is niets verwijderd"))

        let unconfirmed = try run(["retention", "--apply", "--store", store])
        #expect(unconfirmed.status == 1 && unconfirmed.output.contains("Bevestiging nodig"), "no terminal, no --ja")
        let open = try run(["retention", "--family", "2004-0002", "--apply", "--ja", "--store", store])
        #expect(open.status == 1 && open.output.contains("open zaak"))

        let applied = try run(["retention", "--apply", "--ja", "--store", store])
        #expect(applied.status == 0 && applied.output.contains("De persoonsgegevens van 1 gezin zijn verwijderd"), "\(applied.output)")
        let log = try run(["audit", "--family", "2004-0001", "--store", store])
        #expect(log.output.contains("Persoonsgegevens verwijderd") && log.output.contains("[verwijderd]") && !log.output.contains("Quirijn"))
        #expect(try run(["check", "--store", store]).status == 0)
        #expect(try run(["retention", "--store", store]).output.contains("Geen gezinnen buiten de bewaartermijn"))

        #expect(try run(["instellingen", "zet", "bewaartermijn.jaren", "0", "--store", store]).status == 1)
        let setting = try run(["instellingen", "zet", "bewaartermijn.jaren", "25", "--store", store])
        #expect(setting.status == 0 && setting.output.contains("bewaartermijn.jaren is nu 25"))
        #expect(try run(["instellingen", "--store", store]).output.contains("bewaartermijn.jaren"))
    }
}
