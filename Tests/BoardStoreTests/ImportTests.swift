import BoardCore
import Foundation
import GRDB
import Testing
@testable import BoardStore

private let importToday = day(2025, 6, 30)
private let header = "kenmerk;aangemeld_op;bron;gezin;wijk;medewerker;kinderen;onderzoek_op;beschermtafel_op;uitkomst;uitkomst_op"

private func parse(_ text: String) -> ImportParse {
    CaseImporter.parse(data: Data(text.utf8), today: importToday)
}

/// The `regel N: ...` lines for a file of the standard header and `rows`, CR LF line ends.
private func problems(_ rows: String...) -> [String] {
    parse(([header] + rows).joined(separator: "\r\n") + "\r\n").errors.map(\.description)
}

/// Windows-1252 bytes of `text` (only characters that Windows-1252 has).
private func windows1252(_ text: String) -> Data {
    let high: [Character: UInt8] = ["€": 0x80, "‚": 0x82, "„": 0x84, "…": 0x85, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "–": 0x96, "—": 0x97]
    var bytes: [UInt8] = []
    for character in text {
        if let byte = high[character] {
            bytes.append(byte)
        } else {
            for scalar in character.unicodeScalars {
                precondition(scalar.value <= 0xFF && !(0x80...0x9F).contains(scalar.value), "not in Windows-1252: \(character)")
                bytes.append(UInt8(scalar.value))
            }
        }
    }
    return Data(bytes)
}

@Suite("Import: reading CSV as Excel writes it")
struct ImportParsingTests {
    /// Quoted fields with `;` and line breaks, a header in another order and case, an unknown column,
    /// a trailing line of delimiters as Excel writes it.
    static let excelText = [
        "Gezin;KENMERK;Aangemeld_Op;bron;Kinderen;opmerking;wijk;medewerker;onderzoek_op;beschermtafel_op;uitkomst;uitkomst_op",
        "\"Özdemir; Yilmaz\";2025-0001;03-03-2025;Veilig Thuis;\"Zoë (12-04-2016) | Ilayda (02-11-2019)\";\"twee regels\r\nopmerking\";Poelenburg;Sanne d’Hondt;05-03-2025;;;",
        "de Vries;2025-0002;2025-03-04;veilig-thuis;\"Daan (01-01-2015)\";;\"Kogerveld\";;10-03-2025;20-04-2025;RvK-onderzoek;01-06-2025",
        ";;;;;;;;;;;",
        "",
    ].joined(separator: "\r\n")

