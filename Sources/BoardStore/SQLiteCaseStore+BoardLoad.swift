import BoardCore
import GRDB

/// Pieces of loading the board that matter at scale (see `beschermbord bench`).
extension SQLiteCaseStore {
    /// A stored day that may be NULL. Checking for NULL first keeps decoding on GRDB's fast,
    /// non-generic path: decoding `String?` looks up Optional's type metadata for every column of
    /// every card, which was a quarter of loading a large board.
    static func optionalDay(_ row: Row, _ index: Int) -> Day? {
        row.hasNull(atIndex: index) ? nil : Day(parsing: row[index] as String)
    }

    /// The highest number among the kenmerken `prefix` + digits (such as `2026-0042`), 0 when
    /// there are none: the same answer as parsing every kenmerk of the year, read from the end of
    /// `case_by_kenmerk_number` (BoardIndexes.swift) instead.
    ///
    /// The index orders a year's kenmerken by length, then text; among numbers of the same length
    /// the text order is the number order. Walking down from the longest, the first number of a
    /// length is that length's highest, and once the best number has as many digits as the next
    /// length allows, no shorter kenmerk can beat it (only odd ones, with extra leading zeros or a
    /// suffix that is not all digits, make the walk go further).
    static func highestKenmerkNumber(_ db: Database, prefix: String) throws -> Int {
        let prefixLength = prefix.count
        let cursor = try String.fetchCursor(db, sql: """
            SELECT kenmerk FROM "case" WHERE substr(kenmerk, 1, \(prefixLength)) = ?
            ORDER BY length(kenmerk) DESC, kenmerk DESC
            """, arguments: [prefix])
        var best: Int?
        var lengthDone = -1
        while let kenmerk = try cursor.next() {
            let digits = kenmerk.count - prefixLength
            if digits == lengthDone { continue }
            let suffix = kenmerk.dropFirst(prefixLength)
            // Only digits make a kenmerk number (`2025-VT12`, `2025-+12` do not); among digits of
            // one length, the text order is the number order.
            guard kenmerk.hasPrefix(prefix), suffix.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                  let number = Int(suffix) else { continue }
            best = max(best ?? number, number)
            lengthDone = digits
            // Every shorter suffix has at most digits - 1 digits, so stays below 10^(digits - 1).
            if let best, digits <= 1 || digits > 19 || best >= power(10, digits - 1) { break }
        }
        return best ?? 0
    }

    private static func power(_ base: Int, _ exponent: Int) -> Int {
        var result = 1
        for _ in 0..<exponent { result = result.multipliedReportingOverflow(by: base).partialValue }
        return result
    }
}
