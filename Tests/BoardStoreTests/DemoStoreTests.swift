import BoardCore
import Foundation
import GRDB
import Testing
@testable import BoardStore

@Suite("DemoStore: a fictitious but realistic store")
struct DemoStoreTests {
    let today = day(2026, 3, 16)

    @Test func sameSeedSameStore() throws {
        let scratch = try ScratchDirectory()
        let first = try DemoStore.create(path: scratch.file("a.sqlite"), seed: 7, today: today, user: "demo")
        let second = try DemoStore.create(path: scratch.file("b.sqlite"), seed: 7, today: today, user: "demo")
        let other = try DemoStore.create(path: scratch.file("c.sqlite"), seed: 8, today: today, user: "demo")
        let cases = try first.boardCases(today: today, closedWindowDays: nil)
        #expect(cases.count == 120)
        #expect(try second.boardCases(today: today, closedWindowDays: nil) == cases)
        #expect(try other.boardCases(today: today, closedWindowDays: nil) != cases)
        for summary in cases.prefix(20) {
            #expect(try first.details(of: summary.id, logOpening: false) == second.details(of: summary.id, logOpening: false))
        }
    }

    @Test("every column has cases on the board", arguments: [UInt64(2026), 1, 42, 123_456_789])
    func everyColumnFilled(seed: UInt64) throws {
        let scratch = try ScratchDirectory()
        let store = try DemoStore.create(path: scratch.file("demo.sqlite"), seed: seed, today: today, user: "demo")
        let norms = try store.norms()
        let board = BoardColumns(cases: try store.boardCases(today: today, closedWindowDays: norms.closedWindowDays), today: today,
                                 closedWindowDays: norms.closedWindowDays)
        for stage in Stage.allCases {
            #expect(!board[stage].isEmpty, "\(stage.title) is empty for seed \(seed)")
        }
        // Mostly Veilig Thuis, as in the seed report; every source occurs.
        let all = try store.boardCases(today: today, closedWindowDays: nil)
        let bySource = Dictionary(grouping: all, by: \.source).mapValues(\.count)
        #expect((bySource[.veiligThuis] ?? 0) > all.count / 2)
        #expect(Set(bySource.keys) == Set(Source.allCases))
        // Most cases end as Veiligheid gewaarborgd; some are open.
        let byStage = Dictionary(grouping: all, by: \.stage).mapValues(\.count)
        #expect((byStage[.veiligheidGewaarborgd] ?? 0) > all.count / 2)
    }

