import BoardCore
import Foundation
import GRDB
import Testing
@testable import BoardStore

@Suite("beschermbord check and damaged stores")
struct IntegrityCheckTests {
    let today = day(2025, 6, 30)

    @Test func demoStoreIsHealthy() throws {
        let scratch = try ScratchDirectory()
        let store = try DemoStore.create(path: scratch.file("demo.sqlite"), families: 40, today: today, user: "beamer")
        let report = try IntegrityCheck.run(path: store.location)
        #expect(report.isHealthy, "\(report.sections.filter { !$0.isHealthy })")
        #expect(report.sections.map(\.title) == [IntegrityCheck.sqliteTitle, IntegrityCheck.foreignKeysTitle, IntegrityCheck.stagesTitle,
                                                 IntegrityCheck.eventsTitle, IntegrityCheck.kenmerkenTitle, IntegrityCheck.datesTitle,
                                                 IntegrityCheck.chainTitle, IntegrityCheck.recordsTitle])
        #expect(report.section(IntegrityCheck.stagesTitle)?.summary == "in orde (40 zaken)")
        #expect(report.notes.isEmpty)
    }

    @Test func oneCaseIsCountedInTheSingular() throws {
        let scratch = try ScratchDirectory()
        let store = try Store(path: scratch.file("bord.sqlite"), user: "anouk")
        try store.addReport(report("2025-0001"))
        let report = try IntegrityCheck.run(path: store.location)
        #expect(report.section(IntegrityCheck.stagesTitle)?.summary == "in orde (1 zaak)")
    }

    @Test func caseOutOfStepWithItsLogIsNamed() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("bord.sqlite")
        let store = try Store(path: path, user: "anouk")
        let id = try store.addReport(report("2025-0001"))
        try store.addReport(report("2025-0002"))
        try store.move(MoveRequest(caseID: id, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2025, 3, 5)), today: today)
        try tamper(path, "UPDATE \"case\" SET stage = 'beschermtafel' WHERE kenmerk = '2025-0001'")
        try tamper(path, "UPDATE \"case\" SET stage_since = '2025-03-09' WHERE kenmerk = '2025-0002'")
        let report = try IntegrityCheck.run(path: path)
        let problems = try #require(report.section(IntegrityCheck.stagesTitle)?.problems)
        #expect(problems == [
            "zaak 2025-0001 staat in Beschermtafel, maar de laatste verplaatsing (gebeurtenis 4) was naar Onderzoek",
            "zaak 2025-0002 staat sinds 09-03-2025 in Aangemeld, maar de laatste verplaatsing (gebeurtenis 3) is van 03-03-2025",
        ])
        #expect(!report.isHealthy)
        #expect(report.section(IntegrityCheck.chainTitle)?.isHealthy == true, "the log itself was not touched")
    }

    @Test func orphanEventsAndBadDatesAreNamed() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("bord.sqlite")
        let store = try Store(path: path, user: "anouk")
        try store.addReport(report("2025-0001"))
        try tamper(path, "UPDATE event SET case_id = 99 WHERE kind = 'aangemeld'")
        try tamper(path, "UPDATE child SET birth_date = '2023-02-29' WHERE first_name = 'Zoë'")
        try tamper(path, "UPDATE child SET birth_date = '0000-00-00' WHERE first_name = 'Daan'")
        let report = try IntegrityCheck.run(path: path)
        #expect(report.section(IntegrityCheck.eventsTitle)?.problems == ["gebeurtenis 2 verwijst naar zaak #99, die niet bestaat"])
        #expect(report.section(IntegrityCheck.foreignKeysTitle)?.problems.isEmpty == false)
        let dates = try #require(report.section(IntegrityCheck.datesTitle)?.problems)
        #expect(dates.count == 2)
        #expect(dates.contains { $0.contains("‘2023-02-29’ is geen geldige datum") })
        #expect(dates.contains { $0.contains("‘0000-00-00’") })
        #expect(report.section(IntegrityCheck.stagesTitle)?.problems.first?.contains("geen enkele verplaatsing") == true)
    }

    /// An older version accepted `03-03-0025`: `check` names such a year as a typing error.
    @Test func aYearBefore1900IsNamed() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("bord.sqlite")
        let store = try Store(path: path, user: "anouk")
        try store.addReport(report("2025-0001"))
        try tamper(path, "UPDATE \"case\" SET reported_on = '0025-03-03'")
        let dates = try #require(IntegrityCheck.run(path: path).section(IntegrityCheck.datesTitle)?.problems)
        #expect(dates.count == 1)
        #expect(dates.first?.contains("meldingsdatum 03-03-0025 ligt niet tussen 1900 en") == true, "\(dates)")
    }

    /// A store with a damaged page: `check` says so, and the store refuses to open for writing
    /// (nothing is added to a damaged file), with a message that points at `check` and a backup.
    @Test func damagedStoreIsReportedAndNotOpened() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("bord.sqlite")
        do {
            let store = try Store(path: path, user: "anouk")
            for number in 1...150 { try store.addReport(report("2025-\(1000 + number)", family: String(repeating: "Gezin ", count: 20))) }
        }
        // The last connection closed: everything is in the main file. Scribble over a page in the middle.
        #expect(!FileManager.default.fileExists(atPath: path + "-wal") || (bytes(path + "-wal")?.isEmpty ?? true))
        var data = try #require(bytes(path))
        let pageSize = 4096
        let page = data.count / pageSize / 2
        for offset in 0..<200 { data[page * pageSize + offset] = UInt8(truncatingIfNeeded: offset &* 37 &+ 11) }
        try data.write(to: URL(fileURLWithPath: path))

        let report = try IntegrityCheck.run(path: path)
        #expect(!report.isHealthy)
        #expect(report.section(IntegrityCheck.sqliteTitle)?.isHealthy == false)
        #expect(report.notes.contains { $0.contains("overgeslagen") })

        let error = storeError { _ = try Store(path: path, user: "anouk") }
        guard case .damaged(let damagedPath, _)? = error else {
            Issue.record("expected .damaged, got \(String(describing: error))")
            return
        }
        #expect(damagedPath == path)
        #expect(error?.description.contains("beschermbord check --store \(path)") == true)
        #expect(error?.description.contains("back-up") == true)
        #expect(bytes(path) == data, "the refused open changed nothing")
    }

    @Test func truncatedStoreIsRefused() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("bord.sqlite")
        do {
            let store = try Store(path: path, user: "anouk")
            for number in 1...150 { try store.addReport(report("2025-\(1000 + number)", family: String(repeating: "Gezin ", count: 20))) }
        }
        let whole = try #require(bytes(path))
        let half = whole.prefix(whole.count / 2 / 4096 * 4096)
        try Data(half).write(to: URL(fileURLWithPath: path))
        guard case .damaged? = storeError({ _ = try Store(path: path, user: "anouk") }) else {
            Issue.record("a truncated store must be refused as damaged")
            return
        }
        #expect(bytes(path) == Data(half))
        #expect(!(try IntegrityCheck.run(path: path).isHealthy))
    }

    @Test func checkRefusesWhatIsNoStore() throws {
        let scratch = try ScratchDirectory()
        let text = scratch.file("notities.txt")
        #expect(FileManager.default.createFile(atPath: text, contents: Data("geen opslag".utf8)))
        #expect(storeError { _ = try IntegrityCheck.run(path: text) } == .notADatabase(path: text))
        guard case .cannotOpen? = storeError({ _ = try IntegrityCheck.run(path: scratch.file("bestaat-niet.sqlite")) }) else {
            Issue.record("a missing file must be refused")
            return
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.file("bestaat-niet.sqlite")), "check creates nothing")
    }

    @Test func storeFromAnEarlierVersionIsCheckedWithANote() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("oud.sqlite")
        try makeStoreFromBeforeTrust(path: path)
        let before = try #require(bytes(path))
        let report = try IntegrityCheck.run(path: path)
        #expect(report.isHealthy)
        #expect(report.notes.contains { $0.contains("eerdere versie") })
        #expect(report.notes.contains { $0.contains("nog geen hash-keten") })
        #expect(bytes(path) == before, "checking changes nothing")
    }
}
