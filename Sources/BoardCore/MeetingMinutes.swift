import Foundation

/// `beschermbord notulen`: the decisions of one weekly meeting as Markdown for the minutes, with
/// the head of the log so the minutes anchor the log (`check --kop`). Families by initials and
/// kenmerk; names the family's records know are scrubbed from the decision's text, so the minutes
/// can go round the team.
public enum MeetingMinutes {
    /// One decision as the store holds it: the journal note the meeting wrote, and the names of
    /// the family it is about (family, children, caregivers, network) to scrub from its text.
    public struct Entry: Equatable, Sendable {
        public var kenmerk: String
        public var familyName: String
        public var names: [String]
        public var noteText: String
        /// Notes written later that correct this one (a note is never edited).
        public var corrections: [String]

        public init(kenmerk: String, familyName: String, names: [String], noteText: String, corrections: [String] = []) {
            self.kenmerk = kenmerk
            self.familyName = familyName
            self.names = names
            self.noteText = noteText
            self.corrections = corrections
        }
    }

    public static func markdown(day: Day, entries: [Entry], head: ChainHead?) -> String {
        var out = "# Teamoverleg \(day.dutch): besluiten\n\n"
        if entries.isEmpty {
            out += "Op \(day.dutch) is geen besluit over een zaak vastgelegd.\n"
        } else {
            out += "\(entries.count) \(entries.count == 1 ? "besluit" : "besluiten"), gezinnen met initialen.\n\n"
            out += "| Kenmerk | Gezin | Besluit | Wie | Uiterlijk |\n|---|---|---|---|---|\n"
            for entry in entries {
                let names = NameInitials.withTheirWords([entry.familyName] + entry.names)
                let decision = MeetingDecision(noteText: entry.noteText)
                var decided = decision.map(\.decision) ?? entry.noteText
                for correction in entry.corrections { decided += "\n(correctie: \(correction))" }
                let cells = [entry.kenmerk, NameInitials.of(entry.familyName), NameInitials.scrub(decided, names: names),
                             decision.map { NameInitials.scrub($0.actor, names: names) } ?? "", decision?.due.dutch ?? ""]
                out += "| " + cells.map(cell).joined(separator: " | ") + " |\n"
            }
        }
        out += "\n" + headLine(head) + "\n"
        return out
    }

    /// `Kop van het logboek: 12345:9f3a…`, and how to check it later.
    static func headLine(_ head: ChainHead?) -> String {
        guard let head else { return "Kop van het logboek: (het logboek is leeg)" }
        return "Kop van het logboek: `\(head.argument)` (`beschermbord check --kop \(head.argument)` laat later zien "
            + "of het logboek sindsdien is herschreven)"
    }

    /// A table cell: control characters out, line breaks as `<br>`, and the characters that
    /// would end the cell or start markup escaped.
    static func cell(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\n", "\r\n": out += "<br>"
            case "|": out += "\\|"
            case "\\": out += "\\\\"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            default:
                out += character.unicodeScalars.contains(where: InputText.isRefused) ? " " : String(character)
            }
        }
        return out.trimmingWhitespace()
    }
}

extension MeetingDecision {
    /// The decision back from the journal note `noteText(meetingDay:)` wrote; nil for a note of
    /// another shape. The last `Actie:` line is the action, so a decision may mention `Actie:`.
    public init?(noteText: String) {
        guard noteText.hasPrefix("Besluit teamoverleg "), let colon = noteText.firstRange(of: ": "),
              let action = noteText.range(of: "\nActie: ", options: .backwards),
              colon.upperBound <= action.lowerBound else { return nil }
        let tail = noteText[action.upperBound...]
        guard let by = tail.range(of: ", uiterlijk ", options: .backwards),
              let due = Day(parsing: String(tail[by.upperBound...])) else { return nil }
        self.init(decision: String(noteText[colon.upperBound..<action.lowerBound]), actor: String(tail[..<by.lowerBound]), due: due)
    }
}