    @Test func everyCaseIsConsistentWithItsLog() throws {
        let scratch = try ScratchDirectory()
        let store = try DemoStore.create(path: scratch.file("demo.sqlite"), today: today, user: "beamer")
        let cases = try store.boardCases(today: today, closedWindowDays: nil)
        #expect(cases.count == 120)
        #expect(Set(cases.map(\.kenmerk)).count == cases.count, "kenmerken are unique")
        var numbersPerYear: [Int: [Int]] = [:]
        for summary in cases {
            // Kenmerk: the report's year and a four-digit number.
            let parts = summary.kenmerk.split(separator: "-")
            #expect(parts.count == 2 && parts[0] == "\(summary.reportedOn.year)" && parts[1].count == 4, "\(summary.kenmerk)")
            numbersPerYear[summary.reportedOn.year, default: []].append(Int(parts[1]) ?? -1)

            // Most within 18 months, one in five up to five years back (for the years in the report).
            #expect(summary.reportedOn <= today && summary.reportedOn.days(until: today) < 5 * 366)
            #expect(!summary.familyName.isEmpty && !summary.wijk.isEmpty && !summary.medewerker.isEmpty)
            #expect((1...4).contains(summary.childCount))

            let details = try store.details(of: summary.id, logOpening: false)
            for child in details.children {
                let born = try #require(child.birthDate, "\(child.firstName) has a birth date")
                #expect((0...17).contains(born.age(on: today)), "\(child.firstName) \(born)")
                #expect(born <= summary.reportedOn, "a child is born by the report date")
            }
            #expect(Set(details.children.map(\.firstName)).count == details.children.count, "siblings have different names")

            // The access log (openings by medewerkers) is checked in DemoAccessLogTests; here: the report and the moves.
            let events = details.events.filter { $0.kind != .geopend }
            let first = try #require(events.first)
            #expect(first.kind == .aangemeld && first.toStage == .aangemeld && first.day == summary.reportedOn)
            let moves = events.dropFirst()
            #expect(moves.allSatisfy { $0.kind == .verplaatst && $0.toStage != nil })
            #expect(events.allSatisfy { $0.user == "beamer" && $0.recordedAt.hasPrefix($0.day.iso) })
            // Each move raises the version, and so does the Raad's outcome that closes an investigation.
            let closedByTheRaad = summary.stage == .rvkOnderzoek && summary.closedOn != nil ? 1 : 0
            #expect(summary.version == 1 + moves.count + closedByTheRaad)
            if let last = moves.last {
                #expect(last.toStage == summary.stage, "\(summary.kenmerk): stage matches the last move")
                #expect(last.day == summary.stageSince)
            } else {
                #expect(summary.stage == .aangemeld && summary.stageSince == summary.reportedOn)
            }
            // Every move is one the flow allows, in order, never in the future, with the text the form asks for.
            var stage = Stage.aangemeld
            var since = summary.reportedOn
            for move in moves {
                #expect(move.fromStage == stage)
                let rule = try Transitions.rule(from: stage, to: move.toStage!).get()
                #expect(rule.direction == .forward)
                #expect(move.day > since && move.day <= today)
                let days = since.days(until: move.day)
                switch (stage, move.toStage!) {
                case (.aangemeld, .onderzoek): #expect((1...12).contains(days))
                case (.onderzoek, _): #expect((14...80).contains(days))
                case (.beschermtafel, _): #expect((30...160).contains(days))
                default: Issue.record("unexpected move \(stage) -> \(move.toStage!)")
                }
                if rule.textLabel != nil { #expect(!move.detail.isEmpty) }
                if rule.needsRequester { #expect(move.detail.hasPrefix("ingebracht door ")) }
                stage = move.toStage!
                since = move.day
            }
        }
        // Numbered per year from 0001 without gaps, in order of the report date.
        for (_, numbers) in numbersPerYear {
            #expect(numbers.sorted() == Array(1...numbers.count))
        }
        let byDate = cases.sorted { ($0.reportedOn, $0.kenmerk) < ($1.reportedOn, $1.kenmerk) }
        #expect(byDate.map(\.id) == byDate.map(\.id).sorted(), "cases were written in order of their report date")
    }

    /// A mother has a woman's name and a father a man's: no name is used for both, and Björn is
    /// never anyone's mother.
    /// The demo shows what is kept per child: an OTS or uithuisplaatsing for one sibling only,
    /// scores about one child, and measures in several years of the report's trend.
    @Test func outcomesAndScoresPerChildOverSeveralYears() throws {
        let scratch = try ScratchDirectory()
        let store = try DemoStore.create(path: scratch.file("demo.sqlite"), families: 400, today: today, user: "beamer")
        let (siblingOnly, childScores, mismatched) = try store.pool.read { db in
            (try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM rvk_record r WHERE r.outcome IN ('OTS', 'uithuisplaatsing')
                  AND EXISTS (SELECT 1 FROM rvk_child_outcome o WHERE o.case_id = r.case_id AND o.outcome = 'geen maatregel')
                """) ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM assessment_child") ?? 0,
             // The card's score is the lowest of the latest per child and for the family.
             try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM case_safety_score s WHERE s.lowest_score <> (
                    SELECT MIN(a.score) FROM assessment a LEFT JOIN assessment_child ac ON ac.assessment_id = a.id
                    WHERE a.case_id = s.case_id AND NOT EXISTS (
                        SELECT 1 FROM assessment b LEFT JOIN assessment_child bc ON bc.assessment_id = b.id
                        WHERE b.case_id = a.case_id AND bc.child_id IS ac.child_id AND (b.day > a.day OR (b.day = a.day AND b.id > a.id))))
                """) ?? -1)
        }
        #expect(siblingOnly > 0)
        #expect(childScores > 0)
        #expect(mismatched == 0)
        let trend = try store.measureTrend(through: today)
        #expect(trend.years.count == 5)
        #expect(trend.years.filter { $0.measures > 0 }.count >= 3, "\(trend.years)")
        #expect(trend.years.allSatisfy { $0.perCase == 0 })
    }

    @Test func parentsHaveNamesThatFitTheirRole() throws {
        let scratch = try ScratchDirectory()
        let store = try DemoStore.create(path: scratch.file("demo.sqlite"), families: 300, today: today, user: "demo")
        let (mothers, fathers) = try store.pool.read { db in
            func firstNames(_ relation: String) throws -> Set<String> {
                Set(try String.fetchAll(db, sql: "SELECT name FROM caregiver WHERE relation = ?", arguments: [relation])
                    .compactMap { $0.split(separator: " ").first.map(String.init) })
            }
            return (try firstNames("moeder"), try firstNames("vader"))
        }
        #expect(mothers.count > 5 && fathers.count > 5)
        #expect(mothers.isDisjoint(with: fathers), "\(mothers.intersection(fathers).sorted())")
        #expect(!mothers.contains("Björn"))
    }

    @Test func marksItselfAsDemo() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("demo.sqlite")
        let store = try DemoStore.create(path: path, families: 12, today: today, user: "demo")
        let value = try store.pool.read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'demo'") }
        #expect(value == "1")
        #expect(try store.boardCases(today: today, closedWindowDays: nil).count == 12)
        #expect(permissions(path) == 0o600)
        // A demo store is an ordinary store: it opens again and takes real work.
        // The creator of a demo is its teamleider; they add a colleague, who then takes real work.
        try store.addStaff(StaffMember(name: "anouk", displayName: "Anouk de Wit", role: .medewerker))
        let reopened = try Store(path: path, user: "anouk")
        let kenmerk = try reopened.suggestKenmerk(year: today.year)
        try reopened.addReport(report(kenmerk, reportedOn: today))
        #expect(try reopened.boardCases(today: today, closedWindowDays: nil).count == 13)
    }

