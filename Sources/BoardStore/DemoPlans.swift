import BoardCore
import GRDB

/// Gives the demo joint plans in every state: just started, running with overdue agreements,
/// evaluated and continued, afgeschaald, and Raad betrokken; of each kind one with the
/// Veiligheidsteam, the others with a Jeugdbeschermer in de wijk. Each plan is a veiligheidsplan:
/// conditions of Veilig Thuis or the table, agreements with their check and the family's consent,
/// evaluations that mark them kept or not. Mostly Amsterdam wijken, where the function started
/// (DOMAIN.md). Deterministic by seed.
/// Like DemoDossier these rows are backfill: they add no events to any case, so each case's log
/// stays in the order things happened and within its usual length (`DemoStore.seal` logs them).
enum DemoPlans {
    static let amsterdam = ["Osdorp", "Slotervaart", "Bijlmer-Centrum", "Noord-Oost", "Geuzenveld", "Oud-West"]
    static let jeugdbeschermers = [("Fatima Ouali", PlanOrganisation.jbra), ("Bart Hendriks", PlanOrganisation.jbra),
                                   ("Esther Vos", PlanOrganisation.wss), ("Youssef Amrani", PlanOrganisation.jbra),
                                   ("Linda de Boer", "Jeugd- en Gezinsbeschermers")]
    static let goals = [("Ouders maken geen ruzie meer waar de kinderen bij zijn", "Kinderen zijn thuis veilig voor huiselijk geweld"),
                        ("De kinderen gaan elke dag op tijd naar school", "Dagelijkse verzorging en toezicht zijn op orde"),
                        ("Moeder heeft een vast steunnetwerk van drie personen", "Er is altijd een volwassene die kan ingrijpen"),
                        ("Vader is gestart met verslavingszorg", "Geen alcoholgebruik in de zorg voor de kinderen")]
    static let agreements: [(PlanParty, String, String)] = [
        (.gezin, "moeder", "Belt de huisarts voor een verwijzing"), (.wijkteam, "", "Regelt een netwerkberaad met oma en de buurvrouw"),
        (.jeugdbeschermer, "", "Spreekt de kinderen apart op school"), (.gezin, "vader", "Meldt zich bij de verslavingszorg"),
        (.anders, "school", "Geeft wekelijks door of de kinderen er waren"),
    ]
    static let hourTexts = ["huisbezoek", "overleg wijkteam", "gesprek met school", "netwerkberaad", "telefonisch contact moeder"]
    /// The Veiligheidsteam of the Zaanstad seed: six staff from the GIs, the Raad, the Blijf Groep and Veilig Thuis.
    static let team = [("Karin Smit", "Veilig Thuis"), ("Mehmet Yilmaz", PlanOrganisation.jbra), ("Ilse Verbeek", "Blijf Groep"),
                       ("Ruud Jansen", "Raad voor de Kinderbescherming"), ("Naima Bouzid", PlanOrganisation.wss),
                       ("Peter de Graaf", "Jeugd- en Gezinsbeschermers")]
    static let conditions: [(ConditionSetter, String)] = [
        (.veiligThuis, "Er is geen fysiek geweld in het bijzijn van de kinderen"),
        (.beschermtafel, "Vader verblijft niet in huis zolang hij drinkt"),
        (.veiligThuis, "De kinderen hebben elke dag een volwassene bij wie ze terechtkunnen"),
    ]
    static let checks = ["huisbezoek onaangekondigd", "navraag bij school", "gesprek met de kinderen apart", "telefonisch bij de huisarts"]

    enum Kind: CaseIterable { case justStarted, overdueAgreements, continued, afgeschaald, raadBetrokken }

    static func enrich(_ db: any StoreDatabase, seed: UInt64, today: Day, now: String) throws {
        var rng = SplitMix64(seed: seed ^ 0x000B_E5C4_E12D)
        let rows = try db.rows(sql: """
            SELECT c.id, c.stage, c.reported_on, c.stage_since, c.medewerker, f.wijk,
                   (SELECT request_date FROM table_record WHERE case_id = c.id ORDER BY id LIMIT 1), c.closed_on
            FROM "case" c JOIN family f ON f.id = c.family_id ORDER BY c.id
            """)
        // Amsterdam first, then the rest, so that small demos still get every kind.
        let ordered = rows.filter { amsterdam.contains($0[5] as String) } + rows.filter { !amsterdam.contains($0[5] as String) }
        var used: Set<CaseID> = []
        for kind in Kind.allCases {
            let wanted = kind == .continued || kind == .overdueAgreements ? 3 : 2
            var made = 0
            for row in ordered where made < wanted {
                // The second plan of every kind is the Veiligheidsteam's.
                let isTeam = made == 1
                let caseID: CaseID = row[0]
                guard !used.contains(caseID) else { continue }
                let stage = Stage(rawValue: row[1]) ?? .aangemeld
                let reported = Store.day(row[2]), since = Store.day(row[3])
                let tableDay = (row[6] as String?).map(Store.day)
                let closed = (row[7] as String?) != nil
                guard let dates = plan(kind, stage: stage, reported: reported, since: since, tableDay: tableDay, closed: closed, today: today) else { continue }
                used.insert(caseID)
                made += 1
                try write(db, caseID: caseID, kind: kind, isTeam: isTeam, dates: dates, colleague: row[4], today: today, now: now, rng: &rng)
            }
        }
    }

