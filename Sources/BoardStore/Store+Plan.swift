import BoardCore
import GRDB

/// The tables of the joint plan (registered at the end of `Schema.migrator`). Every table carries
/// `case_id`, so that inzage (FamilyDossier) and erasure (Retention) find the rows by case.
enum PlanSchema {
    static let migrationName = "v4-joint-plan"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE joint_plan (
                id INTEGER PRIMARY KEY,
                case_id INTEGER NOT NULL REFERENCES "case"(id),
                jeugdbeschermer TEXT NOT NULL,
                organisation TEXT NOT NULL,
                wijkteam_colleague TEXT NOT NULL,
                start_date TEXT NOT NULL,
                consent_date TEXT NOT NULL,
                consent_by TEXT NOT NULL,
                next_evaluation TEXT,
                ended_on TEXT,
                end_reason TEXT,
                recorded_by TEXT NOT NULL,
                recorded_at TEXT NOT NULL
            );
            CREATE INDEX joint_plan_by_case ON joint_plan(case_id, id);
            -- At most one active plan per case; also the board's lookup of the active plan.
            CREATE UNIQUE INDEX joint_plan_active ON joint_plan(case_id) WHERE ended_on IS NULL;
            CREATE TABLE plan_intensity (
                id INTEGER PRIMARY KEY,
                plan_id INTEGER NOT NULL REFERENCES joint_plan(id),
                case_id INTEGER NOT NULL REFERENCES "case"(id),
                day TEXT NOT NULL,
                intensity TEXT NOT NULL,
                recorded_by TEXT NOT NULL,
                recorded_at TEXT NOT NULL
            );
            CREATE INDEX plan_intensity_by_plan ON plan_intensity(plan_id, id);
            CREATE TABLE plan_goal (
                id INTEGER PRIMARY KEY,
                plan_id INTEGER NOT NULL REFERENCES joint_plan(id),
                case_id INTEGER NOT NULL REFERENCES "case"(id),
                text TEXT NOT NULL,
                safety_conditions TEXT NOT NULL DEFAULT '',
                status TEXT NOT NULL DEFAULT 'open'
            );
            CREATE INDEX plan_goal_by_plan ON plan_goal(plan_id, id);
            CREATE TABLE plan_agreement (
                id INTEGER PRIMARY KEY,
                plan_id INTEGER NOT NULL REFERENCES joint_plan(id),
                case_id INTEGER NOT NULL REFERENCES "case"(id),
                party TEXT NOT NULL,
                who TEXT NOT NULL DEFAULT '',
                what TEXT NOT NULL,
                due TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'open'
            );
            -- The board's earliest open agreement of the active plan.
            CREATE INDEX plan_agreement_open ON plan_agreement(plan_id, status, due);
            CREATE TABLE plan_hours (
                id INTEGER PRIMARY KEY,
                plan_id INTEGER NOT NULL REFERENCES joint_plan(id),
                case_id INTEGER NOT NULL REFERENCES "case"(id),
                day TEXT NOT NULL,
                quarters INTEGER NOT NULL CHECK (quarters BETWEEN 1 AND 96),
                person TEXT NOT NULL,
                description TEXT NOT NULL DEFAULT '',
                recorded_by TEXT NOT NULL,
                recorded_at TEXT NOT NULL
            );
            CREATE INDEX plan_hours_by_plan ON plan_hours(plan_id, day);
            CREATE TABLE plan_evaluation (
                id INTEGER PRIMARY KEY,
                plan_id INTEGER NOT NULL REFERENCES joint_plan(id),
                case_id INTEGER NOT NULL REFERENCES "case"(id),
                day TEXT NOT NULL,
                went_well TEXT NOT NULL DEFAULT '',
                went_badly TEXT NOT NULL DEFAULT '',
                conclusion TEXT NOT NULL,
                next_evaluation TEXT,
                recorded_by TEXT NOT NULL,
                recorded_at TEXT NOT NULL
            );
            CREATE INDEX plan_evaluation_by_plan ON plan_evaluation(plan_id, id);
            """)
    }
}

/// The joint plan: reading a case's plans, every change made from the plan screen, and all plans for the figures.
extension Store {
    /// The case's plans, oldest first (the last is the current one). `logOpening` logs that the plan screen was opened.
    public func jointPlans(caseID: CaseID, logOpening: Bool) throws -> [JointPlan] {
        guard logOpening else { return try read { db in try Self.loadPlans(db, where: "case_id = ?", arguments: [caseID]) } }
        return try write { db in
            let plans = try Self.loadPlans(db, where: "case_id = ?", arguments: [caseID])
            try self.appendEvent(db, caseID: caseID, familyID: try Self.familyID(db, caseID: caseID), kind: .geopend, from: nil, to: nil,
                                 day: Clock.today(), detail: "scherm " + (plans.last.map(\.form.planTitle) ?? "Gezamenlijk plan"))
            return plans
        }
    }

    /// Every plan in the store, for the figures.
    public func allJointPlans() throws -> [JointPlan] {
        try read { db in try Self.loadPlans(db, where: "1 = 1", arguments: []) }
    }

    static func familyID(_ db: any StoreDatabase, caseID: CaseID) throws -> FamilyID {
        guard let id = try db.value(FamilyID.self, sql: "SELECT family_id FROM \"case\" WHERE id = ?", arguments: [caseID]) else {
            throw StoreError.caseNotFound("#\(caseID)")
        }
        return id
    }

    static func loadPlans(_ db: any StoreDatabase, where condition: String, arguments: SQLArguments) throws -> [JointPlan] {
        let rows = try db.rows(sql: """
            SELECT id, case_id, jeugdbeschermer, organisation, wijkteam_colleague, start_date, consent_date, consent_by,
                   next_evaluation, ended_on, end_reason
            FROM joint_plan WHERE \(condition) ORDER BY id
            """, arguments: arguments)
        return try rows.map { row in
            let planID: PlanID = row[0]
            var plan = JointPlan(id: planID, caseID: row[1], jeugdbeschermer: row[2], organisation: row[3], wijkteamColleague: row[4],
                                 startDate: day(row[5]), consentDate: day(row[6]), consentBy: row[7],
                                 nextEvaluation: (row[8] as String?).map(day), endedOn: (row[9] as String?).map(day),
                                 end: (row[10] as String?).flatMap(PlanEnd.init(rawValue:)))
            plan.intensities = try db.rows(sql: "SELECT day, intensity, recorded_by FROM plan_intensity WHERE plan_id = ? ORDER BY id",
                                                arguments: [planID]).map {
                IntensityChange(day: day($0[0]), intensity: PlanIntensity(rawValue: $0[1]) ?? .advies, recordedBy: $0[2])
            }
            plan.goals = try db.rows(sql: "SELECT id, text, safety_conditions, status FROM plan_goal WHERE plan_id = ? ORDER BY id",
                                          arguments: [planID]).map {
                PlanGoal(id: $0[0], text: $0[1], safetyConditions: $0[2], status: GoalStatus(rawValue: $0[3]) ?? .open)
            }
            plan.agreements = try db.rows(sql: "SELECT id, party, who, what, due, status FROM plan_agreement WHERE plan_id = ? ORDER BY id",
                                               arguments: [planID]).map {
                PlanAgreement(id: $0[0], party: PlanParty(rawValue: $0[1]) ?? .anders, who: $0[2], what: $0[3], due: day($0[4]),
                              status: AgreementStatus(rawValue: $0[5]) ?? .open)
            }
            plan.hours = try db.rows(sql: "SELECT day, quarters, person, description FROM plan_hours WHERE plan_id = ? ORDER BY day, id",
                                          arguments: [planID]).map {
                HoursEntry(day: day($0[0]), quarters: $0[1], person: $0[2], description: $0[3])
            }
            plan.evaluations = try db.rows(sql: """
                SELECT id, day, went_well, went_badly, conclusion, next_evaluation, recorded_by FROM plan_evaluation WHERE plan_id = ? ORDER BY id
                """, arguments: [planID]).map {
                PlanEvaluation(id: $0[0], day: day($0[1]), wentWell: $0[2], wentBadly: $0[3],
                               conclusion: EvaluationConclusion(rawValue: $0[4]) ?? .doorgaan,
                               nextEvaluation: ($0[5] as String?).map(day), recordedBy: $0[6])
            }
            try loadVeiligheidsplan(db, into: &plan)
            return plan
        }
    }

    /// Applies one change from the plan screen in one transaction with its event; returns the
    /// Dutch confirmation for the status line.
    @discardableResult
    public func apply(_ change: PlanChange, today: Day) throws -> String {
        try write { db in
            try self.requireChange(db)
            switch change {
            case .start(let caseID, let version, let start):
                return try self.startPlan(db, caseID: caseID, expectedVersion: version, start: start, today: today)
            case .addGoal(let caseID, let planID, let goal):
                _ = try self.activePlan(db, caseID: caseID, planID: planID)
                guard !goal.text.trimmingWhitespace().isEmpty else { throw StoreError.refused("Een doel zonder tekst wordt niet opgeslagen.") }
                try StoreText.check(goal.text, field: "Het doel")
                try StoreText.check(goal.safetyConditions, field: "De veiligheidsvoorwaarden")
                try db.execute(sql: "INSERT INTO plan_goal (plan_id, case_id, text, safety_conditions, status) VALUES (?, ?, ?, ?, ?)",
                               arguments: [planID, caseID, goal.text.trimmingWhitespace(), goal.safetyConditions.trimmingWhitespace(),
                                           goal.status.rawValue])
                try self.logCaseChange(db, caseID: caseID, kind: .planDoel, day: today, detail: "toegevoegd: \(goal.text.trimmingWhitespace())")
                return "Doel toegevoegd."
            case .setGoalStatus(let caseID, let goalID, let status):
                guard let row = try db.row(sql: """
                    SELECT g.text, g.plan_id FROM plan_goal g JOIN joint_plan p ON p.id = g.plan_id
                    WHERE g.id = ? AND g.case_id = ? AND p.ended_on IS NULL
                    """, arguments: [goalID, caseID]) else {
                    throw StoreError.refused("Dit doel hoort niet bij een lopend plan van deze zaak.")
                }
                try db.execute(sql: "UPDATE plan_goal SET status = ? WHERE id = ?", arguments: [status.rawValue, goalID])
                let text: String = row["text"]
                try self.logCaseChange(db, caseID: caseID, kind: .planDoel, day: today, detail: "\(text): \(status.title)")
                return "Doel nu \(status.title)."
            case .addAgreement(let caseID, let planID, let agreement):
                return try self.addAgreement(db, caseID: caseID, planID: planID, agreement: agreement, today: today)
            case .addMember(let caseID, let planID, let member):
                return try self.addMember(db, caseID: caseID, planID: planID, member: member, today: today)
            case .addCondition(let caseID, let planID, let condition):
                return try self.addCondition(db, caseID: caseID, planID: planID, condition: condition, today: today)
            case .setAgreementStatus(let caseID, let agreementID, let status):
                guard let row = try db.row(sql: """
                    SELECT a.what FROM plan_agreement a JOIN joint_plan p ON p.id = a.plan_id
                    WHERE a.id = ? AND a.case_id = ? AND p.ended_on IS NULL
                    """, arguments: [agreementID, caseID]) else {
                    throw StoreError.refused("Deze afspraak hoort niet bij een lopend plan van deze zaak.")
                }
                try db.execute(sql: "UPDATE plan_agreement SET status = ? WHERE id = ?", arguments: [status.rawValue, agreementID])
                let what: String = row["what"]
                try self.logCaseChange(db, caseID: caseID, kind: .planAfspraak, day: today, detail: "\(what): \(status.title)")
                return "Afspraak nu \(status.title)."
            case .addHours(let caseID, let planID, let entry):
                let plan = try self.activePlan(db, caseID: caseID, planID: planID)
                guard (1...96).contains(entry.quarters) else { throw StoreError.refused("Uren per kwartier: 0,25 tot 24 uur per regel.") }
                if entry.day > today { throw StoreError.refused(DateProblem.inFuture(entry.day).message) }
                if entry.day < plan.start { throw StoreError.refused("De datum " + DateProblem.before(plan.start, what: "de start van het plan").message) }
                guard !entry.person.trimmingWhitespace().isEmpty else { throw StoreError.refused("Vul in wie de uren maakte.") }
                if let team = try Self.loadPlans(db, where: "id = ?", arguments: [planID]).first, team.form == .veiligheidsteam,
                   team.organisation(of: entry.person) == PlanOrganisation.veiligheidsteam {
                    throw StoreError.refused("Uren in een plan Veiligheidsteam zijn van een teamlid of de collega van het wijkteam: "
                                             + "\(entry.person.trimmingWhitespace()) is geen van beide.")
                }
                try StoreText.check(entry.description, field: "De omschrijving")
                try StoreText.check(entry.person, field: "Door wie")
                try db.execute(sql: """
                    INSERT INTO plan_hours (plan_id, case_id, day, quarters, person, description, recorded_by, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [planID, caseID, entry.day.iso, entry.quarters, entry.person.trimmingWhitespace(),
                                     entry.description.trimmingWhitespace(), self.user, Clock.timestamp()])
                let hours = JointPlanRules.hoursText(entry.quarters)
                try self.logCaseChange(db, caseID: caseID, kind: .planUren, day: entry.day,
                                       detail: "\(hours) uur door \(entry.person.trimmingWhitespace())"
                                        + (entry.description.trimmingWhitespace().isEmpty ? "" : ": \(entry.description.trimmingWhitespace())"))
                return "\(hours) uur vastgelegd."
            case .changeIntensity(let caseID, let version, let planID, let intensity, let day):
                _ = try self.lockCase(db, caseID: caseID, expectedVersion: version)
                let plan = try self.activePlan(db, caseID: caseID, planID: planID)
                if day > today { throw StoreError.refused(DateProblem.inFuture(day).message) }
                if day < plan.start { throw StoreError.refused("De datum " + DateProblem.before(plan.start, what: "de start van het plan").message) }
                let current = try db.value(String.self, sql: "SELECT intensity FROM plan_intensity WHERE plan_id = ? ORDER BY id DESC LIMIT 1",
                                                  arguments: [planID])
                if current == intensity.rawValue { throw StoreError.refused("De intensiteit is al \(intensity.title).") }
                try db.execute(sql: "INSERT INTO plan_intensity (plan_id, case_id, day, intensity, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [planID, caseID, day.iso, intensity.rawValue, self.user, Clock.timestamp()])
                try db.execute(sql: "UPDATE \"case\" SET version = version + 1 WHERE id = ?", arguments: [caseID])
                try self.logCaseChange(db, caseID: caseID, kind: .planIntensiteit, day: day,
                                       detail: "\(current ?? "—") → \(intensity.title)")
                return "Intensiteit nu \(intensity.title)."
            case .evaluate(let caseID, let version, let planID, let evaluation):
                return try self.evaluatePlan(db, caseID: caseID, expectedVersion: version, planID: planID, evaluation: evaluation, today: today)
            }
        }
    }

    func startPlan(_ db: any StoreDatabase, caseID: CaseID, expectedVersion: Int, start: PlanStart, today: Day) throws -> String {
        let state = try lockCase(db, caseID: caseID, expectedVersion: expectedVersion)
        guard JointPlanRules.startStages.contains(state.stage),
              try db.value(String.self, sql: "SELECT closed_on FROM \"case\" WHERE id = ?", arguments: [caseID]) == nil else {
            throw StoreError.refused("Een plan start bij een open zaak in Aangemeld, Onderzoek of Beschermtafel; deze zaak staat in \(state.stage.title).")
        }
        if try db.value(Bool.self, sql: "SELECT 1 FROM joint_plan WHERE case_id = ? AND ended_on IS NULL", arguments: [caseID]) == true {
            throw StoreError.refused("Deze zaak heeft al een lopend plan.")
        }
        let reportedOn = try db.value(String.self, sql: "SELECT reported_on FROM \"case\" WHERE id = ?", arguments: [caseID]).map(Self.day) ?? start.startDate
        let problems = JointPlanRules.problems(start, reportedOn: reportedOn, today: today)
        if !problems.isEmpty { throw StoreError.refused(problems.map(\.message).joined(separator: "; ")) }
        for (text, field) in [(start.jeugdbeschermer, "De jeugdbeschermer"), (start.organisation, "De organisatie"),
                              (start.wijkteamColleague, "De collega"), (start.consentBy, "Instemming door")] {
            try StoreText.check(text, field: field)
        }
        // A Veiligheidsteam plan names no jeugdbeschermer: its members have their own organisations.
        let isTeam = start.form == .veiligheidsteam
        let partners = isTeam ? start.members.map(\.text).joined(separator: ", ")
            : "\(start.jeugdbeschermer.trimmingWhitespace()) (\(start.organisation.trimmingWhitespace()))"
        let planID = try db.insert(sql: """
            INSERT INTO joint_plan (case_id, jeugdbeschermer, organisation, wijkteam_colleague, start_date, consent_date, consent_by,
                                    next_evaluation, recorded_by, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [caseID, isTeam ? "" : start.jeugdbeschermer.trimmingWhitespace(),
                             isTeam ? PlanOrganisation.veiligheidsteam : start.organisation.trimmingWhitespace(),
                             start.wijkteamColleague.trimmingWhitespace(), start.startDate.iso, start.consentDate!.iso,
                             start.consentBy.trimmingWhitespace(), start.firstEvaluation.iso, user, Clock.timestamp()])
        if isTeam {
            try insertMembers(db, planID: planID, caseID: caseID, start.members.map { TeamMember(name: $0.name, organisation: $0.organisation, since: start.startDate) })
        }
        try db.execute(sql: "INSERT INTO plan_intensity (plan_id, case_id, day, intensity, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [planID, caseID, start.startDate.iso, start.intensity.rawValue, user, Clock.timestamp()])
        try db.execute(sql: "UPDATE \"case\" SET version = version + 1 WHERE id = ?", arguments: [caseID])
        try appendEvent(db, caseID: caseID, familyID: state.familyID, kind: .planGestart, from: nil, to: nil, day: start.startDate,
                        detail: "\(start.form.planTitle): \(partners) met "
                            + "\(start.wijkteamColleague.trimmingWhitespace()); instemming \(start.consentBy.trimmingWhitespace()) "
                            + "op \(start.consentDate!.dutch); \(start.intensity.title); eerste evaluatie \(start.firstEvaluation.dutch)")
        return "Plan gestart met instemming van het gezin; eerste evaluatie \(start.firstEvaluation.dutch)."
    }

    func evaluatePlan(_ db: any StoreDatabase, caseID: CaseID, expectedVersion: Int, planID: PlanID, evaluation: PlanEvaluation, today: Day) throws -> String {
        let state = try lockCase(db, caseID: caseID, expectedVersion: expectedVersion)
        _ = try activePlan(db, caseID: caseID, planID: planID)
        guard let plan = try Self.loadPlans(db, where: "id = ?", arguments: [planID]).first else { throw StoreError.refused("Dit plan bestaat niet.") }
        let problems = JointPlanRules.problems(evaluation, plan: plan, today: today)
        if !problems.isEmpty { throw StoreError.refused(problems.map(\.message).joined(separator: "; ")) }
        try StoreText.check(evaluation.wentWell, field: "Wat ging goed")
        try StoreText.check(evaluation.wentBadly, field: "Wat ging niet goed")
        // The moves towards the Raad are decided before anything is written, so a refusal changes nothing.
        var moves: [MoveRequest] = []
        if evaluation.conclusion == .raadBetrekken {
            switch JointPlanRules.raadMoves(caseID: caseID, version: expectedVersion, stage: state.stage, stageSince: state.stageSince,
                                            evaluation: evaluation, form: plan.form) {
            case .success(let found): moves = found
            case .failure(let refusal): throw StoreError.refused(refusal.message)
            }
        }
        let next = evaluation.conclusion == .doorgaan ? evaluation.nextEvaluation : nil
        let evaluationID = try db.insert(sql: """
            INSERT INTO plan_evaluation (plan_id, case_id, day, went_well, went_badly, conclusion, next_evaluation, recorded_by, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [planID, caseID, evaluation.day.iso, evaluation.wentWell.trimmingWhitespace(), evaluation.wentBadly.trimmingWhitespace(),
                             evaluation.conclusion.rawValue, next?.iso, user, Clock.timestamp()])
        try insertMarks(db, evaluationID: evaluationID, planID: planID, caseID: caseID, evaluation.marks)
        if let end = evaluation.conclusion.end {
            try db.execute(sql: "UPDATE joint_plan SET ended_on = ?, end_reason = ?, next_evaluation = NULL WHERE id = ?",
                           arguments: [evaluation.day.iso, end.rawValue, planID])
        } else {
            try db.execute(sql: "UPDATE joint_plan SET next_evaluation = ? WHERE id = ?", arguments: [next?.iso, planID])
        }
        try db.execute(sql: "UPDATE \"case\" SET version = version + 1 WHERE id = ?", arguments: [caseID])
        var detail = "conclusie \(evaluation.conclusion.title)"
        if let next { detail += "; volgende evaluatie \(next.dutch)" }
        if !evaluation.marks.isEmpty { detail += "; afspraken: \(Self.marksText(evaluation.marks))" }
        if evaluation.conclusion.end != nil { detail += "; plan beëindigd" }
        try appendEvent(db, caseID: caseID, familyID: state.familyID, kind: .planEvaluatie, from: nil, to: nil, day: evaluation.day, detail: detail)
        // Each move as the move dialog would write it: through recordTransition, with its own event.
        var stage = state.stage
        for var move in moves {
            let version = try db.value(Int.self, sql: "SELECT version FROM \"case\" WHERE id = ?", arguments: [caseID]) ?? 0
            move.expectedVersion = version
            let since = try db.value(String.self, sql: "SELECT stage_since FROM \"case\" WHERE id = ?", arguments: [caseID]).map(Self.day) ?? move.day
            switch Transitions.validate(move, stageSince: since, cameFrom: try stageBefore(db, caseID: caseID), today: today) {
            case .failure(let problems): throw StoreError.refused(problems.problems.map(\.message).joined(separator: "; "))
            case .success(let rule): try recordTransition(db, caseID: caseID, familyID: state.familyID, request: move, direction: rule.direction)
            }
            stage = move.to
        }
        switch evaluation.conclusion {
        case .doorgaan: return "Evaluatie vastgelegd: doorgaan, volgende evaluatie \(next?.dutch ?? "")."
        case .afschalen: return "Evaluatie vastgelegd: afgeschaald, het plan is beëindigd."
        case .raadBetrekken:
            return moves.isEmpty ? "Evaluatie vastgelegd: Raad betrokken, het plan is beëindigd."
                : "Evaluatie vastgelegd: Raad betrokken; de zaak staat nu in \(stage.title)."
        }
    }

    /// Ends the case's running plan, if it has one, because the case closed or went to the Raad:
    /// in the transaction of that change, with an event of its own that names the plan's row. A
    /// plan that started after the change's day (a decision recorded late) ends on its start.
    func endRunningPlan(_ db: any StoreDatabase, caseID: CaseID, familyID: FamilyID?, reason: PlanEnd, day: Day, recordedAt: String? = nil) throws {
        guard let plan = try db.row(sql: "SELECT id, start_date FROM joint_plan WHERE case_id = ? AND ended_on IS NULL",
                                          arguments: [caseID]) else { return }
        let endDay = max(day, Self.day(plan["start_date"]))
        try db.execute(sql: "UPDATE joint_plan SET ended_on = ?, end_reason = ?, next_evaluation = NULL WHERE id = ?",
                       arguments: [endDay.iso, reason.rawValue, plan["id"] as PlanID])
        try appendEvent(db, caseID: caseID, familyID: familyID, kind: .planBeeindigd, from: nil, to: nil, day: endDay, detail: reason.title,
                        recordedAt: recordedAt)
    }

    /// The plan, when it is the case's active plan; otherwise a refusal.
    func activePlan(_ db: any StoreDatabase, caseID: CaseID, planID: PlanID) throws -> (id: PlanID, start: Day) {
        guard let row = try db.row(sql: "SELECT id, start_date FROM joint_plan WHERE id = ? AND case_id = ? AND ended_on IS NULL",
                                         arguments: [planID, caseID]) else {
            throw StoreError.refused("Dit plan loopt niet (meer); wijzigingen kunnen alleen in een lopend plan.")
        }
        return (row["id"], Self.day(row["start_date"]))
    }
}
