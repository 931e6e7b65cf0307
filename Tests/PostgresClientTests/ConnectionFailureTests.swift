import Foundation
import PostgresClient
import PostgresTestSupport
import Testing

/// A connection attempt's error, or nil when it connected.
private func connectionError(_ uri: String) -> PostgresError? {
    do {
        _ = try PostgresConnection(uri: uri)
        return nil
    } catch {
        return error
    }
}

/// Failures that need no server.
struct ConnectionFailureWithoutServerTests {
    @Test func aSocketDirectoryWithoutAServerIsUnreachable() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("pg-leeg-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: empty) }
        let error = connectionError("postgresql:///bord?host=\(empty.path)")
        guard case .unreachable(let message) = error else {
            Issue.record("expected unreachable, got \(String(describing: error))")
            return
        }
        #expect(message.contains(empty.path))
    }

    @Test func aClosedPortIsUnreachable() {
        guard case .unreachable = connectionError("postgresql://127.0.0.1:1/bord?connect_timeout=5") else {
            Issue.record("expected unreachable")
            return
        }
    }

    @Test(arguments: ["postgresql:///bord?geen_optie=1", "postgresql://[::1/bord", "/home/marit/bord.sqlite"])
    func anUnparsableURIIsInvalid(uri: String) {
        guard case .invalidURI = connectionError(uri) else {
            Issue.record("expected invalidURI for \(uri), got \(String(describing: connectionError(uri)))")
            return
        }
    }
}

@Suite(.needsServer)
struct ConnectionFailureTests {
    let uri: String
    let admin: PostgresConnection

    init() throws {
        uri = try TestCluster.shared.makeDatabase(name: "failure")
        admin = try PostgresConnection(uri: TestCluster.shared.superuserURI)
    }

    /// The test database's URI with one query option replaced.
    private func uri(database: String? = nil, user: String? = nil) throws -> String {
        var parts = try #require(URLComponents(string: uri))
        if let database { parts.path = "/" + database }
        if let user { parts.queryItems = parts.queryItems?.map { $0.name == "user" ? URLQueryItem(name: "user", value: user) : $0 } }
        return try #require(parts.string)
    }

    @Test func aMissingDatabaseIsDatabaseMissing() throws {
        let error = connectionError(try uri(database: "bestaat_niet"))
        guard case .databaseMissing(let message) = error else {
            Issue.record("expected databaseMissing, got \(String(describing: error))")
            return
        }
        #expect(message.contains("bestaat_niet"))
    }

    @Test func anUnknownRoleIsLoginRefused() throws {
        let error = connectionError(try uri(user: "onbekende_rol"))
        guard case .loginRefused(let message) = error else {
            Issue.record("expected loginRefused, got \(String(describing: error))")
            return
        }
        #expect(message.contains("onbekende_rol"))
    }

    @Test func theSessionUserIsTheServersLoginNotTheEnvironments() throws {
        let role = "marit_\(UUID().uuidString.prefix(6).lowercased())"
        try admin.executeScript("CREATE ROLE \"\(role)\" LOGIN")
        let connection = try PostgresConnection(uri: try uri(user: role))
        #expect(try connection.sessionUser == role)
        #expect(try PostgresConnection(uri: uri).sessionUser == TestCluster.superuser)
    }

    @Test func aTerminatedBackendIsConnectionLostAndReconnectRestoresTheSession() throws {
        let connection = try PostgresConnection(uri: uri)
        try connection.listen("bord")
        // The timeout makes pg_terminate_backend wait until the backend is gone.
        let terminated = try admin.execute("SELECT pg_terminate_backend($1, 10000)", [connection.backendProcessID])
        #expect(terminated.bool(row: 0, column: 0) == true)

        #expect(throws: PostgresError.connectionLost) { try connection.execute("SELECT 1") }
        #expect(!connection.isConnected)

        try connection.reconnect()
        #expect(connection.isConnected)
        #expect(try connection.execute("SELECT 41 + 1").int(row: 0, column: 0) == 42)
        // Listening survives the reconnect.
        let sender = try PostgresConnection(uri: uri)
        try sender.notify("bord", payload: "na herverbinden")
        #expect(try connection.waitForNotifications(timeout: 10).map(\.payload) == ["na herverbinden"])
    }

    @Test func waitingOnATerminatedBackendIsConnectionLost() throws {
        let connection = try PostgresConnection(uri: uri)
        try connection.listen("bord")
        try admin.execute("SELECT pg_terminate_backend($1, 10000)", [connection.backendProcessID])
        #expect(throws: PostgresError.connectionLost) { try connection.waitForNotifications(timeout: 10) }
    }

    @Test func theServerDescriptionNamesSocketAndDatabase() throws {
        let connection = try PostgresConnection(uri: uri)
        let description = connection.serverDescription
        let expected = try #require(PostgresURI.describe(uri))
        #expect(description.host == expected.host)
        #expect(description.database == expected.database)
        #expect(description.host.hasPrefix("/"))
    }
}
