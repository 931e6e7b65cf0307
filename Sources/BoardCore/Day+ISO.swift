extension Day {
    /// Year, month and day of exactly `jjjj-mm-dd` (ten ASCII bytes), read byte by byte; nil for
    /// anything else. The board reads tens of thousands of stored days at every load, and
    /// splitting strings into Characters for each was most of the load's time.
    static func isoParts(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let utf8 = text.utf8
        guard utf8.count == 10 else { return nil }
        let parts = utf8.withContiguousStorageIfAvailable { bytes -> (year: Int, month: Int, day: Int)? in
            guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let digit = Int(bytes[index]) - 48
                    guard digit >= 0 && digit <= 9 else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
            return (year, month, day)
        }
        return parts ?? nil
    }
}
