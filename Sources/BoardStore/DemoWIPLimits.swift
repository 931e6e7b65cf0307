import BoardCore
import GRDB

/// WIP limits for a demo store, so a newcomer sees them in the column headers at once: room to
/// spare in Aangemeld and at the Beschermtafel, and Onderzoek just over its limit.
enum DemoWIPLimits {
    static func set(_ db: any StoreDatabase) throws {
        for stage in Norms.wipStages {
            let open = try db.value(Int.self, sql: "SELECT COUNT(*) FROM \"case\" WHERE stage = ? AND closed_on IS NULL",
                                        arguments: [stage.rawValue]) ?? 0
            guard open > 1 else { continue }
            let limit = stage == .onderzoek ? open - 1 : open + max(2, open / 4)
            try db.execute(sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [Norms.wipKey(stage), String(limit)])
        }
    }
}
