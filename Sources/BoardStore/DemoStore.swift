import BoardCore
import Foundation
import GRDB

/// Builds a store full of clearly fictitious families, for training, demonstrations and load tests.
///
/// The result depends only on `seed`, `families` and `today`: the same arguments give the same
/// families, kenmerken, dates and log. Every case is written the way a real report and real moves
/// are written (through `insertReport`, an update of the case and a log event per move), so the
/// demo exercises the same data paths as real work.
public enum DemoStore {
    /// The most families a demo store holds: ten times the largest store the benchmark measures,
    /// and far below what would not fit in memory.
    public static let maximumFamilies = 1_000_000

    /// Writes a new demo store at `path`, all in one transaction, and marks it with the setting `demo = 1`.
    /// The demo is built under a hidden name and put at `path` only when complete (`StoreDraft`), so
    /// it never writes into, replaces or removes a store someone else made there meanwhile: any
    /// existing file, directory or link at `path` is refused with `StoreError.refused`.
    /// No moment in the demo's log or records lies after `now` (a timestamp as `Clock.timestamp()`
    /// writes it): today's moments are drawn from office hours, which may still lie ahead.
    @discardableResult
    public static func create(path: String, families: Int = 120, seed: UInt64 = 2026, today: Day,
                              user: String = Clock.currentUser(), now: String = Clock.timestamp()) throws -> Store {
        try refuseCount(families)
        try refuseExisting(path: path)
        guard let draft = try StoreDraft.begin(path: path, user: user) else { throw existing(path) }
        defer { draft.discard() }
        try fill(draft.store, families: families, seed: seed, today: today, now: now)
        guard try draft.place() else { throw existing(path) }
        // Just built by this process: its integrity check need not hold up the caller.
        return try Store(path: path, user: user, integrityCheck: .beforeFirstWrite)
    }

    /// Makes a demo store in an empty database on a server, as `init` makes a store there (the
    /// schema, the group roles, the login as first teamleider), and fills it as a file's demo is
    /// filled: all in one transaction, so a failure leaves the database empty. A database that
    /// holds a store already (even an empty one, as an existing file is refused) is refused
    /// untouched.
    @discardableResult
    public static func create(server address: ServerAddress, families: Int = 120, seed: UInt64 = 2026, today: Day,
                              now: String = Clock.timestamp()) throws -> ServerStoreSetup.Created {
        try refuseCount(families)
        let existing = StoreError.refused("Op \(address) staat al een opslag. Een demo-opslag wordt alleen in een lege database "
                                          + "gemaakt en vervangt nooit een opslag; er is niets gewijzigd. Kies een lege database.")
        return try ServerStoreSetup.create(address, refusingExisting: existing) { store in
            try fill(store, families: families, seed: seed, today: today, now: now)
        }
    }

    /// The demo's content, written into a new empty store in one write: the staff, the cases as
    /// real reports and moves are written, the dossiers, plans and WIP limits, and the mark `demo = 1`.
    static func fill(_ store: Store, families: Int, seed: UInt64, today: Day, now: String) throws {
        let planned = DemoPlanner.plan(families: families, seed: seed, today: today)
        let plans = DemoDuties.givingCases(planned, to: store.user, today: today)
        try store.write { db in
            try store.writeDemoStaff(db)
            for (number, plan) in plans.enumerated() {
                // The report, its moves and the openings of the dossier (see DemoAccessLog), by the
                // demo's staff also where the case became the user's.
                let openings = DemoAccessLog.openings(for: planned[number], number: number, seed: seed, today: today)
                try store.writeDemoCase(db, plan, openings: openings, notAfter: now)
            }
            try DemoDossier.enrich(db, store: store, seed: seed, today: today, now: now)
            try DemoPlans.enrich(db, seed: seed, today: today, now: now)
            try DemoDuties.enrich(db, user: store.user, seed: seed, today: today, now: now)
            try DemoWIPLimits.set(db)
            try db.execute(sql: "INSERT INTO setting (key, value) VALUES ('demo', '1') ON CONFLICT(key) DO UPDATE SET value = excluded.value")
            try seal(db, store: store)
        }
    }

