import BoardCore
import Foundation
import GRDB

extension SQLiteCaseStore {
    /// Writes checked import rows in ONE transaction, the way hand-entered data is written: each
    /// report through `insertReport` (family, children, case, an 'aangemeld' event), then the stages
    /// reached as forward moves through `recordTransitions` (per stage its records and a 'verplaatst'
    /// event with the stage's day; the case's column once, as the last stage left it). A row whose kenmerk is
    /// already in the store is skipped (and listed), so importing a file twice adds nothing.
    /// With `dryRun` nothing is written: the result says what an import would add.
    /// Any error rolls the whole transaction back.
    public func importRows(_ rows: [ImportRow], origin: String, dryRun: Bool = false,
                           progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws -> ImportResult {
        let recordedAt = Clock.timestamp()
        let detail = "geïmporteerd uit \(origin)"
        let body = { (db: Database) throws -> ImportResult in
            var result = ImportResult()
            // A large import touches many index pages; with SQLite's default 2 MB page cache they
            // would be spilled and read back over and over. Lend the connection a bigger cache.
            let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            if rows.count > 1000 { try db.execute(sql: "PRAGMA cache_size = -65536") }
            defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
            // One read of the kenmerken already there, instead of one query per row.
            var known = Set(try String.fetchAll(db, sql: "SELECT kenmerk FROM \"case\""))
            for (index, row) in rows.enumerated() {
                if let progress, index % 256 == 0 { progress(index, rows.count) }
                let kenmerk = row.report.kenmerk.trimmingWhitespace()
                if !known.insert(kenmerk).inserted {
                    result.skipped.append(ImportIssue(line: row.line, message: "kenmerk \(CaseImporter.quote(kenmerk)) staat al in de opslag; overgeslagen"))
                    continue
                }
                result.cases += 1
                result.families += 1
                result.children += row.report.children.count
                if dryRun { continue }
                let (caseID, familyID) = try self.insertReport(db, row.report, recordedAt: recordedAt)
                var stage = Stage.aangemeld
                var requests: [MoveRequest] = []
                for move in row.moves {
                    requests.append(MoveRequest(caseID: caseID, expectedVersion: 0, from: stage, to: move.stage, day: move.day, text: detail))
                    stage = move.stage
                }
                try self.recordTransitions(db, caseID: caseID, familyID: familyID, requests, direction: .forward, recordedAt: recordedAt)
            }
            progress?(rows.count, rows.count)
            return result
        }
        return dryRun ? try read(body) : try write(body)
    }
}