    @Test func excelFileInUTF8WithBOMAndInWindows1252GivesTheSameRows() throws {
        let utf8 = CaseImporter.parse(data: Data([0xEF, 0xBB, 0xBF]) + Data(Self.excelText.utf8), today: importToday)
        let cp1252 = CaseImporter.parse(data: windows1252(Self.excelText), today: importToday)
        #expect(utf8.errors.isEmpty, "\(utf8.errors)")
        #expect(cp1252.errors.isEmpty, "\(cp1252.errors)")
        #expect(utf8.encoding == .utf8WithBOM)
        #expect(utf8.encoding.notice == nil)
        #expect(cp1252.encoding == .windows1252)
        #expect(cp1252.encoding.notice?.contains("Windows-1252") == true)
        #expect(utf8.delimiter == ";" && cp1252.delimiter == ";")
        #expect(utf8.unknownColumns == ["opmerking"])
        #expect(utf8.rows == cp1252.rows)
        #expect(utf8.rows.count == 2)

        let first = try #require(utf8.rows.first)
        #expect(first.line == 2)
        #expect(first.report == NewReport(kenmerk: "2025-0001", reportedOn: day(2025, 3, 3), source: .veiligThuis,
                                          familyName: "Özdemir; Yilmaz", wijk: "Poelenburg", medewerker: "Sanne d’Hondt",
                                          children: [Child(firstName: "Zoë", birthDate: day(2016, 4, 12)),
                                                     Child(firstName: "Ilayda", birthDate: day(2019, 11, 2))]))
        #expect(first.moves == [.init(stage: .onderzoek, day: day(2025, 3, 5))])
        #expect(first.stage == .onderzoek && first.stageSince == day(2025, 3, 5))

        let second = try #require(utf8.rows.last)
        #expect(second.line == 4, "the first record takes lines 2 and 3")
        #expect(second.report.source == .veiligThuis && second.report.reportedOn == day(2025, 3, 4))
        #expect(second.moves == [.init(stage: .onderzoek, day: day(2025, 3, 10)), .init(stage: .beschermtafel, day: day(2025, 4, 20)),
                                 .init(stage: .rvkOnderzoek, day: day(2025, 6, 1))])
    }

    @Test func commaDelimiterAndLFLineEnds() throws {
        let text = "kenmerk,aangemeld_op,bron,gezin,kinderen\nB-1,01-02-2025,Jeugdteam,\"Jansen, de Groot\",\"Sem (01-01-2020)|Mila (02-02-2021)\"\n"
        let parsed = parse(text)
        #expect(parsed.delimiter == ",")
        #expect(parsed.errors.isEmpty, "\(parsed.errors)")
        let row = try #require(parsed.rows.first)
        #expect(row.report.familyName == "Jansen, de Groot")
        #expect(row.report.source == .jeugdteam)
        #expect(row.report.children.map(\.firstName) == ["Sem", "Mila"])
        #expect(row.stage == .aangemeld && row.stageSince == day(2025, 2, 1))
    }

    @Test func lineNumbersCountLineBreaksInsideQuotedFields() {
        let text = [
            header,
            "A-1;03-03-2025;Veilig Thuis;\"de Vries\r\nen Jansen\";;;Sem (01-01-2015);;;;",
            "A-2;03-03-2025;Veilig Thuis;Bakker;;\"Sanne\nKuipers\rde Wit\";;;;;",
            "",
            "A-3;31-02-2025;Veilig Thuis;Visser;;;Sem (01-01-2015);;;;",
            "\"A-4\";03-03-2025;Politie;Smit;;;Sem (01-01-2015);;;;",
        ].joined(separator: "\r\n")
        // A-1 takes lines 2–3, A-2 lines 4–6 (an LF and a lone CR inside), the empty line 7. A line
        // break has no place in a name (InputText), so those two records are refused too.
        #expect(parse(text).errors.map(\.description) == [
            "regel 2: gezin bevat een regeleinde op plaats 9; dit veld is één regel",
            "regel 4: medewerker bevat een regeleinde op plaats 6; dit veld is één regel",
            "regel 8: aangemeld_op: ‘31-02-2025’ bestaat niet als datum",
            "regel 9: bron ‘Politie’ is onbekend; kies Veilig Thuis, Jeugdbescherming, Jeugdteam of Overig",
        ])
    }

    @Test func headerIsRequired() {
        #expect(parse("").errors.map(\.description)
                == ["regel 1: het bestand is leeg; de eerste regel moet de kolomnamen bevatten (kenmerk;aangemeld_op;bron;gezin;wijk;medewerker;kinderen;onderzoek_op;beschermtafel_op;uitkomst;uitkomst_op)"])
        #expect(parse("A-1;03-03-2025;Veilig Thuis;de Vries\r\n").errors.map(\.description)
                == ["regel 1: verplichte kolommen kenmerk, aangemeld_op, bron, gezin, kinderen ontbreken in de kopregel (gevonden: ‘A-1’, ‘03-03-2025’, ‘Veilig Thuis’, ‘de Vries’); de eerste regel moet de kolomnamen bevatten"])
        #expect(parse("kenmerk;aangemeld_op;bron;familie;kinderen\r\nA-1;03-03-2025;Veilig Thuis;de Vries;Zoë (12-04-2016)\r\n").errors.map(\.description)
                == ["regel 1: verplichte kolom gezin ontbreekt in de kopregel (gevonden: ‘kenmerk’, ‘aangemeld_op’, ‘bron’, ‘familie’, ‘kinderen’); de eerste regel moet de kolomnamen bevatten"])
        #expect(parse("kenmerk;aangemeld_op;bron;gezin;kinderen;Kenmerk\r\n").errors.map(\.description)
                == ["regel 1: kolom ‘Kenmerk’ staat twee keer in de kopregel"])
    }

    static let rules: [(row: String, message: String)] = [
        (";03-03-2025;Veilig Thuis;de Vries;;;Sem (01-01-2015);;;;", "regel 2: kenmerk ontbreekt"),
        ("A-1;;Veilig Thuis;de Vries;;;Sem (01-01-2015);;;;", "regel 2: aangemeld_op ontbreekt"),
        ("A-1;3 maart 2025;Veilig Thuis;de Vries;;;Sem (01-01-2015);;;;", "regel 2: aangemeld_op: ‘3 maart 2025’ is geen datum; typ dd-mm-jjjj"),
        ("A-1;31-02-2025;Veilig Thuis;de Vries;;;Sem (01-01-2015);;;;", "regel 2: aangemeld_op: ‘31-02-2025’ bestaat niet als datum"),
        ("A-1;01-07-2025;Veilig Thuis;de Vries;;;Sem (01-01-2015);;;;", "regel 2: aangemeld_op: 01-07-2025 ligt in de toekomst"),
        ("A-1;03-03-2025;;de Vries;;;Sem (01-01-2015);;;;", "regel 2: bron ontbreekt"),
        ("A-1;03-03-2025;Politie;de Vries;;;Sem (01-01-2015);;;;", "regel 2: bron ‘Politie’ is onbekend; kies Veilig Thuis, Jeugdbescherming, Jeugdteam of Overig"),
        ("A-1;03-03-2025;Veilig Thuis; ;;;Sem (01-01-2015);;;;", "regel 2: gezin ontbreekt"),
        ("A-1;03-03-2025;Veilig Thuis;de Vries;;;Sem (01-01-2015);01-03-2025;;;",
         "regel 2: onderzoek_op (01-03-2025) ligt vóór aangemeld_op (03-03-2025); de datums van een zaak lopen nooit terug"),
        ("A-1;03-03-2025;Veilig Thuis;de Vries;;;Sem (01-01-2015);10-03-2025;05-03-2025;;",
         "regel 2: beschermtafel_op (05-03-2025) ligt vóór onderzoek_op (10-03-2025); de datums van een zaak lopen nooit terug"),
        ("A-1;03-03-2025;Veilig Thuis;de Vries;;;Sem (01-01-2015);10-03-2025;20-04-2025;veiligheid gewaarborgd;19-04-2025",
         "regel 2: uitkomst_op (19-04-2025) ligt vóór beschermtafel_op (20-04-2025); de datums van een zaak lopen nooit terug"),
        ("A-1;03-03-2025;Veilig Thuis;de Vries;;;Sem (01-01-2015);01-07-2025;;;", "regel 2: onderzoek_op: 01-07-2025 ligt in de toekomst"),
        ("A-1;03-03-2025;Veilig Thuis;de Vries;;;Sem (01-01-2015);10-03-2025;;veiligheid gewaarborgd;2025-07-01",
         "regel 2: uitkomst_op: 01-07-2025 ligt in de toekomst"),
        ("A-1;03-03-2025;Veilig Thuis;de Vries;;;Sem (01-01-2015);;20-04-2025;;",
         "regel 2: beschermtafel_op is ingevuld maar onderzoek_op niet; een zaak komt pas na onderzoek aan de Beschermtafel"),
        ("A-1;03-03-2025;Veilig Thuis;de Vries;;;Sem (01-01-2015);;;veiligheid gewaarborgd;01-04-2025",
         "regel 2: uitkomst is ingevuld maar onderzoek_op niet; een uitkomst volgt pas na onderzoek"),
        ("A-1;03-03-2025;Veilig Thuis;de Vries;;;Sem (01-01-2015);10-03-2025;;rvk-onderzoek;01-04-2025",
         "regel 2: uitkomst rvk-onderzoek vraagt ook beschermtafel_op; alleen de Beschermtafel brengt een zaak naar de Raad"),
        ("A-1;03-03-2025;Veilig Thuis;de Vries;;;Sem (01-01-2015);10-03-2025;;veiligheid gewaarborgd;",
         "regel 2: uitkomst_op ontbreekt; bij een uitkomst hoort de datum ervan"),
        ("A-1;03-03-2025;Veilig Thuis;de Vries;;;Sem (01-01-2015);10-03-2025;;;01-04-2025", "regel 2: uitkomst_op is ingevuld maar uitkomst niet"),
        ("A-1;03-03-2025;Veilig Thuis;de Vries;;;Sem (01-01-2015);10-03-2025;;gesloten;01-04-2025",
         "regel 2: uitkomst ‘gesloten’ is onbekend; kies veiligheid gewaarborgd of rvk-onderzoek"),
        ("A-1;03-03-2025;Veilig Thuis;de Vries;;;Sem (01-01-2015);10-03-2025;;onderzoek;01-04-2025",
         "regel 2: uitkomst ‘onderzoek’ is onbekend; kies veiligheid gewaarborgd of rvk-onderzoek"),
        ("A-1;03-03-2025;Veilig Thuis;de Vries;;;Daan 02-11-2019;;;;",
         "regel 2: kinderen: ‘Daan 02-11-2019’ is geen kind in de vorm Voornaam (dd-mm-jjjj)"),
        ("A-1;03-03-2025;Veilig Thuis;de Vries;;;Zoë (12-04-2016) | Daan (01-01-2026);;;;",
         "regel 2: kinderen: geboortedatum van Daan: 01-01-2026 ligt in de toekomst"),
        ("A-1;03-03-2025;Veilig Thuis;de Vries;;;Daan (30-02-2019);;;;", "regel 2: kinderen: geboortedatum van Daan: ‘30-02-2019’ bestaat niet als datum"),
        ("A-1;03-03-2025;Veilig Thuis;de Vries;;;(01-01-2020);;;;",
         "regel 2: kinderen: ‘(01-01-2020)’ heeft geen voornaam; schrijf Voornaam (dd-mm-jjjj)"),
        ("A-1;03-03-2025;Veilig Thuis;de\u{0}Vries;;;Sem (01-01-2015);;;;", "regel 2: gezin bevat een NUL-teken (\\0) op plaats 3; dat kan niet worden opgeslagen"),
        ("A-1;03-03-2025;Veilig Thuis;de Vries;;;Sem (01-01-2015);;;;;extra",
         "regel 2: 12 velden, maar de kopregel heeft 11 kolommen; staat er een scheidingsteken te veel, of ontbreekt een aanhalingsteken?"),
    ]

    @Test("each rule, with its Dutch message and line", arguments: rules)
    func rule(_ example: (row: String, message: String)) {
        #expect(problems(example.row) == [example.message])
    }

    /// Every combination of the stage columns: the import takes a row exactly when each move along
    /// it is one the board's rules (Transitions) allow, and puts the case where the board would have
    /// moved it; a row the board could not have made is refused with its line.
    @Test func theImportAllowsExactlyTheRoutesTheBoardAllows() {
        for onderzoek in [false, true] {
            for tafel in [false, true] {
                for outcome in [nil, Stage.veiligheidGewaarborgd, .rvkOnderzoek] {
                    let route = [Stage.aangemeld] + (onderzoek ? [.onderzoek] : []) + (tafel ? [.beschermtafel] : []) + [outcome].compactMap { $0 }
                    let boardAllows = zip(route, route.dropFirst()).allSatisfy { from, to in
                        if case .success(let rule) = Transitions.rule(from: from, to: to) { return rule.direction == .forward }
                        return false
                    }
                    let row = "A-1;03-03-2025;Veilig Thuis;de Vries;;;Sem (01-01-2015);\(onderzoek ? "10-03-2025" : "");\(tafel ? "20-03-2025" : "");"
                        + "\(outcome?.title ?? "");\(outcome == nil ? "" : "01-04-2025")"
                    let parsed = parse(header + "\r\n" + row + "\r\n")
                    let what = route.map(\.title).joined(separator: " > ")
                    if boardAllows {
                        #expect(parsed.errors.isEmpty, "\(what): \(parsed.errors)")
                        #expect(parsed.rows.first?.moves.map(\.stage) == Array(route.dropFirst()), "\(what)")
                    } else {
                        #expect(parsed.rows.isEmpty, "\(what) is no route on the board")
                        #expect(!parsed.errors.isEmpty && parsed.errors.allSatisfy { $0.description.hasPrefix("regel 2: ") }, "\(what): \(parsed.errors)")
                    }
                }
            }
        }
    }

    @Test func everyProblemOfEveryRowIsListed() {
        let found = problems(
            "A-1;03-03-2025;Veilig Thuis;de Vries;;;Sem (01-01-2015);;;;",
            ";morgen;Politie;;;;Sem (01-01-2015);;;;",
            "A-1;04-03-2025;Jeugdteam;Bakker;;;Sem (01-01-2015);;;;",
            "A-3;04-03-2025;Overig;Smit;;;Sem (01-01-2015);;20-04-2025;rvk-onderzoek;")
        #expect(found == [
            "regel 3: kenmerk ontbreekt",
            "regel 3: aangemeld_op: ‘morgen’ is geen datum; typ dd-mm-jjjj",
            "regel 3: bron ‘Politie’ is onbekend; kies Veilig Thuis, Jeugdbescherming, Jeugdteam of Overig",
            "regel 3: gezin ontbreekt",
            "regel 4: kenmerk ‘A-1’ staat ook op regel 2; een kenmerk mag maar één keer voorkomen",
            "regel 5: beschermtafel_op is ingevuld maar onderzoek_op niet; een zaak komt pas na onderzoek aan de Beschermtafel",
            "regel 5: uitkomst is ingevuld maar onderzoek_op niet; een uitkomst volgt pas na onderzoek",
            "regel 5: uitkomst_op ontbreekt; bij een uitkomst hoort de datum ervan",
        ])
    }

    @Test func acceptedSpellings() throws {
        let parsed = parse([
            header,
            "A-1;2025-03-03;VEILIG THUIS;de Vries;;;Sem (01-01-2015);2025-03-05;2025-04-01;Veiligheid-Gewaarborgd;2025-05-01",
            "A-2;03/03/2025;jeugdbescherming;Bakker;;;Sem (01-01-2015);05.03.2025;;veiligheid_gewaarborgd;06-03-2025",
            "A-3;03-03-2025;overig;Smit;;;Sem (01-01-2015);03-03-2025;03-03-2025;RVK onderzoek;03-03-2025",
        ].joined(separator: "\n"))
        #expect(parsed.errors.isEmpty, "\(parsed.errors)")
        #expect(parsed.rows.map(\.stage) == [.veiligheidGewaarborgd, .veiligheidGewaarborgd, .rvkOnderzoek])
        #expect(parsed.rows.map(\.report.source) == [.veiligThuis, .jeugdbescherming, .overig])
        #expect(parsed.rows[0].moves.map(\.stage) == [.onderzoek, .beschermtafel, .veiligheidGewaarborgd])
        #expect(parsed.rows[1].moves.map(\.stage) == [.onderzoek, .veiligheidGewaarborgd], "safety ensured straight after onderzoek")
        #expect(parsed.rows[2].stageSince == day(2025, 3, 3), "the same day for every stage is allowed")
    }

    @Test func unclosedQuoteIsNamedAtTheRecordThatSwallowedTheRest() {
        let found = problems("A-1;03-03-2025;Veilig Thuis;de Vries;;;Sem (01-01-2015);;;;",
                             "A-2;03-03-2025;Veilig Thuis;\"Bakker;;;;;;;",
                             "A-3;03-03-2025;Veilig Thuis;Smit;;;Sem (01-01-2015);;;;")
        #expect(found.last == "regel 3: een aanhalingsteken (\") wordt niet gesloten; de rest van het bestand is als één veld gelezen")
    }

    @Test func windows1252TypographicCharacters() {
        let decoded = TextDecoding.decode(Data([0x80, 0x20, 0x85, 0x20, 0x92, 0x20, 0xEB, 0xD6]))
        #expect(decoded.encoding == .windows1252)
        #expect(decoded.text == "€ … ’ ëÖ")
        #expect(TextDecoding.decode(Data("Zoë".utf8)) == ("Zoë", .utf8))
    }

    @Test func longValuesAreShortenedInMessages() {
        let long = String(repeating: "x", count: 100)
        #expect(problems("A-1;03-03-2025;\(long);de Vries;;;Sem (01-01-2015);;;;")
                == ["regel 2: bron ‘\(String(repeating: "x", count: 39))…’ is onbekend; kies Veilig Thuis, Jeugdbescherming, Jeugdteam of Overig"])
    }

    @Test func progressIsReportedUpToTheWholeFile() {
        var rows = [header]
        for number in 1...2000 { rows.append("P-\(number);03-03-2025;Veilig Thuis;de Vries;;;Sem (01-01-2015);;;;") }
        var seen: [Double] = []
        let parsed = CaseImporter.parse(data: Data(rows.joined(separator: "\n").utf8), today: importToday) { seen.append($0) }
        #expect(parsed.rows.count == 2000)
        #expect(seen.count >= 3)
        #expect(seen == seen.sorted(), "progress never runs backwards")
        #expect(seen.last == 1)
    }
}

