import BoardCore
@testable import BoardStore
import Testing

/// What the board's `/` finds besides a card's own lines (issue 18, point 1): the address, the
/// children's first names and BSNs of every family with a card in the board's window.
@Suite struct FamilySearchStoreTests {
    let today = day(2025, 6, 30)

    @Test(arguments: StoreKind.all) func theBoardsFamiliesWithAddressChildrenAndBSN(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let store = try TestStore(kind, in: scratch).open(as: "anouk")
        var new = report("2025-0001", family: "Jansen")
        new.children.append(Child(firstName: "Eliëtte", birthDate: day(2010, 1, 31)))
        let open = try store.addReport(new)
        let jansen = try store.details(of: open, logOpening: false).summary.familyID
        try store.apply(.editFamily(jansen, seen: SeenCase(caseID: open, version: 1), name: "Jansen", address: "Meeuwenlaan 102, Zaandam",
                                    wijk: "Poelenburg"), today: today)
        try store.apply(.addChild(jansen, seen: SeenCase(caseID: open, version: 2),
                                  ChildRecord(firstName: "Sem", surname: "Jansen", birthDate: day(2021, 5, 5), bsn: "123456782")), today: today)

        // A case closed long before the window: its family has no card, so nothing to find.
        let closed = try store.addReport(report("2025-0002", family: "Bakker", reportedOn: day(2025, 1, 6)))
        try store.move(MoveRequest(caseID: closed, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2025, 1, 10)), today: today)
        try store.move(MoveRequest(caseID: closed, expectedVersion: 2, from: .onderzoek, to: .veiligheidGewaarborgd, day: day(2025, 2, 1),
                                   text: "klaar"), today: today)
        let bakker = try store.details(of: closed, logOpening: false).summary.familyID

        let found = try store.familySearch(today: today, closedWindowDays: 30)
        #expect(found[jansen] == FamilySearch(address: "Meeuwenlaan 102, Zaandam", childFirstNames: ["Eliëtte", "Zoë", "Daan", "Sem"],
                                              childBSNs: ["", "", "", "123456782"]), "oldest first, each BSN beside its child")
        #expect(found[bakker] == nil)
        #expect(try store.familySearch(today: today, closedWindowDays: nil)[bakker]?.childFirstNames == ["Zoë", "Daan"],
                "all closed cases shown: their families too")
    }
}
