import BoardCore
import Foundation
import GRDB
import GRDBSQLite

/// A table whose records the log covers: every change that writes one of its records names the
/// record (by row id), with a digest of its content, in the change's event (`RecordDigest`,
/// ChangedRecords.swift), and `beschermbord check` compares every record with the newest event
/// that named it (RecordCheck.swift). Its columns are listed in the table's own order, which is
/// the order SQLite hands a row's values over in.
struct CoveredTable: Sendable {
    /// How `check` names a record of this table in Dutch, so a reader can find it.
    enum Owner: Sendable {
        /// The case row itself: `zaak 2025-0001`.
        case caseRow
        /// The family row itself: `gezin 4 van zaak 2025-0001`.
        case familyRow
        /// A row of a family (`family_id`): `kind 7 van het gezin van zaak 2025-0001`.
        case family
        /// A row of a case (`case_id`): `notitie 12 van zaak 2025-0001`.
        case caseColumn
        /// Not tied to a family (settings, staff): named by `label` alone.
        case none
    }

    let name: String
    /// Every column, in the order of the digest (`RecordDigest`).
    let columns: [String]
    /// `notitie`, `kind`: the record in a sentence.
    let noun: String
    let owner: Owner
    /// The column that names a record whose row id is not its name (a setting's key, a login).
    let label: String?
    /// A column whose current value `check` shows when the record differs (the role of a
    /// medewerker, the value of a setting), with its Dutch label.
    let shown: (column: String, label: String)?
    /// The digest's first lines and each column's label, made once (`RecordDigest.Builder`).
    private let header: [UInt8]
    private let labels: [[UInt8]]

