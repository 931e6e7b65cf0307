import ArgumentParser
import BoardCore
import BoardStore
import Foundation

/// `beschermbord _schrijftest`: a hidden writer for the kill tests. Adds reports one by one and
/// prints each kenmerk on stdout (unbuffered) only after its transaction was committed, so that
/// every printed kenmerk was confirmed to the user and must survive a SIGKILL at any moment.
struct WriteTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "_schrijftest",
        abstract: "Test: voeg aanmeldingen één voor één toe en meld elk bevestigd kenmerk.",
        shouldDisplay: false)

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: "Aantal aanmeldingen.")
    var count = 100

    @Option(name: .long, help: "Begin van elk kenmerk; het kenmerk wordt PREFIX-N.")
    var prefix = "TEST"

    @Flag(name: .customLong("lijst"), help: "Schrijf niets; meld alle kenmerken in de opslag, één per regel.")
    var list = false

    func run() throws {
        let store = try storeOptions.open()
        if list {
            for summary in try store.boardCases(today: Clock.today(), closedWindowDays: nil) {
                FileHandle.standardOutput.write(Data((summary.kenmerk + "\n").utf8))
            }
            return
        }
        let today = Clock.today()
        for number in 1...max(1, count) {
            let kenmerk = "\(prefix)-\(number)"
            let report = NewReport(kenmerk: kenmerk, reportedOn: today, source: .veiligThuis, familyName: "Schrijftest \(number)",
                                   wijk: "Testwijk", medewerker: "Test",
                                   children: [Child(firstName: "Kind \(number)", birthDate: today.adding(days: -3000))])
            try store.addReport(report)
            // write(2) straight away: the line exists the moment the save is confirmed.
            FileHandle.standardOutput.write(Data((kenmerk + "\n").utf8))
        }
    }
}
