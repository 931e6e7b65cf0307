import BoardCore
import Foundation
import GRDB

/// Everything recorded about one family, for an inzage request (AVG art. 15): the family, its
/// children, all its cases with their complete log (every opening of the dossier included), and
/// every other record that belongs to the family or to one of its cases.
public struct FamilyDossier: Equatable, Sendable {
    public var familyID: FamilyID
    /// The family's row: every column but the row id (Dutch names where known).
    public var family: JSONValue
    /// The children's rows, oldest first.
    public var children: JSONValue
    public var cases: [CaseRecord]
    /// Per case id, its log in the order it was written.
    public var events: [CaseID: [CaseEvent]]
    /// Log lines about the family that belong to no single case.
    public var familyEvents: [CaseEvent]
    /// Every other table with rows of this family or its cases, by (Dutch) table name.
    public var otherRecords: JSONValue
    public var exportedAt: String
    public var exportedBy: String

    public var allEvents: [CaseEvent] { cases.flatMap { events[$0.id] ?? [] } + familyEvents }

    public func json() -> Data {
        let kenmerken = Dictionary(uniqueKeysWithValues: cases.map { ($0.id, $0.kenmerk) })
        return JSONValue.object([
            ("soort", .string("inzage gezinsdossier")),
            ("geexporteerd_op", .string(exportedAt)),
            ("geexporteerd_door", .string(exportedBy)),
            ("gezin", family),
            ("kinderen", children),
            ("zaken", .array(cases.map { record in
                var fields: [(String, JSONValue)] = []
                if case .object(let caseFields) = CaseExport.json(record) { fields = caseFields }
                fields.append(("gebeurtenissen", .array((events[record.id] ?? []).map { Self.json($0, kenmerk: nil) })))
                return .object(fields)
            })),
            ("gezinsgebeurtenissen", .array(familyEvents.map { Self.json($0, kenmerk: $0.caseID == 0 ? nil : kenmerken[$0.caseID]) })),
            ("overige_gegevens", otherRecords),
        ]).serialized()
    }

    static func json(_ event: CaseEvent, kenmerk: String?) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("tijdstip", .string(event.recordedAt)),
            ("gebruiker", .string(event.user)),
            ("soort", .string(event.kind.rawValue)),
            ("omschrijving", .string(event.kind.title)),
            ("van", event.fromStage.map { .string($0.title) } ?? .null),
            ("naar", event.toStage.map { .string($0.title) } ?? .null),
            ("dag", .string(event.day.iso)),
            ("toelichting", .string(event.detail)),
        ]
        if let kenmerk { fields.insert(("zaak", .string(kenmerk)), at: 0) }
        return .object(fields)
    }
}

extension Store {
    /// The dossier of the family of the case `kenmerk`. The export is itself logged on that case
    /// (an 'inzage_geexporteerd' event, in the same transaction, before reading), so the dossier
    /// shows it too.
    public func exportFamilyDossier(kenmerk: String) throws -> FamilyDossier {
        let wanted = try Self.lookupKenmerk(kenmerk)
        return try write { db in
            guard let row = try db.row(sql: "SELECT id, family_id FROM \"case\" WHERE kenmerk = ?", arguments: [wanted]) else {
                throw StoreError.caseNotFound(wanted)
            }
            let caseID: CaseID = row["id"]
            let familyID: FamilyID = row["family_id"]
            let count = try db.value(Int.self, sql: "SELECT COUNT(*) FROM \"case\" WHERE family_id = ?", arguments: [familyID]) ?? 0
            let exportedAt = Clock.timestamp()
            try self.appendEvent(db, caseID: caseID, familyID: familyID, kind: .inzageGeexporteerd, from: nil, to: nil,
                                 day: Clock.today(), detail: "inzage-export van het gezinsdossier (\(Counted.text(count, "zaak", "zaken")))",
                                 recordedAt: exportedAt)

            let cases = try Self.caseRecords(db, whereClause: "c.family_id = ?", arguments: [familyID])
            let kenmerken = Dictionary(uniqueKeysWithValues: cases.map { ($0.id, $0.kenmerk) })
            let family = try db.row(sql: "SELECT * FROM family WHERE id = ?", arguments: [familyID])
                .map { Self.record($0, kenmerken: kenmerken) } ?? .object([])
            let children = try db.rows(sql: "SELECT * FROM child WHERE family_id = ? ORDER BY birth_date, id", arguments: [familyID])
                .map { Self.record($0, kenmerken: kenmerken) }

            var events: [CaseID: [CaseEvent]] = [:]
            var familyEvents: [CaseEvent] = []
            for event in try db.rows(sql: """
                SELECT id, case_id, recorded_at, "user", kind, from_stage, to_stage, day, detail FROM event
                WHERE family_id = ? OR case_id IN (SELECT id FROM "case" WHERE family_id = ?) ORDER BY id
                """, arguments: [familyID, familyID]) {
                if let id = event["case_id"] as CaseID?, kenmerken[id] != nil {
                    events[id, default: []].append(Self.event(from: event))
                } else {
                    familyEvents.append(Self.looseEvent(from: event))
                }
            }
            return FamilyDossier(familyID: familyID, family: family, children: .array(children), cases: cases, events: events,
                                 familyEvents: familyEvents,
                                 otherRecords: try Self.otherRecords(db, familyID: familyID, kenmerken: kenmerken),
                                 exportedAt: exportedAt, exportedBy: self.user)
        }
    }

