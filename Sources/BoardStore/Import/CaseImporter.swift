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
        var result = ImportParse(encoding: encoding, delimiter: delimiter, rows: [], errors: [])
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
        // A column given more than once: how it was written the second time, and how often it is there.
        var repeated: [(column: ImportColumn, name: String, count: Int)] = []
        for (index, name) in header.enumerated() {
            let trimmed = name.trimmingWhitespace()
            if trimmed.isEmpty { continue }
            guard let column = ImportColumn(header: trimmed) else {
                result.unknownColumnCount += 1
                if result.unknownColumns.count < ImportParse.namedUnknownColumns { result.unknownColumns.append(trimmed) }
                continue
            }
            if columns[column] == nil {
                columns[column] = index
            } else if let seen = repeated.firstIndex(where: { $0.column == column }) {
                repeated[seen].count += 1
            } else {
                repeated.append((column, trimmed, 2))
            }
        }
        for (_, name, count) in repeated {
            result.errors.append(ImportIssue(line: 1, message: "kolom \(InputText.quoted(name)) staat \(count == 2 ? "twee" : String(count)) keer in de kopregel"))
        }
        let missing = ImportColumn.allCases.filter { $0.isRequired && columns[$0] == nil }
        if !missing.isEmpty {
            let names = missing.map(\.rawValue).joined(separator: ", ")
            // A header of a million names is quoted by its first few.
            let given = header.lazy.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            let shown = given.prefix(10).map { InputText.quoted($0) }.joined(separator: ", ")
            let found = given.count > 10 ? "\(shown) en nog \(given.count - 10)" : shown
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
                    result.errors.append(ImportIssue(line: start, message: "kenmerk \(InputText.quoted(kenmerk)) staat ook op regel \(earlier); een kenmerk mag maar één keer voorkomen"))
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
        // Each known column's text, without the export's formula marker (SpreadsheetFormula) and trimmed.
        var values = [String](repeating: "", count: positions.count)
        for (position, index) in positions.enumerated() {
            guard let index, index < fields.count else { continue }
            values[position] = ImportText.trimmed(SpreadsheetFormula.unguarded(fields[index]))
            // No field holds a control or invisible character (InputText); such a row is checked no
            // further, as what else is wrong with it may only follow from that character.
            if let problem = InputText.characterProblem(in: values[position]) {
                problems.append("\(ImportColumn.allCases[position].rawValue) \(problem.message)")
            }
        }
        if !problems.isEmpty { return .invalid(problems.map { ImportIssue(line: line, message: $0) }) }

        func value(_ column: ImportColumn) -> String { values[column.position] }
        func required(_ column: ImportColumn) -> String? {
            let text = value(column)
            if text.isEmpty { problems.append("\(column.rawValue) ontbreekt"); return nil }
            return text
        }
        /// A text column's length and, for the kenmerk, its characters (InputText).
        func checked(_ column: ImportColumn, _ text: String?, as kind: InputText.Kind) -> String? {
            guard let text else { return nil }
            if let problem = InputText.problem(in: text, kind: kind) {
                problems.append("\(column.rawValue) \(problem.message)")
                return nil
            }
            return text
        }
        /// A stage date: a possible year, not in the future, not before the previous stage's date.
        func date(_ column: ImportColumn, _ text: String, after previous: (Day, ImportColumn)?) -> Day? {
            switch ImportText.day(text, today: today, notAfter: today) {
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

        let kenmerk = checked(.kenmerk, required(.kenmerk), as: .kenmerk)
        let reportedText = required(.aangemeldOp)
        let reportedOn = reportedText.flatMap { date(.aangemeldOp, $0, after: nil) }
        var source: Source?
        if let text = required(.bron) {
            source = Source(rawValue: text) ?? Source(name: text)
            if source == nil {
                problems.append("bron \(InputText.quoted(text)) is onbekend; kies Veilig Thuis, Jeugdbescherming, Jeugdteam of Overig")
            }
        }
        let familyName = checked(.gezin, required(.gezin), as: .name)
        let wijk = checked(.wijk, value(.wijk), as: .name)
        let medewerker = checked(.medewerker, value(.medewerker), as: .name)
        let children = self.children(value(.kinderen), reportedOn: reportedOn, problems: &problems)

        // The stages the file gives, in the flow's order, each with the column of its day; an
        // uitkomst the file names wrongly is nil, and its day is still checked.
        let uitkomstText = value(.uitkomst)
        var given: [(stage: Stage?, dayColumn: ImportColumn)] = []
        if !value(.onderzoekOp).isEmpty { given.append((.onderzoek, .onderzoekOp)) }
        if !value(.beschermtafelOp).isEmpty { given.append((.beschermtafel, .beschermtafelOp)) }
        if !uitkomstText.isEmpty { given.append((Stage(name: uitkomstText).flatMap { $0.isEnd ? $0 : nil }, .uitkomstOp)) }

        // Every stage needs the ones before it on the board's way there (ImportRoute); its day
        // lies on or after the previous stage's, as long as the way there is whole.
        var moves: [ImportRow.StageDay] = []
        var previous: (Day, ImportColumn)? = reportedOn.map { ($0, .aangemeldOp) }
        var chainBroken = reportedOn == nil
        var cameFrom = Stage.aangemeld
        for (stage, dayColumn) in given {
            if stage == nil {
                problems.append("uitkomst \(InputText.quoted(uitkomstText)) is onbekend; kies veiligheid gewaarborgd of rvk-onderzoek")
            }
            let needed = stage.map { ImportRoute.stages(before: $0, cameFrom: cameFrom) } ?? ImportRoute.beforeAnyOutcome
            for earlier in needed where earlier != .aangemeld && !given.contains(where: { $0.stage == earlier }) {
                problems.append(Self.missing(earlier, before: stage))
                chainBroken = true
            }
            let dayText = value(dayColumn)
            if dayText.isEmpty {  // only an uitkomst is given without its day
                problems.append("uitkomst_op ontbreekt; bij een uitkomst hoort de datum ervan")
            } else if let day = date(dayColumn, dayText, after: chainBroken ? nil : previous) {
                if let stage { moves.append(.init(stage: stage, day: day)) }
                previous = (day, dayColumn)
            } else {
                chainBroken = true
            }
            if let stage { cameFrom = stage }
        }
        if uitkomstText.isEmpty && !value(.uitkomstOp).isEmpty {
            problems.append("uitkomst_op is ingevuld maar uitkomst niet")
        }

        guard problems.isEmpty, let kenmerk, let reportedOn, let source, let familyName, let wijk, let medewerker else {
            return .invalid(problems.map { ImportIssue(line: line, message: $0) })
        }
        let report = NewReport(kenmerk: kenmerk, reportedOn: reportedOn, source: source, familyName: familyName,
                               wijk: wijk, medewerker: medewerker, children: children)
        return .valid(ImportRow(line: line, report: report, moves: moves))
    }

    /// A stage the file gives (nil: an uitkomst it names wrongly) without an earlier one that the
    /// board's way there needs, in the file's column names.
    static func missing(_ earlier: Stage, before stage: Stage?) -> String {
        switch (stage, earlier) {
        case (.beschermtafel?, .onderzoek):
            return "beschermtafel_op is ingevuld maar onderzoek_op niet; een zaak komt pas na onderzoek aan de Beschermtafel"
        case (.rvkOnderzoek?, .beschermtafel):
            return "uitkomst rvk-onderzoek vraagt ook beschermtafel_op; alleen de Beschermtafel brengt een zaak naar de Raad"
        case (_, .onderzoek) where stage?.isEnd ?? true:
            return "uitkomst is ingevuld maar onderzoek_op niet; een uitkomst volgt pas na onderzoek"
        default:
            return "\(column(naming: stage)) is ingevuld maar \(column(naming: earlier)) niet; "
                + "op het bord komt een zaak pas na \(earlier.title) in \(stage?.title ?? "een eindkolom")"
        }
    }

    /// The column that says a case reached `stage`: a stage's day, or the uitkomst.
    private static func column(naming stage: Stage?) -> String {
        switch stage {
        case .aangemeld?: return ImportColumn.aangemeldOp.rawValue
        case .onderzoek?: return ImportColumn.onderzoekOp.rawValue
        case .beschermtafel?: return ImportColumn.beschermtafelOp.rawValue
        case .veiligheidGewaarborgd?, .rvkOnderzoek?, nil: return ImportColumn.uitkomst.rawValue
        }
    }

    /// `Zoë (12-04-2016) | Daan (02-11-2019)`: children separated by `|`, each a first name and a
    /// birth date on or before the report's day; at least one, at most `InputText.maximumChildren`.
    private func children(_ text: String, reportedOn: Day?, problems: inout [String]) -> [Child] {
        // `|`, `(` and `)` are ASCII, so splitting and slicing the UTF-8 bytes at them is safe.
        let parts = text.utf8.split(separator: UInt8(ascii: "|")).filter { $0.contains { $0 != UInt8(ascii: " ") } }
        // A report names one or more children, as the new-report form asks (DOMAIN.md).
        guard !parts.isEmpty else {
            problems.append("kinderen ontbreekt; een aanmelding noemt minstens één kind: Voornaam (dd-mm-jjjj)")
            return []
        }
        guard parts.count <= InputText.maximumChildren else {
            problems.append("kinderen: \(parts.count) kinderen; een aanmelding noemt er hoogstens \(InputText.maximumChildren)")
            return []
        }
        var children: [Child] = []
        for part in parts {
            let entry = ImportText.trimmed(String(decoding: part, as: UTF8.self))
            if entry.isEmpty { continue }
            let bytes = entry.utf8
            guard bytes.last == UInt8(ascii: ")"), let open = bytes.lastIndex(of: UInt8(ascii: "(")) else {
                problems.append("kinderen: \(InputText.quoted(entry)) is geen kind in de vorm Voornaam (dd-mm-jjjj)")
                continue
            }
            let name = ImportText.trimmed(String(entry[..<open]))
            let dateText = String(entry[bytes.index(after: open)..<bytes.index(before: bytes.endIndex)])
            guard !name.isEmpty else {
                problems.append("kinderen: \(InputText.quoted(entry)) heeft geen voornaam; schrijf Voornaam (dd-mm-jjjj)")
                continue
            }
            if let problem = InputText.problem(in: name, kind: .personName) {
                problems.append("kinderen: voornaam \(InputText.quoted(name)) \(problem.message)")
                continue
            }
            switch ImportText.day(dateText, today: today, notAfter: today) {
            case .failure(let problem):
                problems.append("kinderen: geboortedatum van \(name): \(problem.message)")
            case .success(let birth):
                if let reportedOn, let problem = Child.birthProblem(birth, reportedOn: reportedOn) {
                    problems.append("kinderen: geboortedatum van \(name): \(problem.message)")
                } else {
                    children.append(Child(firstName: name, birthDate: birth))
                }
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

    /// `Day.validate(text, today:, notAfter:)`, reading `dd-mm-jjjj` and `jjjj-mm-dd` (with `-`, `/` or `.`)
    /// straight from the bytes; anything else goes through `Day.validate`, and every day through `Day.check`.
    static func day(_ text: String, today: Day, notAfter latest: Day) -> Result<Day, DateProblem> {
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
                return Day.validate(text, today: today, notAfter: latest)
            }
            index += 1
            if index > 10 { return Day.validate(text, today: today, notAfter: latest) }
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
        guard let day = found else { return Day.validate(text, today: today, notAfter: latest) }
        return Day.check(day, today: today, notAfter: latest)
    }
}
