/// The event log as a hash chain: every event carries a SHA-256 over its own content and the hash
/// of the event before it (in id order). Changing, removing or inserting an event afterwards breaks
/// the chain from that point on, and `beschermbord check` names the first broken link.
///
/// ## The canonical serialization (version 1)
///
/// The hash of an event is `SHA-256(canonical bytes)`; the canonical bytes are the line
/// `beschermbord-gebeurtenis-v1` followed by these eleven fields, in this order, each as
/// `name=value` and a line feed (0x0A):
///
/// | field         | value                                                                     |
/// |---------------|---------------------------------------------------------------------------|
/// | `prev`        | the previous event's hash as 64 lowercase hex digits; `-` for the first   |
/// | `id`          | the event's row id                                                        |
/// | `case_id`     | the case's row id, or `-`                                                 |
/// | `family_id`   | the family's row id, or `-`                                               |
/// | `recorded_at` | the stored text (UTC, ISO 8601)                                           |
/// | `user`        | the stored text                                                           |
/// | `kind`        | the stored text                                                           |
/// | `from_stage`  | the stored text, or `-`                                                   |
/// | `to_stage`    | the stored text, or `-`                                                   |
/// | `day`         | the stored text (`jjjj-mm-dd`)                                            |
/// | `detail`      | the detail's digest as 64 lowercase hex digits (see below)                |
///
/// Numbers are written as `i` and their decimal digits (`i42`, `i-1`). Texts are written as `s`,
/// their length in UTF-8 bytes, a colon and the bytes themselves (`s5:anouk`), so that no content
/// can be mistaken for a separator. `-` stands for SQL NULL.
///
/// The detail enters through a digest, `SHA-256(salt ‖ detail bytes)`, with a random 16-byte salt
/// kept beside the event. Free text may hold personal data that must be erased when the retention
/// period ends: erasure stores the digest, replaces the text with a placeholder and deletes the
/// salt, so the chain still verifies while the digest no longer allows guessing the erased text
/// (without the salt, trying likely names is hopeless).
///
/// ## Version 2: the records the change wrote
///
/// Events written since schema `v14-record-digests` use the line `beschermbord-gebeurtenis-v2`
/// and add a twelfth field after `detail`:
///
/// | field     | value                                                                          |
/// |-----------|--------------------------------------------------------------------------------|
/// | `records` | SHA-256 of the event's records field as 64 lowercase hex digits; `-` when empty |
///
/// The records field (stored in `event.records`, format in `RecordDigest`) names every record
/// the change wrote, with a digest of its content, so the log covers the dossier itself and not
/// only the story of it. An event whose `records` column is NULL is of version 1; older events
/// keep verifying as they were written, and no version 1 event may follow a version 2 one.
public enum EventChain {
    public static let version = "beschermbord-gebeurtenis-v1"
    public static let version2 = "beschermbord-gebeurtenis-v2"
    public static let saltLength = 16

    /// One event's fields as stored (texts as their stored bytes).
    public struct Content: Equatable, Sendable {
        public var id: Int64
        public var caseID: Int64?
        public var familyID: Int64?
        public var recordedAt: [UInt8]
        public var user: [UInt8]
        public var kind: [UInt8]
        public var fromStage: [UInt8]?
        public var toStage: [UInt8]?
        public var day: [UInt8]
        /// `detailDigest(salt:detail:)`, or the digest kept when the detail was erased.
        public var detailDigest: [UInt8]
        /// Version 2: the records field (`RecordDigest.encode`), empty when the change wrote no
        /// record. Nil for a version 1 event.
        public var records: [UInt8]?

        public init(id: Int64, caseID: Int64?, familyID: Int64?, recordedAt: [UInt8], user: [UInt8], kind: [UInt8],
                    fromStage: [UInt8]?, toStage: [UInt8]?, day: [UInt8], detailDigest: [UInt8], records: [UInt8]?) {
            self.id = id
            self.caseID = caseID
            self.familyID = familyID
            self.recordedAt = recordedAt
            self.user = user
            self.kind = kind
            self.fromStage = fromStage
            self.toStage = toStage
            self.day = day
            self.detailDigest = detailDigest
            self.records = records
        }

        /// From Swift values, as `appendEvent` has them.
        public init(id: Int64, caseID: Int64?, familyID: Int64?, recordedAt: String, user: String, kind: String,
                    fromStage: String?, toStage: String?, day: String, detailDigest: [UInt8], records: [UInt8]?) {
            self.init(id: id, caseID: caseID, familyID: familyID, recordedAt: Array(recordedAt.utf8), user: Array(user.utf8),
                      kind: Array(kind.utf8), fromStage: fromStage.map { Array($0.utf8) }, toStage: toStage.map { Array($0.utf8) },
                      day: Array(day.utf8), detailDigest: detailDigest, records: records)
        }
    }