@Suite("Import: writing to the store")
struct ImportStoreTests {
    let today = importToday

    func rows(_ lines: String...) throws -> [ImportRow] {
        let parsed = parse(([header] + lines).joined(separator: "\r\n"))
        #expect(parsed.errors.isEmpty, "\(parsed.errors)")
        return parsed.rows
    }

    @Test(arguments: StoreKind.all) func casesLandInTheFurthestColumnWithADatedHistory(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let store = try storeWithSanne(TestStore(kind, in: scratch))
        let result = try store.importRows(try rows(
            "A-1;03-03-2025;Veilig Thuis;Özdemir;Poelenburg;Sanne;Zoë (12-04-2016) | Daan (02-11-2019);05-03-2025;20-04-2025;rvk-onderzoek;01-06-2025",
            "A-2;10-03-2025;Jeugdteam;de Vries;Kogerveld;;Sem (01-01-2015);12-03-2025;;veiligheid gewaarborgd;01-05-2025",
            "A-3;01-06-2025;Overig;Bakker;;;Sem (01-01-2020);;;;"), origin: "zaken.csv")
        #expect(result == ImportResult(cases: 3, families: 3, children: 4, skipped: []))

        let cases = try store.boardCases(today: today, closedWindowDays: nil)
        let byKenmerk = Dictionary(uniqueKeysWithValues: cases.map { ($0.kenmerk, $0) })
        #expect(byKenmerk.count == 3)
        let rvk = try #require(byKenmerk["A-1"])
        #expect(rvk.stage == .rvkOnderzoek && rvk.stageSince == day(2025, 6, 1))
        #expect(rvk.familyName == "Özdemir" && rvk.wijk == "Poelenburg" && rvk.medewerker == "Sanne" && rvk.childCount == 2)
        #expect(byKenmerk["A-2"]?.stage == .veiligheidGewaarborgd && byKenmerk["A-2"]?.stageSince == day(2025, 5, 1))
        #expect(byKenmerk["A-3"]?.stage == .aangemeld && byKenmerk["A-3"]?.stageSince == day(2025, 6, 1))

        let details = try store.details(of: rvk.id, logOpening: false)
        #expect(details.events.map(\.kind) == [.aangemeld, .verplaatst, .verplaatst, .verplaatst])
        #expect(details.events.map(\.fromStage) == [nil, .aangemeld, .onderzoek, .beschermtafel])
        #expect(details.events.map(\.toStage) == [.aangemeld, .onderzoek, .beschermtafel, .rvkOnderzoek])
        #expect(details.events.map(\.day) == [day(2025, 3, 3), day(2025, 3, 5), day(2025, 4, 20), day(2025, 6, 1)])
        #expect(details.events.dropFirst().allSatisfy { $0.detail.contains("geïmporteerd uit zaken.csv") })
        #expect(details.events.allSatisfy { $0.user == "anouk" })
        #expect(details.events[0].detail == "bron Veilig Thuis; kinderen: Zoë, Daan", "the same first event as a report typed by hand")
        #expect(details.children == [Child(firstName: "Zoë", birthDate: day(2016, 4, 12)), Child(firstName: "Daan", birthDate: day(2019, 11, 2))])

        let safe = try store.details(of: try #require(byKenmerk["A-2"]).id, logOpening: false)
        #expect(safe.events.map(\.toStage) == [.aangemeld, .onderzoek, .veiligheidGewaarborgd])
    }

    @Test(arguments: StoreKind.all) func textIsStoredAsGivenAfterTrimming(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let store = try storeWithSanne(TestStore(kind, in: scratch))
        _ = try store.importRows(try rows("  A-1 ;03-03-2025;Veilig Thuis;\"  de  Vries-Özdemir \";  Poelenburg ;;Sem (01-01-2015);;;;"), origin: "x.csv")
        let card = try #require(try store.boardCases(today: today, closedWindowDays: nil).first)
        #expect(card.kenmerk == "A-1")
        #expect(card.familyName == "de  Vries-Özdemir", "stored as given, only trimmed (control characters are refused: RefusedImportTests)")
        #expect(card.wijk == "Poelenburg")
    }

    @Test(arguments: StoreKind.all) func importingTwiceAddsNothing(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let store = try storeWithSanne(TestStore(kind, in: scratch))
        let file = try rows("A-1;03-03-2025;Veilig Thuis;de Vries;;;Zoë (12-04-2016);05-03-2025;;;",
                            "A-2;03-03-2025;Jeugdteam;Bakker;;;Sem (01-01-2015);;;;")
        let first = try store.importRows(file, origin: "zaken.csv")
        #expect(first.cases == 2 && first.skipped.isEmpty)
        let token = try store.changeToken()
        let board = try store.boardCases(today: today, closedWindowDays: nil)

        let second = try store.importRows(file, origin: "zaken.csv")
        #expect(second == ImportResult(cases: 0, families: 0, children: 0, skipped: [
            ImportIssue(line: 2, message: "kenmerk ‘A-1’ staat al in de opslag; overgeslagen"),
            ImportIssue(line: 3, message: "kenmerk ‘A-2’ staat al in de opslag; overgeslagen"),
        ]))
        #expect(try store.changeToken() == token, "no event written")
        #expect(try store.boardCases(today: today, closedWindowDays: nil) == board)

        // A file with one new case next to the known ones adds just that one.
        let more = try store.importRows(try rows("A-2;03-03-2025;Jeugdteam;Bakker;;;Sem (01-01-2015);;;;", "A-3;04-03-2025;Overig;Smit;;;Sem (01-01-2015);;;;"),
                                        origin: "meer.csv")
        #expect(more.cases == 1 && more.skipped.map(\.line) == [2])
        #expect(try store.boardCases(today: today, closedWindowDays: nil).count == 3)
    }

    /// The import numbers its events itself (BackgroundChain); what is written after it, by hand or
    /// by a second import, follows them in the log, and the chain holds.
    @Test(arguments: StoreKind.all) func theLogGoesOnAfterAnImport(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let store = try storeWithSanne(place)
        _ = try store.importRows(try rows("A-1;03-03-2025;Veilig Thuis;de Vries;;;Sem (01-01-2015);05-03-2025;;;"), origin: "zaken.csv")
        let imported = try store.changeToken()
        let id = try store.addReport(report("2025-0001"))
        try store.move(MoveRequest(caseID: id, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2025, 3, 5)), today: today)
        #expect(try store.changeToken() == imported + 2)
        _ = try store.importRows(try rows("A-2;03-03-2025;Jeugdteam;Bakker;;;Zoë (12-04-2016);;;;"), origin: "meer.csv")
        try store.addReport(report("2025-0002"))
        #expect(try store.changeToken() == imported + 4)
        let chain = try place.verifiedChain()
        #expect(chain.breaks == 0 && chain.events == Int(imported) + 4)
    }

    /// Copies every committed page into the main file and empties the WAL: after this, the main
    /// file's bytes are the store's whole committed state.
    func checkpoint(_ store: Store) throws {
        try store.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
    }

    /// The file's committed bytes, or nil for a server store (whose files are the server's).
    func committedBytes(_ store: Store, _ kind: StoreKind) throws -> Data? {
        guard kind == .file else { return nil }
        try checkpoint(store)
        let committed = try #require(bytes(store.location))
        return committed
    }

    @Test(arguments: StoreKind.all) func dryRunWritesNothing(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let store = try storeWithSanne(TestStore(kind, in: scratch))
        try store.addReport(report("A-1"))
        let before = try committedBytes(store, kind)
        let token = try store.changeToken()

        let file = try rows("A-1;03-03-2025;Veilig Thuis;de Vries;;;Sem (01-01-2015);;;;",
                            "A-2;03-03-2025;Jeugdteam;Bakker;;;Sem (01-01-2020) | Mila (02-02-2021);05-03-2025;;;")
        let dry = try store.importRows(file, origin: "zaken.csv", dryRun: true)
        #expect(dry == ImportResult(cases: 1, families: 1, children: 2,
                                    skipped: [ImportIssue(line: 2, message: "kenmerk ‘A-1’ staat al in de opslag; overgeslagen")]))
        #expect(try store.changeToken() == token)
        #expect(try store.boardCases(today: today, closedWindowDays: nil).map(\.kenmerk) == ["A-1"])
        #expect(try committedBytes(store, kind) == before, "the store file is byte-for-byte unchanged")

        // And the real import adds exactly what the dry run announced.
        let real = try store.importRows(file, origin: "zaken.csv")
        #expect(real == dry)
        #expect(try store.boardCases(today: today, closedWindowDays: nil).map(\.kenmerk).sorted() == ["A-1", "A-2"])
    }

    @Test(arguments: StoreKind.all) func aFailureHalfwayLeavesTheStoreByteForByteUnchanged(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let store = try storeWithSanne(TestStore(kind, in: scratch))
        try store.addReport(report("BESTAAND-1"))
        let before = try committedBytes(store, kind)
        let token = try store.changeToken()

        var file = try rows("A-1;03-03-2025;Veilig Thuis;de Vries;;;Zoë (12-04-2016);05-03-2025;;;",
                            "A-2;03-03-2025;Jeugdteam;Bakker;;;Sem (01-01-2015);05-03-2025;06-03-2025;;")
        // A row that only the store refuses, after two good ones: the whole transaction must roll back.
        var broken = file[0]
        broken.line = 4
        broken.report.kenmerk = "A-3"
        broken.report.familyName = "   "
        file.append(broken)

        let error = storeError { _ = try store.importRows(file, origin: "zaken.csv") }
        #expect(error == .refused("Gezinsnaam is verplicht."))
        #expect(try store.boardCases(today: today, closedWindowDays: nil).map(\.kenmerk) == ["BESTAAND-1"])
        #expect(try store.changeToken() == token)
        #expect(try committedBytes(store, kind) == before, "nothing of the two good rows reached the file")
        #expect(kind == .server || bytes(store.location + "-wal")?.isEmpty ?? true, "and nothing is waiting in the WAL")
    }

    @Test func exactlyOneTransaction() throws {
        let scratch = try ScratchDirectory()
        let store = try storeWithSanne(path: scratch.file("bord.sqlite"))
        let counter = CommitCounter()
        store.pool.add(transactionObserver: counter, extent: .observerLifetime)
        let lines = (1...300).map { "T-\($0);03-03-2025;Veilig Thuis;Gezin \($0);;;Kind (01-01-2020);05-03-2025;;;" }
        let parsed = parse(([header] + lines).joined(separator: "\n"))
        var progress: [Int] = []
        let result = try store.importRows(parsed.rows, origin: "groot.csv") { done, total in
            #expect(total == 300)
            progress.append(done)
        }
        #expect(result.cases == 300 && result.children == 300)
        #expect(counter.commits == 1)
        #expect(progress.first == 0 && progress.last == 300)
    }
}

