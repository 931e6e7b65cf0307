/// A calendar day without a time zone: what a report date, a birth date or a meeting date is.
/// Stored as ISO text (`2024-03-01`); arithmetic runs on a day number so that it needs no calendar.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a day, or nil when it does not exist (31-02-2024, 29-02-2023, 00-00-0000).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= Day.daysInMonth(year: year, month: month) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The day with the given number of days since 1970-01-01 (civil_from_days).
    public init(ordinal: Int) {
        let z = ordinal + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(until other: Day) -> Int { other.ordinal - ordinal }

    /// Age in completed years on `today`.
    public func age(on today: Day) -> Int {
        var years = today.year - year
        if (today.month, today.day) < (month, day) { years -= 1 }
        return max(0, years)
    }

    /// Age in completed months on `today`.
    public func ageInMonths(on today: Day) -> Int {
        var months = (today.year - year) * 12 + today.month - month
        if today.day < day { months -= 1 }
        return max(0, months)
    }

    /// A child's age as staff say it: `4 jr`, and under a year `7 mnd`.
    public func ageText(on today: Day) -> String {
        let years = age(on: today)
        return years > 0 ? "\(years) jr" : "\(ageInMonths(on: today)) mnd"
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    /// `2024-03-01`: the storage and JSON form.
    public var iso: String { Day.digits(year, month, day, yearFirst: true) }

    /// `01-03-2024`: the form Dutch users read and type.
    public var dutch: String { Day.digits(year, month, day, yearFirst: false) }

    public var description: String { dutch }

    /// Parses `dd-mm-jjjj` or `jjjj-mm-dd` (also with `/` or `.`), nil when malformed or impossible.
    public init?(parsing text: String) {
        // How the store writes every day; parsed without splitting strings (see Day+ISO.swift).
        if let iso = Day.isoParts(text) {
            self.init(year: iso.year, month: iso.month, day: iso.day)
            return
        }
        let parts = text.trimmingWhitespace().split(omittingEmptySubsequences: false,
                                                    whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." })
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else { return nil }
        if parts[0].count == 4 && parts[2].count <= 2 {
            self.init(year: a, month: b, day: c)
        } else if parts[2].count == 4 && parts[0].count <= 2 {
            self.init(year: c, month: b, day: a)
        } else {
            return nil
        }
    }

    public static let monthNames = ["januari", "februari", "maart", "april", "mei", "juni", "juli",
                                    "augustus", "september", "oktober", "november", "december"]
}

/// Why a typed date was refused, in Dutch, for the message beside the field.
public enum DateProblem: Error, Equatable, Sendable {
    case malformed(String)
    case impossible(String)
    /// A year outside `Day.possibleYears(today:)`: `03-03-0025` is a typing error, not the year 25.
    case outOfRange(Day, years: ClosedRange<Int>)
    case inFuture(Day)
    case before(Day, what: String)
    case after(Day, what: String)

    public var message: String {
        switch self {
        case .malformed(let text): return "\(InputText.quoted(text)) is geen datum; typ dd-mm-jjjj"
        case .impossible(let text): return "\(InputText.quoted(text)) bestaat niet als datum"
        case .outOfRange(let day, let years):
            return "‘\(day.dutch)’ ligt niet tussen \(years.lowerBound) en \(years.upperBound); controleer het jaar"
        case .inFuture(let day): return "\(day.dutch) ligt in de toekomst"
        case .before(let day, let what): return "mag niet vóór \(what) (\(day.dutch)) liggen"
        case .after(let day, let what): return "mag niet na \(what) (\(day.dutch)) liggen"
        }
    }
}

extension Day {
    /// The first year a typed or imported date may lie in.
    public static let earliestYear = 1900

    /// The years a typed or imported date may lie in: from 1900 (nobody in a dossier was born
    /// earlier) to next year (an evaluation or a report-back date may lie ahead). A date outside
    /// them is a typing error that would otherwise close a case in the year 25 and let retention erase it.
    public static func possibleYears(today: Day) -> ClosedRange<Int> { earliestYear...(today.year + 1) }

    /// Parses a date typed by a user (or read from an import or the command line) and tells
    /// exactly what is wrong with it.
    public static func validate(_ text: String, today: Day, notAfter latest: Day? = nil,
                                notBefore earliest: (Day, String)? = nil) -> Result<Day, DateProblem> {
        let trimmed = text.trimmingWhitespace()
        guard let day = Day(parsing: trimmed) else {
            let shape = trimmed.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." })
            let numeric = shape.count == 3 && shape.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
            // Only a date typed in the right shape (a four-digit year first or last) can be one that does not exist;
            // `01-03-24` is a typing problem.
            let dated = numeric && shape[1].count <= 2
                && ((shape[0].count == 4 && shape[2].count <= 2) || (shape[2].count == 4 && shape[0].count <= 2))
            return .failure(dated ? .impossible(trimmed) : .malformed(trimmed))
        }
        return check(day, today: today, notAfter: latest, notBefore: earliest)
    }

    /// The rules for a day that exists: a possible year, then not after `latest`, not before `earliest`.
    public static func check(_ day: Day, today: Day, notAfter latest: Day? = nil,
                             notBefore earliest: (Day, String)? = nil) -> Result<Day, DateProblem> {
        let years = possibleYears(today: today)
        if !years.contains(day.year) { return .failure(.outOfRange(day, years: years)) }
        if let latest, day > latest { return .failure(.inFuture(day)) }
        if let (first, what) = earliest, day < first { return .failure(.before(first, what: what)) }
        return .success(day)
    }
}

extension Day {
    /// The ten bytes of `jjjj-mm-dd` or `dd-mm-jjjj`, written straight into the string: every stored
    /// day and every event goes through here (an import writes hundreds of thousands).
    fileprivate static func digits(_ year: Int, _ month: Int, _ day: Int, yearFirst: Bool) -> String {
        // `Day(ordinal:)` can reach years outside four digits; those take the general way.
        guard (0...9999).contains(year) else {
            return yearFirst ? "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" : "\(pad(day, 2))-\(pad(month, 2))-\(pad(year, 4))"
        }
        return String(unsafeUninitializedCapacity: 10) { out in
            func put(_ value: Int, _ width: Int, at start: Int) {
                var rest = value
                for index in stride(from: start + width - 1, through: start, by: -1) {
                    out[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
            }
            put(yearFirst ? year : day, yearFirst ? 4 : 2, at: 0)
            out[yearFirst ? 4 : 2] = UInt8(ascii: "-")
            put(month, 2, at: yearFirst ? 5 : 3)
            out[yearFirst ? 7 : 5] = UInt8(ascii: "-")
            put(yearFirst ? day : year, yearFirst ? 2 : 4, at: yearFirst ? 8 : 6)
            return 10
        }
    }
}

private func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

extension StringProtocol {
    public func trimmingWhitespace() -> String {
        // Nearly every text starts and ends with a visible ASCII character; then there is nothing to
        // trim, and no need to walk grapheme clusters (which an import of a large file feels).
        let text = String(self)
        if let first = text.utf8.first, let last = text.utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
            return text
        }
        var slice = Substring(text)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
