/// What the log knows of the records a change wrote: each record's content as a digest, carried
/// by the change's event (version 2 of `EventChain`). `beschermbord check` recomputes every
/// record's digest and compares it with the newest event that names the record.
///
/// ## A record's digest (version 1)
///
/// `SHA-256` over the line `beschermbord-gegeven-v1`, then `table=` and the table's name, then
/// one line `column=value` per covered column in the order the store lists them, each line ended
/// by a line feed (0x0A). Values are written as stored, with the event
/// chain's encoding: `-` for NULL, `i` and decimal digits for an integer, `s`, the length in
/// bytes, `:` and the bytes for text, `b` the same way for a blob, and `f` with the 16 hex digits
/// of the IEEE 754 bit pattern for a real (no column holds one today).
///
/// ## The records field of an event
///
/// One entry per record, each: the table's name as text (`s5:child`), the record's row id as an
/// integer (`i42`), then `=` and the 32 bytes of the digest, or `-` when the change deleted the
/// record, and a line feed. An event that wrote no record has an empty field.
/// The event's hash covers `SHA-256` of this field (see `EventChain`).
public enum RecordDigest {
    public static let version = "beschermbord-gegeven-v1"
    public static let length = 32

    /// A record's identity: its table and its row id.
    public struct Key: Hashable, Sendable {
        public var table: String
        public var rowid: Int64

        public init(table: String, rowid: Int64) {
            self.table = table
            self.rowid = rowid
        }
    }

    /// A SHA-256 digest held inline, its 32 bytes in order (no allocation: an import makes one per
    /// record it writes, the check one per record of the store).
    public typealias Digest = SIMD4<UInt64>

    public static func bytes(_ digest: Digest) -> [UInt8] { withUnsafeBytes(of: digest) { Array($0) } }

    /// One record as an event names it: its digest, or nil when the change deleted it.
    public struct Entry: Equatable, Sendable {
        public var key: Key
        public var digest: Digest?

        public init(key: Key, digest: Digest?) {
            self.key = key
            self.digest = digest
        }
    }

    /// Builds the canonical bytes of one record, column by column, in a buffer kept between
    /// records (an import digests every record it writes, the check every record of the store).
    public struct Builder {
        private var bytes: [UInt8] = []

        public init() { bytes.reserveCapacity(512) }

        /// The first two lines, `header(table:)`, made once per table by whoever digests many records.
        public mutating func start(header: [UInt8]) {
            bytes.removeAll(keepingCapacity: true)
            bytes.append(contentsOf: header)
        }

        public mutating func start(table: String) { start(header: RecordDigest.header(table: table)) }

        /// Each value after its label, `label(column)`, made once per column the same way.
        public mutating func null(_ label: [UInt8]) {
            bytes.append(contentsOf: label)
            bytes.append(UInt8(ascii: "-"))
            bytes.append(0x0A)
        }

        public mutating func integer(_ label: [UInt8], _ value: Int64) {
            bytes.append(contentsOf: label)
            bytes.append(UInt8(ascii: "i"))
            decimal(value)
            bytes.append(0x0A)
        }

        public mutating func real(_ label: [UInt8], _ value: Double) {
            bytes.append(contentsOf: label)
            bytes.append(UInt8(ascii: "f"))
            let pattern = String(value.bitPattern, radix: 16)
            bytes.append(contentsOf: String(repeating: "0", count: 16 - pattern.count).utf8)
            bytes.append(contentsOf: pattern.utf8)
            bytes.append(0x0A)
        }

        public mutating func text(_ label: [UInt8], _ value: UnsafeRawBufferPointer) { counted(label, "s", value) }

        public mutating func blob(_ label: [UInt8], _ value: UnsafeRawBufferPointer) { counted(label, "b", value) }

        /// The bytes so far (for tests and the documentation's example).
        public var canonical: [UInt8] { bytes }

        public func digest() -> Digest {
            bytes.withUnsafeBytes { SHA256Hasher.digest($0) }
        }

