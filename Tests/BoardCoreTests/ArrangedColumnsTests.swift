import Testing
@testable import BoardCore

/// The fast filter (a byte search in prepared text) finds exactly what the plain definition finds:
/// the family name, kenmerk or medewerker contains the filter, ignoring case.
@Suite("ArrangedColumns: filtering as you type")
struct ArrangedColumnsTests {
    let today = Day(year: 2025, month: 6, day: 30)!

    func card(_ id: CaseID, _ family: String, medewerker: String, stage: Stage = .onderzoek) -> CaseSummary {
        CaseSummary(id: id, kenmerk: "2025-\(1000 + id)", familyID: id, familyName: family, wijk: "Poelenburg", source: .veiligThuis,
                    reportedOn: today.adding(days: -Int(id)), stage: stage, stageSince: today.adding(days: -Int(id % 7)),
                    medewerker: medewerker, childCount: 1, youngestBirthDate: nil, version: 1)
    }

    @Test func sameCardsAsThePlainDefinition() {
        // Decomposed ë (e + U+0308) and a wide name make the byte search fall back to Swift strings.
        let names = ["de Vries", "Özdemir", "Nguyễn", "Noe\u{0308}l", "Zoë", "van 't Hof", "IJzerman", "李娜", "Yılmaz", "Şahin"]
        let staff = ["Anouk de Wit", "Mehmet Aydın", "Sanne Kuipers"]
        let stages = Stage.allCases.filter { !$0.isEnd }
        let cases = (0..<60).map { card(CaseID($0), names[$0 % names.count], medewerker: staff[$0 % staff.count], stage: stages[$0 % stages.count]) }
        var arranged = ArrangedColumns(cases: cases, today: today, closedWindowDays: 30)
        let filters = ["", "  ", "de", "DE V", "özd", "ÖZDEMIR", "nguyễn", "noël", "noe\u{0308}l", "zoe", "zoë", "'t h", "ij", "李", "ın", "şa",
                       "2025-10", "0042", "kuip", "wit", "x", "\u{0}", "e\u{0308}", "ë"]
        for filter in filters {
            let fast = arranged.filtered(by: filter)
            let needle = filter.trimmingWhitespace().lowercased()
            for stage in Stage.allCases {
                let expected = arranged.all[stage].filter { needle.isEmpty || BoardColumns.matches($0, needle) }
                #expect(fast[stage].map(\.id) == expected.map(\.id), "filter ‘\(filter)’ in \(stage.title)")
            }
        }
        #expect(arranged.filtered(by: "noël").total == arranged.filtered(by: "noe\u{0308}l").total, "canonically equal spellings find the same")
    }

    @Test func filteringKeepsTheOrderAndTheWindow() {
        let cases = (0..<20).map { card(CaseID($0), $0 % 2 == 0 ? "Jansen" : "Bakker", medewerker: "Fatma Arslan") }
        var arranged = ArrangedColumns(cases: cases, today: today, closedWindowDays: 30)
        let all = arranged.all[.onderzoek]
        let jansen = arranged.filtered(by: "jansen")[.onderzoek]
        #expect(jansen.map(\.id) == all.filter { $0.familyName == "Jansen" }.map(\.id))
        #expect(BoardColumns(cases: cases, today: today, closedWindowDays: 30, filter: "jansen") == arranged.filtered(by: "jansen"))
    }
}