    struct Dates { var start: Day; var end: Day? }

    /// When a plan of this kind fits the case, and its start (and end) day.
    static func plan(_ kind: Kind, stage: Stage, reported: Day, since: Day, tableDay: Day?, closed: Bool, today: Day) -> Dates? {
        switch kind {
        case .justStarted:
            guard stage == .onderzoek, !closed, since.days(until: today) >= 3 else { return nil }
            return Dates(start: today.adding(days: -2), end: nil)
        case .overdueAgreements:
            guard stage == .onderzoek || stage == .beschermtafel, !closed, since.days(until: today) >= 30 else { return nil }
            return Dates(start: max(since, today.adding(days: -50)), end: nil)
        case .continued:
            guard stage == .onderzoek || stage == .beschermtafel, !closed, since.days(until: today) >= 40 else { return nil }
            return Dates(start: max(since, today.adding(days: -100)), end: nil)
        case .afgeschaald:
            // Ended when safety was ensured, after at least a month of work during the Onderzoek.
            guard stage == .veiligheidGewaarborgd, tableDay == nil, reported.days(until: since) >= 40 else { return nil }
            return Dates(start: reported.adding(days: 7), end: since)
        case .raadBetrokken:
            // The evaluation brought the case to the Beschermtafel (on its request date), then on to the Raad.
            guard stage == .rvkOnderzoek || stage == .beschermtafel, let tableDay, reported.days(until: tableDay) >= 35 else { return nil }
            return Dates(start: reported.adding(days: 5), end: tableDay)
        }
    }

