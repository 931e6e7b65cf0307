import BoardCore
import Foundation
import GRDB

extension Store {
    /// Writes checked import rows in ONE transaction, the way hand-entered data is written: each
    /// report through `insertReport` (family, children, case, an 'aangemeld' event), then the stages
    /// reached as forward moves through `recordTransitions` (per stage its records and a 'verplaatst'
    /// event with the stage's day; the case row written once, in the column the last stage left it in). A row whose kenmerk is
    /// already in the store is skipped (and listed), so importing a file twice adds nothing.
    /// A row's medewerker must be on the staff list, by login or display name (the case stores the
    /// login); rows naming anyone else are refused together, so an import makes no phantom colleague.
    /// With `dryRun` nothing is written: the result says what an import would add.
    /// Any error rolls the whole transaction back.
    public func importRows(_ rows: [ImportRow], origin: String, dryRun: Bool = false,
                           progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws -> ImportResult {
        var handedOut = false
        return try importRows(origin: origin, dryRun: dryRun, expectedRows: rows.count, progress: { progress?($0, rows.count) }) {
            defer { handedOut = true }
            return handedOut ? nil : rows
        }
    }

    /// The same, for rows that arrive in batches while the file is still being read (see
    /// `ImportPipeline`): `nextRows` returns nil at the end, and an error from it rolls back.
    /// `expectedRows`, about how many rows will come, only chooses how to write them (a bigger page
    /// cache, and `DeferredIndexes` for an import as large as the store); what is stored is the same.
    /// `deferIndexes` overrules that choice (for tests). `finishing` is called once every row is
    /// written, before the indexes are built and the transaction commits (seconds, for a large file).
    /// On a server, `copying` then tells how many of the written database rows have gone to the
    /// server (the longest part there).
    public func importRows(origin: String, dryRun: Bool = false, expectedRows: Int, progress: ((_ done: Int) -> Void)? = nil,
                           finishing: (() -> Void)? = nil, copying: ((_ copied: Int, _ total: Int) -> Void)? = nil,
                           nextRows: () throws -> [ImportRow]?) throws -> ImportResult {
        try importRows(origin: origin, dryRun: dryRun, expectedRows: expectedRows, deferIndexes: nil, progress: progress,
                       finishing: finishing, copying: copying, nextRows: nextRows)
    }

    func importRows(origin: String, dryRun: Bool = false, expectedRows: Int, deferIndexes: Bool?, progress: ((_ done: Int) -> Void)? = nil,
                    finishing: (() -> Void)? = nil, copying: ((_ copied: Int, _ total: Int) -> Void)? = nil,
                    nextRows: () throws -> [ImportRow]?) throws -> ImportResult {
        let recordedAt = Clock.timestamp()
        let detail = "geïmporteerd uit \(origin)"
        return try withoutActuallyEscaping(nextRows) { nextRows in
            let batches = ImportBatches(expectedRows: expectedRows, deferIndexes: deferIndexes, recordedAt: recordedAt, detail: detail,
                                        progress: progress, finishing: finishing, copying: copying, nextRows: nextRows)
            if dryRun {
                return try read { db in
                    try self.importBatches(db, dryRun: true, known: try Self.storedKenmerken(db), staff: try Self.staffDirectory(db), batches)
                }
            }
            // The server takes the rows in bulk, from a staging store in memory (Server/ServerImport.swift).
            if backend is ServerBackend {
                return try write { db in try self.stagedImport(db, batches) }
            }
            return try write { db in
                try self.importBatches(db, dryRun: false, known: try Self.storedKenmerken(db), staff: try Self.staffDirectory(db), batches)
            }
        }
    }

    /// One read of the kenmerken already there, instead of one query per row.
    static func storedKenmerken(_ db: any StoreDatabase) throws -> Set<String> {
        Set(try db.values(String.self, sql: "SELECT kenmerk FROM \"case\""))
    }

    /// Writes the rows into `db`, skipping those whose kenmerk is `known` and refusing those whose
    /// medewerker is not in `staff` (both as the store that the import is for holds them).
    func importBatches(_ db: any StoreDatabase, dryRun: Bool, known: Set<String>, staff: StaffDirectory,
                       _ batches: ImportBatches) throws -> ImportResult {
        // A large import touches many index pages; with SQLite's default 2 MB page cache they
        // would be spilled and read back over and over. Lend the file's connection a bigger cache.
        let cacheSize = db.dialect == .sqlite ? try db.value(Int.self, sql: "PRAGMA cache_size") : nil
        if cacheSize != nil, batches.expectedRows > 1000 { try db.execute(sql: "PRAGMA cache_size = -65536") }
        defer { if let cacheSize { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") } }
        let rows = ImportedRows(known: known, staff: staff, progress: batches.progress)
        if dryRun {
            try rows.add(from: batches.nextRows) { _ in }
            try rows.refuseUnknownStaff()
            rows.finish()
            return rows.result
        }
        // Whether to set the indexes aside is decided at the first new row, on the rows still to
        // come: a file imported again, all of it already in the store, leaves them alone.
        var deferred: DeferredIndexes?
        var decided = false
        // The events are hashed on a second thread meanwhile (`BackgroundChain`).
        try BackgroundChain.hashing(db, memory: memory) {
            try rows.add(from: batches.nextRows) { row in
                if !decided {
                    decided = true
                    let remaining = batches.expectedRows - (rows.done - 1)
                    // Setting indexes aside is SQLite's bulk path (SQLite rebuilds an index
                    // faster than it keeps one up to date row by row).
                    if let file = db as? Database, batches.deferIndexes ?? DeferredIndexes.pays(expectedRows: remaining, storedCases: known.count) {
                        deferred = try DeferredIndexes.setAside(file)
                    }
                }
                try self.write(db, row, recordedAt: batches.recordedAt, detail: batches.detail)
            }
        }
        // Before the slow part: the transaction rolls back, nothing is kept.
        try rows.refuseUnknownStaff()
        batches.finishing?()
        if let file = db as? Database { try deferred?.rebuild(file) }
        rows.finish()
        return rows.result
    }

    /// One new row: the report, then the stages it reached as forward moves.
    private func write(_ db: any StoreDatabase, _ row: ImportRow, recordedAt: String, detail: String) throws {
        let landing = row.moves.last.map { (stage: $0.stage, day: $0.day, moves: row.moves.count) }
        let (caseID, familyID) = try insertReport(db, row.report, recordedAt: recordedAt, landing: landing)
        var stage = Stage.aangemeld
        var requests: [MoveRequest] = []
        for move in row.moves {
            requests.append(MoveRequest(caseID: caseID, expectedVersion: 0, from: stage, to: move.stage, day: move.day, text: detail))
            stage = move.stage
        }
        try recordTransitions(db, caseID: caseID, familyID: familyID, requests, direction: .forward, recordedAt: recordedAt,
                              caseRowWritten: true)
    }
}

/// One import's rows as they come and how to write them (see `importRows`).
struct ImportBatches {
    var expectedRows: Int
    var deferIndexes: Bool?
    var recordedAt: String
    var detail: String
    var progress: ((_ done: Int) -> Void)?
    var finishing: (() -> Void)?
    var copying: ((_ copied: Int, _ total: Int) -> Void)?
    var nextRows: () throws -> [ImportRow]?
}

/// The rows of an import as they come: which are new (and counted), which are skipped because
/// their kenmerk is already in the store, and the progress.
private final class ImportedRows {
    private(set) var result = ImportResult()
    private var known: Set<String>
    private let staff: StaffDirectory
    /// Each medewerker text met so far, as the staff list takes it (a file names a few people many times).
    private var medewerkers: [String: Result<StaffMember?, UnknownStaffName>] = [:]
    /// New rows whose medewerker is not on the staff list.
    private var unknownStaff: [ImportIssue] = []
    private let progress: ((_ done: Int) -> Void)?
    /// Rows read so far, new or not.
    private(set) var done = 0

    /// How many refused rows the refusal lists one by one.
    static let unknownStaffShown = 20

    init(known: Set<String>, staff: StaffDirectory, progress: ((_ done: Int) -> Void)?) {
        self.known = known
        self.staff = staff
        self.progress = progress
    }

    /// Hands every new row to `write`, in order (a dry run writes nothing).
    func add(from nextRows: () throws -> [ImportRow]?, write: (ImportRow) throws -> Void) throws {
        while let rows = try nextRows() {
            for row in rows {
                if let progress, done % 256 == 0 { progress(done) }
                done += 1
                let kenmerk = row.report.kenmerk.trimmingWhitespace()
                if !known.insert(kenmerk).inserted {
                    result.skipped.append(ImportIssue(line: row.line, message: "kenmerk \(InputText.quoted(kenmerk)) staat al in de opslag; overgeslagen"))
                    continue
                }
                var row = row
                switch medewerker(row.report.medewerker) {
                case .success(let member): row.report.medewerker = member?.name ?? ""
                case .failure(let unknown):
                    unknownStaff.append(ImportIssue(line: row.line, message: "medewerker: \(unknown.message)"))
                    continue
                }
                result.cases += 1
                result.families += 1
                result.children += row.report.children.count
                if unknownStaff.isEmpty { try write(row) }
            }
        }
    }

    private func medewerker(_ typed: String) -> Result<StaffMember?, UnknownStaffName> {
        if let known = medewerkers[typed] { return known }
        let resolved = staff.resolve(typed)
        medewerkers[typed] = resolved
        return resolved
    }

    /// Refuses the whole import when a row names a medewerker who is not on the staff list.
    func refuseUnknownStaff() throws {
        guard !unknownStaff.isEmpty else { return }
        let count = unknownStaff.count
        var lines = unknownStaff.prefix(Self.unknownStaffShown).map(\.description)
        if count > Self.unknownStaffShown { lines.append("… en nog \(count - Self.unknownStaffShown) regels met zo'n medewerker.") }
        throw StoreError.refused("\(count == 1 ? "1 regel noemt een medewerker" : "\(count) regels noemen een medewerker") die niet in de lijst van medewerkers staat:\n"
                                 + lines.joined(separator: "\n")
                                 + "\nZet wie ontbreekt eerst in de lijst (beschermbord medewerkers toevoegen LOGIN --naam \"Voornaam Achternaam\") of verbeter het bestand; er is niets opgeslagen.")
    }

    func finish() { progress?(done) }
}
