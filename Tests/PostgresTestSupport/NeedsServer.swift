import Testing

extension Trait where Self == ConditionTrait {
    /// For tests that need the PostgreSQL test cluster: skipped, loudly, where the server
    /// programs are missing, unless BESCHERMBORD_SERVER_TESTS=verplicht (then they fail).
    public static var needsServer: Self {
        .enabled(if: TestCluster.isAvailable, "PostgreSQL-serverprogramma's ontbreken: servertests overgeslagen")
    }
}
