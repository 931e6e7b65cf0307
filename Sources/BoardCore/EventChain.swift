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
/// Columns added to the event table later are not covered; covering them needs a version 2 of
/// this serialization.
public enum EventChain {
    public static let version = "beschermbord-gebeurtenis-v1"
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

        public init(id: Int64, caseID: Int64?, familyID: Int64?, recordedAt: [UInt8], user: [UInt8], kind: [UInt8],
                    fromStage: [UInt8]?, toStage: [UInt8]?, day: [UInt8], detailDigest: [UInt8]) {
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
        }

        /// From Swift values, as `appendEvent` has them.
        public init(id: Int64, caseID: Int64?, familyID: Int64?, recordedAt: String, user: String, kind: String,
                    fromStage: String?, toStage: String?, day: String, detailDigest: [UInt8]) {
            self.init(id: id, caseID: caseID, familyID: familyID, recordedAt: Array(recordedAt.utf8), user: Array(user.utf8),
                      kind: Array(kind.utf8), fromStage: fromStage.map { Array($0.utf8) }, toStage: toStage.map { Array($0.utf8) },
                      day: Array(day.utf8), detailDigest: detailDigest)
        }
    }

    public static func detailDigest(salt: [UInt8], detail: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(salt)
        hasher.update(detail)
        return hasher.finalize()
    }

    /// The canonical bytes described above.
    public static func canonical(previous: [UInt8]?, _ content: Content) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(360 + content.user.count + content.recordedAt.count)
        out.append(contentsOf: versionLine)
        appendHex(&out, "prev=", previous)
        appendNumber(&out, "id=", content.id)
        appendNumber(&out, "case_id=", content.caseID)
        appendNumber(&out, "family_id=", content.familyID)
        appendText(&out, "recorded_at=", content.recordedAt)
        appendText(&out, "user=", content.user)
        appendText(&out, "kind=", content.kind)
        appendText(&out, "from_stage=", content.fromStage)
        appendText(&out, "to_stage=", content.toStage)
        appendText(&out, "day=", content.day)
        appendHex(&out, "detail=", content.detailDigest)
        return out
    }

    private static let versionLine = Array((version + "\n").utf8)
    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func appendName(_ out: inout [UInt8], _ name: StaticString) {
        name.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    private static func appendHex(_ out: inout [UInt8], _ name: StaticString, _ value: [UInt8]?) {
        appendName(&out, name)
        if let value {
            for byte in value {
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0f)])
            }
        } else {
            out.append(UInt8(ascii: "-"))
        }
        out.append(0x0A)
    }

    private static func appendNumber(_ out: inout [UInt8], _ name: StaticString, _ value: Int64?) {
        appendName(&out, name)
        if let value {
            out.append(UInt8(ascii: "i"))
            out.append(contentsOf: String(value).utf8)
        } else {
            out.append(UInt8(ascii: "-"))
        }
        out.append(0x0A)
    }

    private static func appendText(_ out: inout [UInt8], _ name: StaticString, _ value: [UInt8]?) {
        appendName(&out, name)
        if let value {
            out.append(UInt8(ascii: "s"))
            out.append(contentsOf: String(value.count).utf8)
            out.append(UInt8(ascii: ":"))
            out.append(contentsOf: value)
        } else {
            out.append(UInt8(ascii: "-"))
        }
        out.append(0x0A)
    }

    /// The event's hash: SHA-256 over the canonical bytes.
    public static func hash(previous: [UInt8]?, _ content: Content) -> [UInt8] {
        SHA256.hash(canonical(previous: previous, content))
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