    static func refuseCount(_ families: Int) throws {
        guard (0...maximumFamilies).contains(families) else {
            throw StoreError.refused("Het aantal gezinnen voor de demo ligt tussen 0 en \(maximumFamilies).")
        }
    }

    /// Logs the demo's backfill (dossier details, plans, settings), which no case's event names, in
    /// `vastgelegd` events once `atLeast` changed records wait (RecordSeal.swift).
    static func seal(_ db: any StoreDatabase, store: Store, atLeast: Int = 1) throws {
        try store.sealChangedRecords(db, atLeast: atLeast) { count in "\(count) gegevens van de demo vastgelegd (aanvulling van de dossiers)" }
    }

    /// A demo never replaces anything: whatever is at `path` (a file, even an empty one, a
    /// directory, a link) is refused.
    static func refuseExisting(path: String) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw StoreError.refused("\(path) is een map. Een demo-opslag wordt alleen in een nieuw bestand gemaakt; kies een ander pad.")
        }
        throw existing(path)
    }

    static func existing(_ path: String) -> StoreError {
        .refused("\(path) bestaat al. Een demo-opslag overschrijft nooit een bestaand bestand; het bestand is niet gewijzigd. Kies een nieuw pad.")
    }
}

// MARK: - The plan: everything decided before anything is written

/// One demo case: the report and the moves that happened to it up to `today`.
struct DemoCasePlan: Sendable {
    struct Move: Sendable {
        var from: Stage
        var to: Stage
        var day: Day
        /// The move as the real move dialog would ask for it.
        var request: MoveRequest
        var recordedAt: String

        var detail: String { request.detail }
    }

    var report: NewReport
    var recordedAt: String
    var moves: [Move]

    var finalStage: Stage { moves.last?.to ?? .aangemeld }
}

enum DemoPlanner {
    /// All cases in the order they are written: by report date, kenmerk numbered per year.
    static func plan(families: Int, seed: UInt64, today: Day) -> [DemoCasePlan] {
        var rng = SplitMix64(seed: seed)
        var drafts: [Draft] = []
        drafts.reserveCapacity(families)
        for index in 0..<families {
            // The first families are steered into each column in turn so that every column of the
            // board (the end columns within their 30-day window) shows cases, whatever the seed.
            let target: Stage? = index < guaranteedPerColumn * Stage.allCases.count
                ? Stage.allCases[index % Stage.allCases.count] : nil
            drafts.append(draft(index: index, target: target, today: today, rng: &rng))
        }
        drafts.sort { ($0.reportedOn, $0.index) < ($1.reportedOn, $1.index) }

        var numberInYear: [Int: Int] = [:]
        var plans: [DemoCasePlan] = []
        plans.reserveCapacity(drafts.count)
        for draft in drafts {
            let year = draft.reportedOn.year
            let number = (numberInYear[year] ?? 0) + 1
            numberInYear[year] = number
            let report = NewReport(kenmerk: "\(year)-\(padded(number, 4))", reportedOn: draft.reportedOn, source: draft.source,
                                   familyName: draft.familyName, wijk: draft.wijk, medewerker: draft.medewerker,
                                   children: draft.children)
            plans.append(DemoCasePlan(report: report, recordedAt: draft.reportRecordedAt, moves: draft.moves))
        }
        return plans
    }

    static let guaranteedPerColumn = 2

    struct Draft {
        var index: Int
        var reportedOn: Day
        var reportRecordedAt: String
        var source: Source
        var familyName: String
        var wijk: String
        var medewerker: String
        var children: [Child]
        var moves: [DemoCasePlan.Move]
    }

    /// One step of a case's path: the stage it enters and how many days after the previous step.
    private struct Step {
        var stage: Stage
        var gap: Int
    }