    @Test func showsWIPLimitsWithOnderzoekJustOverIt() throws {
        let scratch = try ScratchDirectory()
        let store = try DemoStore.create(path: scratch.file("demo.sqlite"), families: 120, today: today, user: "demo")
        let norms = try store.norms()
        let open = try store.boardCases(today: today, closedWindowDays: nil).filter { $0.closedDay == nil }
        let inOnderzoek = open.filter { $0.stage == .onderzoek }.count
        #expect(norms.wipLimits[.onderzoek] == inOnderzoek - 1)
        #expect(norms.isOverWIP(.onderzoek, count: inOnderzoek))
        for stage in [Stage.aangemeld, .beschermtafel] {
            let count = open.filter { $0.stage == stage }.count
            #expect(norms.wipLimits[stage] != nil && !norms.isOverWIP(stage, count: count), "\(stage): \(count) open")
        }
    }

    /// Everyone who works in the demo (on its cards and in its log) is on its staff list.
    @Test func theDemosStaffAreOnTheList() throws {
        let scratch = try ScratchDirectory()
        let store = try DemoStore.create(path: scratch.file("demo.sqlite"), families: 30, today: today, user: "demo")
        let staff = Dictionary(uniqueKeysWithValues: try store.staff().map { ($0.name, $0) })
        #expect(staff["demo"]?.role == .teamleider, "the creator stays the first teamleider")
        for name in DemoNames.medewerkers {
            #expect(staff[DemoAccessLog.login(name)] == StaffMember(name: DemoAccessLog.login(name), displayName: name, role: .medewerker))
        }
        #expect(staff[DemoAccessLog.teamLead]?.role == .teamleider)
        #expect(staff.values.filter { $0.role == .jeugdbeschermer }.count == DemoPlans.jeugdbeschermers.count)
        let users = Set(try store.auditLog(filter: AuditFilter()).entries.map(\.user))
        #expect(users.subtracting(staff.keys).isEmpty, "every user in the log is on the list: \(users.subtracting(staff.keys))")
        // A demo colleague can work in it.
        let colleague = try Store(path: store.location, user: DemoAccessLog.login(DemoNames.medewerkers[0]))
        #expect(try colleague.permits(.changeCases) && !(try colleague.permits(.manageStaff)))
    }

