import BoardCore
import GRDB

/// One case as the export writes it: the import's columns, with the day each stage was reached.
public struct CaseRecord: Equatable, Sendable {
    public var id: CaseID
    public var familyID: FamilyID
    public var kenmerk: String
    public var familyName: String
    public var wijk: String
    public var source: Source
    /// The staff list's display name (the login the case stores, when it is not on the list).
    public var medewerker: String
    public var reportedOn: Day
    public var stage: Stage
    public var stageSince: Day
    public var children: [Child]
    /// The stages after Aangemeld on the case's current path, in order, each with the day it was reached.
    public var path: [ImportRow.StageDay]

    public func day(of stage: Stage) -> Day? { path.first { $0.stage == stage }?.day }
    public var outcome: ImportRow.StageDay? { path.last.flatMap { $0.stage.isEnd ? $0 : nil } }
}

extension CaseRecord {
    /// The path to `stage` from the case's moves and corrections, replayed in order.
    /// The current stage's day is `stageSince` (after a correction that is the correction's day);
    /// an earlier stage without a recorded day takes the day of the stage before it.
    static func path(to stage: Stage, since stageSince: Day, reportedOn: Day,
                     transitions: [(kind: EventKind, from: Stage?, to: Stage?, day: Day)]) -> [ImportRow.StageDay] {
        var reached: [Stage: Day] = [:]
        for event in transitions {
            switch event.kind {
            case .verplaatst: if let to = event.to { reached[to] = event.day }
            case .gecorrigeerd: if let from = event.from { reached[from] = nil }
            default: break
            }
        }
        let stages: [Stage]
        switch stage {
        case .aangemeld: stages = []
        case .onderzoek: stages = [.onderzoek]
        case .beschermtafel: stages = [.onderzoek, .beschermtafel]
        case .rvkOnderzoek: stages = [.onderzoek, .beschermtafel, .rvkOnderzoek]
        case .veiligheidGewaarborgd:
            stages = reached[.beschermtafel] != nil ? [.onderzoek, .beschermtafel, .veiligheidGewaarborgd] : [.onderzoek, .veiligheidGewaarborgd]
        }
        var result: [ImportRow.StageDay] = []
        var previous = reportedOn
        for step in stages {
            let day = step == stage ? stageSince : max(previous, reached[step] ?? previous)
            result.append(.init(stage: step, day: day))
            previous = day
        }
        return result
    }
}

extension Store {
    /// Every case with its family, children and stage days, in the order they were recorded.
    public func exportCases() throws -> [CaseRecord] {
        try read { db in try Self.caseRecords(db, whereClause: nil, arguments: []) }
    }

    static func caseRecords(_ db: any StoreDatabase, whereClause: String?, arguments: SQLArguments) throws -> [CaseRecord] {
        let filter = whereClause.map { " WHERE \($0)" } ?? ""
        let rows = try db.rows(sql: """
            SELECT c.id, c.family_id, c.kenmerk, f.name AS family_name, f.wijk, c.source,
                   COALESCE(m.display_name, c.medewerker) AS medewerker, c.reported_on, c.stage, c.stage_since
            FROM "case" c JOIN family f ON f.id = c.family_id LEFT JOIN medewerkers m ON m.name = c.medewerker\(filter) ORDER BY c.id
            """, arguments: arguments)
        guard !rows.isEmpty else { return [] }
        let onlyFamilies = whereClause == nil ? "" : " WHERE family_id IN (SELECT c.family_id FROM \"case\" c\(filter))"
        let onlyCases = whereClause == nil ? "" : " AND case_id IN (SELECT c.id FROM \"case\" c\(filter))"

        var children: [FamilyID: [Child]] = [:]
        for row in try db.rows(sql: "SELECT family_id, first_name, birth_date FROM child\(onlyFamilies) ORDER BY family_id, birth_date, id",
                                    arguments: arguments) {
            children[row["family_id"], default: []].append(Child(firstName: row["first_name"], birthDate: Day(parsing: row["birth_date"])))
        }
        var transitions: [CaseID: [(kind: EventKind, from: Stage?, to: Stage?, day: Day)]] = [:]
        for row in try db.rows(sql: """
            SELECT case_id, kind, from_stage, to_stage, day FROM event
            WHERE kind IN ('verplaatst', 'gecorrigeerd')\(onlyCases) ORDER BY id
            """, arguments: arguments) {
            guard let kind = EventKind(rawValue: row["kind"]) else { continue }
            transitions[row["case_id"], default: []].append((kind, (row["from_stage"] as String?).flatMap(Stage.init(rawValue:)),
                                                             (row["to_stage"] as String?).flatMap(Stage.init(rawValue:)), day(row["day"])))
        }
        return rows.map { row in
            let id: CaseID = row["id"]
            let familyID: FamilyID = row["family_id"]
            let reportedOn = day(row["reported_on"])
            let stage = Stage(rawValue: row["stage"]) ?? .aangemeld
            let stageSince = day(row["stage_since"])
            return CaseRecord(id: id, familyID: familyID, kenmerk: row["kenmerk"], familyName: row["family_name"], wijk: row["wijk"],
                              source: Source(rawValue: row["source"]) ?? .overig, medewerker: row["medewerker"], reportedOn: reportedOn,
                              stage: stage, stageSince: stageSince, children: children[familyID] ?? [],
                              path: CaseRecord.path(to: stage, since: stageSince, reportedOn: reportedOn,
                                                    transitions: transitions[id] ?? []))
        }
    }
}
