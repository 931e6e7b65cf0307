import BoardCore
import Foundation
import Testing
@testable import BoardStore

/// The weekly meeting's decisions: a journal note and a logged event each, and what the agenda
/// learns from them (the last meeting, what is done today).
@Suite struct MeetingStoreTests {
    let today = day(2025, 9, 1)

    func store(_ place: TestStore) throws -> (Store, CaseID) {
        let store = try place.open(as: "anouk")
        return (store, try store.addReport(report("2025-0001")))
    }

    @Test(arguments: StoreKind.all) func aDecisionIsAJournalNoteAndALoggedEventInTheChain(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let (store, id) = try store(place)
        let decision = MeetingDecision(decision: "Huisbezoek samen met Veilig Thuis", actor: "Karim", due: day(2025, 9, 8))
        let confirmation = try store.apply(.recordMeetingDecision(id, decision), today: today)
        #expect(confirmation == "Besluit vastgelegd in het journaal.")

        let dossier = try store.dossier(caseID: id, openedSection: nil)
        #expect(dossier.notes.map(\.text) == [decision.noteText(meetingDay: today)])
        #expect(dossier.notes.first?.author == "anouk")
        let event = try #require(dossier.viewed.events.last { $0.kind == .vergaderbesluit })
        #expect(event.day == today)
        #expect(event.detail == "notitie \(dossier.notes[0].id); actie: Karim, uiterlijk 08-09-2025")
        let chain = try place.verifiedChain()
        #expect(chain.breaks == 0 && chain.events >= 2, "the decision is chained like every event")
    }

    @Test(arguments: StoreKind.all) func theAgendaLearnsTheLastMeetingAndTodaysDecisions(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let (store, id) = try store(place)
        let other = try store.addReport(report("2025-0002", family: "Jansen"))
        #expect(try store.meetingRecord(today: today) == MeetingRecord(lastMeeting: nil, decidedToday: [], chainHead: try store.chainHead()))

        let decision = MeetingDecision(decision: "Afwachten", actor: "Karim", due: day(2025, 9, 8))
        try store.apply(.recordMeetingDecision(id, decision), today: day(2025, 8, 25))
        try store.apply(.recordMeetingDecision(other, decision), today: today)
        try store.apply(.recordMeetingDecision(other, decision), today: today)
        #expect(try store.meetingRecord(today: today) == MeetingRecord(lastMeeting: day(2025, 8, 25), decidedToday: [other], chainHead: try store.chainHead()))
        #expect(try store.meetingRecord(today: day(2025, 9, 8)) == MeetingRecord(lastMeeting: today, decidedToday: [], chainHead: try store.chainHead()))
    }

    @Test(arguments: StoreKind.all) func incompleteDecisionsAreRefusedAndNothingIsWritten(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let (store, id) = try store(place)
        let cases: [(MeetingDecision, String)] = [
            (MeetingDecision(decision: "  ", actor: "Karim", due: today), "Vul het besluit in."),
            (MeetingDecision(decision: "Bellen", actor: "", due: today), "Vul in wie het besluit uitvoert."),
            (MeetingDecision(decision: "Bellen", actor: "Karim", due: day(2025, 8, 31)), "De datum ‘uiterlijk’ ligt in het verleden (31-08-2025)."),
        ]
        for (decision, message) in cases {
            #expect(storeError { try store.apply(.recordMeetingDecision(id, decision), today: today) } == .refused(message))
        }
        let nul = storeError { try store.apply(.recordMeetingDecision(id, MeetingDecision(decision: "a\u{0}b", actor: "K", due: today)), today: today) }
        #expect("\(nul.map { "\($0)" } ?? "")".contains("NUL-teken"))
        #expect(try store.dossier(caseID: id, openedSection: nil).notes.isEmpty)
        #expect(try store.meetingRecord(today: today).decidedToday.isEmpty)
    }

    /// `notulen`: the day's decisions in the order they were taken, each with the names its family
    /// knows (to scrub) and the notes that correct it; another day's decision and plain notes not.
    @Test(arguments: StoreKind.all) func theMinutesHoldTheDaysDecisionsWithTheirFamilysNames(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let (store, id) = try store(place)
        let other = try store.addReport(report("2025-0002", family: "Jansen", children: [Child(firstName: "Sem", birthDate: day(2015, 1, 1))]))
        let familyID = try store.details(of: id, logOpening: false).summary.familyID
        try store.apply(.addCaregiver(familyID, seen: SeenCase(caseID: id, version: try store.details(of: id, logOpening: false).summary.version),
                                      Caregiver(name: "Petra de Vries", relation: "moeder", phone: "06-1")), today: today)
        let first = MeetingDecision(decision: "Petra uitnodigen", actor: "Karim", due: day(2025, 9, 8))
        let second = MeetingDecision(decision: "Sem op school zien", actor: "Anouk", due: day(2025, 9, 15))
        try store.apply(.recordMeetingDecision(other, MeetingDecision(decision: "Vorige week", actor: "K", due: day(2025, 9, 1))), today: day(2025, 8, 25))
        try store.apply(.recordMeetingDecision(id, first), today: today)
        try store.apply(.addNote(id, Note(text: "Gewone notitie")), today: today)
        try store.apply(.recordMeetingDecision(other, second), today: today)
        let decisionNote = try #require(store.dossier(caseID: id, openedSection: nil).notes.first { $0.text.hasPrefix("Besluit") })
        try store.apply(.addNote(id, Note(text: "Karim is ziek: Anouk gaat.", refersTo: decisionNote.id)), today: today)

        let entries = try store.meetingMinutes(on: today)
        #expect(entries.map(\.kenmerk) == ["2025-0001", "2025-0002"])
        #expect(entries.map { MeetingDecision(noteText: $0.noteText) } == [first, second])
        #expect(Set(entries[0].names) == ["Zoë", "Daan", "Petra de Vries"])
        #expect(entries[0].familyName == "de Vries" && entries[1].names.contains("Sem"))
        #expect(entries[0].corrections == ["Karim is ziek: Anouk gaat."] && entries[1].corrections.isEmpty)
        #expect(try store.meetingMinutes(on: day(2025, 8, 25)).map(\.kenmerk) == ["2025-0002"])
        #expect(try store.meetingMinutes(on: day(2025, 9, 2)).isEmpty)
    }
}
