import BoardCore
import BoardSession
import BoardStore
import Foundation

/// A new store in a directory of its own, made by `anouk` (so she is its teamleider); the
/// directory is removed when the test is done.
final class TestStore {
    static let user = "anouk"
    let directory: URL
    let path: String
    let store: Store

    init(function: String = #function) throws {
        let name = "beschermbord-session-\(function.filter { $0.isLetter || $0.isNumber })-\(UUID().uuidString)"
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(name, isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("bord.sqlite").path
        store = try Store(path: path, user: Self.user)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// Another handle on the same file, as a second program has: what the session left in the
    /// store, or a colleague's board writing to it.
    func open(as user: String = TestStore.user) throws -> Store {
        try Store(path: path, user: user)
    }

    /// A report in Aangemeld, added straight to the store.
    @discardableResult
    func addReport(_ kenmerk: String, family: String, reportedOn: Day, by store: Store? = nil) throws -> CaseID {
        try (store ?? self.store).addReport(NewReport(kenmerk: kenmerk, reportedOn: reportedOn, source: .veiligThuis, familyName: family,
                                                      wijk: "Poelenburg", medewerker: "Anouk de Wit",
                                                      children: [Child(firstName: "Daan", birthDate: Day(year: 2019, month: 11, day: 2))]))
    }
}

/// A clock the test sets: the day (midnight passes when the test says so), the zone (never the
/// machine's) and monotonic seconds that stand still, so the idle lock never closes in the middle
/// of a script.
final class TestClock: SessionClock {
    var day: Day
    let localTime: LocalTime
    var seconds = 1_000.0

    init(day: Day, zone: String = "UTC") {
        self.day = day
        localTime = LocalTime(zone: TimeZone(identifier: zone)!)
    }

    func today() -> Day { day }

    func monotonicSeconds() -> Double { seconds }
}
