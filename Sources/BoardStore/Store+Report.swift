import BoardCore
import GRDB

/// Loading a report's cases: the cohort (reported in a period) and the cases active in a period
/// (for the cumulative flow), each with their moves, in two queries in one read transaction (a
/// consistent snapshot while colleagues keep working).
extension Store {
    /// The cases reported within `period` (and from `source`, when given), with their moves,
    /// current column, the family's number of children and the Raad's outcome. No names.
    public func cohortCases(in period: ReportPeriod, source: Source? = nil) throws -> [CohortCase] {
        try reportCases(where: "c.reported_on >= ? AND c.reported_on <= ?", [period.from.iso, period.to.iso], source: source)
    }

    /// The cases on the board at some time in `period`: reported on or before its last day and
    /// not closed before its first (closed_on is set when a case enters Veiligheid gewaarborgd or
    /// gets the Raad's outcome, and cleared when it is moved back). The cumulative flow's cases.
    public func activeCases(in period: ReportPeriod, source: Source? = nil) throws -> [CohortCase] {
        try reportCases(where: "c.reported_on <= ? AND (c.closed_on IS NULL OR c.closed_on >= ?)", [period.to.iso, period.from.iso],
                        source: source)
    }

    /// The cohort report of `period`: its cases counted, with the joint plans' figures.
    public func cohortReport(in period: ReportPeriod, source: Source? = nil) throws -> CohortReport {
        CohortReport(cases: try cohortCases(in: period, source: source), period: period, source: source,
                     jointPlans: try jointPlanTotals(in: period), measureTrend: try measureTrend(through: period.to, source: source))
    }

    /// OTS and uithuisplaatsingen per year in children, by the day of the Raad's outcome, through
    /// `through`: its year and the years before it that the store holds (from its first report),
    /// at most `MeasureTrend.earlierYears`. Every case counts, not only a cohort's; an outcome
    /// recorded per case (before `v15-child-outcomes`) counts as one child.
    public func measureTrend(through: Day, source: Source? = nil) throws -> MeasureTrend {
        try read { db in
            let first = try db.value(String.self, sql: "SELECT MIN(reported_on) FROM \"case\"").flatMap(Day.init(parsing:))
            let firstYear = max(first?.year ?? through.year, through.year - MeasureTrend.earlierYears)
            var arguments: SQLArguments = [Day(year: firstYear, month: 1, day: 1)!.iso, through.iso]
            if let source { arguments += [source.rawValue] }
            var outcomes: [MeasureTrend.Outcome] = []
            // The Raad's outcomes are a small part of the cases: read by the outcome's day from rvk_record.
            // A case moved back from the Raad (a correction) no longer counts, as in the cohort.
            try db.forEachRow(sql: """
                SELECT r.outcome_date, r.outcome, o.outcome
                FROM rvk_record r JOIN "case" c ON c.id = r.case_id
                     LEFT JOIN rvk_child_outcome o ON o.case_id = r.case_id AND o.superseded_on IS NULL
                WHERE r.outcome_date >= ? AND r.outcome_date <= ? AND c.stage = 'rvk_onderzoek' \(source == nil ? "" : "AND c.source = ?")
                """, arguments: arguments) { row in
                let perChild = (row[2] as String?).flatMap(RvkOutcome.init(rawValue:))
                guard let outcome = perChild ?? (row[1] as String?).flatMap(RvkOutcome.init(rawValue:)) else { return }
                outcomes.append(MeasureTrend.Outcome(day: Self.day(row[0]), outcome: outcome, perCase: perChild == nil))
            }
            return MeasureTrend(outcomes: outcomes, through: through, firstYear: firstYear)
        }
    }