    @Test func looksDutchAndVaried() throws {
        let plans = DemoPlanner.plan(families: 400, seed: 2026, today: today)
        let names = Set(plans.map(\.report.familyName))
        #expect(names.count > 40)
        #expect(names.contains { $0.unicodeScalars.contains { !$0.isASCII } }, "surnames with diacritics")
        #expect(names.contains { $0.hasPrefix("van ") || $0.hasPrefix("de ") })
        let firstNames = Set(plans.flatMap { $0.report.children.map(\.firstName) })
        #expect(firstNames.count > 40)
        #expect(Set(plans.map(\.report.wijk)).count == DemoNames.wijken.count)
        #expect(Set(plans.map(\.report.medewerker)).count == DemoNames.medewerkers.count)
        #expect(DemoNames.surnames.count >= 40 && DemoNames.firstNames.count >= 40)
        #expect(Set(DemoNames.surnames).count == DemoNames.surnames.count && Set(DemoNames.firstNames).count == DemoNames.firstNames.count)
        #expect(plans.map(\.report.reportedOn) == plans.map(\.report.reportedOn).sorted())
        let fractionToTable = Double(plans.filter { $0.moves.contains { $0.to == .beschermtafel } }.count) / Double(plans.count)
        #expect(fractionToTable > 0.05 && fractionToTable < 0.3)
    }

    @Test func smallAndEmptyDemos() throws {
        let scratch = try ScratchDirectory()
        #expect(try DemoStore.create(path: scratch.file("nul.sqlite"), families: 0, today: today, user: "demo")
            .boardCases(today: today, closedWindowDays: nil).isEmpty)
        let five = try DemoStore.create(path: scratch.file("vijf.sqlite"), families: 5, today: today, user: "demo")
        let board = BoardColumns(cases: try five.boardCases(today: today, closedWindowDays: 30), today: today, closedWindowDays: 30)
        #expect(Stage.allCases.allSatisfy { board[$0].count == 1 }, "even five families fill every column")
    }

    @Test func refusesAnExistingFile() throws {
        let scratch = try ScratchDirectory()
        let textPath = scratch.file("notities.txt")
        let content = Data("niet overschrijven\n".utf8)
        #expect(FileManager.default.createFile(atPath: textPath, contents: content))
        guard case .refused(let message)? = storeError({ try DemoStore.create(path: textPath, today: today, user: "demo") }) else {
            Issue.record("an existing file must be refused")
            return
        }
        #expect(message.contains("bestaat al") && message.contains(textPath))
        #expect(bytes(textPath) == content)

        // Not even a demo store is replaced by a new demo.
        let storePath = scratch.file("demo.sqlite")
        do { _ = try DemoStore.create(path: storePath, families: 3, today: today, user: "demo") }
        let before = try #require(bytes(storePath))
        guard case .refused? = storeError({ try DemoStore.create(path: storePath, families: 3, seed: 99, today: today, user: "demo") }) else {
            Issue.record("an existing store must be refused")
            return
        }
        #expect(bytes(storePath) == before)

        guard case .refused? = storeError({ try DemoStore.create(path: scratch.path, today: today, user: "demo") }) else {
            Issue.record("a directory must be refused")
            return
        }

        // Not even an empty file: it may be another program's, which the demo did not make.
        let emptyPath = scratch.file("leeg.sqlite")
        #expect(FileManager.default.createFile(atPath: emptyPath, contents: Data()))
        guard case .refused(let emptyMessage)? = storeError({ try DemoStore.create(path: emptyPath, families: 3, today: today, user: "demo") }) else {
            Issue.record("an existing empty file must be refused")
            return
        }
        #expect(emptyMessage.contains("bestaat al"))
        #expect(bytes(emptyPath) == Data())
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted() == ["demo.sqlite", "leeg.sqlite", "notities.txt"],
                "no hidden copy is left behind")
    }
}

private func < (lhs: (Day, String), rhs: (Day, String)) -> Bool {
    lhs.0 != rhs.0 ? lhs.0 < rhs.0 : lhs.1 < rhs.1
}