/// A batch of several hundred rows, every shape a row can have, written the way an import writes
/// them (one transaction, all moves of a row at once) and the way a user would (a report, then
/// each move through the move dialog's path): the same rows and the same events, and a log
/// whose hash chain holds.
@Suite("Import: a batch writes what typing and moving by hand writes")
struct ImportBatchTests {
    static let today = importToday
    static let text = "geïmporteerd uit zaken.csv"

    /// Row `number`: how far it got depends on the number; so does the number of children.
    static func line(_ number: Int) -> String {
        let children = (0...(number % 3)).map { "\(["Anna", "Bram", "Cas"][$0]) (0\($0 + 1)-01-2018)" }.joined(separator: " | ")
        let stages: String
        switch number % 5 {
        case 0: stages = ";;;"
        case 1: stages = "05-03-2025;;;"
        case 2: stages = "05-03-2025;;veiligheid gewaarborgd;01-05-2025"
        case 3: stages = "05-03-2025;20-04-2025;;"
        default: stages = "05-03-2025;20-04-2025;rvk-onderzoek;01-06-2025"
        }
        return "B-\(number);03-03-2025;Veilig Thuis;Gezin \(number);Wijk;Sanne;\(children);\(stages)"
    }

    /// Every row of the tables an import writes, in id order, without what differs from run to run
    /// (moments of recording, salts, hashes) and without the text of a move to the Beschermtafel,
    /// which by hand also names who brought the case in.
    static func content(_ store: Store) throws -> [String] {
        let tables = [
            ("gezin", "SELECT id, name, wijk FROM family ORDER BY id"),
            ("kind", "SELECT id, family_id, first_name, birth_date FROM child ORDER BY id"),
            ("zaak", "SELECT id, kenmerk, family_id, stage, stage_since, closed_on, 'v' || version FROM \"case\" ORDER BY id"),
            ("tafel", "SELECT id, case_id, requester, request_date, meeting_date, advice, outcome FROM table_record ORDER BY id"),
            ("rvk", "SELECT case_id, start_date FROM rvk_record ORDER BY case_id"),
            ("kinderen", "SELECT id, child_count, youngest_birth_date FROM family_children ORDER BY id"),
            ("gebeurtenis", """
                SELECT id, case_id, family_id, "user", kind, from_stage, to_stage, day,
                       CASE WHEN to_stage = 'beschermtafel' THEN '' ELSE detail END FROM event ORDER BY id
                """),
        ]
        return try store.read { db in
            try tables.flatMap { name, sql in
                try db.rows(sql: sql).map { row in
                    ([name] + row.values.map { String(sqlValue: $0) ?? "-" }).joined(separator: " ")
                }
            }
        }
    }

