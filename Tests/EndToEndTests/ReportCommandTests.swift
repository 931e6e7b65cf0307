import Foundation
import Testing

@Suite("report: the team lead's figures through the real binary")
struct ReportCommandTests {
    static let header = "kenmerk;aangemeld_op;bron;gezin;wijk;medewerker;kinderen;onderzoek_op;beschermtafel_op;uitkomst;uitkomst_op"

    /// A store with five imported cases: four reported in 2022, one in 2021.
    static func makeStore(in directory: URL) throws -> String {
        let store = directory.appendingPathComponent("bord.sqlite").path
        let file = directory.appendingPathComponent("zaken.csv")
        try Data(([
            header,
            "R-1;10-01-2022;Veilig Thuis;Jansen;;;Zoë (12-04-2016) | Daan (02-11-2019);15-01-2022;;veiligheid gewaarborgd;14-02-2022",
            "R-2;20-01-2022;Veilig Thuis;Bakker;;;Sem (01-01-2015);22-01-2022;23-03-2022;;",
            "R-3;01-03-2022;Jeugdteam;Smit;;;Noor (05-05-2018);04-03-2022;03-04-2022;rvk-onderzoek;03-05-2022",
            "R-4;31-12-2022;Overig;Visser;;;Sem (01-01-2015);;;;",
            "R-5;31-12-2021;Veilig Thuis;de Boer;;;Sem (01-01-2015);;;;",
        ].joined(separator: "\n") + "\n").utf8).write(to: file)
        let imported = try Binary.run(["import", "--store", store, file.path])
        #expect(imported.status == 0, "\(imported.output)")
        return store
    }

