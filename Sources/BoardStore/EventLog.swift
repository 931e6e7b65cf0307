import BoardCore
import Foundation
import GRDB

/// What a store remembers during one write transaction: the tip of the event chain (so that
/// appending an event needs no extra query), whether the writer may change things (checked once),
/// and the records changed since the last event, which the next event names (ChangedRecords.swift).
/// Forgotten when the transaction ends, since other processes may write in between.
final class TransactionMemory: @unchecked Sendable {
    private let lock = NSLock()
    private var active = false
    private var tip: (id: Int64, hash: [UInt8]?)?
    private var staffChecked = false
    private var random = RandomBytes()
    private var background: BackgroundChain?
    let changes = ChangedRecords()

    /// A fresh random salt for one event.
    func salt() -> [UInt8] {
        lock.withLock { random.take(EventChain.saltLength) }
    }

    /// Starts remembering for the transaction `db` is in, once per transaction; every write
    /// transaction of the store calls this before it writes, so that its changes are seen.
    func begin(_ db: any StoreDatabase) {
        db.beginRecording(self)
    }

    /// Whether this is the transaction's first `begin` (the database then starts recording).
    func start() -> Bool {
        lock.withLock {
            if active { return false }
            active = true
            return true
        }
    }

    /// Refuses to commit changes that no event names: every path that changes a covered record
    /// appends its event afterwards, so this is a fault in Beschermbord, and nothing is stored.
    func requireNoUnloggedChanges(_ db: any StoreDatabase) throws {
        guard let first = try db.pendingRecordChanges(self).first else { return }
        throw StoreError.writeFailed("interne fout: een gegeven in tabel \(first.table) (rij \(first.rowid)) "
                                     + "is gewijzigd zonder gebeurtenis in het logboek; er is niets opgeslagen")
    }

    func forget() {
        lock.withLock {
            active = false
            tip = nil
            staffChecked = false
            background = nil
        }
        changes.stop()
    }

    /// Set while a large write hashes its events in the background (see `BackgroundChain`).
    var backgroundChain: BackgroundChain? {
        get { lock.withLock { background } }
        set { lock.withLock { background = newValue } }
    }

    var chainTip: (id: Int64, hash: [UInt8]?)? {
        get { lock.withLock { tip } }
        set { lock.withLock { tip = newValue } }
    }

    var hasCheckedStaff: Bool {
        get { lock.withLock { staffChecked } }
        set { lock.withLock { staffChecked = newValue } }
    }
}

/// Random bytes for the salts, fetched from the system 4 KiB at a time (one system call per
/// 256 events rather than two per event: the demo builder and an import write millions of events).
struct RandomBytes {
    private var pool: [UInt8] = []
    private var position = 0

    mutating func take(_ count: Int) -> [UInt8] {
        if position + count > pool.count {
            pool = [UInt8](repeating: 0, count: 4096)
            // One call (getrandom underneath); SystemRandomNumberGenerator makes one per eight bytes on Linux.
            pool.withUnsafeMutableBytes { arc4random_buf($0.baseAddress!, $0.count) }
            position = 0
        }
        defer { position += count }
        return Array(pool[position..<(position + count)])
    }
}