    var quotedName: String { name.quotedDatabaseIdentifier }
    var columnList: String { columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ") }
    var ownerColumn: String? {
        switch owner {
        case .family: return "family_id"
        case .caseColumn: return "case_id"
        case .caseRow, .familyRow, .none: return nil
        }
    }

    init(_ name: String, _ columns: [String], noun: String, owner: Owner, label: String? = nil,
         shown: (column: String, label: String)? = nil) {
        self.name = name
        self.columns = columns
        self.noun = noun
        self.owner = owner
        self.label = label
        self.shown = shown
        header = RecordDigest.header(table: name)
        labels = columns.map(RecordDigest.label)
    }

    /// The record with this row id, its columns' values given by `value(column)` (the check reads
    /// them from its `SELECT`, a write from SQLite's preupdate hook), as an entry of an event's
    /// records field.
    func entry(rowid: Int64, builder: inout RecordDigest.Builder, value: (Int32) -> OpaquePointer?) -> RecordDigest.Entry {
        builder.start(header: header)
        for (index, label) in labels.enumerated() {
            let value = value(Int32(index))
            switch sqlite3_value_type(value) {
            case SQLITE_NULL:
                builder.null(label)
            case SQLITE_INTEGER:
                builder.integer(label, sqlite3_value_int64(value))
            case SQLITE_FLOAT:
                builder.real(label, sqlite3_value_double(value))
            case SQLITE_TEXT:
                let start = sqlite3_value_text(value)
                builder.text(label, UnsafeRawBufferPointer(start: start, count: Int(sqlite3_value_bytes(value))))
            default:
                let start = sqlite3_value_blob(value)
                builder.blob(label, UnsafeRawBufferPointer(start: start, count: Int(sqlite3_value_bytes(value))))
            }
        }
        return RecordDigest.Entry(key: RecordDigest.Key(table: name, rowid: rowid), digest: builder.digest())
    }

    /// The same entry from values read through `StoreDatabase` (the server store's), which hold
    /// what SQLite would: the same digest for the same record on either store.
    func entry(rowid: Int64, builder: inout RecordDigest.Builder, values: [SQLValue]) -> RecordDigest.Entry {
        builder.start(header: header)
        for (label, value) in zip(labels, values) {
            switch value {
            case .null: builder.null(label)
            case .integer(let number): builder.integer(label, number)
            case .real(let number): builder.real(label, number)
            case .text(var text): text.withUTF8 { builder.text(label, UnsafeRawBufferPointer($0)) }
            case .blob(let bytes): bytes.withUnsafeBytes { builder.blob(label, $0) }
            }
        }
        return RecordDigest.Entry(key: RecordDigest.Key(table: name, rowid: rowid), digest: builder.digest())
    }
}

/// The covered tables. Every table of the schema is here or in `uncovered` (a test,
/// `everyTableAndColumnIsAccountedFor`, fails when a migration adds a table or a column that is in
/// neither), and every column of a covered table is in its list: a column added later changes the
/// digests, so covering it needs a version 2 of `RecordDigest`. Records are known by row id, which
/// a write keeps: settings are written with an upsert, not `INSERT OR REPLACE` (which would give
/// the setting a new row id each time), and `rvk_record`'s row id is its key.
enum CoveredTables {
    static let all: [CoveredTable] = [
        CoveredTable("family", ["id", "name", "wijk", "address", "erased_on"], noun: "gezin", owner: .familyRow),
        CoveredTable("child", ["id", "family_id", "first_name", "birth_date", "surname", "bsn"], noun: "kind", owner: .family),
        CoveredTable("case", ["id", "kenmerk", "family_id", "source", "reported_on", "stage", "stage_since", "medewerker", "version", "closed_on"],
                     noun: "zaak", owner: .caseRow),
        CoveredTable("setting", ["key", "value"], noun: "instelling", owner: .none, label: "key", shown: ("value", "waarde")),
        CoveredTable("caregiver", ["id", "family_id", "name", "relation", "phone"], noun: "ouder/verzorger", owner: .family),
        CoveredTable("network_member", ["id", "family_id", "name", "role", "organisation", "phone"], noun: "netwerklid", owner: .family),
        CoveredTable("assessment", ["id", "case_id", "day", "concerns", "strengths", "needs", "score", "given_by", "recorded_by", "recorded_at"],
                     noun: "veiligheidsbeoordeling", owner: .caseColumn),
        CoveredTable("risk_instrument", ["id", "case_id", "instrument", "day", "outcome", "note", "recorded_by", "recorded_at"],
                     noun: "risico-instrument", owner: .caseColumn),
        CoveredTable("note", ["id", "case_id", "recorded_at", "author", "text", "refers_to"], noun: "notitie", owner: .caseColumn),
        CoveredTable("table_record", ["id", "case_id", "requester", "request_date", "meeting_date", "attendees", "advice", "outcome",
                                      "report_back_on", "goals"], noun: "tafelverslag", owner: .caseColumn),
        CoveredTable("rvk_record", ["case_id", "start_date", "outcome", "outcome_date"], noun: "RvK-onderzoek", owner: .caseColumn),
        CoveredTable("rvk_child_outcome", ["id", "case_id", "child_id", "outcome", "superseded_on"], noun: "uitkomst van de Raad per kind", owner: .caseColumn),
        CoveredTable("assessment_child", ["id", "assessment_id", "case_id", "child_id"], noun: "kind van een veiligheidsbeoordeling",
                     owner: .caseColumn),
        CoveredTable("medewerkers", ["name", "display_name", "role", "added_at", "added_by"], noun: "medewerker", owner: .none,
                     label: "name", shown: ("role", "rol")),
        CoveredTable("joint_plan", ["id", "case_id", "jeugdbeschermer", "organisation", "wijkteam_colleague", "start_date", "consent_date",
                                    "consent_by", "next_evaluation", "ended_on", "end_reason", "recorded_by", "recorded_at"],
                     noun: "gezamenlijk plan", owner: .caseColumn),
        CoveredTable("plan_intensity", ["id", "plan_id", "case_id", "day", "intensity", "recorded_by", "recorded_at"],
                     noun: "intensiteit van het plan", owner: .caseColumn),
        CoveredTable("plan_goal", ["id", "plan_id", "case_id", "text", "safety_conditions", "status"], noun: "plandoel", owner: .caseColumn),
        CoveredTable("plan_agreement", ["id", "plan_id", "case_id", "party", "who", "what", "due", "status"],
                     noun: "planafspraak", owner: .caseColumn),
        CoveredTable("plan_hours", ["id", "plan_id", "case_id", "day", "quarters", "person", "description", "recorded_by", "recorded_at"],
                     noun: "urenregel", owner: .caseColumn),
        CoveredTable("plan_evaluation", ["id", "plan_id", "case_id", "day", "went_well", "went_badly", "conclusion", "next_evaluation",
                                         "recorded_by", "recorded_at"], noun: "planevaluatie", owner: .caseColumn),
        CoveredTable("duty_done", ["id", "case_id", "duty", "answers", "done_on", "note_id"], noun: "afgehandelde termijn", owner: .caseColumn),
        CoveredTable("plan_member", ["id", "plan_id", "case_id", "name", "organisation", "since", "recorded_by", "recorded_at"],
                     noun: "lid van het Veiligheidsteam", owner: .caseColumn),
        CoveredTable("plan_safety_condition", ["id", "plan_id", "case_id", "set_by", "day", "text", "recorded_by", "recorded_at"],
                     noun: "veiligheidsvoorwaarde", owner: .caseColumn),
        CoveredTable("plan_agreement_detail", ["id", "agreement_id", "plan_id", "case_id", "how_checked", "agreed_on", "agreed_by"],
                     noun: "controle en akkoord van een planafspraak", owner: .caseColumn),
        CoveredTable("plan_agreement_mark", ["id", "evaluation_id", "agreement_id", "plan_id", "case_id", "mark"],
                     noun: "beoordeling van een planafspraak", owner: .caseColumn),
    ]

    /// Tables the records check leaves out, and why.
    static let uncovered: [String: String] = [
        "event": "the log itself, covered by its hash chain",
        "family_children": "derived from child by triggers (BoardIndexes.swift)",
        "case_safety_score": "derived from the assessments by the write that adds one (ChildOutcomeSchema.swift)",
        "case_duties": "derived from duty_done by a trigger (Store+Duties.swift)",
        "grdb_migrations": "the schema's version, not data",
    ]

    /// The table's position in `all`, from the name SQLite reports a change under; nil for a
    /// table that is not covered. Runs for every row any write changes (the log's own rows most
    /// often), so it compares C strings, first by their first byte.
    static func index(of name: UnsafePointer<CChar>) -> Int? {
        for index in byFirstByte[Int(UInt8(bitPattern: name.pointee))] where strcmp(cNames[index], name) == 0 { return index }
        return nil
    }

    private static let cNames: [[CChar]] = all.map { Array($0.name.utf8CString) }

    private static let byFirstByte: [[Int]] = {
        var table = [[Int]](repeating: [], count: 256)
        for (index, covered) in all.enumerated() { table[Int(covered.name.utf8.first!)].append(index) }
        return table
    }()
}
