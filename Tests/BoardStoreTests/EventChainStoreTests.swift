import BoardCore
import Foundation
import GRDB
import Testing
@testable import BoardStore

@Suite("The tamper-evident log")
struct EventChainStoreTests {
    let today = day(2025, 6, 30)

    /// A store with some history: reports, moves, openings, a staff change and a setting.
    func storeWithHistory(_ place: TestStore) throws -> Store {
        let store = try place.open(as: "anouk")
        let id = try store.addReport(report("2025-0001"))
        try store.addReport(report("2025-0002", family: "Jansen"))
        try store.move(MoveRequest(caseID: id, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2025, 3, 5)), today: today)
        _ = try store.details(of: id, logOpening: true)
        try store.addStaff(StaffMember(name: "karim", displayName: "Karim", role: .medewerker))
        try store.setSetting("norm.weken_onderzoek", to: "12")
        return store
    }

    /// A file store with that history.
    func storeWithHistory(_ scratch: ScratchDirectory) throws -> Store {
        try storeWithHistory(TestStore(.file, in: scratch))
    }

    func chain(_ store: Store) throws -> EventLog.Verification {
        try store.pool.read { db in try EventLog.verify(db) }
    }

    /// Changes the store behind the program's back, as someone with the file could.
    func tamper(_ store: Store, _ sql: String) throws {
        try store.pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: sql)
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
    }

    @Test(arguments: StoreKind.all) func everyEventIsChained(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let store = try storeWithHistory(place)
        let result = try place.verifiedChain()
        #expect(result.events == 7 && result.breaks == 0 && result.firstBreak == nil)
        let unhashed = try store.read { db in
            try db.value(Int.self, sql: "SELECT COUNT(*) FROM event WHERE hash IS NULL OR length(hash) != 32 OR length(salt) != 16")
        }
        #expect(unhashed == 0)
        #expect(result.tip?.id == 7 && result.tip?.hash.count == 64)
    }

    @Test func changedDetailIsTheFirstBrokenLink() throws {
        let scratch = try ScratchDirectory()
        let store = try storeWithHistory(scratch)
        try tamper(store, "UPDATE event SET detail = 'bron Overig' WHERE id = 2")
        let result = try chain(store)
        #expect(result.breaks == 1, "one altered event is one break")
        let first = try #require(result.firstBreak)
        #expect(first.id == 2 && first.user == "anouk" && first.reason.contains("inhoud is gewijzigd"))

        let report = try IntegrityCheck.run(path: store.location)
        #expect(!report.isHealthy)
        let problem = try #require(report.section(IntegrityCheck.chainTitle)?.problems.first)
        #expect(problem.hasPrefix("eerste gebroken schakel: gebeurtenis 2 ("))
        #expect(problem.contains("gebruiker anouk"))
        #expect(problem.hasSuffix("(\(Clock.localMoment(first.recordedAt)), gebruiker anouk): \(first.reason)"), "names the moment in the user's zone: \(problem)")
    }

    @Test func otherFieldsAreCoveredToo() throws {
        for sql in ["UPDATE event SET user = 'karim' WHERE id = 3",
                    "UPDATE event SET day = '2025-03-06' WHERE id = 4",
                    "UPDATE event SET to_stage = 'beschermtafel' WHERE id = 4",
                    "UPDATE event SET recorded_at = '2020-01-01T00:00:00.000Z' WHERE id = 5",
                    "UPDATE event SET kind = 'geopend' WHERE id = 3",
                    "UPDATE event SET case_id = 2 WHERE id = 5",
                    "UPDATE event SET salt = zeroblob(16) WHERE id = 6"] {
            let scratch = try ScratchDirectory()
            let store = try storeWithHistory(scratch)
            try tamper(store, sql)
            let result = try chain(store)
            #expect(result.firstBreak != nil && result.breaks == 1, "\(sql)")
        }
    }

    @Test func removedOrInsertedEventsAreFound() throws {
        let scratch = try ScratchDirectory()
        let store = try storeWithHistory(scratch)
        try tamper(store, "DELETE FROM event WHERE id = 3")
        let removed = try #require(try chain(store).firstBreak)
        #expect(removed.id == 4 && removed.reason == "gebeurtenis 3 ontbreekt")

        let other = try ScratchDirectory()
        let second = try storeWithHistory(other)
        try tamper(second, """
            INSERT INTO event (case_id, family_id, recorded_at, user, kind, day, detail)
            VALUES (1, 1, '2025-03-06T10:00:00.000Z', 'indringer', 'verplaatst', '2025-03-06', 'ertussen')
            """)
        let inserted = try #require(try chain(second).firstBreak)
        #expect(inserted.id == 8 && inserted.user == "indringer" && inserted.reason.contains("geen hash"))

        // Rewriting the hashes of the newest events after a change does not help either, unless
        // the whole chain is rewritten: the link to the unchanged predecessor breaks.
        let third = try ScratchDirectory()
        let store3 = try storeWithHistory(third)
        try tamper(store3, "UPDATE event SET hash = zeroblob(32) WHERE id = 7")
        #expect(try chain(store3).firstBreak?.id == 7)
    }

    /// Events written inside a savepoint that is rolled back leave no trace in the chain: the next
    /// event links to the real predecessor.
    @Test func rolledBackSavepointDoesNotBreakTheChain() throws {
        let scratch = try ScratchDirectory()
        let store = try storeWithHistory(scratch)
        let caseID = try #require(try store.boardCases(today: today, closedWindowDays: nil).first?.id)
        try store.write { db in
            try store.appendEvent(db, caseID: caseID, familyID: 1, kind: .notitie, from: nil, to: nil, day: today, detail: "blijft")
            try (db as! Database).inSavepoint {
                try store.appendEvent(db, caseID: caseID, familyID: 1, kind: .notitie, from: nil, to: nil, day: today, detail: "weg 1")
                try store.appendEvent(db, caseID: caseID, familyID: 1, kind: .notitie, from: nil, to: nil, day: today, detail: "weg 2")
                return .rollback
            }
            try store.appendEvent(db, caseID: caseID, familyID: 1, kind: .notitie, from: nil, to: nil, day: today, detail: "ook")
        }
        let result = try chain(store)
        #expect(result.events == 9 && result.breaks == 0)
    }

    /// The same for a rolled-back transaction (the server store's rules use no savepoints).
    @Test(arguments: StoreKind.all) func rolledBackTransactionDoesNotBreakTheChain(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let store = try storeWithHistory(place)
        let caseID = try #require(try store.boardCases(today: today, closedWindowDays: nil).first?.id)
        _ = storeError {
            try store.write { db in
                try store.appendEvent(db, caseID: caseID, familyID: 1, kind: .notitie, from: nil, to: nil, day: today, detail: "weg")
                throw StoreError.refused("afgebroken")
            }
        }
        try store.addReport(report("2025-0003"))
        let result = try place.verifiedChain()
        #expect(result.events == 8 && result.breaks == 0)
    }

    @Test(arguments: StoreKind.all) func refusedTextLeavesNoEvent(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let store = try storeWithHistory(place)
        let before = try store.changeToken()
        #expect(storeError { try store.addReport(report("2025-0009", family: "de\u{0}Vries")) }?.description.contains("NUL") == true)
        #expect(try store.changeToken() == before)
        #expect(try place.verifiedChain().breaks == 0)
    }
}
