import BoardCore
import GRDB
import GRDBSQLite

/// `check`'s comparison of the dossier with the log, both ways: every covered record
/// (CoveredTables.swift) must match the digest of the newest event that named it, and every
/// record an event names as written must still be there. Differences are named in Dutch: table,
/// id, kenmerk where there is one, and the event that last logged the record.
enum RecordCheck {
    struct Outcome {
        var records = 0
        var problems: [String] = []
        var moreProblems = 0
        /// Set when the store's records were never logged (a store from before schema
        /// `v14-record-digests` that nobody has opened since): nothing was compared.
        var notYetSealed = false
    }

    /// The newest event that named a record, and the digest it gave (nil: deleted).
    private struct Coverage {
        var event: Int64
        var digest: RecordDigest.Digest?
    }

    /// A record as it is in the store, for naming it.
    private struct Found {
        var table: CoveredTable
        var rowid: Int64
        /// The family or case it belongs to (`CoveredTable.ownerColumn`).
        var owner: Int64?
        /// Its `CoveredTable.label` and `CoveredTable.shown` values.
        var label: String?
        var shown: String?
    }

    /// What differs, kept until the messages are written (only the first few need them).
    private enum Finding {
        /// In the store, but no event names it.
        case unlogged(Found)
        /// In the store, but its content is not what the newest event that named it logged.
        case changed(Found, event: Int64)
        /// In the store, although the newest event that named it deleted it.
        case revived(Found, event: Int64)
        /// Named as written by an event, but not in the store.
        case missing(CoveredTable, rowid: Int64, event: Int64)
        /// An event's records field that is no such field, or names no covered table.
        case unreadable(event: Int64, reason: String)
    }

    static func run(_ db: Database, listed: Int) throws -> Outcome {
        var outcome = Outcome()
        if try Store.needsSeal(db) {
            outcome.notYetSealed = true
            return outcome
        }
        let tables = try CoveredTables.all.filter { try db.tableExists($0.name) }

        var findings: [Finding] = []
        var coverage = try readCoverage(db, findings: &findings)
        var builder = RecordDigest.Builder()
        for table in tables {
            var covered = coverage.removeValue(forKey: table.name) ?? [:]
            // Column 0 is the row id, the table's columns follow.
            func index(_ column: String?) -> Int32? { column.flatMap { table.columns.firstIndex(of: $0) }.map { Int32($0) + 1 } }
            let (ownerIndex, labelIndex, shownIndex) = (index(table.ownerColumn), index(table.label), index(table.shown?.column))
            let statement = try db.makeStatement(sql: "SELECT rowid, \(table.columnList) FROM \(table.quotedName) ORDER BY rowid")
            let cursor = try Row.fetchCursor(statement)
            while try cursor.next() != nil {
                outcome.records += 1
                let raw = statement.sqliteStatement
                let rowid = sqlite3_column_int64(raw, 0)
                let entry = table.entry(rowid: rowid, builder: &builder) { sqlite3_column_value(raw, $0 + 1) }
                let logged = covered.removeValue(forKey: rowid)
                if let logged, let digest = logged.digest, digest == entry.digest { continue }
                func text(_ index: Int32?) -> String? { index.flatMap { sqlite3_column_text(raw, $0) }.map { String(cString: $0) } }
                let found = Found(table: table, rowid: rowid, owner: ownerIndex.map { sqlite3_column_int64(raw, $0) },
                                  label: text(labelIndex), shown: text(shownIndex))
                switch logged {
                case nil: findings.append(.unlogged(found))
                case let logged? where logged.digest == nil: findings.append(.revived(found, event: logged.event))
                case let logged?: findings.append(.changed(found, event: logged.event))
                }
            }
            // What is left was logged but is not in the store; by row id, so the list is the same every time.
            for (rowid, logged) in covered.sorted(by: { $0.key < $1.key }) where logged.digest != nil {
                findings.append(.missing(table, rowid: rowid, event: logged.event))
            }
        }
        for table in coverage.keys.sorted() {
            findings.append(.unreadable(event: 0, reason: "het logboek noemt gegevens in tabel ‘\(table)’, die de opslag niet heeft"))
        }
        outcome.problems = try findings.prefix(listed).map { try describe($0, db) }
        outcome.moreProblems = max(0, findings.count - listed)
        return outcome
    }

