import BoardCore
import Foundation

extension IntegrityCheck {
    /// `check` of a server store: its copy from one consistent snapshot (ServerToFileBackup),
    /// written into a temporary directory that this check makes and removes again, is checked as
    /// a file store is: the chain, every record against the log, the cases' columns, the dates.
    /// The report names the server. The server's own storage is the administrator's to check.
    public static func run(server: ServerAddress, head: ChainHead? = nil) throws -> IntegrityReport {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("beschermbord-controle-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            throw StoreError.writeFailed("de tijdelijke map voor de controle kan niet worden gemaakt: \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent("kopie.sqlite").path
        _ = try ServerToFileBackup.backup(server, to: copy, overwrite: false)
        var report = try run(path: copy, head: head)
        report.path = server.description
        report.notes.append("gecontroleerd op een kopie uit één momentopname van de server; "
                            + "\(sqliteTitle) gaat over die kopie, de opslag van de server zelf bewaakt de beheerder")
        return report
    }
}
