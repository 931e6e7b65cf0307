import BoardCore
import Foundation
import GRDB
import PostgresClient
import PostgresTestSupport
import Testing
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
func storeWithSanne(path: String) throws -> Store {
    try withSanne(Store(path: path, user: "anouk"))
}

/// The same on a store of either kind.
func storeWithSanne(_ place: TestStore) throws -> Store {
    try withSanne(place.open(as: "anouk"))
}

private func withSanne(_ store: Store) throws -> Store {
    try store.addStaff(StaffMember(name: "sanne", displayName: "Sanne", role: .medewerker))
    return store
}

/// The two databases a store can live in: every store test that takes a `StoreKind` runs on
/// both (on the server only where the test cluster runs; see `StoreKind.all`).
enum StoreKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case file
    case server

    var testDescription: String { self == .file ? "bestand" : "server" }

    /// The file always; the server where its programs are installed or CI demands it (a local
    /// run without them says so loudly, see `TestCluster.isAvailable`).
    static var all: [StoreKind] { TestCluster.isAvailable ? [.file, .server] : [.file] }
}

/// A new, empty store of `kind` whose first user (its teamleider) is `user`, and a way to open
/// it again as someone else: on a server each user is a login of its own.
struct TestStore {
    let kind: StoreKind
    /// The file's path or the database's URI without a user.
    let location: String
    /// Where the file is, and a server store's copies for `check`.
    let scratch: ScratchDirectory

    init(_ kind: StoreKind, in scratch: ScratchDirectory, name: String = "bord") throws {
        self.kind = kind
        self.scratch = scratch
        switch kind {
        case .file:
            location = scratch.file("\(name).sqlite")
        case .server:
            location = try TestCluster.shared.makeDatabase(name: name)
            _ = try ServerStoreSetup.initialize(try #require(try ServerAddress(location)))
        }
    }

    /// The store as `user`; the first to open it becomes its teamleider, as on a file. On a
    /// server the staff list grants its members' group roles; the administrator grants the first
    /// teamleider's, and a login the list does not name gets the medewerker's, so that it reads
    /// as it would a file (and the program refuses its changes, as on a file).
    func open(as user: String) throws -> Store {
        switch kind {
        case .file:
            return try Store(path: location, user: user)
        case .server:
            let address = try #require(try ServerAddress(location))
            let listed = try PostgresConnection(uri: location).execute("""
                SELECT count(*) FILTER (WHERE role = 'teamleider') AS leaders, count(*) FILTER (WHERE name = $1) AS named
                FROM \(ServerSchema.namespace).medewerkers
                """, [user])
            let role = listed.int64(row: 0, column: "leaders") == 0 ? "teamleider"
                : listed.int64(row: 0, column: "named") == 0 ? "medewerker" : nil
            let uri = try TestCluster.shared.staffLogin(user, database: location,
                                                        granting: role.map { ServerRoles.groupRole($0, database: address.database) })
            let store = try Store(server: try #require(try ServerAddress(uri)))
            try store.makeFirstTeamleider()
            return store
        }
    }

    /// A direct edit with the database's own powers and no Beschermbord in between: the sqlite3
    /// tool's on a file (`tamper`), the administrator's (psql) on a server.
    func tamper(_ sql: String) throws {
        switch kind {
        case .file:
            try BoardStoreTests.tamper(location, sql)
        case .server:
            try PostgresConnection(uri: location).executeScript("SET search_path = \(ServerSchema.namespace), pg_catalog;\n" + sql)
        }
    }

    /// `check` of the store: of the file itself, or of the server's copy in a file.
    func integrityCheck() throws -> IntegrityReport {
        try IntegrityCheck.run(path: try fileToCheck())
    }

    /// The log's hash chain as `check` verifies it.
    func verifiedChain() throws -> EventLog.Verification {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: try fileToCheck(), configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in try EventLog.verify(db) }
    }

    /// The file, or a new copy in a file of what the server holds now.
    private func fileToCheck() throws -> String {
        guard kind == .server else { return location }
        let copy = scratch.file("kopie-\(UUID().uuidString).sqlite")
        _ = try ServerToFileBackup.backup(try #require(try ServerAddress(location)), to: copy, overwrite: false)
        return copy
    }
}

/// The Raad's `outcome` for every child of the family of `caseID`.
func everyChild(of caseID: CaseID, in store: Store, _ outcome: RvkOutcome) throws -> [ChildOutcome] {
    try store.dossier(caseID: caseID, openedSection: nil).children.map { ChildOutcome(childID: $0.id, outcome: outcome) }
}