    /// The newest digest of every record that a version 2 event named.
    private static func readCoverage(_ db: Database, findings: inout [Finding]) throws -> [String: [Int64: Coverage]] {
        var coverage: [String: [Int64: Coverage]] = [:]
        let cursor = try Row.fetchCursor(db, sql: "SELECT id, records FROM event WHERE length(records) > 0 ORDER BY id")
        while let row = try cursor.next() {
            let event: Int64 = row[0]
            guard let entries = RecordDigest.decode(EventLog.StoredEvent.bytes(row, 1) ?? []) else {
                findings.append(.unreadable(event: event, reason: "de lijst van gegevens die de gebeurtenis vastlegde is onleesbaar"))
                continue
            }
            for entry in entries {
                coverage[entry.key.table, default: [:]][entry.key.rowid] = Coverage(event: event, digest: entry.digest)
            }
        }
        return coverage
    }

    // MARK: Messages

    private static func describe(_ finding: Finding, _ db: Database) throws -> String {
        switch finding {
        case .unlogged(let found):
            return try name(found, db)
                + " staat niet in het logboek (buiten Beschermbord om toegevoegd, of de gebeurtenis die het vastlegde is weggehaald)"
        case .changed(let found, let event):
            let logged = try loggedEvent(event, db)
            return try name(found, db) + " wijkt af van wat gebeurtenis \(event) vastlegde (\(logged.moment) door \(logged.user): "
                + "‘\(logged.detail)’); het is buiten Beschermbord om gewijzigd"
        case .revived(let found, let event):
            let logged = try loggedEvent(event, db)
            return try name(found, db) + " staat in de opslag, maar volgens gebeurtenis \(event) (\(logged.moment) door \(logged.user)) is het verwijderd"
        case .missing(let table, let rowid, let event):
            let logged = try loggedEvent(event, db)
            let owner = table.owner == .family ? logged.familyID : table.owner == .caseColumn ? logged.caseID : nil
            return try name(Found(table: table, rowid: rowid, owner: owner), db)
                + " ontbreekt (vastgelegd in gebeurtenis \(event) op \(logged.moment) door \(logged.user))"
        case .unreadable(let event, let reason):
            return event > 0 ? "gebeurtenis \(event): \(reason)" : reason
        }
    }

    /// `notitie 12 van zaak 2025-0003`, `kind 7 van het gezin van zaak 2025-0003`, `medewerker bert
    /// (nu rol teamleider)`; a setting or medewerker that is gone by its row.
    private static func name(_ found: Found, _ db: Database) throws -> String {
        let table = found.table
        let id = "\(table.noun) \(found.label.map(short) ?? (table.label == nil ? String(found.rowid) : "in rij \(found.rowid)"))"
        var now = ""
        if let label = table.shown?.label, let shown = found.shown { now = " (nu \(label) \(short(shown)))" }
        switch table.owner {
        case .caseRow:
            guard let kenmerk = try kenmerk(ofCase: found.rowid, db) else { return "zaak #\(found.rowid)" }
            return "zaak \(kenmerk)"
        case .familyRow:
            guard let kenmerk = try kenmerk(ofFamily: found.rowid, db) else { return id }
            return "\(id) van zaak \(kenmerk)"
        case .family:
            guard let owner = found.owner, let kenmerk = try kenmerk(ofFamily: owner, db) else { return id }
            return "\(id) van het gezin van zaak \(kenmerk)"
        case .caseColumn:
            guard let owner = found.owner, let kenmerk = try kenmerk(ofCase: owner, db) else { return id }
            return "\(id) van zaak \(kenmerk)"
        case .none:
            return id + now
        }
    }

    private static func kenmerk(ofCase id: Int64, _ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT kenmerk FROM \"case\" WHERE id = ?", arguments: [id])
    }

    /// A family's newest case names it.
    private static func kenmerk(ofFamily id: Int64, _ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT kenmerk FROM \"case\" WHERE family_id = ? ORDER BY reported_on DESC, id DESC LIMIT 1",
                            arguments: [id])
    }

    private static func loggedEvent(_ id: Int64, _ db: Database) throws
        -> (moment: String, user: String, detail: String, caseID: Int64?, familyID: Int64?) {
        guard let row = try Row.fetchOne(db, sql: "SELECT recorded_at, user, detail, case_id, family_id FROM event WHERE id = ?",
                                         arguments: [id]) else {
            return ("?", "?", "", nil, nil)
        }
        return (Clock.localMoment(row["recorded_at"] ?? ""), row["user"] ?? "?", short(row["detail"] ?? ""), row["case_id"], row["family_id"])
    }

    /// At most 60 characters of a stored text in a message.
    private static func short(_ text: String) -> String {
        text.count > 60 ? String(text.prefix(59)) + "…" : text
    }
}
