import Foundation
import PostgresClient

/// What an open board learns of its colleagues' changes on a server store: the server announces
/// every commit that changes a board (`ServerSchema.boardChannel`) to this session of its own,
/// and asking means reading what has arrived on the socket: no query, no polling of the server.
final class ServerChangeListener: @unchecked Sendable {
    private let address: ServerAddress
    private let lock = NSLock()
    private var connection: PostgresConnection?
    /// Counts the announcements heard (and the times listening began anew).
    private var heard: Int64 = 0

    init(_ address: ServerAddress) {
        self.address = address
    }

    /// A number that changes when a colleague may have changed the board since the last ask:
    /// after an announcement, and when listening (re)starts, since changes made while no one
    /// listened were not announced to this board.
    func token() throws -> Int64 {
        try listen(waiting: 0).token
    }

    /// The announcements that arrive within `seconds` (returning at the first), and the token
    /// after them.
    @discardableResult
    func listen(waiting seconds: Double) throws -> (announcements: Int, token: Int64) {
        try lock.withLock { () throws -> (announcements: Int, token: Int64) in
            do {
                if connection == nil {
                    let fresh = try ServerConnection.open(address)
                    try fresh.listen(ServerSchema.boardChannel)
                    connection = fresh
                    heard += 1
                }
                let arrived = try connection!.waitForNotifications(timeout: seconds).count
                if arrived > 0 { heard += 1 }
                return (arrived, heard)
            } catch let error as PostgresError {
                connection = nil
                throw ServerConnection.storeError(error, at: address)
            } catch {
                connection = nil
                throw error
            }
        }
    }
}
