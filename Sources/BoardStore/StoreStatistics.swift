import GRDB

/// How big a store is: for `beschermbord bench` and for anyone who wants to know.
public struct StoreStatistics: Equatable, Sendable {
    public var families: Int
    public var cases: Int
    public var events: Int
}

extension Store {
    public func statistics() throws -> StoreStatistics {
        try read { db in
            StoreStatistics(families: try db.value(Int.self, sql: "SELECT COUNT(*) FROM family") ?? 0,
                            cases: try db.value(Int.self, sql: "SELECT COUNT(*) FROM \"case\"") ?? 0,
                            events: try db.value(Int.self, sql: "SELECT COUNT(*) FROM event") ?? 0)
        }
    }
}
