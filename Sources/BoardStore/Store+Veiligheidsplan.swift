import BoardCore
import GRDB

/// `v17-veiligheidsteam`: the Veiligheidsteam as a form of the joint work, and the plan as the
/// case's veiligheidsplan. New tables only: the log's record digests cover every column of a
/// record, so a column added to a covered table would make every earlier record differ from its
/// digest. Every table carries `case_id`, so that inzage and erasure find the rows by case.
enum VeiligheidsplanSchema {
    static let migrationName = "v17-veiligheidsteam"

    /// The new tables, in the order their references need.
    static let tables = ["plan_member", "plan_safety_condition", "plan_agreement_detail", "plan_agreement_mark"]

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            -- A plan with members is the Veiligheidsteam's.
            CREATE TABLE plan_member (
                id INTEGER PRIMARY KEY,
                plan_id INTEGER NOT NULL REFERENCES joint_plan(id),
                case_id INTEGER NOT NULL REFERENCES "case"(id),
                name TEXT NOT NULL,
                organisation TEXT NOT NULL,
                since TEXT NOT NULL,
                recorded_by TEXT NOT NULL,
                recorded_at TEXT NOT NULL
            );
            -- Also the board's lookup of whether the active plan is the Veiligheidsteam's.
            CREATE INDEX plan_member_by_plan ON plan_member(plan_id, id);
            CREATE TABLE plan_safety_condition (
                id INTEGER PRIMARY KEY,
                plan_id INTEGER NOT NULL REFERENCES joint_plan(id),
                case_id INTEGER NOT NULL REFERENCES "case"(id),
                set_by TEXT NOT NULL,
                day TEXT NOT NULL,
                text TEXT NOT NULL,
                recorded_by TEXT NOT NULL,
                recorded_at TEXT NOT NULL
            );
            CREATE INDEX plan_safety_condition_by_plan ON plan_safety_condition(plan_id, id);
            -- What the veiligheidsplan adds to an agreement: how it is checked, the family's consent.
            CREATE TABLE plan_agreement_detail (
                id INTEGER PRIMARY KEY,
                agreement_id INTEGER NOT NULL UNIQUE REFERENCES plan_agreement(id),
                plan_id INTEGER NOT NULL REFERENCES joint_plan(id),
                case_id INTEGER NOT NULL REFERENCES "case"(id),
                how_checked TEXT NOT NULL,
                agreed_on TEXT NOT NULL,
                agreed_by TEXT NOT NULL
            );
            CREATE INDEX plan_agreement_detail_by_plan ON plan_agreement_detail(plan_id);
            -- Each evaluation's mark on each agreement open at it.
            CREATE TABLE plan_agreement_mark (
                id INTEGER PRIMARY KEY,
                evaluation_id INTEGER NOT NULL REFERENCES plan_evaluation(id),
                agreement_id INTEGER NOT NULL REFERENCES plan_agreement(id),
                plan_id INTEGER NOT NULL REFERENCES joint_plan(id),
                case_id INTEGER NOT NULL REFERENCES "case"(id),
                mark TEXT NOT NULL,
                UNIQUE (evaluation_id, agreement_id)
            );
            CREATE INDEX plan_agreement_mark_by_plan ON plan_agreement_mark(plan_id, evaluation_id);
            """)
    }
}

/// The Veiligheidsteam's members and the veiligheidsplan: read with the plans (Store+Plan.swift),
/// written by the plan's changes.
extension Store {
    /// Adds the members, conditions, agreement details and evaluation marks to plans read from `joint_plan`.
    static func loadVeiligheidsplan(_ db: any StoreDatabase, into plan: inout JointPlan) throws {
        plan.members = try db.rows(sql: "SELECT id, name, organisation, since FROM plan_member WHERE plan_id = ? ORDER BY id",
                                   arguments: [plan.id]).map {
            TeamMember(id: $0[0], name: $0[1], organisation: $0[2], since: day($0[3]))
        }
        plan.conditions = try db.rows(sql: "SELECT id, set_by, day, text FROM plan_safety_condition WHERE plan_id = ? ORDER BY id",
                                      arguments: [plan.id]).map {
            SafetyCondition(id: $0[0], setBy: ConditionSetter(rawValue: $0[1]) ?? .beschermtafel, day: day($0[2]), text: $0[3])
        }
        var details: [Int64: (check: String, consent: Consent)] = [:]
        for row in try db.rows(sql: "SELECT agreement_id, how_checked, agreed_on, agreed_by FROM plan_agreement_detail WHERE plan_id = ?",
                               arguments: [plan.id]) {
            details[row[0]] = (row[1], Consent(day: day(row[2]), by: row[3]))
        }
        for index in plan.agreements.indices {
            guard let detail = details[plan.agreements[index].id] else { continue }
            plan.agreements[index].check = detail.check
            plan.agreements[index].consent = detail.consent
        }
        var marks: [Int64: [Int64: AgreementMark]] = [:]
        for row in try db.rows(sql: "SELECT evaluation_id, agreement_id, mark FROM plan_agreement_mark WHERE plan_id = ?", arguments: [plan.id]) {
            marks[row[0], default: [:]][row[1]] = AgreementMark(rawValue: row[2]) ?? .nietNagekomen
        }
        for index in plan.evaluations.indices { plan.evaluations[index].marks = marks[plan.evaluations[index].id] ?? [:] }
    }

    func insertMembers(_ db: any StoreDatabase, planID: PlanID, caseID: CaseID, _ members: [TeamMember]) throws {
        for member in members {
            try StoreText.check(member.name, field: "De naam van het teamlid", allowingLineBreaks: false)
            try StoreText.check(member.organisation, field: "De organisatie", allowingLineBreaks: false)
            try db.execute(sql: """
                INSERT INTO plan_member (plan_id, case_id, name, organisation, since, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [planID, caseID, member.name.trimmingWhitespace(), member.organisation.trimmingWhitespace(), member.since.iso,
                                 user, Clock.timestamp()])
        }
    }

    func addMember(_ db: any StoreDatabase, caseID: CaseID, planID: PlanID, member: TeamMember, today: Day) throws -> String {
        let active = try activePlan(db, caseID: caseID, planID: planID)
        guard let plan = try Self.loadPlans(db, where: "id = ?", arguments: [planID]).first, plan.form == .veiligheidsteam else {
            throw StoreError.refused("Teamleden horen bij een plan Veiligheidsteam; dit is een plan JB in de wijk.")
        }
        if let problem = member.problems.first { throw StoreError.refused(problem.message + ".") }
        if member.since > today { throw StoreError.refused(DateProblem.inFuture(member.since).message) }
        if member.since < active.start { throw StoreError.refused("De datum " + DateProblem.before(active.start, what: "de start van het plan").message) }
        if plan.members.contains(where: { $0.name == member.name.trimmingWhitespace() }) {
            throw StoreError.refused("\(member.name.trimmingWhitespace()) is al lid van het Veiligheidsteam bij deze zaak.")
        }
        try insertMembers(db, planID: planID, caseID: caseID, [member])
        try logCaseChange(db, caseID: caseID, kind: .planTeamlid, day: member.since, detail: "\(member.text) werkt mee sinds \(member.since.dutch)")
        return "\(member.name.trimmingWhitespace()) toegevoegd aan het Veiligheidsteam."
    }

    func addCondition(_ db: any StoreDatabase, caseID: CaseID, planID: PlanID, condition: SafetyCondition, today: Day) throws -> String {
        _ = try activePlan(db, caseID: caseID, planID: planID)
        if let problem = JointPlanRules.problems(condition, today: today).first { throw StoreError.refused(problem.message + ".") }
        try StoreText.check(condition.text, field: "De veiligheidsvoorwaarde")
        let text = condition.text.trimmingWhitespace()
        try db.execute(sql: """
            INSERT INTO plan_safety_condition (plan_id, case_id, set_by, day, text, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [planID, caseID, condition.setBy.rawValue, condition.day.iso, text, user, Clock.timestamp()])
        try logCaseChange(db, caseID: caseID, kind: .planVoorwaarde, day: condition.day,
                          detail: "gesteld door \(condition.setBy.title) op \(condition.day.dutch): \(text)")
        return "Veiligheidsvoorwaarde vastgelegd."
    }

    func addAgreement(_ db: any StoreDatabase, caseID: CaseID, planID: PlanID, agreement: PlanAgreement, today: Day) throws -> String {
        _ = try activePlan(db, caseID: caseID, planID: planID)
        guard let plan = try Self.loadPlans(db, where: "id = ?", arguments: [planID]).first else { throw StoreError.refused("Dit plan bestaat niet.") }
        let problems = JointPlanRules.problems(agreement, plan: plan, today: today)
        if !problems.isEmpty { throw StoreError.refused(problems.map(\.message).joined(separator: "; ") + ".") }
        guard let consent = agreement.consent else { throw StoreError.refused("Het akkoord van het gezin ontbreekt.") }
        for (text, field) in [(agreement.what, "De afspraak"), (agreement.who, "Wie"), (agreement.check, "De controle"),
                              (consent.by, "Akkoord door")] {
            try StoreText.check(text, field: field)
        }
        let agreementID = try db.insert(sql: "INSERT INTO plan_agreement (plan_id, case_id, party, who, what, due, status) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                        arguments: [planID, caseID, agreement.party.rawValue, agreement.who.trimmingWhitespace(),
                                                    agreement.what.trimmingWhitespace(), agreement.due.iso, agreement.status.rawValue])
        try db.execute(sql: """
            INSERT INTO plan_agreement_detail (agreement_id, plan_id, case_id, how_checked, agreed_on, agreed_by) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [agreementID, planID, caseID, agreement.check.trimmingWhitespace(), consent.day.iso, consent.by.trimmingWhitespace()])
        try logCaseChange(db, caseID: caseID, kind: .planAfspraak, day: today,
                          detail: "\(agreement.partyText): \(agreement.what.trimmingWhitespace()), uiterlijk \(agreement.due.dutch); "
                            + "controle: \(agreement.check.trimmingWhitespace()); akkoord gezin \(consent.by.trimmingWhitespace()) op \(consent.day.dutch)")
        return "Afspraak toegevoegd."
    }

    /// The evaluation's marks on the agreements open at it (checked by `JointPlanRules` before).
    func insertMarks(_ db: any StoreDatabase, evaluationID: Int64, planID: PlanID, caseID: CaseID, _ marks: [Int64: AgreementMark]) throws {
        for (agreementID, mark) in marks.sorted(by: { $0.key < $1.key }) {
            try db.execute(sql: "INSERT INTO plan_agreement_mark (evaluation_id, agreement_id, plan_id, case_id, mark) VALUES (?, ?, ?, ?, ?)",
                           arguments: [evaluationID, agreementID, planID, caseID, mark.rawValue])
        }
    }

    /// `2 nagekomen, 1 niet nagekomen`: the marks in an evaluation's event.
    static func marksText(_ marks: [Int64: AgreementMark]) -> String {
        AgreementMark.allCases.compactMap { mark in
            let count = marks.values.filter { $0 == mark }.count
            return count == 0 ? nil : "\(count) \(mark.title)"
        }.joined(separator: ", ")
    }
}
