import BoardCore

/// Gives the demo termijnen (Duty.swift) in every state: most terugmeldingen aan Veilig Thuis and
/// starts of the Raad recorded as done, a few late and a few due this week, among colleagues and
/// the user who made the demo, who gets two cases of their own so that Termijnen shows "mine
/// first". Backfill, as DemoPlans is: notes and rows that `DemoStore.seal` logs. Deterministic by seed.
enum DemoDuties {
    /// Per kind, how many late duties of colleagues stay open: the most recent.
    static let lateLeft = 2

    static let texts: [DutyKind: [String]] = [
        .terugmeldingVeiligThuis: ["Veilig Thuis gebeld: zorgen besproken, gezin werkt mee, plan van aanpak gedeeld.",
                                   "Schriftelijk teruggemeld wat het onderzoek opleverde en welke hulp is ingezet."],
        .eindterugmeldingVeiligThuis: ["Veilig Thuis gemeld dat de zaak is afgesloten en hoe de veiligheid geborgd is.",
                                       "Eindterugmelding gestuurd; melder ook op de hoogte gebracht."],
        .startRvkOnderzoek: ["De Raad bevestigde de start van het onderzoek; raadsonderzoeker toegewezen."],
    ]

    /// The user who made the demo gets two open cases from Veilig Thuis, the most recent of their
    /// kind: one whose terugmelding is due this week and one whose terugmelding is late.
    static func givingCases(_ plans: [DemoCasePlan], to user: String, today: Day) -> [DemoCasePlan] {
        let norms = Norms.standard
        var plans = plans
        var soonGiven = false, lateGiven = false
        for index in plans.indices.reversed() where plans[index].report.source == .veiligThuis
            && [.aangemeld, .onderzoek, .beschermtafel].contains(plans[index].finalStage) {
            let due = Norms.adding(werkdagen: norms.werkdagenTerugmeldingVT, to: plans[index].report.reportedOn)
            let soon = due >= today && due <= today.adding(days: norms.dagenVooruit)
            if soon ? soonGiven : (due >= today || lateGiven) { continue }
            if soon { soonGiven = true } else { lateGiven = true }
            plans[index].report.medewerker = user
        }
        return plans
    }

    static func enrich(_ db: any StoreDatabase, user: String, seed: UInt64, today: Day, now: String) throws {
        var rng = SplitMix64(seed: seed ^ 0x7E12_A1E5)
        let norms = Norms.standard
        let rows = try db.rows(sql: "SELECT id, source, reported_on, stage, stage_since, closed_on, medewerker FROM \"case\" ORDER BY id DESC")
        var late: [DutyKind: Int] = [:]
        for row in rows {
            let caseID: CaseID = row[0]
            let source = Source(rawValue: row[1]), reported = Store.day(row[2])
            let stage = Stage(rawValue: row[3]), since = Store.day(row[4])
            let closed = (row[5] as String?).map(Store.day) ?? (stage == .veiligheidGewaarborgd ? since : nil)
            var duties: [(kind: DutyKind, due: Day, from: Day)] = []
            if source == .veiligThuis, let closed {
                if closed >= today.adding(days: -norms.closedWindowDays) {
                    duties.append((.eindterugmeldingVeiligThuis, Norms.adding(werkdagen: norms.werkdagenTerugmeldingVT, to: closed), closed))
                }
            } else if source == .veiligThuis {
                duties.append((.terugmeldingVeiligThuis, Norms.adding(werkdagen: norms.werkdagenTerugmeldingVT, to: reported), reported))
            }
            if stage == .rvkOnderzoek, closed == nil {
                duties.append((.startRvkOnderzoek, since.adding(days: norms.dagenStartRvK), since))
            }
            // The user's own (`givingCases`) stay open, as do a few late ones of colleagues; what
            // is not yet due stays open too (due this week or later).
            for duty in duties where (row[6] as String) != user && duty.due < today {
                if late[duty.kind, default: 0] < lateLeft {
                    late[duty.kind, default: 0] += 1
                    continue
                }
                let day = duty.from.adding(days: rng.int(0...max(0, duty.from.days(until: min(duty.due, today)))))
                let record = DutyRecord(kind: duty.kind, day: day, what: rng.pick(texts[duty.kind]!))
                let at = min("\(day.iso)T\(DemoPlanner.padded(rng.int(9...15), 2)):15:00.000Z", now)
                let noteID = try db.insert(sql: "INSERT INTO note (case_id, recorded_at, author, text) VALUES (?, ?, ?, ?)",
                                           arguments: [caseID, at, row[6] as String, record.text])
                try db.execute(sql: "INSERT INTO duty_done (case_id, duty, done_on, note_id) VALUES (?, ?, ?, ?)",
                               arguments: [caseID, duty.kind.rawValue, day.iso, noteID])
            }
        }
    }
}