    static func write(_ db: any StoreDatabase, caseID: CaseID, kind: Kind, isTeam: Bool, dates: Dates, colleague: String, today: Day, now: String,
                      rng: inout SplitMix64) throws {
        let (jeugdbeschermer, organisation) = isTeam ? ("", PlanOrganisation.veiligheidsteam) : rng.pick(jeugdbeschermers)
        // Two or three of the team work with a family; the first from the start, the last joins later.
        var members: [(String, String)] = []
        if isTeam {
            let first = rng.int(0...(team.count - 1))
            members = (0..<(kind == .justStarted ? 2 : 3)).map { team[(first + $0) % team.count] }
        }
        let at = { (day: Day) in min("\(day.iso)T10:00:00.000Z", now) }
        let start = dates.start
        // The next evaluation: just started and overdue plans look ahead; one plan of the overdue kind has its evaluation passed too.
        var next: Day?
        var evaluations: [(Day, EvaluationConclusion, Day?)] = []
        switch kind {
        case .justStarted: next = start.adding(days: 42)
        case .overdueAgreements: next = rng.chance(0.5) ? today.adding(days: -3) : today.adding(days: 12)
        case .continued:
            let evaluated = start.adding(days: start.days(until: today) * 2 / 3)
            next = evaluated.adding(days: 56)
            evaluations = [(evaluated, .doorgaan, next)]
        case .afgeschaald:
            if let end = dates.end {
                let middle = start.adding(days: start.days(until: end) / 2)
                evaluations = [(middle, .doorgaan, end), (end, .afschalen, nil)]
            }
        case .raadBetrokken:
            if let end = dates.end { evaluations = [(end, .raadBetrekken, nil)] }
        }
        let consentBy = rng.pick(["moeder", "vader", "beide ouders"])
        let planID = try db.insert(sql: """
            INSERT INTO joint_plan (case_id, jeugdbeschermer, organisation, wijkteam_colleague, start_date, consent_date, consent_by,
                                    next_evaluation, ended_on, end_reason, recorded_by, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [caseID, jeugdbeschermer, organisation, colleague, start.iso, start.adding(days: -1).iso,
                             consentBy, next?.iso, dates.end?.iso,
                             evaluations.last?.1.end?.rawValue, colleague, at(start)])
        try db.execute(sql: "INSERT INTO plan_intensity (plan_id, case_id, day, intensity, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [planID, caseID, start.iso, PlanIntensity.intensief.rawValue, colleague, at(start)])
        let last = dates.end ?? today
        for (index, member) in members.enumerated() {
            let since = index == 2 ? start.adding(days: start.days(until: last) / 3) : start
            try db.execute(sql: """
                INSERT INTO plan_member (plan_id, case_id, name, organisation, since, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [planID, caseID, member.0, member.1, since.iso, colleague, at(since)])
        }
        for index in 0..<(kind == .justStarted ? 1 : 2) {
            let (setter, text) = conditions[(Int(caseID) + index) % conditions.count]
            let day = start.adding(days: -index * 3)
            try db.execute(sql: """
                INSERT INTO plan_safety_condition (plan_id, case_id, set_by, day, text, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [planID, caseID, setter.rawValue, day.iso, text, colleague, at(start)])
        }
        if kind == .continued || kind == .afgeschaald {
            let day = start.adding(days: start.days(until: last) * 3 / 4)
            try db.execute(sql: "INSERT INTO plan_intensity (plan_id, case_id, day, intensity, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [planID, caseID, day.iso, PlanIntensity.advies.rawValue, colleague, at(day)])
        }
        for index in 0..<(kind == .justStarted ? 1 : 2) {
            let (text, conditions) = goals[(Int(caseID) + index) % goals.count]
            let status: GoalStatus = kind == .afgeschaald ? .bereikt : kind == .raadBetrokken ? .nietBereikt
                : (kind == .continued && index == 0 ? .bereikt : .open)
            try db.execute(sql: "INSERT INTO plan_goal (plan_id, case_id, text, safety_conditions, status) VALUES (?, ?, ?, ?, ?)",
                           arguments: [planID, caseID, text, conditions, status.rawValue])
        }
        var agreementsMade: [(id: Int64, status: AgreementStatus)] = []
        for index in 0..<(kind == .justStarted ? 1 : 3) {
            let (party, who, what) = agreements[(Int(caseID) * 3 + index) % agreements.count]
            var due = start.adding(days: 14 * (index + 1))
            var status: AgreementStatus = .gedaan
            switch kind {
            case .justStarted: status = .open
            case .overdueAgreements:
                // The first agreements passed their date while still open.
                if index < 2 { due = today.adding(days: -(4 + index * 5)); status = .open } else { due = today.adding(days: 10); status = .open }
            case .continued: if index == 2 { due = today.adding(days: 9); status = .open }
            case .raadBetrokken: status = index == 0 ? .gedaan : .nietGedaan
            case .afgeschaald: break
            }
            let shownParty = isTeam && party == .jeugdbeschermer ? PlanParty.veiligheidsteam : party
            let agreementID = try db.insert(sql: "INSERT INTO plan_agreement (plan_id, case_id, party, who, what, due, status) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                            arguments: [planID, caseID, shownParty.rawValue, who, what, due.iso, status.rawValue])
            try db.execute(sql: """
                INSERT INTO plan_agreement_detail (agreement_id, plan_id, case_id, how_checked, agreed_on, agreed_by) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [agreementID, planID, caseID, checks[(Int(caseID) + index) % checks.count], start.iso, consentBy])
            agreementsMade.append((agreementID, status))
        }
        // Hours: every week or so since the start, a quarter hour to three hours.
        var day = start
        while day <= last {
            let person = rng.chance(0.7) ? (isTeam ? rng.pick(members).0 : jeugdbeschermer) : colleague
            try db.execute(sql: """
                INSERT INTO plan_hours (plan_id, case_id, day, quarters, person, description, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [planID, caseID, day.iso, rng.int(1...12), person, rng.pick(hourTexts), colleague, at(day)])
            day = day.adding(days: rng.int(5...10))
        }
        for (day, conclusion, nextDay) in evaluations {
            let wentWell = conclusion == .raadBetrekken ? "Moeder is open over de zorgen" : "Afspraken worden nagekomen; de kinderen zijn rustiger"
            let wentBadly = conclusion == .raadBetrekken ? "Vader weigert mee te werken; de ruzies gaan door" : "Het netwerk is nog klein"
            let evaluationID = try db.insert(sql: """
                INSERT INTO plan_evaluation (plan_id, case_id, day, went_well, went_badly, conclusion, next_evaluation, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [planID, caseID, day.iso, wentWell, wentBadly, conclusion.rawValue, nextDay?.iso, colleague, at(day)])
            // Every agreement is marked: kept, unless it was not done or the Raad is involved.
            for (index, agreement) in agreementsMade.enumerated() {
                let kept = agreement.status != .nietGedaan && !(conclusion == .raadBetrekken && index > 0)
                try db.execute(sql: "INSERT INTO plan_agreement_mark (evaluation_id, agreement_id, plan_id, case_id, mark) VALUES (?, ?, ?, ?, ?)",
                               arguments: [evaluationID, agreement.id, planID, caseID, (kept ? AgreementMark.nagekomen : .nietNagekomen).rawValue])
            }
        }
    }
}
