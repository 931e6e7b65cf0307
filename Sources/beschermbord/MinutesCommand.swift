import ArgumentParser
import BoardCore
import BoardStore
import Foundation

/// `beschermbord notulen`: the weekly meeting's decisions as Markdown for the minutes.
struct MinutesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notulen",
        abstract: "Schrijf de besluiten van een teamoverleg als Markdown voor de notulen.",
        discussion: """
            Per besluit dat in het overleg (A op het bord, B bij een zaak) is vastgelegd: kenmerk, \
            de initialen van het gezin, het besluit, wie het uitvoert en uiterlijk wanneer. Namen \
            die de opslag van het gezin kent, staan ook in de tekst van het besluit als initialen. \
            Onderaan staat de kop van het logboek: `beschermbord check --kop` laat later zien of \
            het logboek sinds het overleg is herschreven. De opslag wordt alleen gelezen.

            Voorbeelden:
              beschermbord notulen --datum 04-12-2026 > notulen-2026-12-04.md
              beschermbord notulen                 (de besluiten van vandaag)
            """,
        aliases: ["minutes"])

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: [.customLong("datum"), .customLong("date")], help: ArgumentHelp("De dag van het overleg (standaard vandaag).", valueName: "dd-mm-jjjj"))
    var date: String?

    func run() throws {
        let today = Clock.today()
        var day = today
        if let date {
            switch Day.validate(date, today: today) {
            case .success(let typed): day = typed
            case .failure(let problem): throw Failure(message: "--datum: \(Printer.clean(problem.message)).")
            }
        }
        let store = try storeOptions.openExisting()
        let minutes = MeetingMinutes.markdown(day: day, entries: try store.meetingMinutes(on: day), head: try store.chainHead())
        FileHandle.standardOutput.write(Data(minutes.utf8))
    }
}
