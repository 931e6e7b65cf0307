import BoardCore
import Foundation
import GRDB
import Testing
@testable import BoardStore

/// Events appended while `BackgroundChain` hashes them on a second thread: the chain holds, the
/// ids are the ones hashed, and appending afterwards continues from the right tip.
@Suite("The event chain, hashed in the background")
struct BackgroundChainTests {
    func append(_ db: Database, _ store: Store, _ detail: String) throws {
        try EventLog.append(db, memory: store.memory, caseID: nil, familyID: nil, recordedAt: "2025-06-30T10:00:00Z", user: "anouk",
                            kind: EventKind.medewerkerGewijzigd.rawValue, from: nil, to: nil, day: "2025-06-30", detail: detail, records: [])
    }

    func details(_ store: Store) throws -> [String] {
        try store.pool.read { db in try String.fetchAll(db, sql: "SELECT detail FROM event ORDER BY id") }
    }

    /// Ten events in batches of three (so four hand-overs, the last one partial), then one the usual way.
    @Test func theChainHoldsAcrossBatchesAndAfter() throws {
        let scratch = try ScratchDirectory()
        let store = try Store(path: scratch.file("bord.sqlite"), user: "anouk")
        let before = try details(store)
        #expect(!before.isEmpty, "a new store logs its first teamleider")
        try store.pool.write { db in
            try BackgroundChain.hashing(db, memory: store.memory, batchSize: 3) {
                for number in 1...10 { try append(db, store, "achtergrond \(number)") }
            }
            #expect(store.memory.backgroundChain == nil)
            try append(db, store, "daarna")
        }
        #expect(try details(store) == before + (1...10).map { "achtergrond \($0)" } + ["daarna"])
        let chain = try store.pool.read { db in try EventLog.verify(db) }
        #expect(chain.events == before.count + 11)
        #expect(chain.breaks == 0 && chain.firstBreak == nil)
    }

    /// A failure halfway rolls back what was inserted and what was still being hashed; the next
    /// write appends from the tip before it.
    @Test func aFailureLeavesTheChainAsItWas() throws {
        struct Broken: Error {}
        let scratch = try ScratchDirectory()
        let store = try Store(path: scratch.file("bord.sqlite"), user: "anouk")
        let before = try details(store)
        #expect(throws: Broken.self) {
            try store.pool.write { db in
                try BackgroundChain.hashing(db, memory: store.memory, batchSize: 2) {
                    for number in 1...7 { try append(db, store, "mislukt \(number)") }
                    throw Broken()
                }
            }
        }
        #expect(store.memory.backgroundChain == nil)
        #expect(try details(store) == before)
        try store.pool.write { db in try append(db, store, "opnieuw") }
        let chain = try store.pool.read { db in try EventLog.verify(db) }
        #expect(chain.events == before.count + 1 && chain.breaks == 0)
    }
}
