import BoardCore
import Testing
@testable import BoardStore

/// What a running board names when it reloads: the changes others made after a point in the
/// log, newest first, without openings and without the user's own (issue 18, point 13).
@Suite struct ColleagueChangesTests {
    @Test func onlyOthersChangesAfterThePointNewestFirst() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("bord.sqlite")
        let anouk = try Store(path: path, user: "anouk")
        try anouk.addStaff(StaffMember(name: "karim", displayName: "Karim Benali", role: .medewerker))
        let today = Clock.today()
        let id = try anouk.addReport(NewReport(kenmerk: "2026-0001", reportedOn: today.adding(days: -2), source: .veiligThuis, familyName: "Jansen",
                                               wijk: "", medewerker: "", children: [Child(firstName: "Zoë", birthDate: Day(year: 2016, month: 4, day: 12))]))
        let point = try anouk.boardChangeToken()
        #expect(try anouk.colleagueChanges(after: point, limit: 10).isEmpty)

        let karim = try Store(path: path, user: "karim")
        _ = try karim.dossier(caseID: id, openedSection: "Gezin")  // an opening: not a change
        try karim.move(MoveRequest(caseID: id, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: today), today: today)
        try karim.apply(.addNote(id, Note(text: "Huisbezoek gepland")), today: today)
        try anouk.apply(.addNote(id, Note(text: "Eigen notitie")), today: today)  // the user's own: not named

        let changes = try anouk.colleagueChanges(after: point, limit: 10)
        #expect(changes == [ColleagueChange(user: "karim", kind: .notitie, kenmerk: "2026-0001", toStage: nil),
                            ColleagueChange(user: "karim", kind: .verplaatst, kenmerk: "2026-0001", toStage: .onderzoek)])
        #expect(try anouk.colleagueChanges(after: point, limit: 1).count == 1)
        #expect(try karim.colleagueChanges(after: point, limit: 10).map(\.user) == ["anouk"])
    }
}
