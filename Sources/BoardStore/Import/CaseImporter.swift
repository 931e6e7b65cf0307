import BoardCore
import CSV
import Foundation

/// Reads a CSV file as Excel writes it and checks every row against the rules of the flow.
/// Pure: no store, no clock (today is passed in); the result is valid rows or `regel N:` problems.
public enum CaseImporter {
    /// Reads and checks a whole file. `progress` gets the fraction of the file read, now and then;
    /// `deliver` gets each valid row as soon as it is checked (see `ImportPipeline`), instead of
    /// the row being kept in the result, so that a large file is never held twice in memory.
    public static func parse(data: Data, today: Day, progress: ((Double) -> Void)? = nil,
                             deliver: ((ImportRow) -> Void)? = nil) -> ImportParse {
        let (text, encoding) = TextDecoding.decode(data)
        return parse(text: text, encoding: encoding, today: today, progress: progress, deliver: deliver)
    }

    /// Reads and checks CSV text that is already decoded (without a BOM).
    public static func parse(text: String, encoding: TextEncodingUsed = .utf8, today: Day,
                             progress: ((Double) -> Void)? = nil, deliver: ((ImportRow) -> Void)? = nil) -> ImportParse {
        let delimiter = detectDelimiter(text)
        var result = ImportParse(encoding: encoding, delimiter: delimiter, rows: [], errors: [], unknownColumns: [])
        let columnList = ImportColumn.allCases.map(\.rawValue).joined(separator: String(delimiter))
        guard !text.trimmingWhitespace().isEmpty else {
            result.errors.append(ImportIssue(line: 1, message: "het bestand is leeg; de eerste regel moet de kolomnamen bevatten (\(columnList))"))
            return result
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false, trimFields: false,
                                   delimiter: delimiter.unicodeScalars.first!)
        } catch {
            result.errors.append(ImportIssue(line: 1, message: "het bestand kan niet als CSV worden gelezen (\(error))"))
            return result
        }

