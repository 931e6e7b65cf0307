import BoardCore
import Foundation
import GRDB
import Testing
@testable import BoardStore

/// A flag another thread can read.
private final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false
    private var written = 0
    private var failure: String?

    var isStopped: Bool { lock.withLock { stopped } }
    func stop() { lock.withLock { stopped = true } }
    func wrote() { lock.withLock { written += 1 } }
    var count: Int { lock.withLock { written } }
    func fail(_ message: String) { lock.withLock { failure = message } }
    var error: String? { lock.withLock { failure } }
}

@Suite("Backup: an online, consistent copy")
struct BackupTests {
    let today = day(2025, 6, 30)

    @Test func backupWhileAColleagueKeepsWriting() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("bord.sqlite")
        let store = try DemoStore.create(path: path, families: 200, seed: 3, today: today, user: "demo")
        let before = try store.boardCases(today: today, closedWindowDays: nil).count

        // A second store instance (as another program) writes reports in a loop on another thread.
        let flag = StopFlag()
        let done = DispatchSemaphore(value: 0)
        let started = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            defer { done.signal() }
            do {
                let colleague = try Store(path: path, user: "demo")
                var number = 0
                started.signal()
                while !flag.isStopped {
                    number += 1
                    try colleague.addReport(NewReport(kenmerk: "LUS-\(number)", reportedOn: day(2025, 6, 1), source: .jeugdteam,
                                                      familyName: "Gezin \(number)", wijk: "Poelenburg", medewerker: "",
                                                      children: [Child(firstName: "Kind", birthDate: day(2020, 1, 1))]))
                    flag.wrote()
                }
            } catch {
                started.signal()
                flag.fail("\(error)")
            }
        }
        started.wait()
        while flag.count < 5 && flag.error == nil { usleep(1000) }

        var copies: [String] = []
        for index in 1...3 {
            let destination = scratch.file("kopie-\(index).sqlite")
            let size = try store.backup(to: destination)
            #expect(size > 0 && size == Int64(bytes(destination)?.count ?? -1))
            copies.append(destination)
        }
        flag.stop()
        done.wait()
        #expect(flag.error == nil, "\(flag.error ?? "")")
        #expect(flag.count >= 5, "the colleague really wrote during the backups")

        for copy in copies {
            #expect(permissions(copy) == 0o600)
            #expect(!FileManager.default.fileExists(atPath: copy + "-wal"), "one self-contained file")
            let queue = try DatabaseQueue(path: copy)
            try queue.read { db in
                #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
                #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "delete")
                let cases = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \"case\"") ?? 0
                let events = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event WHERE kind = 'aangemeld'") ?? 0
                #expect(cases >= before)
                #expect(events == cases, "consistent: every case with its first event, nothing half-written")
            }
            try queue.close()
            // The copy is a working store.
            let reopened = try Store(path: copy, user: "controle")
            #expect(try reopened.boardCases(today: today, closedWindowDays: nil).count >= before)
            #expect(try reopened.isDemo())
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.hasSuffix(".tmp") }.isEmpty)
    }

    @Test func refusesToOverwriteUnlessForced() throws {
        let scratch = try ScratchDirectory()
        let store = try Store(path: scratch.file("bord.sqlite"), user: "anouk")
        try store.addReport(report("2025-0001"))
        let destination = scratch.file("kopie.sqlite")
        let original = Data("iets anders".utf8)
        try original.write(to: URL(fileURLWithPath: destination))

        let error = storeError { try store.backup(to: destination) }
        #expect(error == .refused("\(destination) bestaat al en wordt niet overschreven; kies een andere naam of gebruik --force."))
        #expect(bytes(destination) == original)

        try store.backup(to: destination, overwrite: true)
        #expect(bytes(destination)?.prefix(15) == Data("SQLite format 3".utf8))
        #expect(permissions(destination) == 0o600)
        let copy = try Store(path: destination, user: "controle")
        #expect(try copy.boardCases(today: today, closedWindowDays: nil).map(\.kenmerk) == ["2025-0001"])
    }

    @Test func refusesTheStoreItselfAndAMissingDirectory() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("bord.sqlite")
        let store = try Store(path: path, user: "anouk")
        #expect(storeError { try store.backup(to: path, overwrite: true) }
                == .refused("\(path) is de opslag zelf; kies een ander pad voor de reservekopie."))
        let missing = scratch.file("nergens/kopie.sqlite")
        #expect(storeError { try store.backup(to: missing) } == .refused("De map \(scratch.file("nergens")) bestaat niet."))
    }
}
