import BoardCore
import Foundation
import Testing
@testable import BoardStore

private let header = "kenmerk;aangemeld_op;bron;gezin;wijk;medewerker;kinderen;onderzoek_op;beschermtafel_op;uitkomst;uitkomst_op"

/// Issue 18, points 5 and 6: a person is one person (shown by the staff list's display name,
/// identified by their login), and a case's medewerker is someone on the staff list.
@Suite("People: display names and the staff list")
struct PeopleTests {
    /// A store whose first user (`farslan`) is on the list as "Fatma Arslan", with a colleague.
    static func store(_ place: TestStore) throws -> Store {
        let store = try place.open(as: "farslan")
        try store.updateStaff(StaffMember(name: "farslan", displayName: "Fatma Arslan", role: .teamleider))
        try store.addStaff(StaffMember(name: "kbenali", displayName: "Karim Benali", role: .medewerker))
        return store
    }

    static func withMedewerker(_ kenmerk: String, _ medewerker: String) -> NewReport {
        var new = report(kenmerk, family: "Fam \(kenmerk)")
        new.medewerker = medewerker
        return new
    }

    @Test(arguments: StoreKind.all) func aCaseStoredUnderALoginShowsTheDisplayNameAndGroupsWithIt(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let store = try Self.store(place)
        try store.addReport(Self.withMedewerker("2025-0001", "farslan"))
        try store.addReport(Self.withMedewerker("2025-0002", "Fatma Arslan"))
        try store.addReport(Self.withMedewerker("2025-0003", "iemand-anders"))
        let cards = try store.boardCases(today: day(2025, 6, 30), closedWindowDays: 30).sorted { $0.kenmerk < $1.kenmerk }
        #expect(cards.map(\.medewerker) == ["Fatma Arslan", "Fatma Arslan", "iemand-anders"],
                "a login on the list is shown by its display name; one that is not, as it is")
        let rows = Caseload.rows(cards, norms: .standard, today: day(2025, 6, 30))
        #expect(rows.map(\.medewerker) == ["Fatma Arslan", "iemand-anders"], "one colleague is one row of the werkvoorraad")
        #expect(rows.first?.total == 2)
        let dossier = try store.dossier(caseID: cards[0].id, openedSection: nil)
        #expect(dossier.viewed.summary.medewerker == "Fatma Arslan")
    }

    @Test(arguments: StoreKind.all) func theImportRefusesAMedewerkerWhoIsNotOnTheStaffList(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let store = try Self.store(place)
        let file = [header,
                    "A-1;03-03-2025;Veilig Thuis;de Vries;;Fatma Arslan;Sem (01-01-2015);;;;",
                    "A-2;03-03-2025;Veilig Thuis;Bakker;;Fatma Arsaln;Sem (01-01-2015);;;;",
                    "A-3;03-03-2025;Veilig Thuis;Smit;;kbenali;Sem (01-01-2015);;;;",
                    "A-4;03-03-2025;Veilig Thuis;Jansen;;;Sem (01-01-2015);;;;"].joined(separator: "\r\n")
        let parsed = CaseImporter.parse(data: Data(file.utf8), today: day(2025, 6, 30))
        #expect(parsed.errors.isEmpty)
        let error = storeError { _ = try store.importRows(parsed.rows, origin: "zaken.csv") }
        #expect(error?.description.contains("regel 3: medewerker: ‘Fatma Arsaln’ staat niet in de lijst van medewerkers") == true,
                "\(String(describing: error))")
        #expect(error?.description.contains("Fatma Arslan") == true, "a close match is offered")
        #expect(try store.boardCases(today: day(2025, 6, 30), closedWindowDays: nil).isEmpty, "nothing is stored")
        let dry = storeError { _ = try store.importRows(parsed.rows, origin: "zaken.csv", dryRun: true) }
        #expect(dry?.description.contains("regel 3") == true, "a dry run says so too")

        let good = CaseImporter.parse(data: Data(file.split(separator: "\r\n").enumerated().filter { $0.offset != 2 }
            .map(\.element).joined(separator: "\r\n").utf8), today: day(2025, 6, 30))
        #expect(try store.importRows(good.rows, origin: "zaken.csv").cases == 3)
        let cards = try store.boardCases(today: day(2025, 6, 30), closedWindowDays: nil).sorted { $0.kenmerk < $1.kenmerk }
        #expect(cards.map(\.medewerker) == ["Fatma Arslan", "Karim Benali", ""], "a display name or a login; empty stays empty")
    }
}