/// The event log as a hash chain (see `EventChain` for the serialization).
enum EventLog {
    /// Inserts one event with its salt and hash, naming `records` (version 2 of the chain). The tip
    /// of the chain is read once per transaction and then kept in `memory`. The id is predicted
    /// from the tip; if the insert lands elsewhere (a savepoint that inserted events was rolled
    /// back), the hash is recomputed from the real
    /// predecessor, so the chain is right in every case and costs no extra query in the usual one.
    static func append(_ db: any StoreDatabase, memory: TransactionMemory, caseID: CaseID?, familyID: FamilyID?,
                       recordedAt: String, user: String, kind: String, from: String?, to: String?, day: String, detail: String,
                       records entries: [RecordDigest.Entry]) throws {
        memory.begin(db)
        let records = RecordDigest.encode(entries)
        if let background = memory.backgroundChain {
            try background.append(db, caseID: caseID, familyID: familyID, recordedAt: recordedAt, user: user, kind: kind,
                                  from: from, to: to, day: day, detail: detail, records: records)
            return
        }
        let tip: (id: Int64, hash: [UInt8]?)
        if let known = memory.chainTip {
            tip = known
        } else {
            tip = try readTip(db)
        }
        let salt = memory.salt()
        let digest = EventChain.detailDigest(salt: salt, detail: Array(detail.utf8))
        var content = EventChain.Content(id: tip.id + 1, caseID: caseID, familyID: familyID, recordedAt: recordedAt, user: user,
                                         kind: kind, fromStage: from, toStage: to, day: day, detailDigest: digest, records: records)
        var hash = EventChain.hash(previous: tip.hash, content)
        let values: [SQLValue] = [caseID.sqlValue, familyID.sqlValue, .text(recordedAt), .text(user), .text(kind), from.sqlValue,
                                  to.sqlValue, .text(day), .text(detail), .blob(hash), .blob(salt), records.sqlValue]
        let id: Int64
        switch db.dialect {
        case .sqlite:
            // SQLite numbers the row one past the highest id, the chain's next link.
            id = try db.insert("""
                INSERT INTO event (case_id, family_id, recorded_at, "user", kind, from_stage, to_stage, day, detail, hash, salt, records)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, values: values)
        case .postgres:
            // The server's sequence leaves gaps after a rolled-back write, which `check` would read
            // as missing events: the id is the tip's successor (writers take turns, ServerBackend).
            id = content.id
            try db.execute("""
                INSERT INTO event (id, case_id, family_id, recorded_at, "user", kind, from_stage, to_stage, day, detail, hash, salt, records)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, values: [.integer(id)] + values)
        }
        if id != content.id {
            let previous = try db.value([UInt8].self, sql: "SELECT hash FROM event WHERE id < ? ORDER BY id DESC LIMIT 1", arguments: [id])
            content.id = id
            hash = EventChain.hash(previous: previous, content)
            try db.run("UPDATE event SET hash = ? WHERE id = ?", hash, id)
        }
        memory.chainTip = (id, hash)
    }

    /// The newest event and its hash; nil in an empty log (or one from before the chain).
    static func head(_ db: any StoreDatabase) throws -> ChainHead? {
        let tip = try readTip(db)
        guard tip.id > 0, let hash = tip.hash else { return nil }
        return ChainHead(id: tip.id, hash: Hex.string(hash))
    }

    static func readTip(_ db: any StoreDatabase) throws -> (id: Int64, hash: [UInt8]?) {
        // On the server a staff member may not see the newest event (another login's opening of
        // a dossier): the server's function reads it (ServerEnforcedRoles.swift).
        let sql = switch db.dialect {
        case .sqlite: "SELECT id, hash FROM event ORDER BY id DESC LIMIT 1"
        case .postgres: "SELECT id, hash FROM event_chain_tip()"
        }
        guard let row = try db.row(sql: sql) else {
            return (0, nil)
        }
        return (row["id"], row["hash"])
    }

    /// The columns that the chain covers, as stored bytes, in `EventChain.Content` order; the
    /// records field from schema `v14-record-digests` on (NULL before it).
    static func contentColumns(withRecords: Bool) -> String {
        """
        id, case_id, family_id, CAST(recorded_at AS BLOB), CAST(user AS BLOB), CAST(kind AS BLOB),
        CAST(from_stage AS BLOB), CAST(to_stage AS BLOB), CAST(day AS BLOB), CAST(detail AS BLOB), hash, salt, detail_digest,
        \(withRecords ? "records" : "NULL")
        """
    }

