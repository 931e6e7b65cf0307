import BoardCore
import BoardStore
import Foundation
import PostgresClient

/// The server's column of `beschermbord bench --server URI`: the size's demo store copied into a
/// database of its own on the server (made once and reused, like the demo files), then measured
/// as the file store is: start, keys, filtering, reloading and memory in probe processes, a
/// colleague's change reaching a board while 20 boards listen, `report`, and `import` into a new
/// server store.
struct ServerBench {
    var runner: BenchRunner
    /// A login that may create databases; each size's store is a database beside the one it names.
    var adminURI: String

    var databaseName: String { "beschermbord_bench_\(runner.families)_\(runner.seed)" }

    func run(say: (String) -> Void) throws -> ServerBenchSize {
        let (uri, copySeconds) = try ensureDatabase(say: say)
        var measures: [String: Measured] = [:]
        let full = try runner.probe(keys: runner.keys, store: uri)
        var runs = [full]
        for _ in 0..<4 { runs.append(try runner.probe(keys: 0, store: uri)) }
        measures[BenchMeasure.startInProcess.rawValue] = runner.distribution(.startInProcess, runs.map(\.result.startMs))
        if runs.contains(where: { !$0.result.firstFrameIsBoard }) {
            measures[BenchMeasure.startInProcess.rawValue]?.meetsGoal = false
            measures[BenchMeasure.startInProcess.rawValue]?.note = "FOUT: het eerste beeld wijkt af van het geladen bord"
        }
        measures[BenchMeasure.boardReady.rawValue] = runner.distribution(.boardReady, runs.map(\.result.readyMs))
        measures[BenchMeasure.startProcess.rawValue] = runner.distribution(.startProcess, runs.map(\.processStartMs))
        measures[BenchMeasure.keyAll.rawValue] = full.result.keys["alle"].map { runner.distribution(.keyAll, $0) }
        measures[BenchMeasure.filterKey.rawValue] = full.result.filterKeys.map { runner.distribution(.filterKey, $0) }
        measures[BenchMeasure.reload.rawValue] = full.result.reload.map { runner.distribution(.reload, $0) }
        if var change = full.result.colleagueChange.map({ runner.distribution(.colleagueChange, $0) }) {
            change.note = "opslaan door de collega tot het bord het toont; de lus kijkt elke \(BenchProbe.loopMilliseconds) ms"
            measures[BenchMeasure.colleagueChange.rawValue] = change
        }
        measures[BenchMeasure.peakMemory.rawValue] = full.result.peakMB.map { runner.single(.peakMemory, $0) }
        measures[BenchMeasure.report.rawValue] = try runner.measureReport(store: uri)
        measures[BenchMeasure.importRows.rawValue] = try measureImport()
        let size = ServerBenchSize(database: databaseName, copySeconds: copySeconds, measures: measures)
        say("-- dezelfde opslag op de PostgreSQL-server (database \(databaseName)"
            + (copySeconds.map { ", gekopieerd in \(DutchNumber.decimal($0)) s" } ?? ", hergebruikt") + ") --")
        for measure in BenchMeasure.allCases {
            guard let measured = measures[measure.rawValue] else { continue }
            say(runner.line(measure, measured))
        }
        return size
    }