    public static func detailDigest(salt: [UInt8], detail: [UInt8]) -> [UInt8] {
        var hasher = SHA256Hasher()
        hasher.update(salt)
        hasher.update(detail)
        return hasher.finalize()
    }

    /// The canonical bytes described above.
    public static func canonical(previous: [UInt8]?, _ content: Content) -> [UInt8] {
        serialize(previous: previous, content) { Array($0) }
    }

    /// The event's hash: SHA-256 over the canonical bytes.
    public static func hash(previous: [UInt8]?, _ content: Content) -> [UInt8] {
        serialize(previous: previous, content) { SHA256Hasher.hash($0) }
    }

    /// Writes the canonical bytes into one scratch buffer (on the stack when small, which is
    /// nearly always) and hands them to `body`: this runs for every event the demo writes.
    static func serialize<Result>(previous: [UInt8]?, _ content: Content, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        let variable = content.recordedAt.count + content.user.count + content.kind.count + (content.fromStage?.count ?? 0)
            + (content.toStage?.count ?? 0) + content.day.count
        let capacity = versionLine.count + 500 + variable
        // Most events write no record: their records field is empty and costs no hashing.
        let recordsDigest = content.records.flatMap { $0.isEmpty ? nil : SHA256Hasher.hash($0) }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var out = RawWriter(base: buffer.baseAddress!)
            out.put(content.records == nil ? versionLine : version2Line)
            out.hex("prev=", previous)
            out.number("id=", content.id)
            out.number("case_id=", content.caseID)
            out.number("family_id=", content.familyID)
            out.text("recorded_at=", content.recordedAt)
            out.text("user=", content.user)
            out.text("kind=", content.kind)
            out.text("from_stage=", content.fromStage)
            out.text("to_stage=", content.toStage)
            out.text("day=", content.day)
            out.hex("detail=", content.detailDigest)
            if content.records != nil { out.hex("records=", recordsDigest) }
            precondition(out.count <= capacity)
            return body(UnsafeRawBufferPointer(start: buffer.baseAddress!, count: out.count))
        }
    }

    fileprivate static let versionLine = Array((version + "\n").utf8)
    fileprivate static let version2Line = Array((version2 + "\n").utf8)
}

/// Appends to a buffer that is known to be large enough (see `EventChain.serialize`).
private struct RawWriter {
    let base: UnsafeMutablePointer<UInt8>
    var count = 0

    init(base: UnsafeMutablePointer<UInt8>) { self.base = base }

    @inline(__always) mutating func put(byte: UInt8) {
        base[count] = byte
        count += 1
    }

    mutating func put(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { source in
            guard let address = source.baseAddress else { return }
            (base + count).update(from: address, count: source.count)
            count += source.count
        }
    }

    mutating func label(_ name: StaticString) {
        (base + count).update(from: name.utf8Start, count: name.utf8CodeUnitCount)
        count += name.utf8CodeUnitCount
    }

    mutating func hex(_ name: StaticString, _ value: [UInt8]?) {
        label(name)
        if let value {
            for byte in value {
                put(byte: hexDigit(byte >> 4))
                put(byte: hexDigit(byte & 0x0f))
            }
        } else {
            put(byte: UInt8(ascii: "-"))
        }
        put(byte: 0x0A)
    }

    mutating func number(_ name: StaticString, _ value: Int64?) {
        label(name)
        if let value {
            put(byte: UInt8(ascii: "i"))
            decimal(value)
        } else {
            put(byte: UInt8(ascii: "-"))
        }
        put(byte: 0x0A)
    }

    mutating func text(_ name: StaticString, _ value: [UInt8]?) {
        label(name)
        if let value {
            put(byte: UInt8(ascii: "s"))
            decimal(Int64(value.count))
            put(byte: UInt8(ascii: ":"))
            put(value)
        } else {
            put(byte: UInt8(ascii: "-"))
        }
        put(byte: 0x0A)
    }

    /// Decimal digits without building a String.
    mutating func decimal(_ value: Int64) {
        if value < 0 { put(byte: UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits = 1
        var scale: UInt64 = 1
        while magnitude / scale >= 10 {
            scale *= 10
            digits += 1
        }
        for _ in 0..<digits {
            put(byte: UInt8(ascii: "0") + UInt8(magnitude / scale))
            magnitude %= scale
            scale /= 10
        }
    }

    @inline(__always) func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}

extension EventKind {
    /// Events that record reading, not changing: anyone who may read may cause them, also a user
    /// who is not on the staff list (every opening of a dossier is logged, NEN 7513).
    public var isAccess: Bool {
        switch self {
        case .geopend, .inzageGeexporteerd: return true
        default: return false
        }
    }
}
