import BoardCore
import Dispatch
import GRDB

/// Pieces of loading the board that matter at scale (see `beschermbord bench`).
extension Store {
    /// A stored day that may be NULL. Checking for NULL first keeps decoding on GRDB's fast,
    /// non-generic path: decoding `String?` looks up Optional's type metadata for every column of
    /// every card, which was a quarter of loading a large board.
    static func optionalDay(_ row: SQLRow, _ index: Int) -> Day? {
        row.isNull(index) ? nil : Day(parsing: row[index] as String)
    }

    /// A stored day that is never NULL; unreadable ones fall back to the epoch, as `day(_:)` does.
    /// (Reading the bytes in place through `withUnsafeData` measured slower than this String.)
    static func requiredDay(_ row: SQLRow, _ index: Int) -> Day {
        day(row[index] as String)
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
    static func highestKenmerkNumber(_ db: any StoreDatabase, prefix: String) throws -> Int {
        let prefixLength = prefix.count
        var best: Int?
        var lengthDone = -1
        // Read a page at a time: a server sends a statement's every row before the first is
        // looked at (the year's 60,000 kenmerken at 100,000 families, 70 ms), and the walk
        // usually ends at the first.
        let page = 64
        var last: (length: Int, kenmerk: String)?
        var walking = true
        while walking {
            var read = 0
            let after = last == nil ? "" : "AND (length(kenmerk), kenmerk) < (?, ?)"
            let from: [SQLValue] = last.map { [.integer(Int64($0.length)), .text($0.kenmerk)] } ?? []
            try db.scan("""
                SELECT kenmerk FROM "case" WHERE substr(kenmerk, 1, \(prefixLength)) = ? \(after)
                ORDER BY length(kenmerk) DESC, kenmerk DESC LIMIT \(page)
                """, values: [.text(prefix)] + from) { row in
                let kenmerk: String = row[0]
                read += 1
                // SQL's length counts characters as Unicode scalars.
                last = (kenmerk.unicodeScalars.count, kenmerk)
                walking = walk(kenmerk)
                return walking
            }
            if read < page { walking = false }
        }
        return best ?? 0

        /// Takes one kenmerk of the walk; false when no later one can beat the best.
        func walk(_ kenmerk: String) -> Bool {
            let digits = kenmerk.count - prefixLength
            if digits == lengthDone { return true }
            let suffix = kenmerk.dropFirst(prefixLength)
            // Only digits make a kenmerk number (`2025-VT12`, `2025-+12` do not); among digits of
            // one length, the text order is the number order.
            guard kenmerk.hasPrefix(prefix), suffix.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                  let number = Int(suffix) else { return true }
            best = max(best ?? number, number)
            lengthDone = digits
            // Every shorter suffix has at most digits - 1 digits, so stays below 10^(digits - 1).
            return !(digits <= 1 || digits > 19 || best! >= power(10, digits - 1))
        }
    }

    private static func power(_ base: Int, _ exponent: Int) -> Int {
        var result = 1
        for _ in 0..<exponent { result = result.multipliedReportingOverflow(by: base).partialValue }
        return result
    }
}

extension Store {
    /// Where to split a large board in two, nil for a small one: about the middle card's id, from
    /// a sample of one id in `sampleEvery`, read from the closed_on index alone (reading every id
    /// into Swift, or sorting them in SQL, cost a sizeable part of loading a half).
    static func splitID(_ db: any StoreDatabase, since: String?, parallelFrom: Int, sampleEvery: Int) throws -> Int64? {
        guard let since else {
            let count = try db.value(Int.self, sql: "SELECT COUNT(*) FROM \"case\"") ?? 0
            guard count >= max(2, parallelFrom) else { return nil }
            return try db.value(Int64.self, sql: "SELECT (MIN(id) + MAX(id) + 1) / 2 FROM \"case\"")
        }
        let every = max(1, sampleEvery)
        var sample = try db.values(Int64.self, sql: "SELECT id FROM \"case\" WHERE closed_on IS NULL AND id % ? = 0", arguments: [every])
        sample += try db.values(Int64.self, sql: "SELECT id FROM \"case\" WHERE closed_on >= ? AND id % ? = 0", arguments: [since, every])
        guard sample.count * every >= max(2, parallelFrom), !sample.isEmpty else { return nil }
        sample.sort()
        return sample[sample.count / 2]
    }

    /// The cards of open cases and those closed since `since` (all when nil), in one query.
    static func cards(_ db: any StoreDatabase, since: String?) throws -> [CaseSummary] {
        try cards(db, where: boardCondition(since: since), arguments: since.map { [$0] } ?? [])
    }

    /// Which cases have a card on the board: the open ones and those closed since `since` (a
    /// parameter; every case when nil).
    static func boardCondition(since: String?) -> String {
        since == nil ? "1 = 1" : "(c.closed_on IS NULL OR c.closed_on >= ?)"
    }

    /// One query's cards, decoded as they are read; `with` names tables the condition reads.
    static func cards(_ db: any StoreDatabase, with: String = "", where condition: String, arguments: SQLArguments) throws -> [CaseSummary] {
        var cards: [CaseSummary] = []
        try db.forEachRow(sql: "\(with)\n\(summarySelect) WHERE \(condition)", arguments: arguments) { cards.append(summary(from: $0)) }
        return cards
    }
}
