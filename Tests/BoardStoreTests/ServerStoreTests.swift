import BoardCore
import Foundation
import PostgresClient
import PostgresTestSupport
import Testing
@testable import BoardStore

/// The store on a PostgreSQL server (Server/ServerBackend.swift): its writes are logged and
/// covered as on a file, so that a copy passes `check`; what another program changes does not.
@Suite struct ServerStoreTests {
    private let today = day(2025, 6, 30)

    /// The server store copied into `kopie.sqlite` in `scratch`, and what `check` says of the copy.
    private func checkedCopy(of place: TestStore, in scratch: ScratchDirectory) throws -> IntegrityReport {
        let copyPath = scratch.file("kopie.sqlite")
        try ServerToFileBackup.backup(try #require(try ServerAddress(place.location)), to: copyPath, overwrite: false)
        return try IntegrityCheck.run(path: copyPath)
    }

    @Test(.needsServer) func everyCoveredTableNotesItsChangesOnTheServer() throws {
        let place = try TestStore(.server, in: ScratchDirectory())
        let server = try PostgresConnection(uri: place.location)
        let triggers = try server.execute("SELECT tgname FROM pg_trigger WHERE tgname LIKE '%\\_changes\\_%'")
        let names = Set((0..<triggers.rowCount).compactMap { triggers.string(row: $0, column: 0) })
        #expect(names == Set(CoveredTables.all.flatMap { table in ["inserted", "updated", "deleted"].map { "\(table.name)_changes_\($0)" } }))
    }

    /// Reports, moves, a note, a setting and a colleague written on the server: each logged with
    /// the records it wrote, so that the server's copy in a file passes `check`, and shows the
    /// same board.
    @Test(.needsServer) func whatTheRulesWriteOnTheServerIsCoveredAndACopyPassesCheck() throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(.server, in: scratch)
        let store = try place.open(as: "anouk")
        try store.addStaff(StaffMember(name: "rachid", displayName: "Rachid Bouzid", role: .medewerker))
        try store.setSetting("norm.weken_onderzoek", to: "8")
        let id = try store.addReport(report("2025-0001"))
        try store.addReport(report("2025-0002", family: "Jansen"))
        try store.move(MoveRequest(caseID: id, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2025, 3, 5)), today: today)
        try store.move(MoveRequest(caseID: id, expectedVersion: 2, from: .onderzoek, to: .beschermtafel, day: day(2025, 4, 20),
                                   text: "zorgen blijven", requester: .jeugdteam), today: today)
        try store.apply(.addNote(id, Note(text: "Huisbezoek: moeder werkt mee.")), today: today)
        _ = try store.details(of: id, logOpening: true)
        #expect(try store.norms().weeksInOnderzoek == 8)

