import BoardCore
import Foundation
import GRDB
import Testing
@testable import BoardStore

/// Shared between the test and a writer thread.
final class Outcome: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Result<Void, Error>?
    private var started: Date?
    private var finished: Date?

    func start() { lock.withLock { started = Date() } }
    func finish(_ result: Result<Void, Error>) { lock.withLock { value = result; finished = Date() } }
    var result: Result<Void, Error>? { lock.withLock { value } }
    var startedAt: Date? { lock.withLock { started } }
    var finishedAt: Date? { lock.withLock { finished } }
}

@Suite("Several users at once")
struct ConcurrencyTests {
    let today = day(2025, 6, 30)

    /// A writer that finds another connection in the middle of a write transaction waits for it
    /// (busy timeout) and then succeeds, instead of failing with "database is locked".
    @Test func writerWaitsForAnotherWriterAndThenSucceeds() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("bord.sqlite")
        let anouk = try Store(path: path, user: "anouk")
        try anouk.addStaff(StaffMember(name: "karim", displayName: "Karim", role: .medewerker))
        try anouk.addReport(report("2025-0001"))

        let outcome = Outcome()
        let finished = DispatchSemaphore(value: 0)
        let aboutToWrite = DispatchSemaphore(value: 0)
        let holder = try DatabaseQueue(path: path)
        var commitAt = Date.distantPast
        try holder.writeWithoutTransaction { db in
            // A colleague's long save: the write lock is held until COMMIT.
            try db.execute(sql: "BEGIN IMMEDIATE")
            try db.execute(sql: "INSERT INTO setting (key, value) VALUES ('houder', '1')")
            Thread.detachNewThread {
                do {
                    let karim = try Store(path: path, user: "karim")
                    aboutToWrite.signal()
                    outcome.start()
                    outcome.finish(Result { try karim.addReport(report("2025-0002", family: "Jansen")) })
                } catch {
                    aboutToWrite.signal()
                    outcome.finish(.failure(error))
                }
                finished.signal()
            }
            aboutToWrite.wait()
            // While the lock is held, karim's save neither completes nor fails: it waits.
            #expect(finished.wait(timeout: .now() + 0.5) == .timedOut, "the second writer must wait, not fail")
            #expect(outcome.result == nil)
            commitAt = Date()
            try db.execute(sql: "COMMIT")
        }
        try holder.close()
        finished.wait()
        switch outcome.result {
        case .success?: break
        case .failure(let error)?: Issue.record("the waiting writer failed: \(error)")
        case nil: Issue.record("no outcome")
        }
        let started = try #require(outcome.startedAt)
        let done = try #require(outcome.finishedAt)
        #expect(started < commitAt && done >= commitAt, "karim's save began before the commit and ended after it")
        let kenmerken = try anouk.boardCases(today: today, closedWindowDays: nil).map(\.kenmerk).sorted()
        #expect(kenmerken == ["2025-0001", "2025-0002"])
        #expect(try anouk.settings()["houder"] == "1", "the colleague's save is kept too")
        // That save is plain SQL, so the log rightly does not know its setting; nothing else is amiss.
        let problems = try IntegrityCheck.run(path: path).sections.flatMap(\.problems)
        #expect(problems.count == 1 && problems.first?.hasPrefix("instelling houder (nu waarde 1) staat niet in het logboek") == true, "\(problems)")
    }

    /// Two stores (as two programs) append alternately: each transaction reads the chain's tip
    /// afresh, so the chain stays whole.
    @Test func interleavedWritersKeepOneChain() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("bord.sqlite")
        let anouk = try Store(path: path, user: "anouk")
        try anouk.addStaff(StaffMember(name: "karim", displayName: "Karim", role: .medewerker))
        let karim = try Store(path: path, user: "karim")
        for number in 1...20 {
            let store = number % 2 == 0 ? anouk : karim
            let id = try store.addReport(report("2025-\(1000 + number)"))
            _ = try (number % 3 == 0 ? anouk : karim).details(of: id, logOpening: true)
        }
        let check = try IntegrityCheck.run(path: path)
        #expect(check.isHealthy, "\(check.sections.filter { !$0.isHealthy })")
        #expect(check.section(IntegrityCheck.chainTitle)?.summary.hasPrefix("in orde (42 gebeurtenissen") == true)
    }

    /// Every change of a case raises its version, also a path that forgets to (the trigger), so
    /// a colleague's stale edit is refused rather than silently overwriting.
    @Test func everyChangeOfACaseRaisesItsVersion() throws {
        let scratch = try ScratchDirectory()
        let store = try Store(path: scratch.file("bord.sqlite"), user: "anouk")
        let id = try store.addReport(report("2025-0001"))
        func version() throws -> Int { try store.details(of: id, logOpening: false).summary.version }
        #expect(try version() == 1)
        try store.move(MoveRequest(caseID: id, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2025, 3, 5)), today: today)
        #expect(try version() == 2)
        _ = try store.details(of: id, logOpening: true)
        #expect(try version() == 2, "opening is no change")
        try store.pool.write { db in
            try db.execute(sql: "UPDATE \"case\" SET medewerker = 'Rachid Bouzid' WHERE id = ?", arguments: [id])
        }
        #expect(try version() == 3, "a path that forgot to raise the version still does")
        try store.pool.write { db in
            try db.execute(sql: "UPDATE \"case\" SET medewerker = 'Sanne', version = version + 1 WHERE id = ?", arguments: [id])
        }
        #expect(try version() == 4, "raised once, not twice")
        let stale = storeError {
            try store.move(MoveRequest(caseID: id, expectedVersion: 2, from: .onderzoek, to: .veiligheidGewaarborgd, day: day(2025, 3, 9),
                                       text: "ok"), today: today)
        }
        guard case .changedMeanwhile? = stale else {
            Issue.record("a stale version must be refused, got \(String(describing: stale))")
            return
        }
    }
}