    private static func draft(index: Int, target: Stage?, today: Day, rng: inout SplitMix64) -> Draft {
        var familyName = rng.pick(DemoNames.surnames)
        if rng.chance(0.12) {
            let second = rng.pick(DemoNames.surnames)
            if second != familyName { familyName += "-" + second }
        }
        let wijk = rng.pick(DemoNames.wijken)
        let medewerker = rng.pick(DemoNames.medewerkers)
        let source = rng.weighted([(Source.veiligThuis, 72), (.jeugdteam, 12), (.jeugdbescherming, 10), (.overig, 6)])
        // Unsteered: most reported within 18 months, one in five further back (up to five years),
        // and those went to the table more often, as before the approach: the report's years
        // before this one show the OTS and uithuisplaatsingen it aims to have fewer of.
        let back = rng.int(0...539)
        let daysBack = back % 5 == 0 ? back * 3 + 180 : back

        // The path through the flow, with realistic durations between the steps.
        var steps = [Step(stage: .onderzoek, gap: rng.int(1...12))]
        let onderzoekDays = rng.int(14...80)
        let toTable: Bool
        let fromTable: Stage
        switch target {
        case .beschermtafel?, .rvkOnderzoek?: toTable = true
        case .veiligheidGewaarborgd?: toTable = rng.chance(0.15)
        default: toTable = rng.chance(daysBack > 539 ? 0.5 : 0.15)
        }
        if target == .rvkOnderzoek { fromTable = .rvkOnderzoek }
        else if target == .veiligheidGewaarborgd { fromTable = .veiligheidGewaarborgd }
        else { fromTable = rng.chance(0.5) ? .veiligheidGewaarborgd : .rvkOnderzoek }
        if toTable {
            steps.append(Step(stage: .beschermtafel, gap: onderzoekDays))
            steps.append(Step(stage: fromTable, gap: rng.int(30...160)))
        } else {
            steps.append(Step(stage: .veiligheidGewaarborgd, gap: onderzoekDays))
        }

        let reportedOn: Day
        if let target {
            // Steered: the case entered `target` recently; count back from there to the report.
            if let last = steps.firstIndex(where: { $0.stage == target }) { steps.removeSubrange((last + 1)...) } else { steps = [] }
            let daysInTarget: Int
            switch target {
            case .aangemeld: daysInTarget = rng.int(0...3)
            case .onderzoek: daysInTarget = rng.int(3...40)
            case .beschermtafel: daysInTarget = rng.int(7...60)
            case .veiligheidGewaarborgd, .rvkOnderzoek: daysInTarget = rng.int(0...25)
            }
            reportedOn = today.adding(days: -daysInTarget - steps.reduce(0) { $0 + $1.gap })
        } else {
            reportedOn = today.adding(days: -daysBack)
        }

        var moves: [DemoCasePlan.Move] = []
        var stage = Stage.aangemeld
        var day = reportedOn
        for step in steps {
            day = day.adding(days: step.gap)
            if day > today { break }
            let request = moveRequest(to: step.stage, from: stage, day: day, rng: &rng)
            moves.append(.init(from: stage, to: step.stage, day: day, request: request, recordedAt: timestamp(day, rng: &rng)))
            stage = step.stage
        }

        return Draft(index: index, reportedOn: reportedOn, reportRecordedAt: timestamp(reportedOn, rng: &rng),
                     source: source, familyName: familyName, wijk: wijk, medewerker: medewerker,
                     children: children(reportedOn: reportedOn, today: today, rng: &rng), moves: moves)
    }

    /// One to four children, aged 0 to 17 on `today`, all born by the report date, siblings about
    /// one to four years apart (now and then twins).
    private static func children(reportedOn: Day, today: Day, rng: inout SplitMix64) -> [Child] {
        let count = rng.weighted([(1, 35), (2, 35), (3, 20), (4, 10)])
        var earliest = today.adding(days: -(18 * 366))
        while earliest.age(on: today) > 17 { earliest = earliest.adding(days: 1) }
        let latest = min(reportedOn, today)
        // Leave room for the older siblings before choosing the youngest's birth date.
        let room = min(latest.ordinal, earliest.ordinal + (count - 1) * 400)
        var birth = rng.int(room...max(room, latest.ordinal))
        var names: Set<String> = []
        var result: [(name: String, born: Day)] = []
        while result.count < count && birth >= earliest.ordinal {
            let name = rng.pick(DemoNames.firstNames)
            guard names.insert(name).inserted else { continue }
            result.append((name, Day(ordinal: birth)))
            birth -= rng.chance(0.04) ? 0 : rng.int(330...1500)
        }
        return result.sorted { $0.born < $1.born }.map { Child(firstName: $0.name, birthDate: $0.born) }
    }

