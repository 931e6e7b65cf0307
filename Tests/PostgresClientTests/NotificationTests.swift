import PostgresClient
import PostgresTestSupport
import Testing

@Suite(.needsServer)
struct NotificationTests {
    let listener: PostgresConnection
    let sender: PostgresConnection

    init() throws {
        let uri = try TestCluster.shared.makeDatabase(name: "notify")
        listener = try PostgresConnection(uri: uri)
        sender = try PostgresConnection(uri: uri)
    }

    @Test func aNotificationReachesAListeningConnectionWithItsPayload() throws {
        try listener.listen("bord")
        try sender.notify("bord", payload: "zaak 12 — Öztürk ĳ; 'quote' $1")
        let arrived = try listener.waitForNotifications(timeout: 10)
        #expect(arrived.map(\.channel) == ["bord"])
        #expect(arrived.map(\.payload) == ["zaak 12 — Öztürk ĳ; 'quote' $1"])
        #expect(arrived.map(\.senderProcessID) == [sender.backendProcessID])
    }

    @Test func nothingArrivesWithinTheTimeoutWhenNothingIsSent() throws {
        try listener.listen("bord")
        try sender.notify("ander-kanaal", payload: "niet voor jou")
        let clock = ContinuousClock()
        var arrived: [PostgresNotification] = []
        let waited = try clock.measure { arrived = try listener.waitForNotifications(timeout: 0.2) }
        #expect(arrived.isEmpty)
        #expect(waited >= .milliseconds(200))
        #expect(waited < .seconds(2))
    }

    @Test func aNotificationInARolledBackTransactionIsNeverDelivered() throws {
        try listener.listen("bord")
        struct Undo: Error {}
        _ = try? sender.transaction {
            try sender.notify("bord", payload: "teruggedraaid")
            throw Undo()
        }
        try sender.notify("bord", payload: "bevestigd")
        let arrived = try listener.waitForNotifications(timeout: 10)
        #expect(arrived.map(\.payload) == ["bevestigd"])
    }
}
