import BoardCore
import Foundation

/// The wall clock, in the two forms the store needs: the local day and a UTC timestamp.
public enum Clock {
    public static func today() -> Day {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
    }

    /// `2026-11-22T16:58:08.123Z`
    public static func timestamp(_ date: Date = Date()) -> String {
        let millis = Int((date.timeIntervalSince1970 * 1000).rounded(.down))
        let seconds = millis / 1000
        let day = Day(ordinal: seconds / 86400)
        let inDay = seconds % 86400
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let ms = millis % 1000
        let msText = ms < 10 ? "00\(ms)" : ms < 100 ? "0\(ms)" : "\(ms)"
        return "\(day.iso)T\(two(inDay / 3600)):\(two(inDay / 60 % 60)):\(two(inDay % 60)).\(msText)Z"
    }

    /// The operating system's user: who is recorded in the log.
    public static func currentUser() -> String {
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name {
            return String(cString: name)
        }
        return ProcessInfo.processInfo.environment["USER"] ?? "onbekend"
    }
}
