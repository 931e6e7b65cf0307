import Foundation
import Testing

/// The family screen with the real binary: everything typed survives quitting and reopening.
@Suite(.serialized) struct FamilyEndToEndTests {
    @Test func childAssessmentNoteAndTableMoveAreKept() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("bord.sqlite").path
        var session: TmuxSession? = try TmuxSession(command: [Binary.path, "--store", store], directory: directory)
        try session!.waitFor(text: "Nog geen zaken in deze opslag.")

        // A new report, then its family screen.
        try session!.send("a")
        try session!.waitFor(text: "Nieuwe aanmelding")
        try session!.send("Tab", "Tab", "Tab")
        try session!.type("Çelik")
        try session!.send("Tab", "Tab", "Tab")
        try session!.type("Aylin")
        try session!.send("Tab")
        try session!.type("03-04-2016")
        try session!.send("C-s")
        try session!.waitFor(text: "opgeslagen in Aangemeld")
        try session!.send("Enter")
        try session!.waitFor(text: "1 Gezin")

        try session!.send("c")
        try session!.waitFor(text: "Kind toevoegen")
        try session!.type("Noë")
        try session!.send("Tab", "Tab")
        try session!.type("12-12-2020")
        try session!.send("C-s")
        try session!.waitFor(text: "Kind Noë toegevoegd.")

        try session!.send("3", "n")
        try session!.waitFor(text: "Veiligheidsbeoordeling")
        try session!.send("Tab")
        try session!.type("5")
        // Over (the whole family), who gave the score, then the concerns.
        try session!.send("Tab", "Tab", "Tab")
        try session!.type("Zorgen over toezicht")
        try session!.send("C-s")
        try session!.waitFor(text: "Veiligheidsbeoordeling opgeslagen (score 5).")

        try session!.send("4", "n")
        try session!.waitFor(text: "Nieuwe notitie")
        try session!.type("Huisbezoek gedaan; moeder werkt mee.")
        try session!.send("C-s")
        try session!.waitFor(text: "Notitie opgeslagen.")

        // Aangemeld → Onderzoek → Beschermtafel, with who brings it in.
        try session!.send(">")
        try session!.waitFor(text: "Start onderzoek")
        try session!.send("Enter")
        try session!.waitFor(text: "Zaak verplaatst naar Onderzoek")
        try session!.send(">")
        try session!.waitFor(text: "Naar")
        try session!.send("Right", "Tab", "Tab", "Right")
        try session!.send("C-s")
        try session!.waitFor(text: "Zaak verplaatst naar Beschermtafel")
        try session!.send("Q")
        try session!.waitFor(text: "EINDE")
        session = nil

        // Reopen: everything is still there.
        let again = try TmuxSession(command: [Binary.path, "--store", store], directory: directory)
        try again.waitFor(text: "Beschermtafel 1")
        try again.send("l", "l", "Enter")
        try again.waitFor(all: ["1 Gezin", "Noë"])
        try again.send("3")
        try again.waitFor(all: ["score 5 van 10", "Zorgen over toezicht"])
        try again.send("4")
        try again.waitFor(text: "Huisbezoek gedaan; moeder werkt mee.")
        try again.send("5")
        try again.waitFor(text: "door Veilig Thuis")
        try again.send("Q")
        try again.waitFor(text: "EINDE")
    }
}