    /// Hashes every event that has none yet, in id order: run by the migration that introduced
    /// the chain, for the events recorded before it. Works in batches to keep memory flat.
    static func backfill(_ db: Database) throws {
        var random = RandomBytes()
        var previous: [UInt8]? = nil
        var after: Int64 = 0
        while true {
            let rows = try Row.fetchAll(db, sql: "SELECT \(contentColumns(withRecords: false)) FROM event WHERE id > ? ORDER BY id LIMIT 5000",
                                        arguments: [after])
            guard let last = rows.last else { return }
            for row in rows {
                let stored = StoredEvent(row)
                var hash = stored.hash
                if hash == nil {
                    let salt = random.take(EventChain.saltLength)
                    let content = stored.content(detailDigest: EventChain.detailDigest(salt: salt, detail: stored.detail))
                    hash = EventChain.hash(previous: previous, content)
                    try db.cachedStatement(sql: "UPDATE event SET hash = ?, salt = ? WHERE id = ?")
                        .execute(arguments: [Data(hash!), Data(salt), stored.id])
                }
                previous = hash
            }
            after = last[0]
        }
    }

    /// The first event whose hash does not follow from its content and its predecessor.
    struct Break: Equatable, Sendable {
        var id: Int64
        var recordedAt: String
        var user: String
        var reason: String
    }

    struct Verification: Equatable, Sendable {
        var events = 0
        var erased = 0
        var breaks = 0
        var firstBreak: Break?
        /// The newest event's id and hash: write it down (in minutes, a ticket) to notice later
        /// that the newest events were removed, which a chain alone cannot show.
        var tip: ChainHead?
    }

    /// Recomputes the whole chain. A broken link does not stop the walk: the next event is checked
    /// against the stored hash of the broken one, so one altered event counts as one break.
    static func verify(_ db: Database) throws -> Verification {
        var result = Verification()
        var previous: [UInt8]? = nil
        var previousID: Int64? = nil
        var tip: (id: Int64, hash: [UInt8])?
        var sawVersion2 = false
        let withRecords = try db.columns(in: "event").contains { $0.name == "records" }
        let cursor = try Row.fetchCursor(db, sql: "SELECT \(contentColumns(withRecords: withRecords)) FROM event ORDER BY id")
        while let row = try cursor.next() {
            let stored = StoredEvent(row)
            result.events += 1
            var reason: String?
            if let previousID, stored.id != previousID + 1 {
                let missing = stored.id - previousID - 1
                reason = missing == 1 ? "gebeurtenis \(previousID + 1) ontbreekt" : "gebeurtenissen \(previousID + 1) t/m \(stored.id - 1) ontbreken"
            }
            let digest: [UInt8]?
            if let kept = stored.keptDigest {
                result.erased += 1
                if stored.salt != nil || stored.detail != Array(Retention.placeholder.utf8) {
                    reason = reason ?? "de toelichting is als verwijderd gemarkeerd maar niet verwijderd"
                }
                digest = kept
            } else if let salt = stored.salt {
                digest = EventChain.detailDigest(salt: salt, detail: stored.detail)
            } else {
                digest = nil
            }
            if let hash = stored.hash, let digest {
                if reason == nil, EventChain.hash(previous: previous, stored.content(detailDigest: digest)) != hash {
                    reason = previousID == nil
                        ? "de inhoud is gewijzigd na het vastleggen"
                        : "de inhoud is gewijzigd na het vastleggen, of de schakel sluit niet aan op gebeurtenis \(previousID!)"
                }
            } else {
                reason = reason ?? "de gebeurtenis heeft geen hash (buiten Beschermbord om toegevoegd?)"
            }
            if stored.records != nil {
                sawVersion2 = true
            } else if sawVersion2 {
                reason = reason ?? "de gebeurtenis is in het oude formaat (zonder gedekte gegevens), maar volgt op gebeurtenissen in het nieuwe"
            }
            if let reason {
                result.breaks += 1
                if result.firstBreak == nil {
                    result.firstBreak = Break(id: stored.id, recordedAt: String(decoding: stored.recordedAt, as: UTF8.self),
                                              user: String(decoding: stored.user, as: UTF8.self), reason: reason)
                }
            }
            previous = stored.hash
            previousID = stored.id
            if let hash = stored.hash { tip = (stored.id, hash) }
        }
        result.tip = tip.map { ChainHead(id: $0.id, hash: Hex.string($0.hash)) }
        return result
    }