    /// The size's database: reused when it holds a store, else made and filled from the demo file
    /// through `backup` (the measured login added to its staff list first, in a copy, so that it
    /// may write: a colleague's change is one of the measures).
    func ensureDatabase(say: (String) -> Void) throws -> (uri: String, copySeconds: Double?) {
        let uri = try Self.uri(adminURI, database: databaseName)
        let admin = try connect(adminURI)
        let exists = try admin.execute("SELECT 1 FROM pg_database WHERE datname = $1", [databaseName]).rowCount > 0
        if exists, (try? ServerStoreSetup.checkReady(try require(ServerAddress(uri)))) != nil {
            return (uri, nil)
        }
        if exists { try admin.executeScript("DROP DATABASE \"\(databaseName)\"") }
        try admin.executeScript("CREATE DATABASE \"\(databaseName)\"")
        say("\nDemo-opslag van \(DutchNumber.integer(runner.families)) gezinnen naar de server kopiëren...")
        let start = Stopwatch.now()
        let login = try connect(uri).sessionUser
        let copy = runner.storePath + ".naar-server.sqlite"
        defer { for file in [copy, copy + "-wal", copy + "-shm"] { try? FileManager.default.removeItem(atPath: file) } }
        do {
            try Store(path: runner.storePath, user: "bench").backup(to: copy, overwrite: true)
            let store = try Store(path: copy, user: "demo")
            if try !store.staff().contains(where: { $0.name == login }) {
                try store.addStaff(StaffMember(name: login, displayName: login, role: .teamleider))
            }
            try store.backup(toServer: try require(ServerAddress(uri)))
        } catch {
            throw BenchFailure(message: "De demo-opslag kan niet naar de server: \(error)")
        }
        return (uri, Stopwatch.milliseconds(since: start) / 1000)
    }

    /// The demo's CSV imported into a new server store (made by `init`, with the demo's staff
    /// list), as a process; the database is removed afterwards.
    func measureImport() throws -> Measured {
        let csv = runner.storePath + ".csv"
        guard FileManager.default.fileExists(atPath: csv) else { return runner.unavailable(.importRows, "geen CSV (de bestandsmeting maakt hem)") }
        let name = "beschermbord_bench_import_\(getpid())"
        let uri = try Self.uri(adminURI, database: name)
        let admin = try connect(adminURI)
        try admin.executeScript("CREATE DATABASE \"\(name)\"")
        defer { try? admin.executeScript("DROP DATABASE \"\(name)\"") }
        let made = try runner.runSelf(["init", "--store", uri])
        guard made.status == 0 else { return runner.unavailable(.importRows, "init mislukt: \(made.errors.split(separator: "\n").first ?? "")") }
        do {
            let store = try Store(server: try require(ServerAddress(uri)))
            let present = Set(try store.staff().map(\.name))
            for member in try Store(path: runner.storePath, readOnly: true).staff() where !present.contains(member.name) {
                try store.addStaff(member)
            }
        } catch {
            return runner.unavailable(.importRows, "medewerkers niet over te zetten: \(error)")
        }
        let rows = try Store(path: runner.storePath, readOnly: true).statistics().cases
        let result = try runner.runSelf(["import", "--store", uri, csv])
        guard result.status == 0 else {
            return runner.unavailable(.importRows, "import mislukt (exitcode \(result.status)): \(result.errors.split(separator: "\n").first ?? "")")
        }
        var measured = runner.single(.importRows, Double(rows) / (result.ms / 1000))
        measured.note = "\(DutchNumber.integer(rows)) rijen, hele proces (inlezen, controleren, opslaan)"
        return measured
    }

    private func connect(_ uri: String) throws -> PostgresConnection {
        do { return try PostgresConnection(uri: uri) } catch {
            throw BenchFailure(message: "De server is niet te bereiken: \(error)")
        }
    }

    /// `uri` with its database replaced by `database` (the part between the host and `?`).
    static func uri(_ uri: String, database: String) throws -> String {
        guard let scheme = uri.range(of: "://") else { throw BenchFailure(message: "--server: geen postgresql://-adres") }
        let rest = uri[scheme.upperBound...]
        let query = rest.firstIndex(of: "?").map { String(rest[$0...]) } ?? ""
        let beforeQuery = rest.prefix { $0 != "?" }
        let authority = beforeQuery.prefix { $0 != "/" }
        return String(uri[..<scheme.upperBound]) + authority + "/" + database + query
    }
}

private func require<T>(_ value: T?) throws -> T {
    guard let value else { throw BenchFailure(message: "--server: dit adres kan libpq niet lezen") }
    return value
}

/// The server's figures of one size, as written to `--json`.
struct ServerBenchSize: Codable {
    var database: String
    /// The time to copy the demo store into the database; nil when it was reused.
    var copySeconds: Double?
    var measures: [String: Measured]
}