        // The header: column names, case-insensitive, in any order.
        guard let header = reader.next() else {
            result.errors.append(ImportIssue(line: 1, message: "het bestand is leeg; de eerste regel moet de kolomnamen bevatten (\(columnList))"))
            return result
        }
        var line = 1 + lineBreaks(in: header) + 1
        var columns = ColumnIndex()
        for (index, name) in header.enumerated() {
            let trimmed = name.trimmingWhitespace()
            if trimmed.isEmpty { continue }
            guard let column = ImportColumn(header: trimmed) else {
                result.unknownColumns.append(trimmed)
                continue
            }
            if columns[column] != nil {
                result.errors.append(ImportIssue(line: 1, message: "kolom \(quote(trimmed)) staat twee keer in de kopregel"))
            } else {
                columns[column] = index
            }
        }
        let missing = ImportColumn.allCases.filter { $0.isRequired && columns[$0] == nil }
        if !missing.isEmpty {
            let names = missing.map(\.rawValue).joined(separator: ", ")
            let found = header.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }.map { quote($0) }.joined(separator: ", ")
            let hint = missing.count == 1 ? "verplichte kolom \(names) ontbreekt" : "verplichte kolommen \(names) ontbreken"
            result.errors.append(ImportIssue(line: 1, message: "\(hint) in de kopregel (gevonden: \(found.isEmpty ? "niets" : found)); "
                                             + "de eerste regel moet de kolomnamen bevatten"))
        }
        if !result.errors.isEmpty { return result }

        // The records. `line` is the physical line where the next record starts: a record takes one
        // line plus one for every line break inside its quoted fields.
        let totalBytes = max(1, text.utf8.count)
        var bytesRead = header.reduce(header.count) { $0 + $1.utf8.count }
        var firstLine: [String: Int] = [:]
        var recordCount = 0
        let checker = RowChecker(columns: columns, today: today)
        var lastRecord = (start: 1, breaks: 0)
        while let fields = reader.next() {
            let start = line
            let breaks = lineBreaks(in: fields)
            line += 1 + breaks
            lastRecord = (start, breaks)
            recordCount += 1
            if let progress {
                bytesRead += fields.reduce(fields.count) { $0 + $1.utf8.count }
                if recordCount % 512 == 0 { progress(min(1, Double(bytesRead) / Double(totalBytes))) }
            }
            // Excel writes empty lines and lines of only delimiters below the data: nothing to import.
            if fields.allSatisfy(ImportText.isBlank) { continue }
            if fields.count > header.count, fields[header.count...].contains(where: { !$0.trimmingWhitespace().isEmpty }) {
                result.errors.append(ImportIssue(line: start, message: "\(fields.count) velden, maar de kopregel heeft \(header.count) kolommen; "
                                                 + "staat er een scheidingsteken te veel, of ontbreekt een aanhalingsteken?"))
                continue
            }
            switch checker.check(fields, line: start) {
            case .invalid(let problems):
                result.errors.append(contentsOf: problems)
            case .valid(let row):
                let kenmerk = row.report.kenmerk
                if let earlier = firstLine[kenmerk] {
                    result.errors.append(ImportIssue(line: start, message: "kenmerk \(quote(kenmerk)) staat ook op regel \(earlier); een kenmerk mag maar één keer voorkomen"))
                } else {
                    firstLine[kenmerk] = start
                    result.validRows += 1
                    if let deliver { deliver(row) } else { result.rows.append(row) }
                }
            }
        }
        if let error = reader.error {
            result.errors.append(ImportIssue(line: line, message: "het bestand kan niet verder worden gelezen (\(error))"))
        }
        // An unclosed quote makes the reader take everything after it, line breaks and all, as one field.
        if lastRecord.breaks > 0 && !quotesBalance(text) {
            result.errors.append(ImportIssue(line: lastRecord.start, message: "een aanhalingsteken (\") wordt niet gesloten; de rest van het bestand is als één veld gelezen"))
        }
        progress?(1)
        return result
    }

    /// `;` or `,`, whichever the header line (outside quotes) has more of; Dutch Excel writes `;`.
    public static func detectDelimiter(_ text: String) -> Character {
        var semicolons = 0
        var commas = 0
        var quoted = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): quoted.toggle()
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"): if !quoted { return semicolons >= commas && semicolons > 0 ? ";" : (commas > 0 ? "," : ";") }
            case UInt8(ascii: ";"): if !quoted { semicolons += 1 }
            case UInt8(ascii: ","): if !quoted { commas += 1 }
            default: break
            }
        }
        return semicolons >= commas && semicolons > 0 ? ";" : (commas > 0 ? "," : ";")
    }

    /// Line breaks inside a record's fields: LF, CR LF and a lone CR each count once.
    static func lineBreaks(in fields: [String]) -> Int {
        var count = 0
        for field in fields {
            var previousCR = false
            for byte in field.utf8 {
                if byte == 0x0A {
                    if !previousCR { count += 1 }
                    previousCR = false
                } else if byte == 0x0D {
                    count += 1
                    previousCR = true
                } else {
                    previousCR = false
                }
            }
        }
        return count
    }

    /// Every quoted field opens and closes with a quote and doubles the quotes inside, so a
    /// well-formed file has an even number of them.
    static func quotesBalance(_ text: String) -> Bool {
        var count = 0
        for byte in text.utf8 where byte == UInt8(ascii: "\"") { count += 1 }
        return count % 2 == 0
    }

    /// A value quoted for a message: at most 40 characters, between typographic quotes.
    static func quote(_ value: String) -> String {
        let shown = value.count > 40 ? String(value.prefix(39)) + "…" : value
        return "‘\(shown)’"
    }
}

/// Where each known column is in the file's rows.
struct ColumnIndex {
    private var indexes = [Int?](repeating: nil, count: ImportColumn.allCases.count)

    subscript(column: ImportColumn) -> Int? {
        get { indexes[column.position] }
        set { indexes[column.position] = newValue }
    }
}

enum RowCheck {
    case valid(ImportRow)
    case invalid([ImportIssue])
}

/// Checks one record against the rules; knows the columns and today.
struct RowChecker {
    let columns: ColumnIndex
    let today: Day
    private let positions: [Int?]

    init(columns: ColumnIndex, today: Day) {
        self.columns = columns
        self.today = today
        positions = ImportColumn.allCases.map { columns[$0] }
    }