    @Test(arguments: StoreKind.all) func severalHundredRows(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let lines = (1...400).map(Self.line)
        let parsed = parse(([header] + lines).joined(separator: "\r\n"))
        #expect(parsed.errors.isEmpty, "\(parsed.errors)")

        let importPlace = try TestStore(kind, in: scratch, name: "import")
        let imported = try storeWithSanne(importPlace)
        #expect(try imported.importRows(parsed.rows, origin: "zaken.csv").cases == 400)

        let typed = try storeWithSanne(TestStore(kind, in: scratch, name: "hand"))
        for row in parsed.rows {
            let caseID = try typed.addReport(row.report)
            var from = Stage.aangemeld
            for move in row.moves {
                let version = try typed.details(of: caseID, logOpening: false).summary.version
                try typed.move(MoveRequest(caseID: caseID, expectedVersion: version, from: from, to: move.stage, day: move.day,
                                           text: Self.text, requester: move.stage == .beschermtafel ? .jeugdteam : nil),
                               today: Self.today)
                from = move.stage
            }
        }

        let importedContent = try Self.content(imported)
        #expect(importedContent == (try Self.content(typed)))
        #expect(importedContent.filter { $0.hasPrefix("gebeurtenis ") }.count == 2 + 400 + 80 * (0 + 1 + 2 + 2 + 3),
                "the staff events (a first teamleider, Sanne added), a report per row and a move per stage reached")

