import Testing
@testable import BoardCore

/// `beschermbord notulen`: the decisions from their journal notes, as Markdown with initials.
@Suite("Meeting minutes")
struct MeetingMinutesTests {
    static let meeting = Day(year: 2026, month: 12, day: 4)!

    @Test func aDecisionComesBackFromTheNoteItWrote() {
        let decision = MeetingDecision(decision: "Huisbezoek plannen.\nActie: ook de school bellen", actor: "Fatma, uiterlijk ook",
                                       due: Day(year: 2026, month: 12, day: 11)!)
        #expect(MeetingDecision(noteText: decision.noteText(meetingDay: Self.meeting)) == decision)
        #expect(MeetingDecision(noteText: "Gewone notitie") == nil)
        #expect(MeetingDecision(noteText: "Besluit teamoverleg 04-12-2026: x\nActie: Fatma, uiterlijk 31-02-2026") == nil)
    }

    @Test func theMinutesHaveInitialsAndScrubbedText() {
        let note = MeetingDecision(decision: "Petra de Vries en Zoë uitnodigen | daarna Raad", actor: "Sanne",
                                   due: Day(year: 2026, month: 12, day: 18)!).noteText(meetingDay: Self.meeting)
        let entry = MeetingMinutes.Entry(kenmerk: "2026-0042", familyName: "de Vries", names: ["Petra de Vries", "Zoë", "de Vries"],
                                         noteText: note, corrections: ["Niet Zoë maar <Daan>."])
        let head = ChainHead(id: 77, hash: String(repeating: "0f", count: 32))
        let markdown = MeetingMinutes.markdown(day: Self.meeting, entries: [entry], head: head)
        #expect(markdown.hasPrefix("# Teamoverleg 04-12-2026: besluiten\n\n1 besluit, gezinnen met initialen.\n"))
        #expect(markdown.contains("| 2026-0042 | d.V. | P.d.V. en Z. uitnodigen \\| daarna Raad<br>(correctie: Niet Z. maar &lt;Daan&gt;.) | Sanne | 18-12-2026 |"))
        #expect(!markdown.contains("Petra") && !markdown.contains("Zoë") && !markdown.contains("Vries"))
        #expect(markdown.contains("`beschermbord check --kop 77:\(head.hash)`"))
    }

    @Test func aDayWithoutDecisionsSaysSo() {
        let markdown = MeetingMinutes.markdown(day: Self.meeting, entries: [], head: nil)
        #expect(markdown == "# Teamoverleg 04-12-2026: besluiten\n\nOp 04-12-2026 is geen besluit over een zaak vastgelegd.\n\n"
                + "Kop van het logboek: (het logboek is leeg)\n")
    }

    @Test func aNoteOfAnotherShapeIsShownWhole() {
        let entry = MeetingMinutes.Entry(kenmerk: "2026-0001", familyName: "Öztürk", names: [], noteText: "Besluit: doorgaan\u{7}")
        let markdown = MeetingMinutes.markdown(day: Self.meeting, entries: [entry], head: nil)
        #expect(markdown.contains("| 2026-0001 | Ö. | Besluit: doorgaan |  |  |"))
    }
}
