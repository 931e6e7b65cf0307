/// Reads the records of CSV text as Excel writes it: fields split by the delimiter, records by
/// LF, CR LF or a lone CR, fields in double quotes may hold delimiters, line breaks and doubled
/// quotes.
///
/// Works on the UTF-8 bytes: every byte it looks for is ASCII, and in UTF-8 an ASCII byte is
/// never part of another character, so fields are cut at character boundaries. It replaced the
/// CSV.swift reader, which built every field one Unicode scalar at a time and took a fifth of an
/// import's time; malformed input is read exactly as that reader read it (see `quotedField`), so
/// that the import's messages about it stay the same.
struct CSVRecordReader {
    private let bytes: [UInt8]
    private let delimiter: UInt8
    private var position = 0
    /// Scratch space for quoted fields, kept between fields.
    private var buffer: [UInt8] = []
    /// Line breaks inside the quoted fields of the record last read (LF, CR LF and a lone CR each
    /// count once): the record took this many lines more than one.
    private(set) var lineBreaksInRecord = 0

    private static let quote = UInt8(ascii: "\"")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// How many bytes of the text have been read.
    var bytesRead: Int { position }

    init(text: String, delimiter: Character) {
        bytes = Array(text.utf8)
        self.delimiter = delimiter.asciiValue ?? UInt8(ascii: ";")
    }

    /// The next record's fields, or nil at the end of the text.
    mutating func next() -> [String]? {
        guard position < bytes.count else { return nil }
        lineBreaksInRecord = 0
        var fields: [String] = []
        while true {
            let (field, endsRecord): (String, Bool)
            if position == bytes.count {
                // A delimiter just before the end: one more, empty, field.
                (field, endsRecord) = ("", true)
            } else if bytes[position] == Self.quote {
                position += 1
                (field, endsRecord) = quotedField()
            } else {
                (field, endsRecord) = plainField()
            }
            fields.append(field)
            if endsRecord { return fields }
        }
    }

    /// A field without quotes around it; a quote inside it is an ordinary character.
    private mutating func plainField() -> (String, Bool) {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if byte == delimiter { return (text(start..<(position - 1)), false) }
            if byte == Self.lineFeed || byte == Self.carriageReturn {
                let field = text(start..<(position - 1))
                skipLineFeed(after: byte)
                return (field, true)
            }
        }
        return (text(start..<position), true)
    }

    /// A field that opened with a quote. A quote ends it when followed by the delimiter, a line
    /// break or the end; two quotes are one quote. A closing quote followed by anything else is
    /// kept and the character after it dropped, and the field goes on (as CSV.swift read it);
    /// a quote that is never closed takes in the rest of the text.
    private mutating func quotedField() -> (String, Bool) {
        let (field, endsRecord) = quotedFieldBytes()
        lineBreaksInRecord += Self.lineBreaks(in: buffer)
        return (field, endsRecord)
    }

    private mutating func quotedFieldBytes() -> (String, Bool) {
        buffer.removeAll(keepingCapacity: true)
        var runStart = position
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            guard byte == Self.quote else { continue }
            buffer.append(contentsOf: bytes[runStart..<(position - 1)])
            guard position < bytes.count else { return (String(decoding: buffer, as: UTF8.self), true) }
            let next = bytes[position]
            position += 1
            if next == delimiter { return (String(decoding: buffer, as: UTF8.self), false) }
            if next == Self.lineFeed || next == Self.carriageReturn {
                skipLineFeed(after: next)
                return (String(decoding: buffer, as: UTF8.self), true)
            }
            buffer.append(Self.quote)
            // `next` was dropped whole: with the bytes that continue its character.
            while position < bytes.count, bytes[position] & 0xC0 == 0x80 { position += 1 }
            runStart = position
        }
        buffer.append(contentsOf: bytes[runStart..<position])
        return (String(decoding: buffer, as: UTF8.self), true)
    }

    private static func lineBreaks(in bytes: [UInt8]) -> Int {
        var count = 0
        var previousCR = false
        for byte in bytes {
            if byte == lineFeed {
                if !previousCR { count += 1 }
                previousCR = false
            } else {
                if byte == carriageReturn { count += 1 }
                previousCR = byte == carriageReturn
            }
        }
        return count
    }

    /// CR LF is one line break.
    private mutating func skipLineFeed(after byte: UInt8) {
        if byte == Self.carriageReturn, position < bytes.count, bytes[position] == Self.lineFeed { position += 1 }
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}
