import BoardCore
import Foundation
import Testing
@testable import BoardStore

/// The board opens without waiting for the integrity check; writes wait for its verdict.
@Suite("Integrity check before the first write")
struct DeferredIntegrityCheckTests {
    let today = day(2026, 3, 16)

    @Test func aSoundStoreOpensAndWrites() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("bord.sqlite")
        do { _ = try Store(path: path, user: "anouk").addReport(report("2025-0001")) }
        let store = try Store(path: path, user: "anouk", integrityCheck: .beforeFirstWrite)
        #expect(store.file.integrity != nil, "an existing store is checked in the background")
        #expect(store.file.integrity?.hasStarted == false, "not while the board loads")
        try store.addReport(report("2025-0002"))
        #expect(store.file.integrity?.hasStarted == true, "a write starts it, and waits for it")
        #expect(try store.boardCases(today: today, closedWindowDays: nil).count == 2)
        let reader = try Store(path: path, user: "anouk", integrityCheck: .beforeFirstWrite)
        _ = try reader.boardCases(today: today, closedWindowDays: nil)
        #expect(reader.file.integrity?.hasStarted == true, "the board has loaded: now the check runs beside it")
        // A new store has nothing to check.
        #expect(try Store(path: scratch.file("nieuw.sqlite"), user: "anouk", integrityCheck: .beforeFirstWrite).file.integrity == nil)
    }

    /// The same damage as in IntegrityCheckTests: with the check in the background the store may
    /// open (or fail on the damaged page while reading), but no write goes through. Opening a pool
    /// lets GRDB create and drop an empty marker table when there is no WAL file yet (GRDB issue
    /// 102): that allocates at most one page and never touches the damaged one.
    @Test func nothingIsWrittenToADamagedStore() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("bord.sqlite")
        do {
            let store = try Store(path: path, user: "anouk")
            for number in 1...150 { try store.addReport(report("2025-\(1000 + number)", family: String(repeating: "Gezin ", count: 20))) }
        }
        var data = try #require(bytes(path))
        let pageSize = 4096
        let page = data.count / pageSize / 2
        for offset in 0..<200 { data[page * pageSize + offset] = UInt8(truncatingIfNeeded: offset &* 37 &+ 11) }
        try data.write(to: URL(fileURLWithPath: path))

        do {
            let store = try Store(path: path, user: "anouk", integrityCheck: .beforeFirstWrite)
            guard case .damaged? = storeError({ try store.addReport(report("2025-0001")) }) else {
                Issue.record("a write to a damaged store must be refused as damaged")
                return
            }
        } catch let error as StoreError {
            guard case .damaged = error else {
                Issue.record("expected .damaged, got \(error)")
                return
            }
        }
        let after = try #require(bytes(path))
        let damaged = page * pageSize..<(page + 1) * pageSize
        #expect(after[damaged] == data[damaged], "the damaged page is untouched")
        #expect(after.count <= data.count + pageSize, "no case or event was written")
        #expect(!(try IntegrityCheck.run(path: path).isHealthy), "the damage is still there to be found and repaired")
    }
}
