import BoardCore
import Foundation
import GRDB
@testable import BoardStore

/// A fresh directory under the system's temporary directory, removed when the test is done.
final class ScratchDirectory {
    let path: String

    init(function: String = #function) throws {
        let name = "beschermbord-test-\(function.filter { $0.isLetter || $0.isNumber })-\(UUID().uuidString)"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(name, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

func day(_ year: Int, _ month: Int, _ dayOfMonth: Int) -> Day {
    Day(year: year, month: month, day: dayOfMonth)!
}

func report(_ kenmerk: String, family: String = "de Vries", reportedOn: Day = day(2025, 3, 3), source: Source = .veiligThuis,
            children: [Child] = [Child(firstName: "Zoë", birthDate: day(2016, 4, 12)), Child(firstName: "Daan", birthDate: day(2019, 11, 2))])
    -> NewReport {
    NewReport(kenmerk: kenmerk, reportedOn: reportedOn, source: source, familyName: family, wijk: "Poelenburg",
              medewerker: "Sanne Kuipers", children: children)
}

func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

func permissions(_ path: String) -> Int? {
    (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
}

/// The StoreError thrown by `body`, or nil when it threw nothing (or something else).
func storeError(_ body: () throws -> Void) -> StoreError? {
    do {
        try body()
        return nil
    } catch let error as StoreError {
        return error
    } catch {
        return nil
    }
}

/// A direct edit of the store file with the sqlite3 tool's powers: foreign keys off, no
/// Beschermbord in between.
func tamper(_ path: String, _ sql: String) throws {
    let queue = try DatabaseQueue(path: path)
    try queue.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA foreign_keys = OFF")
        try db.execute(sql: sql)
    }
    try queue.close()
}

/// A store of `anouk` (its teamleider) with Sanne on the staff list: the import takes only
/// medewerkers who are on it, and the import fixtures name Sanne.
func storeWithSanne(path: String) throws -> SQLiteCaseStore {
    let store = try SQLiteCaseStore(path: path, user: "anouk")
    try store.addStaff(StaffMember(name: "sanne", displayName: "Sanne", role: .medewerker))
    return store
}