        let chain = try importPlace.verifiedChain()
        #expect(chain.breaks == 0 && chain.firstBreak == nil)
        #expect(chain.events == importedContent.filter { $0.hasPrefix("gebeurtenis ") }.count)
        #expect(try importPlace.integrityCheck().isHealthy, "beschermbord check finds nothing")
    }
}

/// Counts committed transactions.
private final class CommitCounter: TransactionObserver, @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var commits: Int { lock.withLock { count } }
    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { true }
    func databaseDidChange(with event: DatabaseEvent) {}
    func databaseDidCommit(_ db: Database) { lock.withLock { count += 1 } }
    func databaseDidRollback(_ db: Database) {}
}

/// Reading on one thread while writing on another (`ImportPipeline`) stores exactly what reading
/// first and writing after does, and nothing at all when the file has an error anywhere.
@Suite("Import: reading and writing at once")
struct ImportPipelineTests {
    static func file(_ count: Int, brokenAt broken: Int? = nil) -> Data {
        let lines = (1...count).map { number in
            number == broken ? "B-\(number);31-02-2025;Veilig Thuis;Kapot;;;Sem (01-01-2015);;;;" : ImportBatchTests.line(number)
        }
        return Data(([header] + lines).joined(separator: "\r\n").utf8)
    }

