import CSV
import Testing
@testable import BoardStore

/// The import's byte-level CSV reader reads every text, well-formed or not, exactly as the
/// CSV.swift reader it replaced did, so that the import's rows and messages stay the same.
@Suite struct CSVRecordReaderTests {
    func records(_ text: String, delimiter: Character = ";") -> [[String]] {
        var reader = CSVRecordReader(text: text, delimiter: delimiter)
        var all: [[String]] = []
        while let fields = reader.next() { all.append(fields) }
        return all
    }

    func recordsOfCSVSwift(_ text: String, delimiter: Character = ";") throws -> [[String]] {
        let reader = try CSVReader(string: text, hasHeaderRow: false, trimFields: false, delimiter: delimiter.unicodeScalars.first!)
        var all: [[String]] = []
        while let fields = reader.next() { all.append(fields) }
        return all
    }

    static let awkward = [
        "", "a", "a;b", "a;b\n", "a;b\r\nc;d\r\n", "a;b\rc;d", "a;\n;b", "a;", ";", "\n", "\r\n\r\n", "a\n\nb",
        "\"a;b\";c", "\"a\"\"b\";c", "\"twee\r\nregels\";x\r\ny", "\"\"", "\"\";\"\"", "\"a\"", "\"a\"\r", "\"a\"\rb",
        "\"ab\"cd;e", "\"ab\"ëf;g", "\"ab\"\"", "\"open;rest\nvan\nhet bestand", "ab\"c;d", "Zoë;Özdemir;nguyễn\r\n",
        "\"a\";\"b\"\n\"c\"", "x;\"y\"\"\";z", "\"\"\"\"", "\"a\"\"", "€;…\n’;–",
    ]

    @Test("awkward texts", arguments: awkward)
    func readsAwkwardTextsAsCSVSwiftDid(_ text: String) throws {
        #expect(records(text) == (try recordsOfCSVSwift(text)))
    }

    @Test func readsRandomTextsAsCSVSwiftDid() throws {
        // A small alphabet full of the characters that matter, in many random orders (fixed seed).
        let alphabet: [Character] = ["a", "ë", "\"", ";", ",", "\r", "\n", " ", "€"]
        var state: UInt64 = 2026
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<3000 {
            let text = String((0..<next(24)).map { _ in alphabet[next(alphabet.count)] })
            let delimiter: Character = next(2) == 0 ? ";" : ","
            #expect(records(text, delimiter: delimiter) == (try recordsOfCSVSwift(text, delimiter: delimiter)), "\(text.debugDescription)")
        }
    }

    @Test func countsLineBreaksInsideQuotedFieldsOnly() {
        var reader = CSVRecordReader(text: "\"a\r\nb\rc\nd\";x\r\ne;f\n\"g\n\n\"\n", delimiter: ";")
        var breaks: [Int] = []
        while reader.next() != nil { breaks.append(reader.lineBreaksInRecord) }
        #expect(breaks == [3, 0, 2])
    }
}
