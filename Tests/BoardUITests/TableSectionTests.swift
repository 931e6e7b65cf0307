import BoardCore
import Testing
@testable import BoardUI

/// Section 5 says the table's latest decision and where the case is now (issue 18, point 9).
@Suite struct TableSectionTests {
    @Test func theTableSectionSaysTheLatestDecisionAndWhereTheCaseIsNow() {
        let moved = CaseEndFixture.family(stage: .rvkOnderzoek, since: 3, rvk: RvkRecord(startDate: Fixture.today.adding(days: -3)), section: .beschermtafel)
        let text = CaseEndFixture.text(moved)
        #expect(text.contains("Laatste besluit Drang, tafel 20-10-2026"), "\(text)")
        #expect(text.contains("Zaak nu         RvK-onderzoek sinds 17-11-2026"), "\(text)")

        let atTable = CaseEndFixture.text(DossierFixture.state(section: .beschermtafel))
        #expect(atTable.contains("Zaak nu         Beschermtafel sinds 11-10-2026"), "\(atTable)")
    }
}
