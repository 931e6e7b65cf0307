import BoardCore
import GRDB

/// Settings (norms, WIP limits, the retention period, the screen lock): everyone reads them, only a teamleider
/// changes them, and every change is logged.
extension Store {
    /// The key of the retention period in years (default `Retention.defaultYears`).
    public static let retentionYearsKey = "bewaartermijn.jaren"

    /// The key of the idle screen lock: minutes without a key before a board locks.
    public static let idleLockMinutesKey = "vergrendeling.minuten"
    public static let defaultIdleLockMinutes = 10

    /// The key of the mouse on the board: 1 on (the default), 0 off, for a team whose terminals
    /// should keep their own text selection (`--no-mouse` turns it off for one session).
    public static let mouseKey = "bord.muis"

    /// Keys that only the program itself writes.
    static let internalSettings: Set<String> = ["demo"]

    /// A setting a teamleider can change: its key, its default and what it means.
    public struct KnownSetting: Sendable {
        public var key: String
        public var standard: String
        public var meaning: String
    }

    /// Every setting a teamleider can change; any other key is refused, so that a typo is not stored silently.
    public static let knownSettings: [KnownSetting] = [
        KnownSetting(key: "norm.werkdagen_aangemeld", standard: "\(Norms.standard.werkdagenInAangemeld)", meaning: "werkdagen in Aangemeld"),
        KnownSetting(key: "norm.weken_onderzoek", standard: "\(Norms.standard.weeksInOnderzoek)", meaning: "weken in Onderzoek"),
        KnownSetting(key: "norm.maanden_beschermtafel", standard: "\(Norms.standard.monthsAtBeschermtafel)", meaning: "maanden aan de Beschermtafel"),
        KnownSetting(key: DutySchema.terugmeldingKey, standard: "\(Norms.standard.werkdagenTerugmeldingVT)",
                     meaning: "termijn: werkdagen voor de terugmelding aan Veilig Thuis (na de aanmelding en na het afsluiten)"),
        KnownSetting(key: DutySchema.startRvkKey, standard: "\(Norms.standard.dagenStartRvK)", meaning: "termijn: dagen waarin de Raad het onderzoek start"),
        KnownSetting(key: DutySchema.lookAheadKey, standard: "\(Norms.standard.dagenVooruit)",
                     meaning: "termijn: dagen vooruit dat een termijn op de kaart, de agenda en Termijnen staat"),
        KnownSetting(key: "bord.dagen_afgesloten", standard: "\(Norms.standard.closedWindowDays)", meaning: "dagen dat afgesloten zaken op het bord blijven"),
    ] + Norms.wipStages.map {
        KnownSetting(key: Norms.wipKey($0), standard: "0", meaning: "WIP-limiet: open zaken in \($0.title) (0 = geen limiet)")
    } + [
        KnownSetting(key: retentionYearsKey, standard: "\(Retention.defaultYears)", meaning: "bewaartermijn in jaren na de laatste zaak"),
        KnownSetting(key: idleLockMinutesKey, standard: "\(defaultIdleLockMinutes)", meaning: "minuten zonder toets waarna het privacyscherm de namen verbergt (geen slot)"),
        KnownSetting(key: mouseKey, standard: "1", meaning: "muis op het bord: 1 = aan, 0 = uit (dan blijft tekst selecteren in de terminal)"),
    ]

    /// Every stored setting, by key.
    public func settings() throws -> [String: String] {
        try read(Self.settings)
    }

    /// The same, inside a transaction the caller holds.
    static func settings(_ db: any StoreDatabase) throws -> [String: String] {
        try Dictionary(db.rows(sql: "SELECT key, value FROM setting").map { ($0["key"] as String, $0["value"] as String) },
                       uniquingKeysWith: { _, last in last })
    }

    /// Sets one setting (teamleider only). Values are whole numbers from 0 (every setting so far
    /// is a count of days, weeks, months, years or cases); the retention period is at least a year.
    public func setSetting(_ key: String, to value: String) throws {
        let key = key.trimmingWhitespace()
        let value = value.trimmingWhitespace()
        guard !key.isEmpty, key.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "_" }) else {
            throw StoreError.refused("‘\(key)’ is geen geldige naam voor een instelling (kleine letters, cijfers, punt en liggend streepje).")
        }
        guard !Self.internalSettings.contains(key) else { throw StoreError.refused("De instelling ‘\(key)’ wordt door Beschermbord zelf bijgehouden.") }
        guard Self.knownSettings.contains(where: { $0.key == key }) else {
            throw StoreError.refused("‘\(key)’ is geen instelling; kies uit: \(Self.knownSettings.map(\.key).joined(separator: ", ")).")
        }
        guard let number = Int(value), number >= 0, number <= 100_000 else {
            throw StoreError.refused("‘\(value)’ is geen geldige waarde voor \(key): geef een heel getal vanaf 0.")
        }
        if key == Self.retentionYearsKey && number < 1 {
            throw StoreError.refused("De bewaartermijn is minstens 1 jaar (de Jeugdwet noemt 20 jaar).")
        }
        if key == Self.mouseKey && number > 1 {
            throw StoreError.refused("‘\(value)’ is geen geldige waarde voor \(key): 1 = aan, 0 = uit.")
        }
        if key == Self.idleLockMinutesKey && number < 1 {
            throw StoreError.refused("Het privacyscherm verbergt de namen na minstens 1 minuut zonder toets; een bord dat de namen nooit verbergt kan niet.")
        }
        try write { db in
            try self.requireStaff(db, for: .editSettings)
            let old = try db.value(String.self, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key])
            guard old != String(number) else { return }
            // An upsert keeps the record's row id, by which the log knows it (CoveredTables.swift).
            try db.execute(sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [key, String(number)])
            try self.appendEvent(db, caseID: nil, familyID: nil, kind: .instellingGewijzigd, from: nil, to: nil, day: Clock.today(),
                                 detail: "\(key): \(old ?? "standaard") → \(number)")
        }
    }

    /// Minutes without a key before a board locks its screen (at least 1).
    public func idleLockMinutes() throws -> Int {
        try read { db in
            let stored = try db.value(String.self, sql: "SELECT value FROM setting WHERE key = ?", arguments: [Self.idleLockMinutesKey]).flatMap { Int($0) }
            return stored.map { max(1, $0) } ?? Self.defaultIdleLockMinutes
        }
    }

    /// Whether the board takes the mouse (setting `bord.muis`, on unless a teamleider set 0).
    public func mouseEnabled() throws -> Bool {
        try read { db in
            try db.value(String.self, sql: "SELECT value FROM setting WHERE key = ?", arguments: [Self.mouseKey]) != "0"
        }
    }

    /// The retention period in years.
    public func retentionYears() throws -> Int {
        try read { db in try Self.retentionYears(db) }
    }

    static func retentionYears(_ db: any StoreDatabase) throws -> Int {
        let stored = try db.value(String.self, sql: "SELECT value FROM setting WHERE key = ?", arguments: [retentionYearsKey]).flatMap { Int($0) }
        return stored.map { max(1, $0) } ?? Retention.defaultYears
    }
}
