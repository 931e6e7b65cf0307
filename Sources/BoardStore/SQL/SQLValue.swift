import Foundation

/// One value as both databases hold it: SQLite's five storage classes, to which the server store's
/// columns are read back (integers, floats, text, bytea; booleans as 0 and 1; times and days in the
/// file store's own text, see PostgresStoreDatabase.swift), so that the store's rules, and the
/// digests of the records they write, see the same values on either database.
enum SQLValue: Equatable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    var isNull: Bool { self == .null }
}

/// A Swift value that can be a statement's parameter.
protocol SQLBindable {
    var sqlValue: SQLValue { get }
}

/// A Swift value that a column can be read as; nil when the column holds something else
/// (a NULL, or text where a number was expected).
protocol SQLReadable {
    init?(sqlValue: SQLValue)
}

extension SQLValue: SQLBindable {
    var sqlValue: SQLValue { self }
}

extension String: SQLBindable, SQLReadable {
    var sqlValue: SQLValue { .text(self) }
    init?(sqlValue: SQLValue) {
        switch sqlValue {
        case .text(let text): self = text
        case .integer(let number): self = String(number)
        case .real(let number): self = String(number)
        case .blob(let bytes): self = String(decoding: bytes, as: UTF8.self)
        case .null: return nil
        }
    }
}

extension Int64: SQLBindable, SQLReadable {
    var sqlValue: SQLValue { .integer(self) }
    init?(sqlValue: SQLValue) {
        switch sqlValue {
        case .integer(let number): self = number
        case .real(let number): guard let exact = Int64(exactly: number) else { return nil }; self = exact
        case .text(let text): guard let number = Int64(text) else { return nil }; self = number
        case .blob, .null: return nil
        }
    }
}

extension Int: SQLBindable, SQLReadable {
    var sqlValue: SQLValue { .integer(Int64(self)) }
    init?(sqlValue: SQLValue) {
        guard let number = Int64(sqlValue: sqlValue) else { return nil }
        self = Int(number)
    }
}

extension Double: SQLBindable, SQLReadable {
    var sqlValue: SQLValue { .real(self) }
    init?(sqlValue: SQLValue) {
        switch sqlValue {
        case .real(let number): self = number
        case .integer(let number): self = Double(number)
        case .text(let text): guard let number = Double(text) else { return nil }; self = number
        case .blob, .null: return nil
        }
    }
}

/// Stored as 0 and 1, as SQLite does (the server store reads its booleans back so).
extension Bool: SQLBindable, SQLReadable {
    var sqlValue: SQLValue { .integer(self ? 1 : 0) }
    init?(sqlValue: SQLValue) {
        guard let number = Int64(sqlValue: sqlValue) else { return nil }
        self = number != 0
    }
}

extension Data: SQLBindable, SQLReadable {
    var sqlValue: SQLValue { .blob([UInt8](self)) }
    init?(sqlValue: SQLValue) {
        guard let bytes = [UInt8](sqlValue: sqlValue) else { return nil }
        self = Data(bytes)
    }
}

/// A blob (hashes, salts, digests).
extension Array: SQLBindable, SQLReadable where Element == UInt8 {
    var sqlValue: SQLValue { .blob(self) }
    init?(sqlValue: SQLValue) {
        switch sqlValue {
        case .blob(let bytes): self = bytes
        case .text(let text): self = Array(text.utf8)
        case .integer, .real, .null: return nil
        }
    }
}

extension Optional: SQLBindable where Wrapped: SQLBindable {
    var sqlValue: SQLValue { self?.sqlValue ?? .null }
}
