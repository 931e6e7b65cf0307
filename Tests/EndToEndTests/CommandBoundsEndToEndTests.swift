import Foundation
import Testing

/// Numbers and keys on the command line that must be refused in Dutch (issue 14, point 10):
/// a demo of an absurd size, an unknown setting, a negative setting.
@Suite("Command line bounds", .serialized)
struct CommandBoundsEndToEndTests {
    @Test func demoRefusesAnAbsurdNumberOfFamilies() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("demo.sqlite").path
        for count in ["99999999999999", "0"] {
            let result = try Binary.run(["demo", "--store", store, "--families", count])
            #expect(result.status == 64, "\(count): \(result.output)")
            #expect(result.output.contains("--families moet tussen 1 en 1000000 liggen"), "\(result.output)")
            #expect(!FileManager.default.fileExists(atPath: store))
        }
    }

    @Test func settingsRefuseUnknownKeysAndNegativeNumbersInDutch() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try makeDemoStore(in: directory, families: 2)
        let typo = try Binary.run(["instellingen", "zet", "onbekend.sleutel", "1", "--store", store])
        #expect(typo.status == 1, "\(typo.output)")
        #expect(typo.output.contains("‘onbekend.sleutel’ is geen instelling; kies uit: norm.werkdagen_aangemeld, "), "\(typo.output)")
        #expect(typo.output.contains("bewaartermijn.jaren, vergrendeling.minuten, bord.muis."), "\(typo.output)")

        let negative = try Binary.run(["instellingen", "zet", "wip.onderzoek", "-3", "--store", store])
        #expect(negative.status == 1, "\(negative.output)")
        #expect(negative.output.contains("‘-3’ is geen geldige waarde voor wip.onderzoek: geef een heel getal vanaf 0."), "\(negative.output)")
        let twoValues = try Binary.run(["instellingen", "zet", "wip.onderzoek", "3", "4", "--store", store])
        #expect(twoValues.status != 0, "\(twoValues.output)")

        let list = try Binary.run(["instellingen", "--store", store])
        #expect(!list.output.contains("onbekend.sleutel"), "\(list.output)")
        #expect(list.output.split(separator: "\n").contains { $0.hasPrefix("wip.onderzoek ") && $0.contains(" 0 (standaard) ") }, "\(list.output)")
        let good = try Binary.run(["instellingen", "zet", "wip.onderzoek", "12", "--store", store])
        #expect(good.status == 0 && good.output.contains("wip.onderzoek is nu 12."), "\(good.output)")
    }
}
