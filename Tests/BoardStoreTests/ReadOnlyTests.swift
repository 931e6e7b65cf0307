import BoardCore
import Foundation
import GRDB
import Testing
@testable import BoardStore

@Suite("Read-only stores and a full disk")
struct ReadOnlyTests {
    let today = day(2025, 6, 30)
    static let isRoot = getuid() == 0

    func storeWithOneCase(_ path: String) throws -> CaseID {
        let store = try Store(path: path, user: "anouk")
        return try store.addReport(report("2025-0001"))
    }

    func expectReadOnly(_ store: Store, caseID: CaseID) throws {
        #expect(store.isReadOnly)
        #expect(try store.boardCases(today: today, closedWindowDays: nil).map(\.kenmerk) == ["2025-0001"], "reading works")
        #expect(try store.details(of: caseID, logOpening: false).events.count == 1)
        #expect(storeError { try store.addReport(report("2025-0002")) } == .readOnly(path: store.location))
        #expect(storeError {
            try store.move(MoveRequest(caseID: caseID, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2025, 3, 5)), today: today)
        } == .readOnly(path: store.location))
        #expect(storeError { _ = try store.details(of: caseID, logOpening: true) } == .readOnly(path: store.location),
                "an opening that cannot be logged is not allowed")
        #expect(storeError { try store.erasePersonalData(of: [1], reason: .request, today: today) } == .readOnly(path: store.location))
        #expect(try store.refusal(for: .changeCases) == .readOnly(path: store.location))
        #expect(StoreError.readOnly(path: store.location).description.hasPrefix("De opslag is alleen-lezen geopend"))
    }

    @Test func openedReadOnlyOnRequest() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("bord.sqlite")
        let id = try storeWithOneCase(path)
        let before = try #require(bytes(path))
        let store = try Store(path: path, user: "anouk", readOnly: true)
        try expectReadOnly(store, caseID: id)
        #expect(bytes(path) == before)
        // A colleague who can write is not hindered by a read-only reader.
        let writer = try Store(path: path, user: "anouk")
        #expect(!writer.isReadOnly)
        try writer.addReport(report("2025-0003"))
        #expect(try store.boardCases(today: today, closedWindowDays: nil).count == 2, "the reader sees the new case")
    }

    @Test func missingStoreIsNotCreatedReadOnly() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("nieuw.sqlite")
        guard case .cannotOpen? = storeError({ _ = try Store(path: path, user: "anouk", readOnly: true) }) else {
            Issue.record("a read-only open cannot create a store")
            return
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func olderStoreOpenedReadOnlyAsksForAnUpgrade() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("oud.sqlite")
        try makeStoreFromBeforeTrust(path: path)
        let before = try #require(bytes(path))
        #expect(storeError { _ = try Store(path: path, user: "anouk", readOnly: true) } == .needsUpgrade(path: path))
        #expect(bytes(path) == before)
        #expect(StoreError.needsUpgrade(path: path).description.contains("alleen-lezen"))
    }

    /// chmod 0400 stops writes only for ordinary users (root writes anyway), so this runs when the
    /// tests do not run as root; `openedReadOnlyOnRequest` covers the same store behaviour.
    @Test(.enabled(if: !isRoot, "root ignores file permissions"))
    func unwritableFileOpensReadOnly() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("bord.sqlite")
        let id = try storeWithOneCase(path)
        #expect(chmod(path, 0o400) == 0)
        defer { chmod(path, 0o600) }
        let store = try Store(path: path, user: "anouk")
        try expectReadOnly(store, caseID: id)
    }

    @Test(.enabled(if: !isRoot, "root ignores directory permissions"))
    func unwritableDirectoryOpensReadOnly() throws {
        let scratch = try ScratchDirectory()
        let directory = scratch.file("team")
        let path = (directory as NSString).appendingPathComponent("bord.sqlite")
        let id = try storeWithOneCase(path)
        #expect(chmod(directory, 0o500) == 0)
        defer { chmod(directory, 0o700) }
        let store = try Store(path: path, user: "anouk")
        try expectReadOnly(store, caseID: id)
    }

    /// SQLite gives a WAL store's `-shm` the store file's mode of the moment it makes it: a
    /// read-only session on a store its owner made read-only (chmod 0400) left a read-only `-shm`
    /// that refused every writer once the store was writable again. The next opening gives it back
    /// to the owner. The modes show it even when the tests run as root (whom they do not stop);
    /// ReadOnlyEndToEndTests runs it as an ordinary user.
    @Test func companionsLeftByAReadOnlySessionAreWritableAgain() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("bord.sqlite")
        _ = try storeWithOneCase(path)
        #expect(chmod(path, 0o400) == 0)
        do {
            let reader = try Store(path: path, user: "anouk", readOnly: true)
            #expect(try reader.boardCases(today: today, closedWindowDays: nil).count == 1)
        }
        #expect(chmod(path, 0o600) == 0)
        let writer = try Store(path: path, user: "anouk")
        try writer.addReport(report("2025-0002"))
        for companion in [path + "-wal", path + "-shm"] {
            let mode = try #require(permissions(companion), "the writer uses \(companion)")
            #expect(mode & 0o200 != 0, "\(companion) is \(String(mode, radix: 8))")
        }
    }

    @Test func writabilityFollowsAccess() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("bord.sqlite")
        _ = try storeWithOneCase(path)
        #expect(StoreCreation.isWritable(path: path))
        #expect(!StoreCreation.isWritable(path: scratch.file("bestaat-niet.sqlite")))
    }

    /// A full disk (simulated with SQLite's page limit, which fails exactly as a full disk does:
    /// SQLITE_FULL) refuses the save with a clear message, stores nothing of it, and the store
    /// keeps working once there is room again.
    @Test func fullDiskRefusesTheSaveAndKeepsWorking() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("bord.sqlite")
        let store = try Store(path: path, user: "anouk")
        try store.addReport(report("2025-0001"))
        let pages = try store.pool.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0 }
        try store.pool.writeWithoutTransaction { db in _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = \(pages)") }
        let token = try store.changeToken()
        let big = report("2025-0002", family: String(repeating: "Groot gezin ", count: 2000))
        let error = storeError { try store.addReport(big) }
        #expect(error == .writeFailed("de schijf is vol"))
        #expect(error?.description == "Opslaan is mislukt: de schijf is vol. Er is niets opgeslagen.")
        #expect(try store.changeToken() == token)
        #expect(try store.boardCases(today: today, closedWindowDays: nil).map(\.kenmerk) == ["2025-0001"])
        let families = try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM family") }
        #expect(families == 1, "no half report")

        try store.pool.writeWithoutTransaction { db in _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = 1073741823") }
        try store.addReport(big)
        #expect(try store.boardCases(today: today, closedWindowDays: nil).count == 2)
        #expect(try IntegrityCheck.run(path: path).isHealthy)
    }
}
