import BoardCore

/// What is recorded per child: the Raad's outcome for each child concerned, and a safety score
/// about one child. Each refuses a child of another family.
extension Store {
    /// Records the Raad's outcome per child; the case's outcome is the most far-reaching of them,
    /// and the case closes on the outcome's day.
    func recordRvkOutcome(_ db: any StoreDatabase, caseID: CaseID, expectedVersion: Int, _ outcomes: [ChildOutcome], day: Day,
                          today: Day) throws -> String {
        let state = try lockCase(db, caseID: caseID, expectedVersion: expectedVersion)
        guard state.stage == .rvkOnderzoek, let start = try db.value(String.self, sql: "SELECT start_date FROM rvk_record WHERE case_id = ?",
                                                                             arguments: [caseID]).map(Self.day) else {
            throw StoreError.refused("Een uitkomst van de Raad hoort bij een zaak in RvK-onderzoek.")
        }
        guard let caseOutcome = RvkOutcome.mostFarReaching(outcomes.map(\.outcome)) else {
            throw StoreError.refused("Geef de uitkomst van de Raad voor minstens één kind van het gezin.")
        }
        if Set(outcomes.map(\.childID)).count != outcomes.count {
            throw StoreError.refused("Elk kind krijgt één uitkomst van de Raad.")
        }
        if day > today { throw StoreError.refused(DateProblem.inFuture(day).message) }
        if day < start { throw StoreError.refused("De uitkomst " + DateProblem.before(start, what: "de start van het onderzoek").message) }
        let names = try Self.childNames(db, familyID: state.familyID)
        var perChild: [String] = []
        for outcome in outcomes {
            guard let name = names[outcome.childID] else { throw StoreError.refused("Dit kind hoort niet bij het gezin van deze zaak.") }
            try db.execute(sql: "INSERT INTO rvk_child_outcome (case_id, child_id, outcome) VALUES (?, ?, ?)",
                           arguments: [caseID, outcome.childID, outcome.outcome.rawValue])
            perChild.append("\(name): \(outcome.outcome.rawValue)")
        }
        try db.execute(sql: "UPDATE rvk_record SET outcome = ?, outcome_date = ? WHERE case_id = ?",
                       arguments: [caseOutcome.rawValue, day.iso, caseID])
        try db.execute(sql: "UPDATE \"case\" SET closed_on = ?, version = version + 1 WHERE id = ?", arguments: [day.iso, caseID])
        try logCaseChange(db, caseID: caseID, kind: .rvkUitkomst, day: day, detail: "\(caseOutcome.rawValue) (\(perChild.joined(separator: ", ")))")
        try endRunningPlan(db, caseID: caseID, familyID: state.familyID, reason: .uitkomstRaad, day: day)
        return "Uitkomst van de Raad vastgelegd: \(perChild.joined(separator: ", ")). De zaak is afgesloten."
    }

    /// Adds an assessment (about one child, or the whole family) and keeps the case's lowest
    /// latest score, which the card shows, in the same write.
    func addAssessment(_ db: any StoreDatabase, caseID: CaseID, _ assessment: SafetyAssessment) throws -> String {
        guard SafetyAssessment.scale.contains(assessment.score) else {
            throw StoreError.refused("De veiligheidsschaal loopt van 0 tot 10.")
        }
        var about = ""
        if let childID = assessment.childID {
            guard let familyID = try db.value(FamilyID.self, sql: "SELECT family_id FROM \"case\" WHERE id = ?", arguments: [caseID]) else {
                throw StoreError.caseNotFound("#\(caseID)")
            }
            guard let name = try Self.childNames(db, familyID: familyID)[childID] else {
                throw StoreError.refused("Dit kind hoort niet bij het gezin van deze zaak.")
            }
            about = ", kind \(name)"
        }
        let assessmentID = try db.insert(sql: """
            INSERT INTO assessment (case_id, day, concerns, strengths, needs, score, given_by, recorded_by, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [caseID, assessment.day.iso, assessment.concerns, assessment.strengths, assessment.needs,
                             assessment.score, assessment.givenBy.rawValue, user, Clock.timestamp()])
        if let childID = assessment.childID {
            try db.execute(sql: "INSERT INTO assessment_child (assessment_id, case_id, child_id) VALUES (?, ?, ?)",
                           arguments: [assessmentID, caseID, childID])
        }
        try updateSafetyScore(db, caseID: caseID)
        try logCaseChange(db, caseID: caseID, kind: .beoordeling, day: assessment.day,
                          detail: "veiligheidsschaal \(assessment.score) (\(assessment.givenBy.rawValue))\(about)")
        return "Veiligheidsbeoordeling opgeslagen (score \(assessment.score)\(about))."
    }

    /// The case's lowest latest score from its assessments (few per case), into `case_safety_score`.
    private func updateSafetyScore(_ db: any StoreDatabase, caseID: CaseID) throws {
        let scores = try db.rows(sql: """
            SELECT a.day, a.score, ac.child_id FROM assessment a LEFT JOIN assessment_child ac ON ac.assessment_id = a.id
            WHERE a.case_id = ? ORDER BY a.day, a.id
            """, arguments: [caseID]).map {
            SafetyAssessment(day: Self.day($0["day"]), concerns: "", strengths: "", needs: "", score: $0["score"], givenBy: .medewerker,
                             childID: $0["child_id"])
        }
        guard let lowest = SafetyAssessment.lowestLatestScore(scores) else { return }
        try db.execute(sql: """
            INSERT INTO case_safety_score (case_id, lowest_score) VALUES (?, ?)
                ON CONFLICT (case_id) DO UPDATE SET lowest_score = excluded.lowest_score
            """, arguments: [caseID, lowest])
    }

    /// The first names of a family's children by id.
    static func childNames(_ db: any StoreDatabase, familyID: FamilyID) throws -> [Int64: String] {
        var names: [Int64: String] = [:]
        try db.forEachRow(sql: "SELECT id, first_name FROM child WHERE family_id = ?", arguments: [familyID]) { names[$0[0]] = $0[1] }
        return names
    }

    /// Whether a child has an outcome of the Raad or a score of their own: then they are
    /// corrected, never removed, so that those records keep their child.
    func childHasOwnRecords(_ db: any StoreDatabase, childID: Int64) throws -> Bool {
        try db.value(Bool.self, sql: """
            SELECT EXISTS (SELECT 1 FROM rvk_child_outcome WHERE child_id = ?) OR EXISTS (SELECT 1 FROM assessment_child WHERE child_id = ?)
            """, arguments: [childID, childID]) ?? false
    }
}
