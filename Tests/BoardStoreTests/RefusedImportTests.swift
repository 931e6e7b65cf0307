import BoardCore
import Foundation
import Testing
@testable import BoardStore

private let today = day(2025, 6, 30)
private let header = "kenmerk;aangemeld_op;bron;gezin;wijk;medewerker;kinderen;onderzoek_op;beschermtafel_op;uitkomst;uitkomst_op"

private func parse(_ rows: [String]) -> ImportParse {
    CaseImporter.parse(data: Data(([header] + rows).joined(separator: "\r\n").utf8), today: today)
}

private func problems(_ rows: String...) -> [String] { parse(rows).errors.map(\.description) }

/// What the import must refuse (issue 14, points 2, 7, 8 and 9): each row is refused with `regel N`
/// and the field named, and a file with such a row stores nothing.
@Suite("Import: input that must be refused")
struct RefusedImportTests {
    @Test func yearsBefore1900OrAfterNextYearAreRefused() {
        #expect(problems("A-1;03-03-0025;Veilig Thuis;de Vries;;;Sem (01-01-2015);;;;")
                == ["regel 2: aangemeld_op: ‘03-03-0025’ ligt niet tussen 1900 en 2026; controleer het jaar"])
        #expect(problems("A-1;03-03-2025;Veilig Thuis;de Vries;;;Daan (02-11-1899);;;;")
                == ["regel 2: kinderen: geboortedatum van Daan: ‘02-11-1899’ ligt niet tussen 1900 en 2026; controleer het jaar"])
        #expect(problems("A-1;03-03-2025;Veilig Thuis;de Vries;;;Sem (01-01-2015);0025-03-05;;;")
                == ["regel 2: onderzoek_op: ‘05-03-0025’ ligt niet tussen 1900 en 2026; controleer het jaar"])
        #expect(problems("A-1;01-01-1900;Veilig Thuis;de Vries;;;Sem (01-01-1900);;;;").isEmpty, "1900 itself is a possible year")
    }

    @Test func aChildIsNotBornAfterTheReport() {
        #expect(problems("A-1;03-03-2025;Veilig Thuis;de Vries;;;Zoë (12-04-2016) | Daan (04-03-2025);;;;")
                == ["regel 2: kinderen: geboortedatum van Daan: mag niet na de aanmelding (03-03-2025) liggen"])
        #expect(problems("A-1;03-03-2025;Veilig Thuis;de Vries;;;Daan (03-03-2025);;;;").isEmpty, "born on the day of the report")
    }

    /// A report names one or more children, in the import as in the new-report form (issue 18,
    /// point 16): a row without one is refused, and so is a file without the column.
    @Test func aReportNamesAtLeastOneChild() {
        let missing = "regel 2: kinderen ontbreekt; een aanmelding noemt minstens één kind: Voornaam (dd-mm-jjjj)"
        #expect(problems("A-1;03-03-2025;Veilig Thuis;de Vries;;;;;;;") == [missing])
        #expect(problems("A-1;03-03-2025;Veilig Thuis;de Vries;;; | ;;;;") == [missing])
        let withoutColumn = CaseImporter.parse(data: Data("kenmerk;aangemeld_op;bron;gezin\r\nA-1;03-03-2025;Veilig Thuis;de Vries\r\n".utf8), today: today)
        #expect(withoutColumn.errors.map(\.description)
                == ["regel 1: verplichte kolom kinderen ontbreekt in de kopregel (gevonden: ‘kenmerk’, ‘aangemeld_op’, ‘bron’, ‘gezin’); de eerste regel moet de kolomnamen bevatten"])
    }

    /// A child's first name looks like a name, in the import as in the forms (issue 18, point 7).
    @Test func aChildsFirstNameLooksLikeAName() {
        #expect(problems("A-1;03-03-2025;Veilig Thuis;de Vries;;;1-2-2030 (01-01-2020);;;;")
                == ["regel 2: kinderen: voornaam ‘1-2-2030’ is geen naam: een naam bestaat uit letters, met hoogstens spaties en - ' . ertussen"])
        #expect(problems("A-1;03-03-2025;Veilig Thuis;de Vries;;;Jan-Willem (01-01-2020) | D'Angelo (02-02-2021);;;;").isEmpty)
    }

    /// C0 (also TAB and line breaks in these one-line fields), DEL, C1, bidi marks, overrides and
    /// isolates, line and paragraph separators, zero-width characters, the BOM and tag characters.
    static let invisible: [(text: String, code: String)] = [
        ("\u{1B}[31m", "stuurteken (U+001B)"), ("\u{7}", "stuurteken (U+0007)"), ("\u{7F}", "stuurteken (U+007F)"),
        ("\u{9B}", "stuurteken (U+009B)"), ("\t", "stuurteken (U+0009)"), ("\n", "regeleinde"), ("\r", "regeleinde"),
        ("\u{202E}", "onzichtbaar teken (U+202E)"), ("\u{2066}", "onzichtbaar teken (U+2066)"), ("\u{200F}", "onzichtbaar teken (U+200F)"),
        ("\u{061C}", "onzichtbaar teken (U+061C)"), ("\u{2028}", "onzichtbaar teken (U+2028)"), ("\u{2029}", "onzichtbaar teken (U+2029)"),
        ("\u{200B}", "onzichtbaar teken (U+200B)"), ("\u{200D}", "onzichtbaar teken (U+200D)"), ("\u{2060}", "onzichtbaar teken (U+2060)"),
        ("\u{FEFF}", "onzichtbaar teken (U+FEFF)"), ("\u{E0041}", "onzichtbaar teken (U+E0041)"),
    ]

    @Test("an invisible or control character in any field", arguments: invisible)
    func invisibleCharactersAreRefusedInEveryField(_ example: (text: String, code: String)) {
        let bad = "a\(example.text)b"
        let quoted = "\"\(bad)\""
        let rows: [(row: String, field: String)] = [
            ("\"A\(bad)\";03-03-2025;Veilig Thuis;de Vries;;;Sem (01-01-2015);;;;", "kenmerk"),
            ("A-1;03-03-2025;Veilig Thuis;\(quoted);;;Sem (01-01-2015);;;;", "gezin"),
            ("A-1;03-03-2025;Veilig Thuis;de Vries;\(quoted);;Sem (01-01-2015);;;;", "wijk"),
            ("A-1;03-03-2025;Veilig Thuis;de Vries;;\(quoted);Sem (01-01-2015);;;;", "medewerker"),
            ("A-1;03-03-2025;Veilig Thuis;de Vries;;;\"Zo\(bad) (12-04-2016)\";;;;", "kinderen"),
            ("A-1;03-03-2025;\"Veilig\(example.text)Thuis\";de Vries;;;Sem (01-01-2015);;;;", "bron"),
            ("A-1;\"03-03\(example.text)2025\";Veilig Thuis;de Vries;;;Sem (01-01-2015);;;;", "aangemeld_op"),
        ]
        for (row, field) in rows {
            let found = problems(row)
            #expect(found.count == 1 && found.first?.hasPrefix("regel 2: \(field) bevat een \(example.code) op plaats ") == true,
                    "\(field): \(found)")
        }
    }

    /// Windows-1252 leaves five bytes undefined; read as the C1 controls of the same number, they are refused too.
    @Test func windows1252BytesThatDecodeToC1AreRefused() {
        for byte: UInt8 in [0x81, 0x8D, 0x8F, 0x90, 0x9D] {
            var bytes = Array((header + "\r\nA-1;03-03-2025;Veilig Thuis;de V").utf8)
            bytes += [byte] + Array("ries;;;;;;;\r\n".utf8)
            let parsed = CaseImporter.parse(data: Data(bytes), today: today)
            #expect(parsed.encoding == .windows1252)
            #expect(parsed.errors.map(\.description) == ["regel 2: gezin bevat een stuurteken (U+00\(String(byte, radix: 16, uppercase: true))) op plaats 5; haal het weg"])
        }
    }

    /// A kenmerk is ASCII letters and digits with `-` `/` `.` `_`: a look-alike cannot be stored beside the real one.
    @Test func lookAlikeKenmerkenAreRefused() {
        #expect(problems("2026-000\u{0396};03-03-2025;Veilig Thuis;de Vries;;;Sem (01-01-2015);;;;")
                == ["regel 2: kenmerk bevat ‘\u{0396}’ (U+0396) op plaats 9; een kenmerk bestaat alleen uit de letters A–Z, de cijfers 0–9 en - / . _"])
        #expect(problems("２０２６-0001;03-03-2025;Veilig Thuis;de Vries;;;Sem (01-01-2015);;;;").first?.contains("(U+FF12) op plaats 1") == true)
        #expect(problems("2026 0001;03-03-2025;Veilig Thuis;de Vries;;;Sem (01-01-2015);;;;").first?.contains("‘ ’ (U+0020) op plaats 5") == true)
        #expect(problems("\u{FEFF}2026-0001;03-03-2025;Veilig Thuis;de Vries;;;Sem (01-01-2015);;;;")
                == ["regel 2: kenmerk bevat een onzichtbaar teken (U+FEFF) op plaats 1; haal het weg"])
        #expect(problems(String(repeating: "A", count: 41) + ";03-03-2025;Veilig Thuis;de Vries;;;Sem (01-01-2015);;;;")
                == ["regel 2: kenmerk is te lang: 41 tekens, hoogstens 40"])
        #expect(problems("2026/A.b_c-9;03-03-2025;Veilig Thuis;de Vries;;;Sem (01-01-2015);;;;").isEmpty)
    }

    @Test func limitsThatNoRealFamilyMeets() {
        let children = (1...31).map { "Kind\($0) (01-01-2020)" }.joined(separator: " | ")
        #expect(problems("A-1;03-03-2025;Veilig Thuis;de Vries;;;\(children);;;;")
                == ["regel 2: kinderen: 31 kinderen; een aanmelding noemt er hoogstens 30"])
        let thirty = (1...30).map { "Kind \(String(repeating: "a", count: $0)) (01-01-2020)" }.joined(separator: " | ")
        #expect(parse(["A-1;03-03-2025;Veilig Thuis;de Vries;;;\(thirty);;;;"]).rows.first?.report.children.count == 30)

        let long = String(repeating: "ö", count: 101)
        #expect(problems("A-1;03-03-2025;Veilig Thuis;\(long);;;Sem (01-01-2015);;;;") == ["regel 2: gezin is te lang: 101 tekens, hoogstens 100"])
        #expect(problems("A-1;03-03-2025;Veilig Thuis;de Vries;\(long);;Sem (01-01-2015);;;;") == ["regel 2: wijk is te lang: 101 tekens, hoogstens 100"])
        #expect(problems("A-1;03-03-2025;Veilig Thuis;de Vries;;\(long);Sem (01-01-2015);;;;") == ["regel 2: medewerker is te lang: 101 tekens, hoogstens 100"])
        #expect(problems("A-1;03-03-2025;Veilig Thuis;de Vries;;;\(long) (01-01-2020);;;;")
                == ["regel 2: kinderen: voornaam ‘\(String(repeating: "ö", count: 39))…’ is te lang: 101 tekens, hoogstens 100"])
        #expect(problems("A-1;03-03-2025;Veilig Thuis;\(String(repeating: "ö", count: 100));;;Sem (01-01-2015);;;;").isEmpty)
    }

    /// A refusal quotes at most 40 characters of what was in the file, however long the value.
    @Test func messagesQuoteOnlyAShortPartOfABadValue() {
        let huge = String(repeating: "9", count: 1_000_000)
        for row in ["A-1;\(huge);Veilig Thuis;de Vries;;;Sem (01-01-2015);;;;", "A-1;03-03-2025;Veilig Thuis;de Vries;;;Daan (\(huge));;;;",
                    "A-1;03-03-2025;Veilig Thuis;de Vries;;;Daan \(huge);;;;"] {
            let found = problems(row)
            #expect(found.count == 1)
            #expect(found.allSatisfy { $0.count < 200 }, "\(found.map(\.count))")
        }
    }

    /// 10⁶ unknown columns (or one known column 10⁵ times) are a line each, not one per column.
    @Test func manyColumnsInTheHeaderGiveOneLine() {
        let unknown = (1...1_000_000).map { "x\($0)" }.joined(separator: ";")
        let parsed = CaseImporter.parse(data: Data("\(header);\(unknown)\r\nA-1;03-03-2025;Veilig Thuis;de Vries;;;Sem (01-01-2015)\r\n".utf8), today: today)
        #expect(parsed.errors.isEmpty)
        #expect(parsed.unknownColumnCount == 1_000_000 && parsed.unknownColumns == ["x1", "x2", "x3", "x4", "x5"])
        #expect(parsed.unknownColumnsNotice == "1000000 onbekende kolommen worden genegeerd, waaronder ‘x1’, ‘x2’, ‘x3’, ‘x4’, ‘x5’.")
        #expect(CaseImporter.parse(data: Data("\(header);opmerking\r\n".utf8), today: today).unknownColumnsNotice
                == "Onbekende kolom ‘opmerking’ wordt genegeerd.")
        #expect(CaseImporter.parse(data: Data("\(header);a;b\r\n".utf8), today: today).unknownColumnsNotice
                == "2 onbekende kolommen worden genegeerd: ‘a’, ‘b’.")
        #expect(CaseImporter.parse(data: Data("\(header)\r\n".utf8), today: today).unknownColumnsNotice == nil)

        let twice = Array(repeating: "kenmerk", count: 100_000).joined(separator: ";")
        let repeated = CaseImporter.parse(data: Data("\(header);\(twice)\r\n".utf8), today: today)
        #expect(repeated.errors.map(\.description) == ["regel 1: kolom ‘kenmerk’ staat 100001 keer in de kopregel"])
        let missing = CaseImporter.parse(data: Data("kenmerk;\(unknown)\r\n".utf8), today: today).errors.map(\.description)
        #expect(missing.count == 1 && missing[0].count < 400, "\(missing.first?.prefix(400) ?? "")")
        #expect(missing.first?.contains("(gevonden: ‘kenmerk’, ‘x1’, ‘x2’, ") == true && missing.first?.contains(" en nog 999991)") == true)
    }
}