    @Test func jsonHasExactlyTheAgreedKeys() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Self.makeStore(in: directory)
        let result = try Binary.run(["report", "--store", store, "--year", "2022", "--format", "json"])
        #expect(result.status == 0, "\(result.output)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let required: Set = ["periode", "bron", "aanmeldingen", "naar_beschermtafel", "veiligheid_gewaarborgd", "rvk_onderzoek",
                             "lopend", "doorlooptijd_dagen", "gezamenlijke_plannen", "maatregelen_per_jaar"]
        #expect(required.isSubset(of: Set(object.keys)))
        let periode = try #require(object["periode"] as? [String: String])
        #expect(periode == ["van": "2022-01-01", "tot": "2022-12-31"])
        #expect(object["bron"] is NSNull)
        let aanmeldingen = try #require(object["aanmeldingen"] as? [String: Any])
        #expect(aanmeldingen["totaal"] as? Int == 4)
        #expect(aanmeldingen["per_maand"] as? [Int] == [2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1])
        #expect(aanmeldingen["kinderen"] as? Int == 5)
        #expect(aanmeldingen["gezinnen"] as? Int == 4)
        let perSource = try #require(aanmeldingen["per_bron"] as? [String: Int])
        #expect(perSource["Veilig Thuis"] == 2 && perSource["Jeugdteam"] == 1 && perSource["Overig"] == 1)
        #expect(object["naar_beschermtafel"] as? Int == 2)
        let safe = try #require(object["veiligheid_gewaarborgd"] as? [String: Int])
        #expect(safe["na_onderzoek"] == 1 && safe["na_beschermtafel"] == 0)
        let rvk = try #require(object["rvk_onderzoek"] as? [String: Any])
        #expect(rvk["totaal"] as? Int == 1)
        let outcome = try #require(rvk["uitkomst"] as? [String: Int])
        #expect(Set(outcome.keys) == ["geen maatregel", "OTS", "uithuisplaatsing", "lopend"])
        #expect(outcome["lopend"] == 1)
        #expect(rvk["uitkomst_kinderen"] as? [String: Int] == ["geen maatregel": 0, "OTS": 0, "uithuisplaatsing": 0])
        // The store's first report is of 2021: that year and the report's.
        let measures = try #require(object["maatregelen_per_jaar"] as? [String: Any])
        #expect(measures["tot_en_met"] as? String == "2022-12-31")
        #expect((measures["jaren"] as? [[String: Int]])?.map { $0["jaar"] } == [2021, 2022])
        #expect(object["lopend"] as? Int == 2, "R-2 at the table, R-4 aangemeld")
        let lead = try #require(object["doorlooptijd_dagen"] as? [String: [String: Int]])
        #expect(Set(lead.keys) == ["aangemeld", "onderzoek", "beschermtafel"])
        #expect(lead["onderzoek"]?["p50"] == 30 && lead["onderzoek"]?["p85"] == 60, "30, 60 and 30 days")
        let plans = try #require(object["gezamenlijke_plannen"] as? [String: Any])
        for key in ["gestart", "afgeschaald", "raad_betrokken", "lopend"] { #expect(plans[key] as? Int == 0, "\(key)") }
        #expect((plans["uren_per_organisatie"] as? [String: Any])?.isEmpty == true)
    }

    @Test func textHasTheFiguresAndABarChart() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Self.makeStore(in: directory)
        let result = try Binary.run(["rapport", "--store", store, "--from", "01-01-2022", "--to", "31-03-2022"])
        #expect(result.status == 0, "\(result.output)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "Aanmeldingen 01-01-2022 t/m 31-03-2022 (alle bronnen)")
        #expect(lines.contains { $0.hasPrefix("Aanmeldingen ") && $0.hasSuffix(" 3") })
        let january = try #require(lines.first { $0.hasPrefix("  jan 2022 ") })
        #expect(january.hasSuffix("█" + String(repeating: "█", count: 39) + " 2"), "the busiest month fills the bar")
        #expect(lines.contains("  feb 2022 │ 0"))
        #expect(lines.contains { $0.hasPrefix("  mrt 2022 │████████████████████ ") && $0.hasSuffix(" 1") }, "half of January's bar")
        #expect(!result.output.contains("Jansen") && !result.output.contains("Zoë"), "no names in a report")
    }

    @Test func csvHasOneRowPerFigure() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Self.makeStore(in: directory)
        let result = try Binary.run(["report", "--store", store, "--year", "2022", "--source", "veilig thuis", "--format", "csv"])
        #expect(result.status == 0, "\(result.output)")
        let rows = result.output.split(separator: "\n").map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.first == ["sleutel", "cijfer", "waarde"])
        #expect(rows.allSatisfy { $0.count == 3 }, "every row has key, label and value")
        #expect(rows.contains(["aanmeldingen.totaal", "Aanmeldingen", "2"]))
        #expect(rows.contains(["aanmeldingen.per_maand.2022-01", "Aanmeldingen in januari 2022", "2"]))
        #expect(rows.contains(["rvk_onderzoek.uitkomst.OTS", "RvK-uitkomst: OTS", "0"]))
        #expect(rows.filter { $0[0].hasPrefix("aanmeldingen.per_maand.") }.count == 12)
    }

    /// Every format ends with the log's head, as `check` prints it, and `check --kop` takes it back:
    /// in order now, refused once the events after it are gone.
    @Test func everyFormatCarriesTheHeadOfTheLogForCheck() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Self.makeStore(in: directory)
        let check = try Binary.run(["check", "--store", store])
        #expect(check.status == 0, "\(check.output)")
        let printed = try #require(check.output.split(separator: "\n").first { $0.hasPrefix("Kop van het logboek: gebeurtenis ") })
        let parts = printed.dropFirst("Kop van het logboek: gebeurtenis ".count).split(separator: ",")
        let id = try #require(Int(parts[0]))
        let hash = String(try #require(parts.last?.split(separator: " ").last))
        #expect(hash.count == 64)
        let head = "\(id):\(hash)"

        let text = try Binary.run(["report", "--store", store, "--year", "2022"])
        #expect(text.output.contains("\nKop van het logboek: \(head) (noteer hem in het verslag"), "\(text.output)")
        let json = try Binary.run(["report", "--store", store, "--year", "2022", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let ketenkop = try #require(object["ketenkop"] as? [String: Any])
        #expect(ketenkop["gebeurtenis"] as? Int == id && ketenkop["hash"] as? String == hash)
        let csv = try Binary.run(["report", "--store", store, "--year", "2022", "--format", "csv"])
        #expect(csv.output.split(separator: "\n").last == "ketenkop;Kop van het logboek (gebeurtenis:hash);\(head)")
        let markdown = try Binary.run(["report", "--store", store, "--year", "2022", "--format", "markdown"])
        #expect(markdown.output.split(separator: "\n").last?.hasPrefix("Kop van het logboek: \(head) ") == true, "\(markdown.output)")

        let anchored = try Binary.run(["check", "--store", store, "--kop", "\(id):\(hash.prefix(16))"])
        #expect(anchored.status == 0, "\(anchored.output)")
        #expect(anchored.output.contains("Ketenkop uit het verslag: in orde (gebeurtenis \(id) staat met dezelfde hash in de keten)"))
        let later = try Binary.run(["check", "--store", store, "--head", "\(id + 3):\(hash)"])
        #expect(later.status == 1)
        #expect(later.output.contains("gebeurtenis \(id + 3) (kop \(id + 3):\(hash.prefix(16))…) staat niet meer in het logboek"), "\(later.output)")
        let short = try Binary.run(["check", "--store", store, "--kop", "\(id):\(hash.prefix(8))"])
        #expect(short.status == 1)
        #expect(short.output.contains("--kop: de hash van de ketenkop heeft 8 tekens; neem er minstens 16 over."), "\(short.output)")
    }

    @Test func markdownIsATable() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Self.makeStore(in: directory)
        let result = try Binary.run(["report", "--store", store, "--year", "2022", "--format", "markdown"])
        #expect(result.status == 0, "\(result.output)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "## Aanmeldingen 01-01-2022 t/m 31-12-2022 (alle bronnen)")
        let table = lines.filter { $0.hasPrefix("|") }
        #expect(table.prefix(2) == ["| Cijfer | Aantal |", "|---|---:|"])
        #expect(table.contains("| Aanmeldingen | 4 |"))
        #expect(table.contains("| Naar de Beschermtafel | 2 |"))
        #expect(table.allSatisfy { $0.hasSuffix("|") && $0.filter { $0 == "|" }.count == 3 })
    }

    @Test func mistakesGetADutchAnswerAndExitOne() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Self.makeStore(in: directory)
        let unknown = try Binary.run(["report", "--store", store, "--year", "2022", "--source", "Politie"])
        #expect(unknown.status == 1)
        #expect(unknown.output.contains("Onbekende bron ‘Politie’; kies uit: Veilig Thuis, Jeugdbescherming, Jeugdteam, Overig."))
        let backwards = try Binary.run(["report", "--store", store, "--from", "01-06-2022", "--to", "01-01-2022"])
        #expect(backwards.status == 1)
        #expect(backwards.output.contains("De periode klopt niet: --from (01-06-2022) ligt na --to (01-01-2022)."), "\(backwards.output)")
        let impossible = try Binary.run(["report", "--store", store, "--from", "31-02-2022"])
        #expect(impossible.status == 1)
        #expect(impossible.output.contains("--from: ‘31-02-2022’ bestaat niet als datum"), "\(impossible.output)")
        let both = try Binary.run(["report", "--store", store, "--year", "2022", "--from", "01-01-2022"])
        #expect(both.status == 1)
        #expect(both.output.contains("Kies --year of --from/--to, niet allebei."))
        let missing = directory.appendingPathComponent("weg.sqlite").path
        let absent = try Binary.run(["report", "--store", missing, "--year", "2022"])
        #expect(absent.status == 1)
        #expect(!FileManager.default.fileExists(atPath: missing), "a report never creates a store")
        #expect(absent.output.contains("bestaat niet"), "\(absent.output)")
    }

    @Test func aYearWithoutDataSaysSo() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Self.makeStore(in: directory)
        let text = try Binary.run(["report", "--store", store, "--year", "2019"])
        #expect(text.status == 0, "\(text.output)")
        #expect(text.output.contains("Geen aanmeldingen in deze periode: er zijn geen gegevens, alle cijfers zijn 0."))
        let json = try Binary.run(["report", "--store", store, "--year", "2019", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect((object["aanmeldingen"] as? [String: Any])?["totaal"] as? Int == 0)
        #expect(object["geen_gegevens"] as? Bool == true)
    }
}