        let report = try checkedCopy(of: place, in: scratch)
        #expect(report.isHealthy, "\(report.sections.filter { !$0.isHealthy }.map(\.summary))")
        let copy = try Store(path: scratch.file("kopie.sqlite"), user: "anouk")
        #expect(try copy.boardCases(today: today, closedWindowDays: nil).sorted { $0.id < $1.id }
                    == store.boardCases(today: today, closedWindowDays: nil).sorted { $0.id < $1.id })
        #expect(try copy.chainHead() == store.chainHead())
    }

    /// A change made on the server by another program (here the superuser with psql's powers)
    /// is noted by no event: `check` of a copy names it.
    @Test(.needsServer) func aChangeOutsideBeschermbordIsFoundByCheck() throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(.server, in: scratch)
        let store = try place.open(as: "anouk")
        try store.addReport(report("2025-0001", family: "Bakker"))
        let outsider = try PostgresConnection(uri: place.location)
        try outsider.execute("UPDATE beschermbord.family SET name = 'Smit'")

        let report = try checkedCopy(of: place, in: scratch)
        #expect(!report.isHealthy)
        #expect(report.sections.flatMap(\.problems).contains { $0.contains("gezin") }, "\(report.sections.map(\.summary))")
    }

    /// A session the server ended while it was idle (a restart, an administrator) is noticed
    /// before the next read or write, without asking the server, and replaced: the rules go on.
    @Test(.needsServer) func aSessionTheServerEndedIsReplacedBeforeTheNextCall() throws {
        let place = try TestStore(.server, in: ScratchDirectory())
        let store = try place.open(as: "anouk")
        try store.addReport(report("2025-0001"))
        let admin = try PostgresConnection(uri: place.location)
        let database = try #require(try ServerAddress(place.location)).database
        let ended = try admin.execute("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid, 10000)) FROM pg_stat_activity WHERE datname = $1 AND usename = 'anouk'", [database])
        #expect(ended.int(row: 0, column: 0) == 1)

        #expect(try store.boardCases(today: today, closedWindowDays: nil).map(\.kenmerk) == ["2025-0001"])
        try store.addReport(report("2025-0002", family: "Jansen"))
        #expect(try store.boardCases(today: today, closedWindowDays: nil).count == 2)
        let sessions = try admin.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = $1 AND usename = 'anouk'", [database])
        #expect(sessions.int(row: 0, column: 0) == 1, "one new session, not one per call")
    }

    /// An import writes its events with ids given up front (hashed on a second thread); on the
    /// server the next ordinary write still gets a free id, and a copy passes `check`.
    @Test(.needsServer) func anImportOnTheServerIsCoveredAndTheNextWriteGoesOn() throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(.server, in: scratch)
        let store = try place.open(as: "anouk")
        try store.addStaff(StaffMember(name: "skuipers", displayName: "Sanne Kuipers", role: .medewerker))
        let csv = ["kenmerk;aangemeld_op;bron;gezin;wijk;medewerker;kinderen;onderzoek_op;beschermtafel_op;uitkomst;uitkomst_op",
                   "2025-0101;03-03-2025;Veilig Thuis;Jansen;Noord;Sanne Kuipers;Daan (02-11-2019);05-03-2025;;;",
                   "2025-0102;04-03-2025;Jeugdteam;Bakker;Zuid;skuipers;Sem (01-01-2015) | Zoë (12-04-2016);;;;"].joined(separator: "\n")
        let parsed = CaseImporter.parse(data: Data(csv.utf8), today: today)
        #expect(parsed.errors.isEmpty, "\(parsed.errors)")
        #expect(try store.importRows(parsed.rows, origin: "zaken.csv").cases == 2)
        try store.addReport(report("2025-0103", family: "de Vries"))
        #expect(try store.boardCases(today: today, closedWindowDays: nil).count == 3)

        let check = try checkedCopy(of: place, in: scratch)
        #expect(check.isHealthy, "\(check.sections.filter { !$0.isHealthy }.map(\.summary))")
    }

    /// The import reaches the server as rows staged in memory and copied in bulk: numbered on from
    /// what the server holds (also past ids a rolled-back write drew), with nothing of the staging
    /// (its placeholders) arriving, the children's summary kept by the server's triggers, and the
    /// next ordinary write drawing an id after the imported ones.
    @Test(.needsServer) func anImportIsStagedAndCopiedAfterWhatTheServerHolds() throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(.server, in: scratch)
        let store = try place.open(as: "anouk")
        try store.addStaff(StaffMember(name: "skuipers", displayName: "Sanne Kuipers", role: .medewerker))
        try store.addReport(report("2025-0001", family: "Jansen"))
        // Refused after its family was inserted: the family's id is drawn and rolled back.
        #expect(throws: StoreError.duplicateKenmerk("2025-0001")) { try store.addReport(report("2025-0001", family: "Bakker")) }
        let csv = ["kenmerk;aangemeld_op;bron;gezin;wijk;medewerker;kinderen;onderzoek_op;beschermtafel_op;uitkomst;uitkomst_op",
                   "2025-0101;03-03-2025;Veilig Thuis;de Vries;Noord;skuipers;Daan (02-11-2019);05-03-2025;20-04-2025;rvk-onderzoek;01-06-2025",
                   "2025-0102;04-03-2025;Jeugdteam;Smit;Zuid;skuipers;Sem (01-01-2015) | Zoë (12-04-2016);;;;"].joined(separator: "\n")
        let parsed = CaseImporter.parse(data: Data(csv.utf8), today: today)
        #expect(try store.importRows(parsed.rows, origin: "zaken.csv").cases == 2)
        try store.addReport(report("2025-0002", family: "Visser"))

        let families = try store.read { db in try db.rows(sql: "SELECT id, name FROM family ORDER BY id").map { ($0[0] as Int64, $0[1] as String) } }
        #expect(families.map(\.1) == ["Jansen", "de Vries", "Smit", "Visser"], "in order, and no placeholder of the staging store")
        let summary = try store.read { db in
            try db.rows(sql: "SELECT f.name, s.child_count FROM family_children s JOIN family f ON f.id = s.id ORDER BY f.id").map { "\($0[0] as String) \($0[1] as Int64)" }
        }
        #expect(summary == ["Jansen 2", "de Vries 1", "Smit 2", "Visser 2"], "report() names two children")
        let tables = try store.read { db in try db.rows(sql: "SELECT requester, outcome FROM table_record").map { "\($0[0] as String) \($0[1] as String)" } }
        #expect(tables == ["Jeugdteam rvk_onderzoek"])

        let check = try checkedCopy(of: place, in: scratch)
        #expect(check.isHealthy, "\(check.sections.filter { !$0.isHealthy }.map(\.summary))")
    }

    /// A write that appended an event and was then rolled back leaves no gap in the log's ids
    /// (which `check` would read as a missing event): the server's sequence is not used for them.
    @Test(.needsServer) func aRolledBackWriteLeavesNoGapInTheLog() throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(.server, in: scratch)
        let store = try place.open(as: "anouk")
        let id = try store.addReport(report("2025-0001"))
        #expect(throws: StoreError.refused("teruggedraaid")) {
            try store.write { db in
                try store.appendEvent(db, caseID: id, familyID: nil, kind: .notitie, from: nil, to: nil, day: today, detail: "weg")
                throw StoreError.refused("teruggedraaid")
            }
        }
        try store.addReport(report("2025-0002", family: "Jansen"))

        let check = try checkedCopy(of: place, in: scratch)
        #expect(check.isHealthy, "\(check.sections.filter { !$0.isHealthy }.map(\.summary))")
    }

    /// A session makes its table for changed records at its first write, not when it opens (a
    /// board's session starts by reading, and making the table was a tenth of its first frame);
    /// the table is there for every write: after a first write that rolled back, and in the new
    /// session after a lost connection. A write without it would name no records, which `check`
    /// of the copy finds.
    @Test(.needsServer) func theTableForChangedRecordsComesWithTheFirstWriteAndStays() throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(.server, in: scratch)
        try place.open(as: "anouk").addReport(report("2025-0001"))
        let store = try Store(server: try #require(try ServerAddress(TestCluster.shared.staffLogin("anouk", database: place.location))))
        func hasTable() throws -> Bool {
            try store.read { db in try db.value(Bool.self, sql: "SELECT to_regclass('pg_temp.\(ServerSchema.changesTable)') IS NOT NULL") } == true
        }
        _ = try store.boardCases(today: today, closedWindowDays: nil)
        #expect(try !hasTable(), "reading makes none")

        #expect(throws: StoreError.duplicateKenmerk("2025-0001")) { try store.addReport(report("2025-0001", family: "Bakker")) }
        #expect(try hasTable(), "the refused write rolled back; the table stays")
        try store.addReport(report("2025-0002", family: "Jansen"))
        let admin = try PostgresConnection(uri: place.location)
        let database = try #require(try ServerAddress(place.location)).database
        _ = try admin.execute("SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity WHERE datname = $1 AND usename = 'anouk'", [database])
        try store.addReport(report("2025-0003", family: "Smit"))

        let check = try checkedCopy(of: place, in: scratch)
        #expect(check.isHealthy, "\(check.sections.filter { !$0.isHealthy }.map(\.summary))")
    }

    /// A read or write the rules make inside a write runs in that write's transaction, on the one
    /// session a server store has (it waited for itself for ever before), and sees what the write
    /// wrote so far.
    @Test(.needsServer) func aReadOrWriteInsideAWriteRunsInThatWrite() throws {
        let store = try TestStore(.server, in: ScratchDirectory()).open(as: "anouk")
        let weeks = try store.write { _ in
            try store.setSetting("norm.weken_onderzoek", to: "9")
            return try store.norms().weeksInOnderzoek
        }
        #expect(weeks == 9)
        #expect(try store.norms().weeksInOnderzoek == 9)
    }

    @Test(.needsServer) func theStoreIsNamedByItsServerNeverByItsURI() throws {
        let place = try TestStore(.server, in: ScratchDirectory())
        let store = try place.open(as: "anouk")
        let address = try #require(try ServerAddress(place.location))
        #expect(store.location == address.description)
        #expect(store.location.hasPrefix("PostgreSQL-database ") && !store.location.contains("postgresql://"))
    }
}