    /// Batches of 3 with room for 8 of them: 200 rows make the reader wait for the writer many times.
    @Test(arguments: StoreKind.all) func theRowsOfAValidFileAreStoredInOrder(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let data = Self.file(200)
        let piped = try storeWithSanne(TestStore(kind, in: scratch, name: "piped"))
        let outcome = ImportPipeline.run(data: data, today: importToday, batchSize: 3) { nextRows in
            try piped.importRows(origin: "zaken.csv", expectedRows: 200, nextRows: nextRows)
        }
        #expect(outcome.parse.isValid)
        #expect(try outcome.written?.get().cases == 200)

        let whole = try storeWithSanne(TestStore(kind, in: scratch, name: "whole"))
        _ = try whole.importRows(CaseImporter.parse(data: data, today: importToday).rows, origin: "zaken.csv")
        #expect(try ImportBatchTests.content(piped) == (try ImportBatchTests.content(whole)))
    }

    /// The error is in the last row, long after the first batches were written: all rolls back.
    @Test(arguments: StoreKind.all) func anErrorAnywhereStoresNothing(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let store = try storeWithSanne(TestStore(kind, in: scratch))
        let before = try ImportBatchTests.content(store)
        var batchesWritten = 0
        let outcome = ImportPipeline.run(data: Self.file(120, brokenAt: 120), today: importToday, batchSize: 4) { nextRows in
            try store.importRows(origin: "zaken.csv", expectedRows: 120) {
                let batch = try nextRows()
                if batch != nil { batchesWritten += 1 }
                return batch
            }
        }
        #expect(outcome.written == nil, "no result: the file had an error")
        #expect(outcome.parse.errors.map(\.description) == ["regel 121: aangemeld_op: ‘31-02-2025’ bestaat niet als datum"])
        #expect(batchesWritten == 30, "119 good rows reached the writer before the end")
        #expect(try ImportBatchTests.content(store) == before)
    }

