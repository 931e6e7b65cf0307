import BoardCore
import CSV
import Foundation

/// Writes cases as CSV (the import's columns, so an export imports again) or as JSON.
public enum CaseExport {
    /// CSV as Excel opens it: UTF-8 with BOM, `;` between fields, CR LF line ends, dates dd-mm-jjjj,
    /// and no cell that Excel would run as a formula (SpreadsheetFormula).
    public static func csv(_ records: [CaseRecord]) throws -> Data {
        let stream = OutputStream.toMemory()
        let writer = try CSVWriter(stream: stream, delimiter: ";", newline: .crlf)
        try writer.write(row: ImportColumn.allCases.map(\.rawValue))
        for record in records {
            try writer.write(row: fields(of: record).map(SpreadsheetFormula.guarded))
        }
        stream.close()
        guard let body = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else {
            throw StoreError.refused("De export kan niet worden gemaakt.")
        }
        var data = Data(TextDecoding.bom)
        data.append(body)
        data.append(contentsOf: [0x0D, 0x0A])
        return data
    }

    /// One record's fields, in the order of `ImportColumn.allCases`.
    static func fields(of record: CaseRecord) -> [String] {
        ImportColumn.allCases.map { column in
            switch column {
            case .kenmerk: return record.kenmerk
            case .aangemeldOp: return record.reportedOn.dutch
            case .bron: return record.source.rawValue
            case .gezin: return record.familyName
            case .wijk: return record.wijk
            case .medewerker: return record.medewerker
            case .kinderen: return record.children.map { "\($0.firstName) (\($0.birthDate?.dutch ?? Day.unknownText))" }.joined(separator: " | ")
            case .onderzoekOp: return record.day(of: .onderzoek)?.dutch ?? ""
            case .beschermtafelOp: return record.day(of: .beschermtafel)?.dutch ?? ""
            case .uitkomst: return record.outcome.map { $0.stage == .rvkOnderzoek ? "rvk-onderzoek" : "veiligheid gewaarborgd" } ?? ""
            case .uitkomstOp: return record.outcome?.day.dutch ?? ""
            }
        }
    }

    /// A JSON array of cases: fields, children and stage days (dates as jjjj-mm-dd).
    public static func json(_ records: [CaseRecord]) -> Data {
        JSONValue.array(records.map(json)).serialized()
    }

    /// One case as a JSON object; absent stage days are null, so every case has the same keys.
    static func json(_ record: CaseRecord) -> JSONValue {
        func date(_ day: Day?) -> JSONValue { day.map { .string($0.iso) } ?? .null }
        return .object([
            ("kenmerk", .string(record.kenmerk)),
            ("gezin", .string(record.familyName)),
            ("wijk", .string(record.wijk)),
            ("bron", .string(record.source.rawValue)),
            ("medewerker", .string(record.medewerker)),
            ("aangemeld_op", date(record.reportedOn)),
            ("onderzoek_op", date(record.day(of: .onderzoek))),
            ("beschermtafel_op", date(record.day(of: .beschermtafel))),
            ("uitkomst", record.outcome.map { .string($0.stage.title) } ?? .null),
            ("uitkomst_op", date(record.outcome?.day)),
            ("kolom", .string(record.stage.title)),
            ("kolom_sinds", date(record.stageSince)),
            ("kinderen", .array(record.children.map { child in
                .object([("voornaam", .string(child.firstName)), ("geboortedatum", .string(child.birthDate?.iso ?? Day.unknownText))])
            })),
        ])
    }
}
