import BoardCore
import Foundation
import GRDB

/// What `beschermbord check` found: one section per check, each with its problems in Dutch.
public struct IntegrityReport: Equatable, Sendable {
    public struct Section: Equatable, Sendable {
        public var title: String
        /// What was checked, when all is well ("123 zaken").
        public var summary: String
        public var problems: [String]
        /// Problems beyond those listed.
        public var moreProblems: Int

        public var isHealthy: Bool { problems.isEmpty }
    }

    public var path: String
    public var sections: [Section]
    /// Remarks that are no damage (such as a store that has not yet been migrated).
    public var notes: [String]
    /// The newest event's id and hash, to write down and compare later.
    public var chainTip: ChainHead?

    public var isHealthy: Bool { sections.allSatisfy(\.isHealthy) }

    /// The section with this title, for tests and the UI.
    public func section(_ title: String) -> Section? { sections.first { $0.title == title } }
}

/// SQLite's integrity check plus the program's own consistency checks and the hash chain, run on
/// a read-only connection: checking never changes the store, damaged or not.
public enum IntegrityCheck {
    public static let sqliteTitle = "SQLite-integriteit"
    public static let foreignKeysTitle = "Verwijzingen tussen tabellen"
    public static let stagesTitle = "Kolom van elke zaak volgt uit haar laatste verplaatsing"
    public static let eventsTitle = "Gebeurtenissen verwijzen naar bestaande zaken en gezinnen"
    public static let kenmerkenTitle = "Kenmerken uniek"
    public static let datesTitle = "Datums leesbaar"
    public static let chainTitle = "Hash-keten van het logboek"
    public static let recordsTitle = "Gegevens gedekt door het logboek"
    public static let headTitle = "Ketenkop uit het verslag"

    /// At most this many problems are listed per section.
    static let listed = 20

