import BoardCore
import GRDB

/// Fills the demo's dossiers after its cases are written, so that every section of the family
/// screen has something in it: addresses, caregivers and network, safety assessments with a trend,
/// notes, Beschermtafel decisions of each kind and the Raad's outcomes. Deterministic by seed.
/// These rows are backfill, not work done by someone: they add no events to any case, so each case's
/// log keeps its moves and openings in the order they happened (see DemoAccessLog). The log covers
/// them all the same, through `vastgelegd` events tied to no family (`DemoStore.seal`).
enum DemoDossier {
    static func enrich(_ db: any StoreDatabase, store: Store, seed: UInt64, today: Day, now: String) throws {
        var rng = SplitMix64(seed: seed ^ 0x0D05_51E0)
        for family in try db.rows(sql: "SELECT id, name FROM family ORDER BY id") {
            try addPeople(db, familyID: family[0], familyName: family[1], rng: &rng)
            try DemoStore.seal(db, store: store, atLeast: Store.sealedPerEvent)
        }
        let cases = try db.rows(sql: "SELECT id, family_id, stage, reported_on, stage_since, medewerker FROM \"case\" ORDER BY id")
        for row in cases {
            let caseID: CaseID = row[0]
            let children = try db.values(Int64.self, sql: "SELECT id FROM child WHERE family_id = ? ORDER BY birth_date, id", arguments: [row[1] as FamilyID])
            let stage = Stage(rawValue: row[2]) ?? .aangemeld
            let reported = Store.day(row[3]), since = Store.day(row[4])
            let end = stage.isEnd ? since : today
            if stage != .aangemeld {
                try addAssessments(db, caseID: caseID, children: children, stage: stage, from: reported, to: end, author: row[5], now: now, rng: &rng)
            }
            try addNotes(db, caseID: caseID, from: reported, to: end, author: row[5], now: now, rng: &rng)
            try decideAtTheTable(db, caseID: caseID, children: children, stage: stage, since: since, today: today, rng: &rng)
            try DemoStore.seal(db, store: store, atLeast: Store.sealedPerEvent)
        }
    }

    static let streets = ["Peperstraat", "Rosmolenstraat", "Westzijde", "Vincent van Goghweg", "Plein 13", "Heijermansstraat",
                          "Osdorpplein", "Pieter Calandlaan", "Bijlmerdreef", "Kraaiennest", "Meeuwenlaan", "Jan Evertsenstraat"]
    static let towns = ["Zaandam", "Koog aan de Zaan", "Assendelft", "Amsterdam"]
    static let network: [(String, String, String)] = [
        ("huisarts", "Gezondheidscentrum", "075-"), ("leerkracht", "Basisschool De Regenboog", "075-"),
        ("grootmoeder", "", "06-"), ("buurvrouw", "", "06-"), ("mentor", "Zaanlands Lyceum", "075-"),
        ("schoolmaatschappelijk werker", "Jeugdteam", "075-"), ("tante", "", "06-"),
    ]

    static func phone(_ prefix: String, _ rng: inout SplitMix64) -> String {
        prefix + String(rng.int(10_000_000...99_999_999))
    }

    static func addPeople(_ db: any StoreDatabase, familyID: FamilyID, familyName: String, rng: inout SplitMix64) throws {
        let address = "\(rng.pick(streets)) \(rng.int(1...240)), \(rng.pick(towns))"
        try db.execute(sql: "UPDATE family SET address = ? WHERE id = ?", arguments: [address, familyID])
        let parents = rng.chance(0.6) ? ["moeder", "vader"] : [rng.pick(["moeder", "vader", "pleegouder", "grootouder"])]
        for relation in parents {
            try db.execute(sql: "INSERT INTO caregiver (family_id, name, relation, phone) VALUES (?, ?, ?, ?)", arguments: [familyID, "\(DemoNames.adultFirstName(for: relation, rng: &rng)) \(familyName)", relation, phone("06-", &rng)])
        }
        for _ in 0..<rng.int(0...2) {
            let (role, organisation, prefix) = rng.pick(network)
            try db.execute(sql: "INSERT INTO network_member (family_id, name, role, organisation, phone) VALUES (?, ?, ?, ?, ?)", arguments: [familyID, "\(DemoNames.adultFirstName(for: role, rng: &rng)) \(rng.pick(DemoNames.surnames))", role, organisation,
                                     phone(prefix, &rng)])
        }
    }