/// Issue 18, point 6: overdracht to another medewerker, logged and guarded like any case change.
@Suite("People: overdracht")
struct HandOverTests {
    @Test(arguments: StoreKind.all) func aCaseIsHandedOverWithItsEventAndANewVersion(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let store = try PeopleTests.store(place)
        let id = try store.addReport(PeopleTests.withMedewerker("2025-0001", "farslan"))
        let before = try store.details(of: id, logOpening: false).summary
        let confirmation = try store.apply(.handOver(id, expectedVersion: before.version, to: "Karim Benali", reason: "verhuizing"),
                                           today: day(2025, 6, 30))
        #expect(confirmation == "Zaak overgedragen aan Karim Benali.")
        let after = try store.details(of: id, logOpening: false)
        #expect(after.summary.medewerker == "Karim Benali")
        #expect(after.summary.version == before.version + 1)
        let event = try #require(after.events.last)
        #expect(event.kind == .overgedragen && event.user == "farslan")
        #expect(event.detail == "van Fatma Arslan aan Karim Benali: verhuizing")
        #expect(try store.read { db in try db.value(String.self, sql: "SELECT medewerker FROM \"case\" WHERE id = ?", arguments: [id]) } == "kbenali",
                "the case stores the login")
        let chain = try place.verifiedChain()
        #expect(chain.breaks == 0)
        // A colleague's form opened before the overdracht is refused.
        let stale = storeError { try store.apply(.handOver(id, expectedVersion: before.version, to: "farslan", reason: "terug"), today: day(2025, 6, 30)) }
        guard case .changedMeanwhile(_, let by, _, _)? = stale else { Issue.record("not refused as stale: \(String(describing: stale))"); return }
        #expect(by == "Fatma Arslan", "named as the staff list names her")
    }

    @Test(arguments: StoreKind.all) func anOverdrachtNeedsSomeoneOnTheListAReasonAndAnOpenCase(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let store = try PeopleTests.store(place)
        let id = try store.addReport(PeopleTests.withMedewerker("2025-0001", "farslan"))
        let version = try store.details(of: id, logOpening: false).summary.version
        let unknown = storeError { try store.apply(.handOver(id, expectedVersion: version, to: "Karim Benaly", reason: "x"), today: day(2025, 6, 30)) }
        #expect(unknown?.description == "‘Karim Benaly’ staat niet in de lijst van medewerkers; bedoel je Karim Benali? Er is niets opgeslagen.")
        let noReason = storeError { try store.apply(.handOver(id, expectedVersion: version, to: "kbenali", reason: "  "), today: day(2025, 6, 30)) }
        #expect(noReason?.description.contains("reden") == true)
        let same = storeError { try store.apply(.handOver(id, expectedVersion: version, to: "Fatma Arslan", reason: "x"), today: day(2025, 6, 30)) }
        #expect(same?.description == "De zaak staat al op naam van Fatma Arslan.")
        try store.move(MoveRequest(caseID: id, expectedVersion: version, from: .aangemeld, to: .onderzoek, day: day(2025, 3, 4)), today: day(2025, 6, 30))
        try store.move(MoveRequest(caseID: id, expectedVersion: version + 1, from: .onderzoek, to: .veiligheidGewaarborgd, day: day(2025, 3, 5),
                                   text: "veilig"), today: day(2025, 6, 30))
        let closed = storeError { try store.apply(.handOver(id, expectedVersion: version + 2, to: "kbenali", reason: "x"), today: day(2025, 6, 30)) }
        #expect(closed?.description == "Een afgesloten zaak wordt niet meer overgedragen.")
        #expect(try store.details(of: id, logOpening: false).events.allSatisfy { $0.kind != .overgedragen }, "nothing was logged")
    }
}