    /// One row of `contentColumns`.
    struct StoredEvent {
        var id: Int64
        var caseID: Int64?
        var familyID: Int64?
        var recordedAt: [UInt8]
        var user: [UInt8]
        var kind: [UInt8]
        var fromStage: [UInt8]?
        var toStage: [UInt8]?
        var day: [UInt8]
        var detail: [UInt8]
        var hash: [UInt8]?
        var salt: [UInt8]?
        var keptDigest: [UInt8]?
        var records: [UInt8]?

        init(_ row: Row) {
            id = row[0]
            caseID = row[1]
            familyID = row[2]
            recordedAt = Self.bytes(row, 3) ?? []
            user = Self.bytes(row, 4) ?? []
            kind = Self.bytes(row, 5) ?? []
            fromStage = Self.bytes(row, 6)
            toStage = Self.bytes(row, 7)
            day = Self.bytes(row, 8) ?? []
            detail = Self.bytes(row, 9) ?? []
            hash = Self.bytes(row, 10)
            salt = Self.bytes(row, 11)
            keptDigest = Self.bytes(row, 12)
            records = Self.bytes(row, 13)
        }

        func content(detailDigest: [UInt8]) -> EventChain.Content {
            EventChain.Content(id: id, caseID: caseID, familyID: familyID, recordedAt: recordedAt, user: user, kind: kind,
                               fromStage: fromStage, toStage: toStage, day: day, detailDigest: detailDigest, records: records)
        }

        /// The stored bytes of a column (texts are selected `CAST(... AS BLOB)`), without going
        /// through a copied `Data`: the check reads millions of these.
        static func bytes(_ row: Row, _ index: Int) -> [UInt8]? {
            if row.hasNull(atIndex: index) { return nil }
            let value = try? row.withUnsafeData(atIndex: index) { data -> [UInt8] in
                guard let data else { return [] }
                return data.withUnsafeBytes { [UInt8]($0) }
            }
            if let value { return value }
            let fallback: DatabaseValue = row[index]
            switch fallback.storage {
            case .null: return nil
            case .blob(let data): return [UInt8](data)
            case .string(let text): return Array(text.utf8)
            case .int64(let number): return Array(String(number).utf8)
            case .double(let number): return Array(String(number).utf8)
            }
        }
    }
}

extension Store {
    /// The body of `appendEvent`: refuses changes by users who are not on the staff list (reading,
    /// such as opening a dossier, is logged for everyone), refuses text that cannot be stored
    /// faithfully, and appends the event to the hash chain.
    func appendChainedEvent(_ db: any StoreDatabase, caseID: CaseID?, familyID: FamilyID?, kind: EventKind, from: Stage?, to: Stage?,
                            day: Day, detail: String, recordedAt: String?, user recordedUser: String?) throws {
        memory.begin(db)
        if !kind.isAccess && !memory.hasCheckedStaff {
            try requireStaff(db, for: .changeCases)
            memory.hasCheckedStaff = true
        }
        try StoreText.check(detail, field: "De toelichting")
        try EventLog.append(db, memory: memory, caseID: caseID, familyID: familyID,
                            recordedAt: recordedAt ?? Clock.timestamp(), user: recordedUser ?? user, kind: kind.rawValue,
                            from: from?.rawValue, to: to?.rawValue, day: day.iso, detail: detail, records: try db.takeChangedRecords(memory))
    }
}
