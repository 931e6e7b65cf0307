import BoardCore
import Dispatch
import Foundation
import GRDB

/// Hashes the events of a large write on a second thread: during an import the writing thread was
/// the bottleneck (the reading thread waited for it most of the time), and about a sixth of its
/// time went into SHA-256 for the event chain.
///
/// The writer hands each event over as it is appended (`EventLog.append` does, while this is
/// active) and goes on with the next rows; the events are hashed in order, a batch at a time, and
/// inserted a batch later, after the writer has gone on. Each event gets its id up front, the next
/// after the chain's tip, and is inserted with it, so the ids the hashes cover are the ids stored
/// (nothing else appends events in the meantime: every append comes here). The event's own row is
/// written later than the case it belongs to, which nothing in an import reads in between.
/// `finish` writes the rest and leaves the tip in the transaction's memory for later appends.
final class BackgroundChain {
    /// One event as appended, before its salt and hash.
    private struct Pending {
        var id: Int64
        var caseID: CaseID?
        var familyID: FamilyID?
        var recordedAt: String
        var user: String
        var kind: String
        var from: String?
        var to: String?
        var day: String
        var detail: String
        /// The records field (`RecordDigest.encode`) of the records this event names.
        var records: [UInt8]
    }

    /// A batch on its way through the hashing thread; `hashed` is set there, then `done` signalled.
    private final class Batch: @unchecked Sendable {
        let events: [Pending]
        var hashed: [(salt: [UInt8], hash: [UInt8])] = []
        let done = DispatchSemaphore(value: 0)
        init(_ events: [Pending]) { self.events = events }
    }

    /// The chain as far as the hashing thread got; touched on `queue` only.
    private final class HashingState: @unchecked Sendable {
        var previous: [UInt8]?
        var random = RandomBytes()
        init(previous: [UInt8]?) { self.previous = previous }
    }

    private let batchSize: Int
    private let queue = DispatchQueue(label: "beschermbord.event-hashing")
    private let state: HashingState
    private var nextID: Int64
    private var filling: [Pending] = []
    /// Handed to the hashing thread, not yet inserted: one at most, so the writer never waits
    /// unless hashing falls a whole batch behind.
    private var inFlight: Batch?
    private var lastHash: [UInt8]?

    /// Runs `body` (part of a write transaction) with every event it appends hashed in the background.
    static func hashing<T>(_ db: any StoreDatabase, memory: TransactionMemory, batchSize: Int = 1024, _ body: () throws -> T) throws -> T {
        memory.begin(db)
        let chain = BackgroundChain(tip: try memory.chainTip ?? EventLog.readTip(db), batchSize: batchSize)
        memory.backgroundChain = chain
        defer { memory.backgroundChain = nil }
        let result = try body()
        memory.chainTip = try chain.finish(db)
        return result
    }

    private init(tip: (id: Int64, hash: [UInt8]?), batchSize: Int) {
        self.batchSize = max(1, batchSize)
        nextID = tip.id + 1
        state = HashingState(previous: tip.hash)
        lastHash = tip.hash
        filling.reserveCapacity(batchSize)
    }

    /// Writer: one event; inserted later (by this call for an earlier batch, or by `finish`).
    func append(_ db: any StoreDatabase, caseID: CaseID?, familyID: FamilyID?, recordedAt: String, user: String, kind: String,
                from: String?, to: String?, day: String, detail: String, records: [UInt8]) throws {
        filling.append(Pending(id: nextID, caseID: caseID, familyID: familyID, recordedAt: recordedAt, user: user, kind: kind,
                               from: from, to: to, day: day, detail: detail, records: records))
        nextID += 1
        if filling.count >= batchSize { try handOver(db) }
    }

    /// Writer: waits for what is being hashed, inserts it all, and returns the chain's new tip.
    private func finish(_ db: any StoreDatabase) throws -> (id: Int64, hash: [UInt8]?) {
        try handOver(db)
        try insertInFlight(db)
        return (nextID - 1, lastHash)
    }

    private func handOver(_ db: any StoreDatabase) throws {
        guard !filling.isEmpty else { return }
        let batch = Batch(filling)
        filling = []
        filling.reserveCapacity(batchSize)
        let state = state
        queue.async {
            batch.hashed = batch.events.map { event in
                let salt = state.random.take(EventChain.saltLength)
                let content = EventChain.Content(
                    id: event.id, caseID: event.caseID, familyID: event.familyID, recordedAt: event.recordedAt, user: event.user,
                    kind: event.kind, fromStage: event.from, toStage: event.to, day: event.day,
                    detailDigest: EventChain.detailDigest(salt: salt, detail: Array(event.detail.utf8)), records: event.records)
                let hash = EventChain.hash(previous: state.previous, content)
                state.previous = hash
                return (salt, hash)
            }
            batch.done.signal()
        }
        try insertInFlight(db)
        inFlight = batch
    }

    private func insertInFlight(_ db: any StoreDatabase) throws {
        guard let batch = inFlight else { return }
        inFlight = nil
        batch.done.wait()
        for (event, sealed) in zip(batch.events, batch.hashed) {
            try db.run("""
                INSERT INTO event (id, case_id, family_id, recorded_at, "user", kind, from_stage, to_stage, day, detail, hash, salt, records)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, event.id, event.caseID, event.familyID, event.recordedAt, event.user, event.kind, event.from, event.to,
                event.day, event.detail, sealed.hash, sealed.salt, event.records)
        }
        lastHash = batch.hashed.last?.hash ?? lastHash
    }
}