        /// The label, the type letter, the length, `:`, the bytes and a line feed.
        private mutating func counted(_ label: [UInt8], _ type: Unicode.Scalar, _ value: UnsafeRawBufferPointer) {
            bytes.append(contentsOf: label)
            bytes.append(UInt8(ascii: type))
            decimal(Int64(value.count))
            bytes.append(UInt8(ascii: ":"))
            bytes.append(contentsOf: value)
            bytes.append(0x0A)
        }

        /// Decimal digits without building a String.
        private mutating func decimal(_ value: Int64) {
            RecordDigest.decimal(value, into: &bytes)
        }
    }

    /// `beschermbord-gegeven-v1`, a line feed, `table=`, the table's name as text and a line feed.
    public static func header(table: String) -> [UInt8] {
        var bytes = Array((version + "\ntable=s").utf8)
        decimal(Int64(table.utf8.count), into: &bytes)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(contentsOf: table.utf8)
        bytes.append(0x0A)
        return bytes
    }

    /// `column=`, as each value of the column starts.
    public static func label(_ column: String) -> [UInt8] { Array((column + "=").utf8) }

    /// Decimal digits, the last first into a scratch buffer, then in order.
    static func decimal(_ value: Int64, into bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var count = 0
            repeat {
                digits[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(digits[index]) }
        }
    }

    // MARK: The records field

    public static func encode(_ entries: [Entry]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.count * 48)
        for entry in entries {
            bytes.append(UInt8(ascii: "s"))
            decimal(Int64(entry.key.table.utf8.count), into: &bytes)
            bytes.append(UInt8(ascii: ":"))
            bytes.append(contentsOf: entry.key.table.utf8)
            bytes.append(UInt8(ascii: "i"))
            decimal(entry.key.rowid, into: &bytes)
            if let digest = entry.digest {
                bytes.append(UInt8(ascii: "="))
                withUnsafeBytes(of: digest) { bytes.append(contentsOf: $0) }
            } else {
                bytes.append(UInt8(ascii: "-"))
            }
            bytes.append(0x0A)
        }
        return bytes
    }

    /// The entries of a records field, or nil when it is not one (changed by hand).
    public static func decode(_ bytes: [UInt8]) -> [Entry]? {
        var reader = Reader(bytes: bytes)
        var entries: [Entry] = []
        while !reader.atEnd {
            guard reader.take(UInt8(ascii: "s")), let table = reader.counted(), reader.take(UInt8(ascii: "i")),
                  let rowid = reader.number() else { return nil }
            let digest: Digest?
            if reader.take(UInt8(ascii: "=")) {
                guard let bytes = reader.bytes(length) else { return nil }
                digest = bytes.withUnsafeBytes { $0.loadUnaligned(as: Digest.self) }
            } else if reader.take(UInt8(ascii: "-")) {
                digest = nil
            } else {
                return nil
            }
            guard reader.take(0x0A) else { return nil }
            entries.append(Entry(key: Key(table: String(decoding: table, as: UTF8.self), rowid: rowid), digest: digest))
        }
        return entries
    }

    private struct Reader {
        let bytes: [UInt8]
        var position = 0

        var atEnd: Bool { position >= bytes.count }

        mutating func take(_ byte: UInt8) -> Bool {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }

        mutating func number() -> Int64? {
            let negative = take(UInt8(ascii: "-"))
            var value: Int64 = 0
            var digits = 0
            while position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") {
                let (times, overflow) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflowAdding) = times.addingReportingOverflow(Int64(bytes[position] - UInt8(ascii: "0")))
                guard !overflow, !overflowAdding else { return nil }
                value = sum
                digits += 1
                position += 1
            }
            guard digits > 0 else { return nil }
            return negative ? -value : value
        }

        mutating func counted() -> [UInt8]? {
            guard let count = number(), count >= 0, take(UInt8(ascii: ":")) else { return nil }
            return self.bytes(Int(count))
        }

        mutating func bytes(_ count: Int) -> [UInt8]? {
            guard count <= bytes.count - position else { return nil }
            defer { position += count }
            return Array(bytes[position..<(position + count)])
        }
    }
}
