import BoardCore
import Foundation

/// The clocks: the local day and a UTC timestamp for the store, a monotonic clock for idle time.
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

    /// Seconds on a clock that only moves forward (not the wall clock, which can jump): for
    /// measuring idle time.
    public static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1_000_000_000
    }

    /// The operating system's user: who is recorded in the log. Only the passwd entry of the real
    /// user id counts, never the environment (`$USER` is whatever the process was started with); a
    /// user id without an entry is an unnamed user, who may read but not write (`UnnamedUser`).
    public static func currentUser() -> String {
        let uid = getuid()
        if let entry = getpwuid(uid), let name = entry.pointee.pw_name {
            return String(cString: name)
        }
        return UnnamedUser.name(uid: uid)
    }
}