    static let concerns = ["Spanningen tussen ouders, kinderen horen ruzies", "Vader drinkt en is dan onvoorspelbaar",
                           "Moeder is overbelast; kinderen komen vaak te laat op school", "Signalen van verwaarlozing: hygiëne en voeding",
                           "Oudste kind zorgt voor de jongere kinderen", "Huiselijk geweld gemeld door de buren"]
    static let strengths = ["Ouders werken mee en zijn open", "Oma is dagelijks betrokken", "School signaleert goed en heeft contact met moeder",
                            "Kinderen hebben een vaste sportclub", "Vader staat open voor hulp bij opvoeding"]
    static let needs = ["Veiligheidsplan met afspraken over ruzies", "Opvoedondersteuning via het wijkteam",
                        "Schuldhulpverlening starten", "Vader start verslavingszorg", "Wekelijks contact met school"]

    /// In a family of several children, some scores are about one child (the oldest, who often
    /// carries most), the rest about the whole family; the case's lowest latest score follows.
    static func addAssessments(_ db: any StoreDatabase, caseID: CaseID, children: [Int64], stage: Stage,
                               from: Day, to: Day, author: String, now: String, rng: inout SplitMix64) throws {
        let span = max(1, from.days(until: to))
        let count = min(rng.int(1...4), max(1, span / 10))
        var score = rng.int(2...5)
        var recorded: [SafetyAssessment] = []
        // Safety ensured: the trend goes up; towards the Raad: it stays low.
        let drift = stage == .veiligheidGewaarborgd ? 2 : stage == .rvkOnderzoek ? -1 : rng.int(-1...1)
        for index in 0..<count {
            let day = from.adding(days: min(span, span * (index + 1) / (count + 1) + 1))
            let giver = rng.weighted([(ScoreGiver.medewerker, 6), (.ouder, 3), (.jeugdige, 1)])
            let assessmentID = try db.insert(sql: """
                INSERT INTO assessment (case_id, day, concerns, strengths, needs, score, given_by, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [caseID, day.iso, rng.pick(concerns), rng.pick(strengths), rng.pick(needs), score,
                                         giver.rawValue, author, min("\(day.iso)T11:00:00.000Z", now)])
            let child = children.count > 1 && index % 2 == 1 ? children.first : nil
            if let child {
                try db.execute(sql: "INSERT INTO assessment_child (assessment_id, case_id, child_id) VALUES (?, ?, ?)",
                               arguments: [assessmentID, caseID, child])
            }
            recorded.append(SafetyAssessment(day: day, concerns: "", strengths: "", needs: "", score: score, givenBy: giver, childID: child))
            // A child's own score runs a little below the family's.
            score = min(10, max(0, score + drift + rng.int(-1...1) - (child == nil && children.count > 1 ? 1 : 0)))
        }
        if let lowest = SafetyAssessment.lowestLatestScore(recorded) {
            try db.execute(sql: "INSERT INTO case_safety_score (case_id, lowest_score) VALUES (?, ?)", arguments: [caseID, lowest])
        }
    }

    static let notes = ["Huisbezoek afgelegd; moeder was open over de zorgen.", "Telefonisch contact met school: Zoë komt weer op tijd.",
                        "Netwerkberaad gehouden met oma en de huisarts. Afspraken vastgelegd in het veiligheidsplan.",
                        "Vader niet bereikt; nieuwe afspraak gemaakt voor volgende week.",
                        "Overleg met Veilig Thuis over de melding; aanvullende informatie ontvangen.",
                        "Kinderen apart gesproken. Ze voelen zich thuis veiliger dan een maand geleden."]

    static func addNotes(_ db: any StoreDatabase, caseID: CaseID, from: Day, to: Day, author: String, now: String,
                         rng: inout SplitMix64) throws {
        let span = max(0, from.days(until: to))
        for index in 0..<rng.int(0...3) {
            let day = from.adding(days: span * (index + 1) / 4)
            let at = min("\(day.iso)T\(10 + index):30:00.000Z", now)
            try db.execute(sql: "INSERT INTO note (case_id, recorded_at, author, text) VALUES (?, ?, ?, ?)", arguments: [caseID, at, author, rng.pick(notes)])
        }
    }

    static let attendees = "Raad voor de Kinderbescherming – jurist\nVeilig Thuis – aandachtsfunctionaris\nJeugdbescherming – jeugdbeschermer\nJeugdteam – casemanager\nOuders"

    /// Gives table records a meeting and an outcome that fits where the case went, and the Raad an outcome.
    static func decideAtTheTable(_ db: any StoreDatabase, caseID: CaseID, children: [Int64], stage: Stage, since: Day,
                                 today: Day, rng: inout SplitMix64) throws {
        guard let table = try db.row(sql: "SELECT id, request_date FROM table_record WHERE case_id = ?",
                                           arguments: [caseID]) else { return }
        let tableID: Int64 = table[0]
        let requested = Store.day(table[1])
        switch stage {
        case .veiligheidGewaarborgd:
            try db.execute(sql: "UPDATE table_record SET meeting_date = ?, attendees = ?, advice = ?, outcome = 'vrijwillig' WHERE id = ?", arguments: [since.iso, attendees, rng.pick(DemoNames.tableConclusions), tableID])
        case .beschermtafel where rng.chance(0.6):
            let meeting = min(today, requested.adding(days: rng.int(7...28)))
            let reportBack = meeting.adding(days: rng.int(45...120))
            try db.execute(sql: """
                UPDATE table_record SET meeting_date = ?, attendees = ?, advice = ?, outcome = 'drang', report_back_on = ?, goals = ? WHERE id = ?
                """, arguments: [meeting.iso, attendees, "Drang: heldere doelen, terugkoppeling aan de tafel",
                                         reportBack.iso, "Ouders volgen opvoedondersteuning\nKinderen gaan elke dag naar school", tableID])
        case .rvkOnderzoek:
            try db.execute(sql: "UPDATE table_record SET attendees = ? WHERE id = ?", arguments: [attendees, tableID])
            // The outcome comes after the last time anyone opened the dossier (the case is closed then).
            let lastOpened = try db.value(String.self, sql: "SELECT MAX(day) FROM event WHERE case_id = ?",
                                                 arguments: [caseID]).map(Store.day) ?? since
            let outcomeDay = max(since.adding(days: rng.int(60...150)), lastOpened)
            // Most investigations have their outcome; one that could have had it half a year ago has.
            guard outcomeDay <= today, outcomeDay < today.adding(days: -180) || rng.chance(0.7) else { return }
            // More measures in the earlier years: what the approach is judged on.
            let earlier = outcomeDay < today.adding(days: -365)
            let outcome = rng.weighted([(RvkOutcome.geenMaatregel, earlier ? 3 : 5), (.ots, earlier ? 4 : 3), (.uithuisplaatsing, 2)])
            // Per child: in most families a measure for one sibling only (the oldest), in some for all.
            for (index, child) in children.enumerated() {
                let childOutcome = index == 0 || !outcome.isMeasure || caseID % 3 == 0 ? outcome : RvkOutcome.geenMaatregel
                try db.execute(sql: "INSERT INTO rvk_child_outcome (case_id, child_id, outcome) VALUES (?, ?, ?)",
                               arguments: [caseID, child, childOutcome.rawValue])
            }
            try db.execute(sql: "UPDATE rvk_record SET outcome = ?, outcome_date = ? WHERE case_id = ?", arguments: [outcome.rawValue, outcomeDay.iso, caseID])
            try db.execute(sql: "UPDATE \"case\" SET closed_on = ?, version = version + 1 WHERE id = ?", arguments: [outcomeDay.iso, caseID])
        default:
            break
        }
    }
}