    /// The rows of every other table that has a `family_id` or `case_id` column, for this family.
    /// Read from the schema, so that records added by later migrations are never left out.
    static func otherRecords(_ db: any StoreDatabase, familyID: FamilyID, kenmerken: [CaseID: String]) throws -> JSONValue {
        let covered: Set<String> = ["family", "child", "case", "event", "setting", "grdb_migrations", "migraties"]
        let tables = try db.tableNames().filter { !covered.contains($0) }
        var result: [(String, JSONValue)] = []
        let caseIDs = kenmerken.keys.sorted()
        let childNames = try Self.childNames(db, familyID: familyID)
        for table in tables {
            let columns = try db.columnNames(of: table)
            let order = db.dialect.insertionOrder
            let rows: [SQLRow]
            if columns.contains("family_id") {
                rows = try db.rows(sql: "SELECT * FROM \(quoteIdentifier(table)) WHERE family_id = ? ORDER BY \(order)", arguments: [familyID])
            } else if columns.contains("case_id"), !caseIDs.isEmpty {
                let marks = Array(repeating: "?", count: caseIDs.count).joined(separator: ",")
                // An assessment's child names the assessment by its day and score: ids are left out.
                let select = table == "assessment_child"
                    ? "SELECT t.case_id, a.day, a.score, t.child_id FROM assessment_child t JOIN assessment a ON a.id = t.assessment_id"
                    : "SELECT * FROM \(quoteIdentifier(table)) t"
                rows = try db.rows(sql: "\(select) WHERE t.case_id IN (\(marks)) ORDER BY \(order == "rowid" ? "t.rowid" : order)", arguments: caseIDs.map { $0 })
            } else {
                continue
            }
            if rows.isEmpty { continue }
            result.append((dutchTableNames[table] ?? table, .array(rows.map { record($0, kenmerken: kenmerken, childNames: childNames) })))
        }
        return .object(result)
    }

    /// A row as a JSON object: row and family ids left out, a case id shown as the case's kenmerk,
    /// column names in Dutch (`dutchColumnNames`).
    /// A child id is shown as the child's first name (`childNames`), as the family screen does.
    static func record(_ row: SQLRow, kenmerken: [CaseID: String], childNames: [Int64: String] = [:]) -> JSONValue {
        var fields: [(String, JSONValue)] = []
        for (column, value) in zip(row.columns.names, row.values) {
            switch column {
            case "id", "family_id": continue
            case "child_id":
                let id = Int64(sqlValue: value)
                fields.append(("kind", id.flatMap { childNames[$0] }.map { .string($0) } ?? JSONValue(value)))
            case "case_id":
                let id = CaseID(sqlValue: value)
                fields.append(("zaak", id.flatMap { kenmerken[$0] }.map { .string($0) } ?? JSONValue(value)))
            default:
                fields.append((dutchColumnNames[column] ?? column, JSONValue(value)))
            }
        }
        return .object(fields)
    }