    /// Checks the store at `path`, and whether `head` (written down earlier) is still in its chain.
    /// Throws (in Dutch) only when the file is no Beschermbord store at all; damage is reported in
    /// the result.
    public static func run(path: String, head: ChainHead? = nil) throws -> IntegrityReport {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw StoreError.cannotOpen(path: path, reason: "het bestand bestaat niet")
        }
        if isDirectory.boolValue { throw StoreError.cannotOpen(path: path, reason: "dit is een map, geen bestand") }
        _ = try StoreFile.prepare(path: path)
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        var report = IntegrityReport(path: path, sections: [], notes: [])
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: StoreFile.readOnlyOpenPath(path), configuration: configuration)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT {
            report.sections.append(section(sqliteTitle, summary: "", problems: [problem(error)]))
            report.notes.append("De overige controles zijn overgeslagen omdat SQLite beschadiging vond.")
            return report
        } catch {
            throw StoreError.cannotOpen(path: path, reason: StoreFile.describe(error))
        }
        defer { try? queue.close() }
        do {
            try queue.read { db in try StoreFile.checkOwnership(db, path: path, isNew: false) }
        } catch let error as StoreError {
            throw error
        } catch {
            report.sections.append(section(sqliteTitle, summary: "", problems: [problem(error)]))
            return report
        }
        do {
            let problems = try queue.read { db in
                try String.fetchAll(db, sql: "PRAGMA integrity_check(\(listed + 1))").filter { $0 != "ok" }
            }
            report.sections.append(section(sqliteTitle, summary: "in orde", problems: problems))
            if !problems.isEmpty {
                // The program's own checks would read damaged pages; SQLite's verdict is what counts.
                report.notes.append("De overige controles zijn overgeslagen omdat SQLite beschadiging vond.")
                return report
            }
        } catch {
            report.sections.append(section(sqliteTitle, summary: "", problems: [problem(error)]))
            report.notes.append("De overige controles zijn overgeslagen omdat SQLite beschadiging vond.")
            return report
        }
        do {
            try queue.read { db in try consistency(db, head: head, into: &report) }
        } catch {
            report.sections.append(section("Controle afgebroken", summary: "", problems: [problem(error)]))
        }
        return report
    }

    /// `PRAGMA quick_check`: SQLite's cheap check (every page read once, no index cross-check).
    /// Returns its problems; empty when the store is sound.
    static func quickCheck(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "PRAGMA quick_check(5)").filter { $0 != "ok" }
    }

    static func consistency(_ db: Database, head: ChainHead?, into report: inout IntegrityReport) throws {
        guard try db.tableExists("case"), try db.tableExists("event"), try db.tableExists("family") else {
            report.notes.append("De opslag is nog leeg: er is niets om te controleren.")
            return
        }
        if try !Schema.migrator.hasCompletedMigrations(db) {
            report.notes.append("De opslag heeft nog de indeling van een eerdere versie; hij wordt bijgewerkt zodra iemand hem opent.")
        }

        let foreignKeys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row -> String in
            let table: String = row["table"]
            let rowID: Int64? = row["rowid"]
            let parent: String = row["parent"]
            return "rij \(rowID.map(String.init) ?? "?") van \(table) verwijst naar een \(parent) die niet bestaat"
        }
        report.sections.append(section(foreignKeysTitle, summary: "in orde", problems: foreignKeys))

        let caseCount = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \"case\"") ?? 0
        let stageProblems = try Row.fetchAll(db, sql: """
            SELECT c.kenmerk, c.stage, c.stage_since, e.id AS event_id, e.to_stage AS logged_stage, e.day AS logged_day
            FROM "case" c
            LEFT JOIN event e ON e.id = (SELECT MAX(id) FROM event WHERE case_id = c.id AND to_stage IS NOT NULL)
            WHERE e.id IS NULL OR e.to_stage IS NOT c.stage OR e.day IS NOT c.stage_since
            ORDER BY c.id
            """).map { row -> String in
            let kenmerk: String = row["kenmerk"]
            let stage = title(ofStage: row["stage"])
            let since = dutch(row["stage_since"])
            guard let eventID: Int64 = row["event_id"] else {
                return "zaak \(kenmerk) staat in \(stage) maar heeft geen enkele verplaatsing in het logboek"
            }
            let logged = title(ofStage: row["logged_stage"])
            let loggedDay = dutch(row["logged_day"])
            if logged != stage {
                return "zaak \(kenmerk) staat in \(stage), maar de laatste verplaatsing (gebeurtenis \(eventID)) was naar \(logged)"
            }
            return "zaak \(kenmerk) staat sinds \(since) in \(stage), maar de laatste verplaatsing (gebeurtenis \(eventID)) is van \(loggedDay)"
        }
        report.sections.append(section(stagesTitle, summary: "in orde (\(Counted.text(caseCount, "zaak", "zaken")))", problems: stageProblems))

        let eventProblems = try Row.fetchAll(db, sql: """
            SELECT e.id, e.case_id, e.family_id, c.id AS found_case, f.id AS found_family
            FROM event e
            LEFT JOIN "case" c ON c.id = e.case_id
            LEFT JOIN family f ON f.id = e.family_id
            WHERE (e.case_id IS NOT NULL AND c.id IS NULL)
               OR (e.family_id IS NOT NULL AND f.id IS NULL)
               OR (c.id IS NOT NULL AND e.family_id IS NOT c.family_id)
            ORDER BY e.id
            """).map { row -> String in
            let id: Int64 = row["id"]
            let caseID: Int64? = row["case_id"]
            let familyID: Int64? = row["family_id"]
            if let caseID, (row["found_case"] as Int64?) == nil { return "gebeurtenis \(id) verwijst naar zaak #\(caseID), die niet bestaat" }
            if let familyID, (row["found_family"] as Int64?) == nil { return "gebeurtenis \(id) verwijst naar gezin #\(familyID), dat niet bestaat" }
            return "gebeurtenis \(id) hoort bij zaak #\(caseID ?? 0), maar noemt een ander gezin (#\(familyID.map(String.init) ?? "geen"))"
        }
        let eventCount = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event") ?? 0
        report.sections.append(section(eventsTitle, summary: "in orde (\(eventCount) gebeurtenissen)", problems: eventProblems))

        let duplicates = try Row.fetchAll(db, sql: """
            SELECT kenmerk, COUNT(*) AS count FROM "case" GROUP BY kenmerk HAVING COUNT(*) > 1 ORDER BY kenmerk
            """).map { row -> String in
            let kenmerk: String = row["kenmerk"]
            let count: Int = row["count"]
            return "kenmerk \(kenmerk) komt \(count) keer voor"
        }
        // A kenmerk stored before the input refused look-alikes (`2026-0001` and `2026-0001` + U+200B)
        // is unique to SQLite but not to a reader. GLOB finds the candidates; InputText decides.
        let malformed = try String.fetchAll(db, sql: """
            SELECT kenmerk FROM "case" WHERE kenmerk GLOB '*[^A-Za-z0-9./_-]*' OR length(kenmerk) > ? ORDER BY kenmerk
            """, arguments: [InputText.Kind.kenmerk.maximumLength]).compactMap { kenmerk -> String? in
            InputText.problem(in: kenmerk, kind: .kenmerk).map { "kenmerk \(InputText.quoted(kenmerk)) \($0.message)" }
        }
        report.sections.append(section(kenmerkenTitle, summary: "in orde", problems: duplicates + malformed))

        var dateProblems: [String] = []
        let placeholder = Retention.placeholder
        // An older version accepted years such as 25 (`03-03-0025`): such a date is a typing error.
        let years = Day.possibleYears(today: Clock.today())
        let (earliest, latest) = ("\(years.lowerBound)-01-01", "\(years.upperBound)-12-31")
        for (table, column, label) in [("\"case\"", "reported_on", "meldingsdatum"), ("\"case\"", "stage_since", "datum in kolom"),
                                       ("\"case\"", "closed_on", "afsluitdatum"), ("event", "day", "datum"),
                                       ("child", "birth_date", "geboortedatum")]
            where try db.columns(in: table.replacingOccurrences(of: "\"", with: "")).contains(where: { $0.name == column }) {
            // With a modifier SQLite's date() normalizes impossible dates (2023-02-29 becomes 2023-03-01): a cheap
            // first filter, confirmed by the program's own parser.
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, \(column) FROM \(table)
                WHERE \(column) IS NOT NULL AND \(column) IS NOT ?
                  AND (date(\(column), '+0 days') IS NOT \(column) OR \(column) < ? OR \(column) > ?)
                """, arguments: [placeholder, earliest, latest])
            for row in rows {
                let text: String = row[column] ?? ""
                let id: Int64 = row["id"]
                let what = table == "event" ? "gebeurtenis" : table == "child" ? "kind" : "zaak"
                if let day = Day(parsing: text), day.iso == text {
                    if years.contains(day.year) { continue }
                    dateProblems.append("\(what) #\(id): \(label) \(day.dutch) ligt niet tussen \(years.lowerBound) en \(years.upperBound) (een tikfout?)")
                    continue
                }
                dateProblems.append("\(what) #\(id): \(label) ‘\(text)’ is geen geldige datum")
            }
        }
        report.sections.append(section(datesTitle, summary: "in orde", problems: dateProblems))

        let eventColumns = Set(try db.columns(in: "event").map(\.name))
        guard eventColumns.contains("hash") else {
            report.notes.append("Het logboek heeft nog geen hash-keten; die wordt aangelegd zodra iemand de opslag opent.")
            return
        }
        let chain = try EventLog.verify(db)
        report.chainTip = chain.tip
        var chainProblems: [String] = []
        if let first = chain.firstBreak {
            chainProblems.append("eerste gebroken schakel: gebeurtenis \(first.id) (\(Clock.localMoment(first.recordedAt)), gebruiker \(first.user)): \(first.reason)")
            if chain.breaks > 1 { chainProblems.append("in totaal \(chain.breaks) gebroken schakels") }
        }
        let erased = chain.erased > 0 ? "; \(chain.erased) toelichtingen verwijderd na de bewaartermijn of op verzoek" : ""
        report.sections.append(section(chainTitle, summary: "in orde (\(chain.events) gebeurtenissen\(erased))", problems: chainProblems))

        if eventColumns.contains("records") {
            let records = try RecordCheck.run(db, listed: listed)
            if records.notYetSealed {
                report.notes.append("De gegevens zijn nog niet in het logboek vastgelegd (opslag van vóór \(Schema.recordDigestsMigrationName)); "
                                    + "dat gebeurt zodra iemand de opslag opent.")
            } else {
                report.sections.append(IntegrityReport.Section(title: recordsTitle, summary: "in orde (\(records.records) gegevens)",
                                                               problems: records.problems, moreProblems: records.moreProblems))
            }
        } else {
            report.notes.append("Het logboek dekt de gegevens nog niet; dat begint zodra iemand de opslag opent.")
        }
        if let head { report.sections.append(try headSection(db, head: head, tip: chain.tip)) }
    }

    /// Whether an earlier head (from the minutes) is still in the chain: the event is there with
    /// the hash written down. The chain section says whether the chain up to it holds.
    static func headSection(_ db: Database, head: ChainHead, tip: ChainHead?) throws -> IntegrityReport.Section {
        let written = "\(head.id):\(head.hash.prefix(ChainHead.minimumDigits))…"
        guard let stored = try Data.fetchOne(db, sql: "SELECT hash FROM event WHERE id = ?", arguments: [head.id]) else {
            let end = tip.map { "het logboek eindigt nu bij gebeurtenis \($0.id)" } ?? "het logboek is leeg"
            let problem = (tip?.id ?? 0) < head.id
                ? "gebeurtenis \(head.id) (kop \(written)) staat niet meer in het logboek: \(end). De nieuwste gebeurtenissen zijn weggehaald, "
                    + "of de kop hoort bij een andere opslag."
                : "gebeurtenis \(head.id) (kop \(written)) ontbreekt in het logboek: hij is weggehaald."
            return section(headTitle, summary: "", problems: [problem])
        }
        let hash = Hex.string([UInt8](stored))
        guard head.matches(storedHash: hash) else {
            return section(headTitle, summary: "", problems: [
                "gebeurtenis \(head.id) heeft nu hash \(hash.prefix(ChainHead.minimumDigits))…, niet \(head.hash.prefix(ChainHead.minimumDigits))… "
                    + "zoals in het verslag: het logboek is tot en met die gebeurtenis herschreven en opnieuw doorgerekend.",
            ])
        }
        return section(headTitle, summary: "in orde (gebeurtenis \(head.id) staat met dezelfde hash in de keten)", problems: [])
    }

    /// A read error as a problem line: what SQLite itself says, in its words, after ours.
    static func problem(_ error: Error) -> String {
        guard let error = error as? DatabaseError else { return String(describing: error) }
        let sqlite = error.message.map { " (SQLite: \($0))" } ?? ""
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return "het bestand is beschadigd\(sqlite)"
        default: return StoreFile.describe(error) + sqlite
        }
    }

    static func section(_ title: String, summary: String, problems: [String]) -> IntegrityReport.Section {
        IntegrityReport.Section(title: title, summary: summary, problems: Array(problems.prefix(listed)),
                                moreProblems: max(0, problems.count - listed))
    }

    static func title(ofStage raw: String?) -> String {
        guard let raw else { return "(geen kolom)" }
        return Stage(rawValue: raw)?.title ?? "‘\(raw)’"
    }

    static func dutch(_ text: String?) -> String {
        guard let text else { return "(geen datum)" }
        return Day(parsing: text)?.dutch ?? "‘\(text)’"
    }
}