    /// A move, filled in as a user would fill in the real move form.
    private static func moveRequest(to: Stage, from: Stage, day: Day, rng: inout SplitMix64) -> MoveRequest {
        var text = ""
        var requester: TableRequester?
        switch to {
        case .aangemeld, .onderzoek:
            text = ""
        case .beschermtafel:
            requester = rng.weighted([(TableRequester.jeugdteam, 70), (.veiligThuis, 20), (.jeugdbescherming, 10)])
            text = rng.chance(0.7) ? rng.pick(DemoNames.tableReasons) : ""
        case .veiligheidGewaarborgd:
            text = from == .beschermtafel ? rng.pick(DemoNames.tableConclusions) : rng.pick(DemoNames.conclusions)
        case .rvkOnderzoek:
            text = rng.pick(DemoNames.rvkAdvice)
        }
        return MoveRequest(caseID: 0, expectedVersion: 0, from: from, to: to, day: day, text: text, requester: requester)
    }

    /// A moment during office hours (Dutch time) on `day`, in UTC.
    private static func timestamp(_ day: Day, rng: inout SplitMix64) -> String {
        let minute = rng.int((7 * 60)...(15 * 60 + 30))
        let second = rng.int(0...59)
        return "\(day.iso)T\(padded(minute / 60, 2)):\(padded(minute % 60, 2)):\(padded(second, 2)).000Z"
    }

    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

// MARK: - Deterministic randomness

/// SplitMix64 (Steele, Lea, Flood): tiny, fast and the same on every platform and run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `range`, by rejection so that no value is favoured.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) &+ 1
        if span == 0 { return Int(truncatingIfNeeded: next()) }
        let limit = UInt64.max - UInt64.max % span
        var value = next()
        while value >= limit { value = next() }
        return range.lowerBound + Int(value % span)
    }

    mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < probability
    }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    mutating func weighted<T>(_ items: [(T, Int)]) -> T {
        var roll = int(0...(items.reduce(0) { $0 + $1.1 } - 1))
        for (item, weight) in items {
            if roll < weight { return item }
            roll -= weight
        }
        return items[items.count - 1].0
    }
}

// MARK: - Fictitious names and texts

enum DemoNames {
    static let surnames = [
        "de Vries", "Jansen", "Özdemir", "El Amrani", "Bakker", "Yılmaz", "van den Berg", "Nguyễn", "Çelik", "Kaya",
        "Boukhari", "Mulder", "de Groot", "Visser", "Smit", "Meijer", "Bos", "Janssen", "Hendriks", "Dekker",
        "Brouwer", "Koç", "Şahin", "Mohamed", "Pinas", "Doğan", "van Dijk", "de Jong", "van der Meer", "Bouzid",
        "Aydın", "Ramdin", "Kartosen", "Tjon A Fong", "Oduro", "Mensah", "Kowalski", "Nowak", "Popescu", "Haddou",
        "Ait Taleb", "Biharie", "Sedney", "Doornbos", "Vermeulen", "Peeters", "van Leeuwen", "Postma", "Kuipers",
        "Demir", "Arslan", "Öztürk", "Benali", "Ouali", "Tran", "Lê", "Ferreira", "González", "Hoekstra",
        "de Boer", "Zwart", "Kramer", "van 't Hof", "Ćorić", "Abdi", "Warsame", "Tesfay", "Goedhart", "IJzerman",
    ]

    static let firstNames = [
        "Zoë", "Noë", "Chloë", "Ilayda", "Daan", "Sem", "Anouk", "Eliëtte", "Mila", "Fenna",
        "Yusuf", "Aylin", "Joël", "Zeynep", "Ayoub", "Liam", "Noah", "Saar", "Lotte", "Tess",
        "Luuk", "Finn", "Julia", "Emma", "Sara", "Adam", "Rayan", "Imane", "Nour", "Elif",
        "Mert", "Emir", "Hiba", "Lina", "Ryan", "Jayden", "Kevin", "Naomi", "Shanice", "Quinten",
        "Jesse", "Bram", "Femke", "Ilse", "Linh", "Minh", "Amira", "Youssef", "Selin", "Ömer",
        "Zoé", "Daniël", "Raphaël", "Mats", "Jurre", "Isa", "Yara", "Aïsha", "Björn", "Siëlle",
    ]

