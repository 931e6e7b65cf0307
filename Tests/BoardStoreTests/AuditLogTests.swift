import BoardCore
import Foundation
import Testing
@testable import BoardStore

@Suite("Reading the log")
struct AuditLogTests {
    let today = day(2025, 6, 30)

    struct Team {
        let anouk: Store
        let karim: Store
        let lezer: Store
        let first: CaseID
        let second: CaseID
    }

    /// anouk (teamleider) and karim (medewerker) work on two families; lezer is not on the list.
    func team(_ place: TestStore) throws -> Team {
        let anouk = try place.open(as: "anouk")
        try anouk.addStaff(StaffMember(name: "karim", displayName: "Karim", role: .medewerker))
        let karim = try place.open(as: "karim")
        let lezer = try place.open(as: "lezer")
        let first = try anouk.addReport(report("2025-0001", family: "de Vries"))
        let second = try karim.addReport(report("2025-0002", family: "Jansen"))
        try karim.move(MoveRequest(caseID: first, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2025, 3, 5)), today: today)
        _ = try karim.details(of: first, logOpening: true)
        _ = try lezer.details(of: second, logOpening: true)
        _ = try anouk.details(of: second, logOpening: true)
        return Team(anouk: anouk, karim: karim, lezer: lezer, first: first, second: second)
    }

    @Test(arguments: StoreKind.all) func teamleiderReadsEverything(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let team = try team(TestStore(kind, in: scratch))
        let log = try team.anouk.auditLog(filter: AuditFilter())
        #expect(!log.onlyOwnEntries)
        #expect(log.entries.map(\.user) == ["anouk", "anouk", "anouk", "karim", "karim", "karim", "lezer", "anouk"])
        #expect(log.entries.map(\.id) == log.entries.map(\.id).sorted(), "oldest first")
        let opening = try #require(log.entries.first { $0.user == "lezer" })
        #expect(opening.kind == .geopend && opening.kindTitle == "Dossier geopend")
        #expect(opening.kenmerk == "2025-0002" && opening.familyName == "Jansen" && opening.detail == "zaakoverzicht")
        let staffChange = try #require(log.entries.first { $0.kind == .medewerkerGewijzigd && $0.detail.contains("karim") })
        #expect(staffChange.kenmerk == nil && staffChange.familyName == nil)

        let perFamily = try team.anouk.auditLog(filter: AuditFilter(familyKenmerk: " 2025-0002 "))
        #expect(perFamily.entries.map(\.kenmerk) == ["2025-0002", "2025-0002", "2025-0002"])
        #expect(perFamily.entries.map(\.user) == ["karim", "lezer", "anouk"])
        let perUser = try team.anouk.auditLog(filter: AuditFilter(user: "karim"))
        #expect(perUser.entries.count == 3 && perUser.entries.allSatisfy { $0.user == "karim" })
        let recent = try team.anouk.auditLog(filter: AuditFilter(limit: 2))
        #expect(recent.entries.map(\.user) == ["lezer", "anouk"], "the most recent, still oldest first")
        #expect(try team.anouk.auditLog(filter: AuditFilter(recordedSince: "2999-01-01T00:00:00.000Z")).entries.isEmpty)
        #expect(try team.anouk.auditLog(filter: AuditFilter(recordedSince: "2000-01-01T00:00:00.000Z")).entries.count == 8)
        #expect(storeError { _ = try team.anouk.auditLog(filter: AuditFilter(familyKenmerk: "2099-9999")) } == .caseNotFound("2099-9999"))
    }

    /// The board's log view types one text: it finds a kenmerk or a user, within the reader's rights.
    @Test(arguments: StoreKind.all) func oneTextFindsAKenmerkOrAUserWithinWhatTheReaderMayRead(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let team = try team(TestStore(kind, in: scratch))
        let byKenmerk = try team.anouk.auditLog(filter: AuditFilter(text: "0002"))
        #expect(byKenmerk.entries.map(\.user) == ["karim", "lezer", "anouk"])
        #expect(try team.anouk.auditLog(filter: AuditFilter(text: "KAR")).entries.allSatisfy { $0.user == "karim" || $0.kenmerk?.contains("KAR") == true })
        #expect(try team.anouk.auditLog(filter: AuditFilter(text: "kar")).entries.count == 3)
        #expect(try team.anouk.auditLog(filter: AuditFilter(text: "%")).entries.isEmpty, "a LIKE wildcard is taken literally")
        // karim is no teamleider: anouk's and lezer's entries stay out, whatever is typed.
        let karims = try team.karim.auditLog(filter: AuditFilter(text: "2025-0002"))
        #expect(karims.onlyOwnEntries)
        #expect(karims.entries.map(\.user) == ["karim"])
        #expect(try team.karim.auditLog(filter: AuditFilter(text: "anouk")).entries.isEmpty)
        #expect(try team.lezer.auditLog(filter: AuditFilter(text: "")).entries.map(\.user) == ["lezer"])
    }

    @Test(arguments: StoreKind.all) func othersReadOnlyTheirOwnEntries(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let team = try team(TestStore(kind, in: scratch))
        let karims = try team.karim.auditLog(filter: AuditFilter())
        #expect(karims.onlyOwnEntries)
        #expect(karims.entries.count == 3 && karims.entries.allSatisfy { $0.user == "karim" })
        let asked = try team.karim.auditLog(filter: AuditFilter(user: "anouk"))
        #expect(asked.onlyOwnEntries && asked.entries.allSatisfy { $0.user == "karim" }, "asking for someone else gives your own")
        let lezers = try team.lezer.auditLog(filter: AuditFilter())
        #expect(lezers.onlyOwnEntries && lezers.entries.map(\.kind) == [.geopend])
        #expect(try team.karim.auditLog(filter: AuditFilter(familyKenmerk: "2025-0002")).entries.map(\.kind) == [.aangemeld])
    }

    @Test func localTimes() {
        let start = Clock.startOfLocalDay(day(2025, 3, 3))
        #expect(start.hasSuffix("Z") && start.count == 24)
        #expect(Clock.localMoment(start) == "03-03-2025 00:00")
        #expect(Clock.localMoment("geen tijd") == "geen tijd")
    }
}