    /// The cases matching `condition` (on the case table `c`) and `source`, with their moves.
    private func reportCases(where condition: String, _ values: SQLArguments, source: Source?) throws -> [CohortCase] {
        var arguments = values
        var filter = condition
        if let source {
            filter += " AND c.source = ?"
            arguments += [source.rawValue]
        }
        // The children counted by `family_children` (kept by triggers, BoardIndexes.swift) rather
        // than by counting the child rows of every case's family.
        let caseSQL = """
            SELECT c.id, c.family_id, c.source, c.reported_on, c.stage, r.outcome, COALESCE(fc.child_count, 0)
            FROM "case" c LEFT JOIN rvk_record r ON r.case_id = c.id LEFT JOIN family_children fc ON fc.id = c.family_id
            WHERE \(filter)
            ORDER BY c.id
            """
        // The moves of the same cases, from the covering index event_moves_covering alone
        // (ReportSchema.swift). On a file, CROSS JOIN keeps SQLite reading the cases first and each one's
        // moves from the index, already in the order wanted, instead of every move in the log.
        let eventSQL = """
            SELECT e.case_id, e.kind, e.from_stage, e.to_stage, e.day
            FROM "case" c \(dialect.leftFirstJoin) event e ON e.case_id = c.id
            WHERE \(filter)
              AND e.kind IN ('verplaatst', 'gecorrigeerd') AND e.to_stage IS NOT NULL
            ORDER BY c.id, e.id
            """
        let childOutcomeSQL = """
            SELECT o.case_id, o.outcome FROM "case" c JOIN rvk_child_outcome o ON o.case_id = c.id AND o.superseded_on IS NULL
            WHERE \(filter)
            ORDER BY c.id, o.id
            """
        return try read { db in
            // Both queries come in case order, so each case takes its moves from the front of the
            // list as it comes: no dictionary of tens of thousands of arrays.
            var moves: [(caseID: CaseID, transition: StageTransition)] = []
            try db.forEachRow(sql: eventSQL, arguments: arguments) { row in
                guard let to = (row[3] as String?).flatMap(Stage.init(rawValue:)) else { return }
                moves.append((row[0], StageTransition(
                    from: (row[2] as String?).flatMap(Stage.init(rawValue:)), to: to, day: Self.day(row[4]),
                    isCorrection: (row[1] as String) == EventKind.gecorrigeerd.rawValue)))
            }
            var childOutcomes: [(caseID: CaseID, outcome: RvkOutcome)] = []
            try db.forEachRow(sql: childOutcomeSQL, arguments: arguments) { row in
                if let outcome = RvkOutcome(rawValue: row[1]) { childOutcomes.append((row[0], outcome)) }
            }
            var nextOutcome = childOutcomes.startIndex
            var result: [CohortCase] = []
            var next = moves.startIndex
            try db.forEachRow(sql: caseSQL, arguments: arguments) { row in
                let caseID: CaseID = row[0]
                while next < moves.endIndex, moves[next].caseID < caseID { next += 1 }
                let first = next
                while next < moves.endIndex, moves[next].caseID == caseID { next += 1 }
                while nextOutcome < childOutcomes.endIndex, childOutcomes[nextOutcome].caseID < caseID { nextOutcome += 1 }
                let firstOutcome = nextOutcome
                while nextOutcome < childOutcomes.endIndex, childOutcomes[nextOutcome].caseID == caseID { nextOutcome += 1 }
                result.append(CohortCase(
                    caseID: caseID, familyID: row[1], source: Source(rawValue: row[2]) ?? .overig,
                    reportedOn: Self.day(row[3]), stage: Stage(rawValue: row[4]) ?? .aangemeld, childCount: row[6],
                    transitions: moves[first..<next].map(\.transition),
                    rvkOutcome: (row[5] as String?).flatMap(RvkOutcome.init(rawValue:)),
                    childOutcomes: childOutcomes[firstOutcome..<nextOutcome].map(\.outcome)))
            }
            return result
        }
    }

    /// Whether any case was ever reported (an empty store answers differently from an empty period).
    public func hasAnyCase() throws -> Bool {
        try read { db in try db.value(Bool.self, sql: "SELECT EXISTS (SELECT 1 FROM \"case\")") ?? false }
    }

    /// The joint plans' figures for the period (JointPlanFigures, BoardCore): the plans started in
    /// it and how they ended, and the hours spent in it per organisation. Zeros marked unavailable
    /// for a store without joint plan tables.
    public func jointPlanTotals(in period: ReportPeriod) throws -> JointPlanTotals {
        guard try read({ db in try !db.columnNames(of: "joint_plan").isEmpty }) else { return .none }
        let figures = JointPlanFigures(plans: try allJointPlans(), from: period.from, to: period.to)
        let organisations = figures.quartersByOrganisationAndMonth.keys.sorted()
        return JointPlanTotals(started: figures.totalStarted, startedPerForm: JointWorkForm.allCases.map { ($0, figures.startedByForm[$0] ?? 0) },
                               scaledDown: figures.afgeschaald, councilInvolved: figures.raadBetrokken,
                               running: figures.stillRunning,
                               hoursPerOrganisation: organisations.map { ($0, Double(figures.quarters(of: $0)) / 4) },
                               available: true)
    }
}