    /// First names of grown-ups in the dossier: a mother, grandmother, aunt or neighbour (buurvrouw)
    /// gets a woman's name, a father a man's, anyone else either (`adultFirstName(for:)`).
    static let women = [
        "Fatima", "Sandra", "Monique", "Esther", "Yvonne", "Samira", "Ayşe", "Marieke", "Priya", "Shirley",
        "Malika", "Nicole", "Jolanda", "Hatice", "Ngozi", "Anna", "Kim", "Linda", "Sabrina", "Naïma",
    ]
    static let men = [
        "Mohammed", "Peter", "Erik", "Hasan", "Rachid", "Dennis", "Marco", "Kofi", "Björn", "Tomasz",
        "Jeroen", "Mustafa", "Ricardo", "Sander", "Ahmed", "Patrick", "Vincent", "Ferdi", "Anil", "Tarık",
    ]
    static let womenRoles: Set = ["moeder", "grootmoeder", "tante", "buurvrouw"]
    static let menRoles: Set = ["vader"]

    /// A first name that fits `role`; one draw from `rng` whatever the role, so that the rest of a
    /// seed's demo stays the same.
    static func adultFirstName(for role: String, rng: inout SplitMix64) -> String {
        rng.pick(womenRoles.contains(role) ? women : menRoles.contains(role) ? men : women + men)
    }

    static let wijken = [
        "Poelenburg", "Peldersveld", "Kogerveld", "Rosmolenwijk", "Westerkoog", "Assendelft",
        "Osdorp", "Slotervaart", "Bijlmer-Centrum", "Noord-Oost", "Geuzenveld", "Oud-West",
    ]

    static let medewerkers = [
        "Anouk de Wit", "Mehmet Aydın", "Sanne Kuipers", "Rachid Bouzid",
        "Ingrid Postma", "Kevin Tjon A Fong", "Marloes van Leeuwen", "Fatma Arslan",
    ]

    /// Conclusions after onderzoek alone.
    static let conclusions = [
        "Ouders werken mee; veiligheidsplan afgesproken",
        "Zorgen weggenomen na huisbezoeken; hulp loopt vrijwillig door via het Jeugdteam",
        "Vader volgt agressieregulatietraining; school ziet verbetering",
        "Moeder heeft met steun van het netwerk een veilige woonplek gevonden",
        "Veiligheidsplan geëvalueerd: afspraken nagekomen",
        "Geweld tussen ouders gestopt; ouders volgen relatietherapie",
        "Schuldhulpverlening gestart; spanning thuis duidelijk afgenomen",
        "Opvoedondersteuning gestart; kinderen zien er verzorgd uit en gaan weer naar school",
        "Signalen van school niet bevestigd; gezin houdt contact met de jeugdprofessional",
        "Netwerkberaad gehouden; oma en buurvrouw zijn vangnet bij crisis",
    ]

    /// Conclusions after the Beschermtafel.
    static let tableConclusions = [
        "Drang: doelen binnen de termijn behaald; afgeschaald naar het vrijwillig kader",
        "Tafel: vrijwillige hulp volstaat met aangepast plan",
        "Afspraken nagekomen bij terugkoppeling; jeugdbeschermer in de wijk bouwt af",
        "Ouders accepteren gezinsbehandeling; tafel sluit af met evaluatie via het Jeugdteam",
    ]

    /// Why the case goes to the table (besides who brings it in).
    static let tableReasons = [
        "zorgen blijven na onderzoek",
        "ouders werken onvoldoende mee aan het veiligheidsplan",
        "herhaald huiselijk geweld ondanks afspraken",
        "vermoeden van verwaarlozing jongste kind",
        "ouders oneens over hulp; advies over drang gevraagd",
    ]

    /// The table's advice when the Raad takes the case.
    static let rvkAdvice = [
        "Afspraken drang niet nagekomen; Raad start onderzoek naar ondertoezichtstelling",
        "Veiligheid jongste kind onvoldoende gewaarborgd; verzoek tot raadsonderzoek",
        "Ouders weigeren hulp; Raad neemt de zaak mee voor onderzoek",
        "Ernstige zorgen over thuissituatie; onderzoek naar OTS en mogelijke uithuisplaatsing",
    ]
}
