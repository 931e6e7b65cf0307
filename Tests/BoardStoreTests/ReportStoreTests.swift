import BoardCore
import Foundation
import GRDB
import Testing
@testable import BoardStore

@Suite("Report: loading the cohort from a real store")
struct ReportStoreTests {
    let today = day(2023, 6, 1)
    let year = ReportPeriod(year: 2022)!

    /// Five cases of four families, moved through the real write path; figures worked out by hand.
    func filledStore(_ place: TestStore) throws -> Store {
        let store = try place.open(as: "tester")
        // A: safe after onderzoek (5 and 30 days).
        let a = try store.addReport(report("R-A", family: "Jansen", reportedOn: day(2022, 1, 10)))
        try store.move(MoveRequest(caseID: a, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2022, 1, 15)), today: today)
        try store.move(MoveRequest(caseID: a, expectedVersion: 2, from: .onderzoek, to: .veiligheidGewaarborgd, day: day(2022, 2, 14),
                                   text: "veilig genoeg"), today: today)
        // Family Jansen's second case, still aangemeld (the same two children).
        let families = try store.boardCases(today: today, closedWindowDays: nil)
        let jansen = try #require(families.first { $0.id == a }).familyID
        var second = report("R-A2", family: "Jansen", reportedOn: day(2022, 9, 1), children: [])
        second.existingFamilyID = jansen
        try store.addReport(second)
        // B: Raad with OTS (2, 60, 30 days); Jeugdteam.
        let b = try store.addReport(report("R-B", family: "Bakker", reportedOn: day(2022, 3, 1), source: .jeugdteam,
                                           children: [Child(firstName: "Sem", birthDate: day(2015, 1, 1))]))
        try store.move(MoveRequest(caseID: b, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2022, 3, 3)), today: today)
        try store.move(MoveRequest(caseID: b, expectedVersion: 2, from: .onderzoek, to: .beschermtafel, day: day(2022, 5, 2),
                                   requester: .jeugdteam), today: today)
        try store.move(MoveRequest(caseID: b, expectedVersion: 3, from: .beschermtafel, to: .rvkOnderzoek, day: day(2022, 6, 1),
                                   text: "Raad inschakelen"), today: today)
        _ = try store.apply(.recordRvkOutcome(b, expectedVersion: 4, try everyChild(of: b, in: store, .ots), day(2022, 9, 1)), today: today)
        // C: reported on the last day of 2022, moved in 2023 to the table, corrected back to onderzoek.
        let c = try store.addReport(report("R-C", family: "Smit", reportedOn: day(2022, 12, 31)))
        try store.move(MoveRequest(caseID: c, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2023, 1, 2)), today: today)
        try store.move(MoveRequest(caseID: c, expectedVersion: 2, from: .onderzoek, to: .beschermtafel, day: day(2023, 1, 12),
                                   requester: .veiligThuis), today: today)
        try store.move(MoveRequest(caseID: c, expectedVersion: 3, from: .beschermtafel, to: .onderzoek, day: day(2023, 1, 14),
                                   text: "te vroeg ingebracht"), today: today)
        // D: reported in 2021, outside the cohort.
        try store.addReport(report("R-D", family: "Visser", reportedOn: day(2021, 12, 31)))
        return store
    }

    @Test(arguments: StoreKind.all) func loadsTheCasesOfThePeriodWithTheirMoves(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let store = try filledStore(place)
        let cases = try store.cohortCases(in: year)
        #expect(cases.count == 4, "R-D was reported in 2021")
        let c = try #require(cases.first { $0.reportedOn == day(2022, 12, 31) })
        #expect(c.stage == .onderzoek)
        #expect(c.transitions.map(\.to) == [.onderzoek, .beschermtafel, .onderzoek])
        #expect(c.transitions.map(\.isCorrection) == [false, false, true])
        #expect(c.transitions.first?.day == day(2023, 1, 2), "the day the move took effect, not the day it was recorded")
        #expect(cases.contains { $0.rvkOutcome == .ots })
    }

    @Test(arguments: StoreKind.all) func theReportOfARealStore(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let store = try filledStore(place)
        let report = CohortReport(cases: try store.cohortCases(in: year), period: year, jointPlans: try store.jointPlanTotals(in: year))
        #expect(report.total == 4)
        #expect(report.count(for: .veiligThuis) == 3 && report.count(for: .jeugdteam) == 1)
        #expect(report.perMonth == [1, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1])
        #expect(report.children == 5, "Jansen 2 (two cases), Bakker 1, Smit 2")
        #expect(report.toTable == 1, "Smit was corrected back")
        #expect(report.safeAfterOnderzoek == 1 && report.safeAfterTable == 0)
        #expect(report.rvkTotal == 1 && report.count(for: .ots) == 1 && report.rvkPending == 0)
        #expect(report.open == 2)
        #expect(report.leadTime(.aangemeld) == LeadTime(count: 3, p50: 2, p85: 5), "5, 2 and 2 days")
        #expect(report.leadTime(.onderzoek) == LeadTime(count: 2, p50: 30, p85: 60))
        #expect(report.leadTime(.beschermtafel) == LeadTime(count: 2, p50: 2, p85: 30), "Bakker 30 days, Smit 2 before the correction")
        #expect(report.jointPlans.available, "the store has the joint plan tables")
        #expect(report.jointPlans.started == 0 && report.jointPlans.hoursPerOrganisation.isEmpty, "but no plans")
    }

    @Test(arguments: StoreKind.all) func theSourceFilterIsAppliedInTheQuery(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let store = try filledStore(place)
        let cases = try store.cohortCases(in: year, source: .jeugdteam)
        #expect(cases.count == 1)
        #expect(cases.first?.transitions.count == 3)
        #expect(try store.cohortCases(in: year, source: .overig).isEmpty)
    }

    @Test(arguments: StoreKind.all) func theCasesActiveInAPeriodAreThoseNotClosedBeforeItsStart(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let store = try filledStore(place)
        let secondHalf = try #require(ReportPeriod(from: day(2022, 6, 1), to: day(2022, 12, 31)))
        let active = try store.activeCases(in: secondHalf)
        // R-A closed on 14-02-2022, before the period; R-B got the Raad's outcome (closed) on 01-09-2022, in it;
        // R-D was reported in 2021 and is still open.
        #expect(Set(active.map(\.reportedOn)) == [day(2022, 9, 1), day(2022, 3, 1), day(2022, 12, 31), day(2021, 12, 31)])
        let b = try #require(active.first { $0.reportedOn == day(2022, 3, 1) })
        #expect(b.stage == .rvkOnderzoek && b.transitions.map(\.to) == [.onderzoek, .beschermtafel, .rvkOnderzoek])
        #expect(try store.activeCases(in: secondHalf, source: .jeugdteam).map(\.caseID) == [b.caseID])
        #expect(try store.activeCases(in: ReportPeriod(year: 2021)!).count == 1, "only R-D was on the board in 2021")
        let flow = CumulativeFlow(cases: active, period: secondHalf, today: today)
        let last = flow.days.count - 1
        #expect(flow.count(of: .aangemeld, at: last) == 3, "R-A2, R-C (it moved in 2023) and R-D")
        #expect(flow.count(of: .rvkOnderzoek, at: last) == 1)
        #expect(flow.count(of: .veiligheidGewaarborgd, at: last) == 0, "R-A closed before the period")
    }

    @Test(arguments: StoreKind.all) func anEmptyPeriodAndAnEmptyStore(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let store = try filledStore(place)
        #expect(try store.cohortCases(in: ReportPeriod(year: 2019)!).isEmpty)
        #expect(try store.hasAnyCase())
        let empty = try TestStore(kind, in: scratch, name: "leeg").open(as: "tester")
        #expect(try !empty.hasAnyCase())
        #expect(try empty.cohortCases(in: year).isEmpty)
    }

    @Test(arguments: StoreKind.all) func aReportOnlyReads(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let store = try filledStore(place)
        let before = try store.changeToken()
        // A server store has no read-only opening of its own: there the reader is a second session.
        let reader = kind == .file ? try Store(path: place.location, user: "tester", readOnly: true) : try place.open(as: "tester")
        #expect(try reader.cohortCases(in: year).count == 4)
        #expect(try store.changeToken() == before, "no event is appended")
    }

    /// Each case's moves come from the covering index alone, in order: no read of the log's rows,
    /// no sort.
    @Test func theMovesAreReadThroughTheirOwnIndex() throws {
        let scratch = try ScratchDirectory()
        let store = try filledStore(TestStore(.file, in: scratch))
        let plan = try store.pool.read { db in
            try Row.fetchAll(db, sql: """
                EXPLAIN QUERY PLAN SELECT e.case_id, e.kind, e.from_stage, e.to_stage, e.day
                FROM "case" c CROSS JOIN event e ON e.case_id = c.id
                WHERE c.reported_on >= '2022-01-01' AND c.reported_on <= '2022-12-31'
                  AND e.kind IN ('verplaatst', 'gecorrigeerd') AND e.to_stage IS NOT NULL ORDER BY c.id, e.id
                """).map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("COVERING INDEX event_moves_covering") }, "\(plan)")
        #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
    }

    /// Speed is measured by `beschermbord bench`, not here; this checks the figures add up on a demo store.
    @Test func theFiguresOfADemoStoreAddUp() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("groot.sqlite")
        _ = try DemoStore.create(path: path, families: 300, seed: 7, today: today)
        let store = try Store(path: path, user: "tester", readOnly: true)
        let period = try #require(ReportPeriod(from: day(2000, 1, 1), to: today))
        let report = CohortReport(cases: try store.cohortCases(in: period), period: period)
        #expect(report.total >= 300)
        #expect(report.open + report.safeAfterOnderzoek + report.safeAfterTable + report.rvkTotal == report.total)
    }
}
