import Foundation
import Testing

/// The joint plan with the real binary: a plan started with consent, a goal, an agreement, hours,
/// and an evaluation that involves the Raad; the case moves on and every step is in its timeline.
@Suite(.serialized) struct PlanEndToEndTests {
    /// Today as the program's forms expect it (local time, like `Clock.today`).
    var today: String {
        let formatter = DateFormatter()
        formatter.dateFormat = "dd-MM-yyyy"
        formatter.timeZone = .current
        return formatter.string(from: Date())
    }

    @Test func aPlanThatInvolvesTheRaadMovesTheCaseAndIsLogged() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("bord.sqlite").path
        let session = try TmuxSession(command: [Binary.path, "--store", store], directory: directory)
        try session.waitFor(text: "Nog geen zaken in deze opslag.")

        // A new report, moved to Onderzoek from its family screen.
        try session.send("a")
        try session.waitFor(text: "Nieuwe aanmelding")
        try session.send("Tab", "Tab", "Tab")
        try session.type("Boukhari")
        try session.send("Tab", "Tab", "Tab")
        try session.type("Sara")
        try session.send("Tab")
        try session.type("03-04-2016")
        try session.send("C-s")
        try session.waitFor(text: "opgeslagen in Aangemeld")
        try session.send("Enter")
        try session.waitFor(text: "1 Gezin")
        try session.send(">")
        try session.waitFor(text: "Start onderzoek")
        try session.send("Enter")
        try session.waitFor(text: "Zaak verplaatst naar Onderzoek")

        // p: no plan yet, so the start form; without consent it is refused.
        try session.send("p")
        try session.waitFor(text: "vrijwillig kader")
        try session.type("Fatima Ouali")
        try session.send("Tab", "Tab", "Tab", "C-u")
        try session.type("Anouk de Wit")
        try session.send("C-s")
        try session.waitFor(text: "Zonder instemming van het gezin start er geen plan")
        try session.type(today)
        try session.send("Tab")
        try session.type("moeder")
        try session.send("C-s")
        try session.waitFor(text: "Plan gestart met instemming van het gezin")

        try session.send("d")
        try session.waitFor(text: "Doel toevoegen")
        try session.type("Geen ruzie waar de kinderen bij zijn")
        try session.send("C-s")
        try session.waitFor(text: "Doel toegevoegd.")

        try session.send("a")
        try session.waitFor(text: "Afspraak toevoegen")
        try session.send("Tab", "Tab")
        try session.type("Belt de huisarts")
        // The veiligheidsplan asks how it is checked; the family's consent defaults to today, by whoever consented to the plan.
        try session.send("Tab", "Tab")
        try session.type("navraag bij de huisarts")
        try session.send("C-s")
        try session.waitFor(text: "Afspraak toegevoegd.")

        try session.send("u")
        try session.waitFor(text: "Uren vastleggen")
        try session.send("Tab")
        try session.type("1,5")
        try session.send("C-s")
        try session.waitFor(all: ["1:30 uur vastgelegd.", "totaal 1:30 uur", "[open] Geen ruzie waar de kinderen bij zijn",
                                  "gezinslid: Belt de huisarts"])

        try session.send("v")
        try session.waitFor(text: "Evaluatie plan")
        try session.send("Tab")
        try session.type("Moeder werkt mee")
        try session.send("Tab")
        try session.type("Vader weigert hulp")
        try session.send("Tab", "Right", "Right")
        try session.waitFor(text: "Raad betrekken ▶")
        // The open agreement is marked: niet nagekomen.
        try session.send("Tab", "Tab", "Right", "Right")
        try session.waitFor(text: "niet nagekomen ▶")
        try session.send("C-s")
        try session.waitFor(all: ["Raad betrokken; de zaak staat nu in Beschermtafel", "Plan beëindigd op"])

        // Back to the family screen: the timeline holds every step.
        try session.send("Escape")
        try session.waitFor(text: "1 Gezin")
        // The steps are the timeline's last lines, drawn last: wait for all of them, not for its title.
        try session.send("2")
        try session.waitFor(all: ["Tijdlijn", "Gezamenlijk plan gestart", "Plandoel", "Planafspraak", "Uren gezamenlijk plan",
                                  "Evaluatie plan", "Verplaatst → Beschermtafel", "conclusie Raad betrekken", "1 niet nagekomen"])

        // And on the board the case stands at the Beschermtafel.
        try session.send("Escape")
        try session.waitFor(all: ["Beschermtafel 1", "Boukhari"])
        try session.send("q")
        try session.waitFor(text: "EINDE")
    }
}
