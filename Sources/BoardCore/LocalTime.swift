import Foundation

/// Times as people read them. The store keeps every moment in UTC (`Clock.timestamp`); this is
/// the one place such a moment is turned into the user's own zone, always as `dd-mm-jjjj hh:mm`,
/// so a page, a command and a message name the same event at the same time.
public struct LocalTime: Equatable, Sendable {
    public var zone: TimeZone

    public init(zone: TimeZone) {
        self.zone = zone
    }

    /// The zone the user runs the program in (TZ, else the machine's).
    public static var user: LocalTime { LocalTime(zone: .current) }

    /// `2026-12-04T13:30:05.123Z` as `04-12-2026 14:30` in Europe/Amsterdam; the text itself when
    /// it is not a stored timestamp.
    public func text(_ recordedAt: String) -> String {
        guard let seconds = Self.utcSeconds(recordedAt) else { return recordedAt }
        let local = seconds + zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
        let (days, inDay) = (local.floorDivided(by: 86400), local.floorModulo(86400))
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(Day(ordinal: days).dutch) \(two(inDay / 3600)):\(two(inDay / 60 % 60))"
    }

    /// Seconds since 1970 of `jjjj-mm-ddThh:mm:ss…` in UTC.
    static func utcSeconds(_ recordedAt: String) -> Int? {
        guard recordedAt.count >= 19, let day = Day(parsing: String(recordedAt.prefix(10))) else { return nil }
        let clock = recordedAt.dropFirst(11).prefix(8).split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3, (0..<24).contains(clock[0]), (0..<60).contains(clock[1]), (0..<61).contains(clock[2]) else { return nil }
        return day.ordinal * 86400 + clock[0] * 3600 + clock[1] * 60 + clock[2]
    }
}

private extension Int {
    func floorDivided(by divisor: Int) -> Int { (self - floorModulo(divisor)) / divisor }
    func floorModulo(_ divisor: Int) -> Int { ((self % divisor) + divisor) % divisor }
}
