import Foundation

/// A parameter of a statement, sent in PostgreSQL's text format ($1, $2, ...): the server casts
/// the text to the column's type, so one representation serves every type. A nil parameter is
/// SQL NULL.
public protocol PostgresValue {
    var postgresText: String { get }
}

extension String: PostgresValue {
    public var postgresText: String { self }
}

extension Substring: PostgresValue {
    public var postgresText: String { String(self) }
}

extension Int: PostgresValue {
    public var postgresText: String { String(self) }
}

extension Int64: PostgresValue {
    public var postgresText: String { String(self) }
}

extension Int32: PostgresValue {
    public var postgresText: String { String(self) }
}

extension Double: PostgresValue {
    /// Swift's shortest round-trip form, which float8 reads back to the same value; the
    /// special values in PostgreSQL's spelling.
    public var postgresText: String {
        if isNaN { return "NaN" }
        if isInfinite { return self < 0 ? "-Infinity" : "Infinity" }
        return description
    }
}

extension Bool: PostgresValue {
    public var postgresText: String { self ? "t" : "f" }
}

extension Data: PostgresValue {
    /// bytea's hex input format.
    public var postgresText: String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8](repeating: 0, count: 2 + count * 2)
        text[0] = UInt8(ascii: "\\")
        text[1] = UInt8(ascii: "x")
        for (index, byte) in enumerated() {
            text[2 + index * 2] = digits[Int(byte >> 4)]
            text[3 + index * 2] = digits[Int(byte & 0x0f)]
        }
        return String(decoding: text, as: UTF8.self)
    }
}
