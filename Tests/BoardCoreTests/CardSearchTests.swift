import Testing
@testable import BoardCore

/// The board's `/` beyond a card's own lines (issue 18, point 1): children's first names and the
/// address ignoring case and accents, a BSN only whole.
@Suite("CardSearch: children, address and BSN on the board's filter")
struct CardSearchTests {
    static let today = Day(year: 2026, month: 12, day: 4)!
    let today = CardSearchTests.today

    static func card(_ id: CaseID, _ family: String, stage: Stage) -> CaseSummary {
        CaseSummary(id: id, kenmerk: "2026-\(1000 + id)", familyID: id, familyName: family, wijk: "Poelenburg", source: .veiligThuis,
                    reportedOn: today.adding(days: -Int(id)), stage: stage, stageSince: today.adding(days: -Int(id)),
                    medewerker: "Anouk de Wit", childCount: 1, youngestBirthDate: nil, version: 1)
    }

    let cards = [Self.card(1, "Jansen", stage: .onderzoek), Self.card(2, "Öztürk", stage: .aangemeld), Self.card(3, "Bakker", stage: .onderzoek)]

    let families: [FamilyID: FamilySearch] = [
        1: FamilySearch(address: "Meeuwenlaan 102, Zaandam", childFirstNames: ["Zoë", "Daan"], childBSNs: ["111222333", ""]),
        2: FamilySearch(address: "Vincent van Goghweg 18, Zaandam", childFirstNames: ["Şükrü"], childBSNs: [""]),
        3: FamilySearch(address: "Dorpsstraat 1, Wormer", childFirstNames: ["Sem"], childBSNs: ["123456782"]),
    ]

    @Test("a child's first name, the address and a whole BSN find the card; part of a BSN does not",
          arguments: [("zoe", [1]), ("DAAN", [1]), ("sukru", [2]), ("meeuwen", [1]), ("goghweg", [2]), ("zaandam", [1, 2]),
                      ("123456782", [3]), (" 111222333 ", [1]), ("12345678", []), ("1234", []), ("jansen", [1])])
    func findsChildrenAddressAndWholeBSN(filter: String, expected: [CaseID]) {
        var arranged = ArrangedColumns(cases: cards, today: today, closedWindowDays: 30, families: families)
        let found = arranged.filtered(by: filter)
        #expect(Stage.allCases.flatMap { found[$0].map { $0.id } }.sorted() == expected, "‘\(filter)’")
        for stage in Stage.allCases {
            let plain = arranged.all[stage].filter { BoardColumns.matches($0, family: families[$0.familyID]!, filter) }
            #expect(found[stage].map { $0.id } == plain.map { $0.id }, "the plain definition agrees")
        }
    }

    @Test func theCardSaysWhatFoundItWhenItsOwnLinesDoNot() {
        func found(_ index: Int, _ filter: String) -> CardSearch.HiddenMatch? {
            CardSearch.hiddenMatch(cards[index], family: families[cards[index].familyID]!, filter: filter)
        }
        #expect(found(0, "daan") == .child("Daan"))
        #expect(found(1, "goghweg") == .address("Vincent van Goghweg 18, Zaandam"))
        #expect(found(2, "123456782") == .bsn(ofChild: "Sem"))
        #expect(found(0, "jans") == nil, "the family name is on the card itself")
        #expect(found(0, "2026-1001") == nil, "so is the kenmerk")
        #expect(found(2, "1234") == nil, "part of a BSN finds nothing")
        #expect(found(2, "") == nil)
    }
}