/// Live boards on a server store: the server announces each change to every open board, which
/// learns of it from its own socket, not by asking the server.
@Suite struct ServerChangeAnnouncementTests {
    private let today = day(2025, 6, 30)

    @Test(.needsServer) func aColleaguesChangeIsAnnouncedAndAnOpeningIsNot() throws {
        let place = try TestStore(.server, in: ScratchDirectory())
        let board = try place.open(as: "anouk")
        let colleague = try place.open(as: "rachid")
        try board.addStaff(StaffMember(name: "rachid", displayName: "Rachid Bouzid", role: .medewerker))
        let listener = try #require((board.backend as? ServerBackend)?.changes)
        let before = try board.boardChangeToken()
        #expect(try board.boardChangeToken() == before, "nothing changed, nothing heard")

        let id = try colleague.addReport(report("2025-0001"))
        _ = try colleague.details(of: id, logOpening: true)
        try colleague.move(MoveRequest(caseID: id, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2025, 3, 5)), today: today)
        // Two changes, each announced once at its commit, in order; the opening between them not.
        var announcements = 0
        while announcements < 2 { announcements += try listener.listen(waiting: 10).announcements }
        #expect(try listener.listen(waiting: 0).announcements == 0)
        #expect(announcements == 2)
        #expect(try board.boardChangeToken() != before)
    }

    @Test(.needsServer) func aBoardThatLostItsListenerReloadsOnceItListensAgain() throws {
        let place = try TestStore(.server, in: ScratchDirectory())
        let board = try place.open(as: "anouk")
        let first = try board.boardChangeToken()
        let admin = try PostgresConnection(uri: place.location)
        let database = try #require(try ServerAddress(place.location)).database
        try admin.execute("SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity WHERE datname = $1 AND usename = 'anouk'", [database])
        // The lost listener is said; the next ask listens again and counts as a change, since
        // what was written meanwhile was announced to no one.
        #expect(storeError { _ = try board.boardChangeToken() } == .serverConnectionLost(server: board.location))
        #expect(try board.boardChangeToken() != first)
    }
}
