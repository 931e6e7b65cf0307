import BoardCore
import Foundation
import GRDB
import Testing
@testable import BoardStore

@Suite("Store on a real file")
struct StoreTests {
    let today = day(2025, 6, 30)

    @Test(arguments: StoreKind.all) func addReportAndFindEverythingAfterReopening(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let caseID: CaseID
        do {
            let store = try place.open(as: "anouk")
            #expect(store.user == "anouk")
            #expect(kind == .server || store.location == place.location)
            var new = report(" 2025-0001 ", family: "  Özdemir ")
            new.children.append(Child(firstName: " Eliëtte ", birthDate: day(2010, 1, 31)))
            caseID = try store.addReport(new)
        }
        let reopened = try place.open(as: "rachid")
        let cases = try reopened.boardCases(today: today, closedWindowDays: 30)
        #expect(cases.count == 1)
        let card = try #require(cases.first)
        #expect(card.id == caseID)
        #expect(card.kenmerk == "2025-0001")
        #expect(card.familyName == "Özdemir")
        #expect(card.wijk == "Poelenburg")
        #expect(card.source == .veiligThuis)
        #expect(card.reportedOn == day(2025, 3, 3))
        #expect(card.stage == .aangemeld && card.stageSince == day(2025, 3, 3))
        #expect(card.medewerker == "Sanne Kuipers")
        #expect(card.childCount == 3)
        #expect(card.youngestBirthDate == day(2019, 11, 2))
        #expect(card.version == 1)

        let details = try reopened.details(of: caseID, logOpening: false)
        #expect(details.summary == card)
        #expect(details.children == [Child(firstName: "Eliëtte", birthDate: day(2010, 1, 31)),
                                     Child(firstName: "Zoë", birthDate: day(2016, 4, 12)),
                                     Child(firstName: "Daan", birthDate: day(2019, 11, 2))], "oldest first, names trimmed")
        #expect(details.events.count == 1)
        let event = try #require(details.events.first)
        #expect(event.kind == .aangemeld && event.user == "anouk" && event.caseID == caseID)
        #expect(event.fromStage == nil && event.toStage == .aangemeld && event.day == day(2025, 3, 3))
        #expect(event.detail == "bron Veilig Thuis; kinderen: Zoë, Daan, Eliëtte")
        #expect(event.recordedAt.hasSuffix("Z") && event.recordedAt.count == 24)
        #expect(try reopened.norms() == .standard)
    }

    @Test(arguments: StoreKind.all) func everyChangeWritesAnEvent(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let store = try TestStore(kind, in: scratch).open(as: "anouk")
        let token0 = try store.changeToken()
        let id = try store.addReport(report("2025-0001", reportedOn: day(2025, 3, 3)))
        let token1 = try store.changeToken()
        #expect(token1 > token0)

        try store.move(MoveRequest(caseID: id, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2025, 3, 5)), today: today)
        try store.move(MoveRequest(caseID: id, expectedVersion: 2, from: .onderzoek, to: .beschermtafel, day: day(2025, 4, 20),
                                   text: "zorgen blijven", requester: .jeugdteam), today: today)
        try store.move(MoveRequest(caseID: id, expectedVersion: 3, from: .beschermtafel, to: .onderzoek, day: day(2025, 4, 21),
                                   text: "te vroeg ingebracht"), today: today)
        let token2 = try store.changeToken()
        #expect(token2 > token1)

        let quiet = try store.details(of: id, logOpening: false)
        #expect(try store.changeToken() == token2, "reading without logging writes nothing")
        #expect(quiet.summary.stage == .onderzoek && quiet.summary.stageSince == day(2025, 4, 21) && quiet.summary.version == 4)
        #expect(quiet.events.map(\.kind) == [.aangemeld, .verplaatst, .verplaatst, .gecorrigeerd])
        #expect(quiet.events.map(\.fromStage) == [nil, .aangemeld, .onderzoek, .beschermtafel])
        #expect(quiet.events.map(\.toStage) == [.aangemeld, .onderzoek, .beschermtafel, .onderzoek])
        #expect(quiet.events.map(\.day) == [day(2025, 3, 3), day(2025, 3, 5), day(2025, 4, 20), day(2025, 4, 21)])
        #expect(quiet.events[2].detail == "ingebracht door Jeugdteam; zorgen blijven")
        #expect(quiet.events[3].detail == "te vroeg ingebracht")
        #expect(quiet.events.allSatisfy { $0.user == "anouk" && $0.caseID == id })

        let opened = try store.details(of: id, logOpening: true)
        #expect(opened.events.count == 4, "the returned details are those from before the opening")
        #expect(try store.changeToken() > token2)
        let after = try store.details(of: id, logOpening: false)
        let last = try #require(after.events.last)
        #expect(after.events.count == 5)
        #expect(last.kind == .geopend && last.user == "anouk" && last.fromStage == nil && last.toStage == nil)
        #expect(after.summary.version == 4, "opening a dossier is no change of the case")

        // The opening is not a transition: a correction still knows where the case came from.
        try store.move(MoveRequest(caseID: id, expectedVersion: 4, from: .onderzoek, to: .veiligheidGewaarborgd, day: day(2025, 5, 1),
                                   text: "Ouders werken mee"), today: today)
        _ = try store.details(of: id, logOpening: true)
        try store.move(MoveRequest(caseID: id, expectedVersion: 5, from: .veiligheidGewaarborgd, to: .onderzoek, day: day(2025, 5, 2),
                                   text: "conclusie te vroeg"), today: today)
        #expect(try store.details(of: id, logOpening: false).summary.stage == .onderzoek)
    }

    @Test(arguments: StoreKind.all) func twoColleaguesAtOnce(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let anouk = try place.open(as: "anouk")
        let rachid = try place.open(as: "rachid")
        // anouk made the store, so she is teamleider; rachid may change cases once she adds him.
        try anouk.addStaff(StaffMember(name: "rachid", displayName: "Rachid Bouzid", role: .medewerker))

        let id = try anouk.addReport(report("2025-0042"))
        let seenByRachid = try rachid.boardCases(today: today, closedWindowDays: 30)
        #expect(seenByRachid.map(\.kenmerk) == ["2025-0042"], "rachid sees anouk's report")
        #expect(try rachid.changeToken() == anouk.changeToken())

        // Both look at version 1; rachid moves first.
        try rachid.move(MoveRequest(caseID: id, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2025, 3, 4)), today: today)
        let before = try anouk.details(of: id, logOpening: false)
        #expect(before.summary.stage == .onderzoek && before.summary.version == 2, "anouk sees rachid's move")

        let error = storeError {
            try anouk.move(MoveRequest(caseID: id, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2025, 3, 5)), today: today)
        }
        guard case .changedMeanwhile(let kenmerk, let by, let what, let at)? = error else {
            Issue.record("expected changedMeanwhile, got \(String(describing: error))")
            return
        }
        #expect(kenmerk == "2025-0042")
        #expect(by == "Rachid Bouzid", "named as the staff list names him")
        #expect(what == "verplaatst naar Onderzoek")
        #expect(at == Clock.localMoment(try #require(before.events.last).recordedAt), "rachid's move in the user's zone: \(at)")
        #expect(error?.description.contains("door Rachid Bouzid") == true)
        #expect(error?.description.contains("Er is niets opgeslagen") == true)
        #expect(try anouk.details(of: id, logOpening: false) == before, "the refused move changed nothing")

        // With the fresh version anouk's move goes through, and rachid sees it.
        try anouk.move(MoveRequest(caseID: id, expectedVersion: 2, from: .onderzoek, to: .veiligheidGewaarborgd, day: day(2025, 3, 20),
                                   text: "Ouders werken mee; veiligheidsplan afgesproken"), today: today)
        let card = try #require(rachid.boardCases(today: today, closedWindowDays: nil).first)
        #expect(card.stage == .veiligheidGewaarborgd && card.version == 3)
        #expect(try rachid.details(of: id, logOpening: false).events.last?.user == "anouk")
    }

    @Test(arguments: StoreKind.all) func refusedMoveLeavesTheStoreUnchanged(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let store = try TestStore(kind, in: scratch).open(as: "anouk")
        let id = try store.addReport(report("2025-0001", reportedOn: day(2025, 3, 3)))
        try store.move(MoveRequest(caseID: id, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2025, 3, 10)), today: today)

        func snapshot() throws -> (CaseDetails, [CaseSummary], Int64) {
            (try store.details(of: id, logOpening: false), try store.boardCases(today: today, closedWindowDays: nil), try store.changeToken())
        }
        let before = try snapshot()
        let refusals: [(MoveRequest, String)] = [
            (MoveRequest(caseID: id, expectedVersion: 2, from: .onderzoek, to: .rvkOnderzoek, day: day(2025, 4, 1), text: "advies"),
             "Van Onderzoek kan een zaak alleen naar"),
            (MoveRequest(caseID: id, expectedVersion: 2, from: .onderzoek, to: .veiligheidGewaarborgd, day: day(2025, 4, 1)),
             "Conclusie is verplicht"),
            (MoveRequest(caseID: id, expectedVersion: 2, from: .onderzoek, to: .veiligheidGewaarborgd, day: day(2025, 7, 1), text: "ok"),
             "ligt in de toekomst"),
            (MoveRequest(caseID: id, expectedVersion: 2, from: .onderzoek, to: .veiligheidGewaarborgd, day: day(2025, 3, 9), text: "ok"),
             "mag niet vóór"),
            (MoveRequest(caseID: id, expectedVersion: 2, from: .onderzoek, to: .beschermtafel, day: day(2025, 4, 1)),
             "Kies wie de zaak inbrengt"),
            (MoveRequest(caseID: id, expectedVersion: 2, from: .onderzoek, to: .onderzoek, day: day(2025, 4, 1)),
             "staat al in Onderzoek"),
        ]
        for (request, expected) in refusals {
            let error = storeError { try store.move(request, today: today) }
            guard case .refused(let message)? = error else {
                Issue.record("\(request.to): expected a refusal, got \(String(describing: error))")
                continue
            }
            #expect(message.contains(expected), "\(message)")
            let after = try snapshot()
            #expect(after.0 == before.0 && after.1 == before.1 && after.2 == before.2)
        }
        // A request that claims a stale `from` is checked against the stored stage, not trusted.
        let stale = storeError {
            try store.move(MoveRequest(caseID: id, expectedVersion: 2, from: .beschermtafel, to: .rvkOnderzoek, day: day(2025, 4, 1),
                                       text: "advies"), today: today)
        }
        #expect(stale != nil)
        #expect(storeError { try store.move(MoveRequest(caseID: 999, expectedVersion: 1, from: .aangemeld, to: .onderzoek,
                                                        day: day(2025, 4, 1)), today: today) } == .caseNotFound("#999"))
        let after = try snapshot()
        #expect(after.0 == before.0 && after.1 == before.1 && after.2 == before.2)
    }

    @Test(arguments: StoreKind.all) func duplicateKenmerkIsRefused(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let store = try TestStore(kind, in: scratch).open(as: "anouk")
        try store.addReport(report("2025-0001", family: "Jansen"))
        let token = try store.changeToken()
        #expect(storeError { try store.addReport(report("2025-0001", family: "Bakker")) } == .duplicateKenmerk("2025-0001"))
        #expect(storeError { try store.addReport(report("  2025-0001\t", family: "Bakker")) } == .duplicateKenmerk("2025-0001"))
        #expect(StoreError.duplicateKenmerk("2025-0001").description == "Kenmerk 2025-0001 bestaat al; kies een ander kenmerk.")
        #expect(storeError { try store.addReport(report("   ", family: "Bakker")) } == .refused("Kenmerk is verplicht."))
        #expect(storeError { try store.addReport(report("2025-0002", family: " ")) } == .refused("Gezinsnaam is verplicht."))
        let cases = try store.boardCases(today: today, closedWindowDays: nil)
        #expect(cases.map(\.familyName) == ["Jansen"], "no family or case was left behind")
        #expect(try store.changeToken() == token)
        let families = try store.read { db in try db.value(Int.self, sql: "SELECT COUNT(*) FROM family") }
        #expect(families == 1)
    }

    @Test(arguments: StoreKind.all) func suggestKenmerk(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let store = try TestStore(kind, in: scratch).open(as: "anouk")
        #expect(try store.suggestKenmerk(year: 2025) == "2025-0001")
        try store.addReport(report("2025-0001"))
        try store.addReport(report("2025-0007"))
        try store.addReport(report("2024-0100", reportedOn: day(2024, 12, 1)))
        try store.addReport(report("2025-VT12"))
        try store.addReport(report("12025-0050"))
        #expect(try store.suggestKenmerk(year: 2025) == "2025-0008", "one past the highest, not filling gaps")
        #expect(try store.suggestKenmerk(year: 2024) == "2024-0101")
        #expect(try store.suggestKenmerk(year: 2026) == "2026-0001")
        try store.addReport(report("2025-9999"))
        #expect(try store.suggestKenmerk(year: 2025) == "2025-10000")
    }

    @Test(arguments: StoreKind.all) func boardCasesClosedWindow(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let store = try TestStore(kind, in: scratch).open(as: "anouk")
        func add(_ kenmerk: String, _ moves: [(Stage, Day, String, TableRequester?)]) throws -> CaseID {
            let id = try store.addReport(report(kenmerk, reportedOn: day(2025, 1, 6)))
            var stage = Stage.aangemeld
            for (index, (to, when, text, requester)) in moves.enumerated() {
                try store.move(MoveRequest(caseID: id, expectedVersion: index + 1, from: stage, to: to, day: when, text: text,
                                           requester: requester), today: today)
                stage = to
            }
            return id
        }
        let old = try add("2025-0001", [(.onderzoek, day(2025, 1, 10), "", nil), (.veiligheidGewaarborgd, day(2025, 2, 1), "klaar", nil)])
        let edge = try add("2025-0002", [(.onderzoek, day(2025, 1, 10), "", nil), (.veiligheidGewaarborgd, day(2025, 5, 31), "klaar", nil)])
        let justOut = try add("2025-0003", [(.onderzoek, day(2025, 1, 10), "", nil), (.veiligheidGewaarborgd, day(2025, 5, 30), "klaar", nil)])
        let raad = try add("2025-0004", [(.onderzoek, day(2025, 1, 10), "", nil), (.beschermtafel, day(2025, 3, 1), "", .veiligThuis),
                                         (.rvkOnderzoek, day(2025, 6, 20), "Raad onderzoekt", nil)])
        let oldRaad = try add("2025-0005", [(.onderzoek, day(2025, 1, 10), "", nil), (.beschermtafel, day(2025, 2, 1), "", .jeugdteam),
                                            (.rvkOnderzoek, day(2025, 3, 1), "Raad onderzoekt", nil)])
        let open = try add("2025-0006", [(.onderzoek, day(2025, 1, 10), "", nil)])
        let fresh = try add("2025-0007", [])

        // An RvK-onderzoek stays on the board until the Raad's outcome closes the case.
        let windowed = Set(try store.boardCases(today: today, closedWindowDays: 30).map(\.id))
        #expect(windowed == [edge, raad, oldRaad, open, fresh])
        let all = try store.boardCases(today: today, closedWindowDays: nil)
        #expect(Set(all.map(\.id)) == [old, edge, justOut, raad, oldRaad, open, fresh])
        // The store's window and the board's window agree.
        let board = BoardColumns(cases: all, today: today, closedWindowDays: 30)
        #expect(Set(Stage.allCases.flatMap { board[$0].map(\.id) }) == windowed)
        #expect(Set(try store.boardCases(today: today, closedWindowDays: 0).map(\.id)) == [raad, oldRaad, open, fresh])
    }
}