    func check(_ fields: [String], line: Int) -> RowCheck {
        var problems: [String] = []
        func value(_ column: ImportColumn) -> String {
            guard let index = positions[column.position], index < fields.count else { return "" }
            return ImportText.trimmed(fields[index])
        }
        func required(_ column: ImportColumn) -> String? {
            let text = value(column)
            if text.isEmpty { problems.append("\(column.rawValue) ontbreekt"); return nil }
            return text
        }
        /// A stage date: not in the future, not before the previous stage's date.
        func date(_ column: ImportColumn, _ text: String, after previous: (Day, ImportColumn)?) -> Day? {
            switch ImportText.day(text, notAfter: today) {
            case .failure(let problem):
                problems.append("\(column.rawValue): \(problem.message)")
                return nil
            case .success(let day):
                if let (earlier, earlierColumn) = previous, day < earlier {
                    problems.append("\(column.rawValue) (\(day.dutch)) ligt vóór \(earlierColumn.rawValue) (\(earlier.dutch)); de datums van een zaak lopen nooit terug")
                    return nil
                }
                return day
            }
        }

        // SQLite would cut text off at a NUL character; the store refuses it, so say where it is.
        if fields.contains(where: { $0.utf8.contains(0) }) {
            for column in [ImportColumn.kenmerk, .gezin, .wijk, .medewerker, .kinderen] where value(column).utf8.contains(0) {
                problems.append("\(column.rawValue) bevat een NUL-teken (\\0); dat kan niet worden opgeslagen")
            }
        }
        let kenmerk = required(.kenmerk)
        let reportedText = required(.aangemeldOp)
        let reportedOn = reportedText.flatMap { date(.aangemeldOp, $0, after: nil) }
        var source: Source?
        if let text = required(.bron) {
            source = Source(rawValue: text) ?? Source(name: text)
            if source == nil {
                problems.append("bron \(CaseImporter.quote(text)) is onbekend; kies Veilig Thuis, Jeugdbescherming, Jeugdteam of Overig")
            }
        }
        let familyName = required(.gezin)
        let children = self.children(value(.kinderen), problems: &problems)

        // The stages, in order; every later one needs the earlier ones.
        var moves: [ImportRow.StageDay] = []
        var previous: (Day, ImportColumn)? = reportedOn.map { ($0, .aangemeldOp) }
        var chainBroken = reportedOn == nil
        let onderzoekText = value(.onderzoekOp)
        let tafelText = value(.beschermtafelOp)
        let uitkomstText = value(.uitkomst)
        let uitkomstOpText = value(.uitkomstOp)

        if !onderzoekText.isEmpty {
            if let day = date(.onderzoekOp, onderzoekText, after: previous) {
                moves.append(.init(stage: .onderzoek, day: day))
                previous = (day, .onderzoekOp)
            } else { chainBroken = true }
        }
        if !tafelText.isEmpty {
            if onderzoekText.isEmpty {
                problems.append("beschermtafel_op is ingevuld maar onderzoek_op niet; een zaak komt pas na onderzoek aan de Beschermtafel")
                chainBroken = true
            }
            if let day = date(.beschermtafelOp, tafelText, after: chainBroken ? nil : previous) {
                moves.append(.init(stage: .beschermtafel, day: day))
                previous = (day, .beschermtafelOp)
            } else { chainBroken = true }
        }
        if !uitkomstText.isEmpty {
            let outcome = Stage(name: uitkomstText).flatMap { $0.isEnd ? $0 : nil }
            if outcome == nil {
                problems.append("uitkomst \(CaseImporter.quote(uitkomstText)) is onbekend; kies veiligheid gewaarborgd of rvk-onderzoek")
            }
            if onderzoekText.isEmpty {
                problems.append("uitkomst is ingevuld maar onderzoek_op niet; een uitkomst volgt pas na onderzoek")
                chainBroken = true
            }
            if outcome == .rvkOnderzoek && tafelText.isEmpty {
                problems.append("uitkomst rvk-onderzoek vraagt ook beschermtafel_op; alleen de Beschermtafel brengt een zaak naar de Raad")
                chainBroken = true
            }
            if uitkomstOpText.isEmpty {
                problems.append("uitkomst_op ontbreekt; bij een uitkomst hoort de datum ervan")
            } else if let day = date(.uitkomstOp, uitkomstOpText, after: chainBroken ? nil : previous), let outcome {
                moves.append(.init(stage: outcome, day: day))
            }
        } else if !uitkomstOpText.isEmpty {
            problems.append("uitkomst_op is ingevuld maar uitkomst niet")
        }

        guard problems.isEmpty, let kenmerk, let reportedOn, let source, let familyName else {
            return .invalid(problems.map { ImportIssue(line: line, message: $0) })
        }
        let report = NewReport(kenmerk: kenmerk, reportedOn: reportedOn, source: source, familyName: familyName,
                               wijk: value(.wijk), medewerker: value(.medewerker), children: children)
        return .valid(ImportRow(line: line, report: report, moves: moves))
    }

