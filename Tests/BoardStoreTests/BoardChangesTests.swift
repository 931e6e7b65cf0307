import BoardCore
import Foundation
import PostgresClient
import PostgresTestSupport
import Testing
@testable import BoardStore

/// A running board brought up to date by the families changed since its last load
/// (Store+BoardChanges.swift): the same cards as reading the whole board again, and no change
/// missed however the writers' commits interleave with the board's reads.
@Suite struct BoardChangesTests {
    private let today = day(2025, 6, 30)
    private let window = 30

    private func wholeBoard(_ store: Store) throws -> [CaseSummary] {
        try store.boardCases(today: today, closedWindowDays: window).sorted { $0.id < $1.id }
    }

    private func familyID(_ store: Store, of caseID: CaseID) throws -> FamilyID {
        try store.details(of: caseID, logOpening: false).summary.familyID
    }

    /// A move, a case closed out of the window, a family renamed, a child added, a new report and
    /// an opening: the changed families' cards put in place of theirs are the whole board read again.
    @Test(arguments: StoreKind.all) func theChangedFamiliesGiveTheBoardThatReadingItAllGives(_ kind: StoreKind) throws {
        let place = try TestStore(kind, in: ScratchDirectory())
        let board = try storeWithSanne(place)
        try board.addStaff(StaffMember(name: "rachid", displayName: "Rachid Bouzid", role: .medewerker))
        let moved = try board.addReport(report("2025-0001", family: "Jansen"))
        let closed = try board.addReport(report("2025-0002", family: "Bakker"))
        try board.move(MoveRequest(caseID: closed, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2025, 3, 10)), today: today)
        let renamed = try board.addReport(report("2025-0003", family: "Smit"))
        let grown = try board.addReport(report("2025-0004", family: "Visser"))
        let untouched = try board.addReport(report("2025-0005", family: "de Boer"))
        let cards = try wholeBoard(board)
        let seen = try board.changeToken()

        let colleague = try place.open(as: "rachid")
        try colleague.move(MoveRequest(caseID: moved, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2025, 6, 1)), today: today)
        try colleague.move(MoveRequest(caseID: closed, expectedVersion: 2, from: .onderzoek, to: .veiligheidGewaarborgd, day: day(2025, 4, 1),
                                       text: "afspraken nagekomen"), today: today)
        try colleague.apply(.editFamily(try familyID(board, of: renamed), seen: SeenCase(caseID: renamed, version: 1),
                                        name: "Smit-de Jong", address: "Kerkstraat 1", wijk: "Noord"), today: today)
        try colleague.apply(.addChild(try familyID(board, of: grown), seen: SeenCase(caseID: grown, version: 1),
                                      ChildRecord(firstName: "Noor", birthDate: day(2024, 1, 5))), today: today)
        let added = try colleague.addReport(report("2025-0006", family: "Mulder"))
        _ = try colleague.details(of: untouched, logOpening: true)

        let changes = try #require(try board.boardChanges(after: seen, today: today, closedWindowDays: window))
        let changedFamilies = try [moved, closed, renamed, grown, added].map { try familyID(board, of: $0) }
        #expect(changes.families == Set(changedFamilies), "the opening changed nothing")
        #expect(changes.lastEvent == (try board.changeToken()))
        let updated = changes.applied(to: cards).sorted { $0.id < $1.id }
        #expect(updated == (try wholeBoard(board)))
        #expect(!updated.contains { $0.id == closed } && updated.contains { $0.id == added })

        let none = try #require(try board.boardChanges(after: changes.lastEvent, today: today, closedWindowDays: window))
        #expect(none.families.isEmpty && none.applied(to: updated) == updated)
    }

    /// A change that is about no family (the staff list, whose names are on every card; the
    /// settings) or more changes than the limit: the whole board is read again.
    @Test(arguments: StoreKind.all) func aChangeAboutNoFamilyOrTooManyChangesAskForTheWholeBoard(_ kind: StoreKind) throws {
        let place = try TestStore(kind, in: ScratchDirectory())
        let board = try storeWithSanne(place)
        try board.addReport(report("2025-0001", family: "Jansen"))
        let seen = try board.changeToken()
        try board.addReport(report("2025-0002", family: "Bakker"))
        try board.addReport(report("2025-0003", family: "Smit"))
        #expect(try board.boardChanges(after: seen, today: today, closedWindowDays: window, limit: 2)?.families.count == 2)
        #expect(try board.boardChanges(after: seen, today: today, closedWindowDays: window, limit: 1) == nil)

        let beforeStaff = try board.changeToken()
        try board.updateStaff(StaffMember(name: "sanne", displayName: "Sanne Kuipers", role: .medewerker))
        #expect(try board.boardChanges(after: beforeStaff, today: today, closedWindowDays: window) == nil)
        let beforeSetting = try board.changeToken()
        try board.setSetting("bord.dagen_afgesloten", to: "14")
        #expect(try board.boardChanges(after: beforeSetting, today: today, closedWindowDays: window) == nil)
    }

    /// Two colleagues write while the board reads: the first holds its write open (its event
    /// inserted, not committed) while the second tries to write and the board asks what changed.
    /// Had the second committed first with a higher id (events numbered at insert, writers not
    /// taking turns), the board's next ask, after that id, would miss the first one's change.
    @Test(.needsServer) func aWriteThatCommitsAfterTheBoardReadIsNotMissedHoweverTheWritersInterleave() throws {
        let place = try TestStore(.server, in: ScratchDirectory())
        let board = try storeWithSanne(place)
        try board.addStaff(StaffMember(name: "rachid", displayName: "Rachid Bouzid", role: .medewerker))
        try board.addStaff(StaffMember(name: "karim", displayName: "Karim Benali", role: .medewerker))
        try board.addReport(report("2025-0001", family: "Jansen"))
        nonisolated(unsafe) let first = try place.open(as: "rachid")
        nonisolated(unsafe) let second = try place.open(as: "karim")
        let cards = try wholeBoard(board)
        let seen = try board.changeToken()

        let inserted = DispatchSemaphore(value: 0), commit = DispatchSemaphore(value: 0)
        let firstDone = DispatchSemaphore(value: 0), secondDone = DispatchSemaphore(value: 0)
        let secondFinished = Flag()
        Thread.detachNewThread {
            _ = try? first.write { _ in
                try first.addReport(report("2025-0002", family: "Bakker"))
                inserted.signal()
                commit.wait()
            }
            firstDone.signal()
        }
        inserted.wait()
        Thread.detachNewThread {
            _ = try? second.addReport(report("2025-0003", family: "Smit"))
            secondFinished.set()
            secondDone.signal()
        }
        // The second writer has committed, or waits for the first: no sleep, the server says which.
        let admin = try PostgresConnection(uri: place.location)
        let deadline = Date().addingTimeInterval(20)
        while !secondFinished.isSet, Date() < deadline {
            let waiting = try admin.execute("""
                SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
                    AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                """)
            if waiting.int(row: 0, column: 0) == 1 { break }
        }
        let meanwhile = try #require(try board.boardChanges(after: seen, today: today, closedWindowDays: window))
        commit.signal()
        firstDone.wait()
        secondDone.wait()

        let after = try #require(try board.boardChanges(after: meanwhile.lastEvent, today: today, closedWindowDays: window))
        let updated = after.applied(to: meanwhile.applied(to: cards)).sorted { $0.id < $1.id }
        #expect(updated.map(\.kenmerk) == ["2025-0001", "2025-0002", "2025-0003"])
        #expect(updated == (try wholeBoard(board)))
    }
}

/// A flag one thread sets and another reads.
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