@Suite("Opening files that are not (our) stores")
struct StoreFileTests {
    @Test func textFileIsRefusedAndUntouched() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("notities.txt")
        let content = Data("Dit is geen database.\nGezin de Vries: bellen.\n".utf8)
        #expect(FileManager.default.createFile(atPath: path, contents: content))
        #expect(storeError { _ = try Store(path: path, user: "anouk") } == .notADatabase(path: path))
        #expect(bytes(path) == content)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal") && !FileManager.default.fileExists(atPath: path + "-shm"))
        #expect(StoreError.notADatabase(path: path).description.contains("niet gewijzigd"))
    }

    @Test func shortFileIsRefusedAndUntouched() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("kort")
        #expect(FileManager.default.createFile(atPath: path, contents: Data("SQLite".utf8)))
        #expect(storeError { _ = try Store(path: path, user: "anouk") } == .notADatabase(path: path))
        #expect(bytes(path) == Data("SQLite".utf8))
    }

    @Test func emptyFileIsRefusedAndUntouched() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("leeg.sqlite")
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        #expect(storeError { _ = try Store(path: path, user: "anouk") } == .emptyFile(path: path))
        #expect(bytes(path) == Data())
    }

    @Test func otherProgramsSQLiteFileIsRefusedAndUntouched() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("ander.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(sql: "CREATE TABLE recept (id INTEGER PRIMARY KEY, naam TEXT); INSERT INTO recept (naam) VALUES ('erwtensoep')")
            }
            try queue.close()
        }
        let before = try #require(bytes(path))
        #expect(storeError { _ = try Store(path: path, user: "anouk") } == .foreignDatabase(path: path))
        #expect(bytes(path) == before, "not one byte changed (not even the journal mode)")
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func otherProgramsApplicationIDIsRefused() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("leeg-ander.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in try db.execute(sql: "PRAGMA application_id = 12345") }
            try queue.close()
        }
        let before = try #require(bytes(path))
        #expect(storeError { _ = try Store(path: path, user: "anouk") } == .foreignDatabase(path: path))
        #expect(bytes(path) == before)
    }

    @Test func directoryIsRefused() throws {
        let scratch = try ScratchDirectory()
        guard case .cannotOpen(let path, _)? = storeError({ _ = try Store(path: scratch.path, user: "anouk") }) else {
            Issue.record("a directory must be refused")
            return
        }
        #expect(path == scratch.path)
    }

    /// A store path that is a link to nothing: refused with the link and its target named, never
    /// removed, and no store made at the target through it.
    @Test func aLinkToNothingIsRefusedAndKept() throws {
        let scratch = try ScratchDirectory()
        let link = scratch.file("bord.sqlite")
        let target = scratch.file("weg/bord.sqlite")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        for open in [{ _ = try Store(path: link, user: "anouk") }, { _ = try StoreDraft.begin(path: link, user: "anouk") }] {
            guard case .cannotOpen(let path, let reason)? = storeError(open) else {
                Issue.record("a link to nothing must be refused")
                continue
            }
            #expect(path == link)
            #expect(reason.contains("verwijzing naar \(target)"), "\(reason)")
        }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["bord.sqlite"], "nothing made beside it or at its target")
    }

    @Test func newerSchemaIsRefusedAndUntouched() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("bord.sqlite")
        do {
            let store = try Store(path: path, user: "anouk")
            try store.addReport(report("2025-0001"))
        }
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-uit-de-toekomst')")
            }
            try queue.close()
        }
        let before = try #require(bytes(path))
        #expect(storeError { _ = try Store(path: path, user: "anouk") } == .newerSchema(path: path))
        #expect(bytes(path) == before)
        #expect(StoreError.newerSchema(path: path).description.contains("nieuwere versie"))
    }

    @Test func newStoreIsPrivate() throws {
        let scratch = try ScratchDirectory()
        let directory = scratch.file("team/beschermbord")
        let path = (directory as NSString).appendingPathComponent("bord.sqlite")
        let store = try Store(path: path, user: "anouk")
        try store.addReport(report("2025-0001"))
        #expect(permissions(path) == 0o600)
        #expect(permissions(directory) == 0o700)
        for side in [path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: side) {
            #expect(permissions(side) == 0o600, "\(side)")
        }
    }

    @Test func existingStoreKeepsItsPermissions() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("bord.sqlite")
        do { _ = try Store(path: path, user: "anouk") }
        #expect(chmod(path, 0o640) == 0, "a team may share the store through a group")
        _ = try Store(path: path, user: "rachid")
        #expect(permissions(path) == 0o640)
    }
}