    /// `Zoë (12-04-2016) | Daan (02-11-2019)`: children separated by `|`, each a first name and a birth date.
    private func children(_ text: String, problems: inout [String]) -> [Child] {
        guard !text.isEmpty else { return [] }
        var children: [Child] = []
        // `|`, `(` and `)` are ASCII, so splitting and slicing the UTF-8 bytes at them is safe.
        for part in text.utf8.split(separator: UInt8(ascii: "|")) {
            let entry = ImportText.trimmed(String(decoding: part, as: UTF8.self))
            if entry.isEmpty { continue }
            let bytes = entry.utf8
            guard bytes.last == UInt8(ascii: ")"), let open = bytes.lastIndex(of: UInt8(ascii: "(")) else {
                problems.append("kinderen: \(CaseImporter.quote(entry)) is geen kind in de vorm Voornaam (dd-mm-jjjj)")
                continue
            }
            let name = ImportText.trimmed(String(entry[..<open]))
            let dateText = String(entry[bytes.index(after: open)..<bytes.index(before: bytes.endIndex)])
            guard !name.isEmpty else {
                problems.append("kinderen: \(CaseImporter.quote(entry)) heeft geen voornaam; schrijf Voornaam (dd-mm-jjjj)")
                continue
            }
            switch ImportText.day(dateText, notAfter: today) {
            case .failure(let problem):
                problems.append("kinderen: geboortedatum van \(name): \(problem.message)")
            case .success(let birth):
                children.append(Child(firstName: name, birthDate: birth))
            }
        }
        return children
    }
}

extension ImportColumn {
    var position: Int {
        switch self {
        case .kenmerk: return 0
        case .aangemeldOp: return 1
        case .bron: return 2
        case .gezin: return 3
        case .wijk: return 4
        case .medewerker: return 5
        case .kinderen: return 6
        case .onderzoekOp: return 7
        case .beschermtafelOp: return 8
        case .uitkomst: return 9
        case .uitkomstOp: return 10
        }
    }
}

/// Fast paths for the two things every field of every row goes through; both fall back to the
/// general code (and its messages) for anything out of the ordinary.
enum ImportText {
    /// `trimmingWhitespace()`, without the Unicode work when the ends are plain ASCII characters.
    static func trimmed(_ text: String) -> String {
        let bytes = text.utf8
        guard let first = bytes.first, let last = bytes.last else { return text }
        if first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F { return text }
        return text.trimmingWhitespace()
    }

    static func isBlank(_ text: String) -> Bool {
        if text.utf8.isEmpty { return true }
        if text.utf8.contains(where: { $0 > 0x20 && $0 < 0x7F }) { return false }
        return text.allSatisfy(\.isWhitespace)
    }

    /// `Day.validate(text, notAfter:)`, reading `dd-mm-jjjj` and `jjjj-mm-dd` (with `-`, `/` or `.`)
    /// straight from the bytes; anything else, and every refusal, goes through `Day.validate`.
    static func day(_ text: String, notAfter latest: Day) -> Result<Day, DateProblem> {
        var digits: [Int] = []
        digits.reserveCapacity(8)
        var separators: [Int] = []
        var index = 0
        for byte in text.utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                digits.append(Int(byte - 0x30))
            } else if byte == 0x2D || byte == 0x2F || byte == 0x2E {
                separators.append(index)
            } else {
                return Day.validate(text, notAfter: latest)
            }
            index += 1
            if index > 10 { return Day.validate(text, notAfter: latest) }
        }
        let found: Day?
        if index == 10 && digits.count == 8 && separators == [2, 5] {
            found = Day(year: digits[4] * 1000 + digits[5] * 100 + digits[6] * 10 + digits[7],
                        month: digits[2] * 10 + digits[3], day: digits[0] * 10 + digits[1])
        } else if index == 10 && digits.count == 8 && separators == [4, 7] {
            found = Day(year: digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3],
                        month: digits[4] * 10 + digits[5], day: digits[6] * 10 + digits[7])
        } else {
            found = nil
        }
        guard let day = found, day <= latest else { return Day.validate(text, notAfter: latest) }
        return .success(day)
    }
}
