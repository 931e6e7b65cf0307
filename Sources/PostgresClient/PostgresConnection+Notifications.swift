import CLibpq
import Foundation

/// A NOTIFY that reached this connection.
public struct PostgresNotification: Equatable, Sendable {
    public let channel: String
    public let payload: String
    /// The server process of the session that sent it (compare with your own to skip echoes).
    public let senderProcessID: Int32
}

/// LISTEN/NOTIFY: the server pushes changes to waiting sessions, so nobody polls the tables.
extension PostgresConnection {
    public func listen(_ channel: String) throws(PostgresError) {
        try executeScript("LISTEN \(try quotedIdentifier(channel))")
        listenedChannels.insert(channel)
    }

    public func unlisten(_ channel: String) throws(PostgresError) {
        try executeScript("UNLISTEN \(try quotedIdentifier(channel))")
        listenedChannels.remove(channel)
    }

    /// Sends a notification; inside a transaction it is delivered at COMMIT (and not at all
    /// after a rollback).
    public func notify(_ channel: String, payload: String = "") throws(PostgresError) {
        try execute("SELECT pg_notify($1, $2)", [channel, payload])
    }

    /// This session's server process, as `PostgresNotification.senderProcessID` names it.
    public var backendProcessID: Int32 {
        PQbackendPID(connection)
    }

    /// The notifications that arrive within `timeout` seconds: returns as soon as there are
    /// any (all that have arrived), or [] when the time is up. Waits in poll() on the socket.
    public func waitForNotifications(timeout: Double) throws(PostgresError) -> [PostgresNotification] {
        let deadline = ContinuousClock.now + .seconds(max(timeout, 0))
        while true {
            guard isAlive else {
                throw .connectionLost
            }
            let arrived = takeNotifications()
            if !arrived.isEmpty { return arrived }
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { return [] }
            // Rounded up: returning before the deadline would ask the caller to wait again.
            let parts = remaining.components
            let milliseconds = parts.seconds * 1000 + (parts.attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
            var socket = pollfd(fd: PQsocket(connection), events: Int16(POLLIN), revents: 0)
            guard socket.fd >= 0 else { throw .connectionLost }
            // Other traffic (a notice, a parameter change) also wakes poll: the loop reads it
            // and waits for the rest of the time.
            if poll(&socket, 1, Int32(clamping: milliseconds)) < 0 && errno != EINTR {
                throw .connectionLost
            }
        }
    }

    /// The notifications libpq has read so far.
    private func takeNotifications() -> [PostgresNotification] {
        var notifications: [PostgresNotification] = []
        while let notify = PQnotifies(connection) {
            notifications.append(PostgresNotification(channel: String(cString: notify.pointee.relname),
                                                      payload: String(cString: notify.pointee.extra),
                                                      senderProcessID: notify.pointee.be_pid))
            PQfreemem(notify)
        }
        return notifications
    }
}