    /// The command shows "Afronden" while the indexes are built and the transaction commits: it
    /// is told once, after the last row.
    @Test(arguments: StoreKind.all) func finishingIsToldOnceAfterTheLastRow(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let store = try storeWithSanne(TestStore(kind, in: scratch))
        let batches = (0..<3).map { batch in parse(([header] + ((batch * 10 + 1)...(batch * 10 + 10)).map(ImportBatchTests.line))
            .joined(separator: "\n")).rows }
        var asked = 0
        var toldAfter: [Int] = []
        let result = try store.importRows(origin: "zaken.csv", expectedRows: 30, finishing: { toldAfter.append(asked) }) {
            asked += 1
            return asked <= batches.count ? batches[asked - 1] : nil
        }
        #expect(toldAfter == [4], "after the fourth ask, which found no more rows")
        #expect(result.cases == 30)
    }

    /// On a server the written rows then go over in bulk, the longest part there: `copying` (the
    /// command's "Naar server" bar) is told from none up to every row the import added, never
    /// backwards. A file has no such part.
    @Test(arguments: StoreKind.all) func copyingIsToldUpToEveryAddedRow(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let store = try storeWithSanne(TestStore(kind, in: scratch))
        let rows = parse(([header] + (1...30).map(ImportBatchTests.line)).joined(separator: "\n")).rows
        let countAll = "SELECT " + Store.serverCopyOrder.map { "(SELECT count(*) FROM \"\($0)\")" }.joined(separator: " + ")
        let before = try store.read { db in try db.value(Int.self, sql: countAll) ?? 0 }
        var told: [(copied: Int, total: Int)] = []
        var handedOut = false
        _ = try store.importRows(origin: "zaken.csv", expectedRows: 30, copying: { told.append(($0, $1)) }) {
            defer { handedOut = true }
            return handedOut ? nil : rows
        }
        let added = try store.read { db in try db.value(Int.self, sql: countAll) ?? 0 } - before
        guard kind == .server else {
            #expect(told.isEmpty)
            return
        }
        #expect(added > 90, "families, children, cases and their events")
        #expect(told.first?.copied == 0)
        #expect(told.last.map { $0.copied == added && $0.total == added } == true)
        #expect(zip(told, told.dropFirst()).allSatisfy { $0.copied <= $1.copied })
    }

    /// A writer that fails stops taking rows; the reader, waiting for room, still finishes.
    @Test func aFailedWriteLetsTheReaderFinish() throws {
        struct Full: Error {}
        let outcome = ImportPipeline.run(data: Self.file(300), today: importToday, batchSize: 1) { nextRows in
            _ = try nextRows()
            throw Full()
        }
        #expect(outcome.parse.validRows == 300, "the whole file was read")
        #expect(outcome.parse.rows.isEmpty, "the rows went through the pipe, not kept a second time")
        guard case .failure(let error) = outcome.written else { Issue.record("the failure is passed on"); return }
        #expect(error is Full)
    }
}
