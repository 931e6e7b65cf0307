import Foundation

/// How the bytes of an import file were read.
public enum TextEncodingUsed: Equatable, Sendable {
    case utf8
    case utf8WithBOM
    /// Not valid UTF-8: read as Windows-1252, which Dutch Excel writes for "CSV (gescheiden door lijstscheidingsteken)".
    case windows1252

    /// The line the import prints about it, nil when there is nothing to say.
    public var notice: String? {
        switch self {
        case .utf8, .utf8WithBOM: return nil
        case .windows1252:
            return "Het bestand is geen geldige UTF-8; het is gelezen als Windows-1252 (zoals Excel dat vaak opslaat). Controleer de namen met accenten."
        }
    }
}

/// Turns the bytes of a CSV file into text: UTF-8 with or without BOM, else Windows-1252.
public enum TextDecoding {
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    public static func decode(_ data: Data) -> (text: String, encoding: TextEncodingUsed) {
        let bytes = [UInt8](data)
        let hasBOM = bytes.starts(with: bom)
        let body = hasBOM ? bytes[3...] : bytes[...]
        if let text = String(validating: body, as: UTF8.self) {
            return (text, hasBOM ? .utf8WithBOM : .utf8)
        }
        return (windows1252(body), .windows1252)
    }

    /// Windows-1252: Latin-1 except 0x80–0x9F, where it has typographic characters.
    /// The five bytes it leaves undefined map to the C1 controls of the same number (as browsers do);
    /// the import then refuses them like any control character (InputText), naming the field.
    public static func windows1252<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if byte >= 0x80 && byte <= 0x9F {
                scalars.append(Unicode.Scalar(high[Int(byte - 0x80)])!)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    private static let high: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