    static func quoteIdentifier(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// An event read without assuming it belongs to a case.
    static func looseEvent(from row: SQLRow) -> CaseEvent {
        CaseEvent(id: row["id"], caseID: (row["case_id"] as CaseID?) ?? 0, recordedAt: row["recorded_at"], user: row["user"],
                  kind: EventKind(rawValue: row["kind"]) ?? .verplaatst,
                  fromStage: (row["from_stage"] as String?).flatMap(Stage.init(rawValue:)),
                  toStage: (row["to_stage"] as String?).flatMap(Stage.init(rawValue:)), day: day(row["day"]), detail: row["detail"])
    }

    /// The inzage's name of each table it shows besides the family and its children. Every table
    /// with a `family_id` or `case_id` needs one (ExportTests.everyKeyOfTheInzageIsDutch).
    static let dutchTableNames: [String: String] = [
        "caregiver": "ouders_verzorgers", "network_member": "netwerk", "assessment": "veiligheidsbeoordelingen",
        "risk_instrument": "risico_instrumenten", "note": "notities", "table_record": "beschermtafel", "rvk_record": "rvk_onderzoek",
        "rvk_child_outcome": "rvk_uitkomst_per_kind", "assessment_child": "veiligheidsbeoordelingen_per_kind",
        "case_safety_score": "laagste_veiligheidsscore",
        "joint_plan": "gezamenlijke_plannen", "plan_intensity": "plan_intensiteit", "plan_goal": "plan_doelen",
        "plan_agreement": "plan_afspraken", "plan_hours": "plan_uren", "plan_evaluation": "plan_evaluaties",
        "duty_done": "afgehandelde_termijnen",
        "plan_member": "plan_veiligheidsteam_leden", "plan_safety_condition": "plan_veiligheidsvoorwaarden",
        "plan_agreement_detail": "plan_afspraken_controle_en_akkoord", "plan_agreement_mark": "plan_afspraken_beoordeeld",
    ]

    /// The inzage's key of each column it shows; a name that is already Dutch maps to itself, so
    /// that a test can tell a forgotten column from a Dutch one.
    static let dutchColumnNames: [String: String] = [
        "name": "naam", "wijk": "wijk", "address": "adres", "erased_on": "verwijderd_op",
        "first_name": "voornaam", "surname": "achternaam", "birth_date": "geboortedatum", "bsn": "bsn",
        "relation": "relatie", "phone": "telefoon", "role": "rol", "organisation": "organisatie", "day": "dag",
        "concerns": "zorgen", "strengths": "wat_gaat_goed", "needs": "wat_moet_er_gebeuren", "score": "score", "given_by": "gegeven_door",
        "recorded_by": "vastgelegd_door", "recorded_at": "vastgelegd_op", "instrument": "instrument", "outcome": "uitkomst",
        "note": "toelichting", "text": "tekst", "author": "auteur", "refers_to": "verwijst_naar", "requester": "ingebracht_door",
        "request_date": "datum_aanvraag", "meeting_date": "datum_tafel", "attendees": "aanwezigen", "advice": "advies",
        "report_back_on": "terugkoppeling_op", "goals": "doelen", "start_date": "startdatum", "outcome_date": "datum_uitkomst",
        "jeugdbeschermer": "jeugdbeschermer", "wijkteam_colleague": "collega_wijkteam", "consent_date": "datum_toestemming",
        "consent_by": "toestemming_van", "next_evaluation": "volgende_evaluatie", "ended_on": "beeindigd_op", "end_reason": "reden_einde",
        "plan_id": "plan", "intensity": "intensiteit", "safety_conditions": "veiligheidsvoorwaarden", "status": "status",
        "party": "partij", "who": "wie", "what": "wat", "due": "uiterlijk_op", "quarters": "kwartieren", "person": "persoon",
        "description": "omschrijving", "went_well": "wat_ging_goed", "went_badly": "wat_ging_minder_goed", "conclusion": "conclusie",
        "lowest_score": "laagste_score", "superseded_on": "vervallen_op", "child_id": "kind", "assessment_id": "beoordeling",
        "duty": "termijn", "answers": "antwoordt_op", "done_on": "gedaan_op", "note_id": "notitie",
        "since": "sinds", "set_by": "gesteld_door", "agreement_id": "afspraak", "how_checked": "hoe_gecontroleerd",
        "agreed_on": "akkoord_gezin_op", "agreed_by": "akkoord_gezin_door", "evaluation_id": "evaluatie", "mark": "beoordeling",
    ]
}
