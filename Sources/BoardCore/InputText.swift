/// What may be typed or imported into a text field: the one check that the forms, the import, the
/// commands and the store share, so that a field refuses the same text wherever it comes from.
///
/// Refused in every field: control characters (C0, DEL, C1), the line and paragraph separators,
/// bidirectional marks, embeddings, overrides and isolates, zero-width and other invisible format
/// characters, the byte order mark and tag characters. Nobody types them on purpose; they make one
/// kenmerk or name look like another, reorder what a colleague reads, or carry commands into a
/// terminal. The zero-width joiner (U+200D) is refused too, although emoji sequences need it:
/// nothing in a dossier does. Only multi-line free text keeps TAB and line breaks (LF, CR).
///
/// The limits are far beyond any real family, so that one bad row cannot hold the store for minutes.
public enum InputText {
    public enum Kind: Sendable {
        /// A case's kenmerk: at most 40 of the ASCII letters and digits and `-` `/` `.` `_`.
        case kenmerk
        /// A name or another short entry (family, child, person, wijk, organisation, phone): one line of at most 100 characters.
        case name
        /// Free text on one line (a conclusion, a description): at most 10,000 characters.
        case line
        /// Free text over several lines (notes, advice, goals): at most 10,000 characters.
        case multiline
        /// A person's name (a child, a parent, someone of the network): a `name` that looks like
        /// one, letters with at most spaces and `-` `'` `’` `.` between them (`1-2-2030` is a date).
        case personName
        /// A phone number: 5 to 15 digits, with at most spaces and `+` `-` `(` `)` `/` `.` (`abc` is none).
        case phone

        public var maximumLength: Int {
            switch self {
            case .kenmerk: return 40
            case .name, .personName, .phone: return 100
            case .line, .multiline: return 10_000
            }
        }
    }

    /// The most children one report names.
    public static let maximumChildren = 30

    /// What is wrong with `text` as a field of this kind, or nil when it may be stored.
    public static func problem(in text: String, kind: Kind) -> InputProblem? {
        if let problem = characterProblem(in: text, allowingLineBreaks: kind == .multiline) { return problem }
        let length = text.unicodeScalars.count
        if length > kind.maximumLength { return .tooLong(length: length, maximum: kind.maximumLength) }
        if kind == .kenmerk {
            for (offset, scalar) in text.unicodeScalars.enumerated() where !isKenmerkCharacter(scalar) {
                return .notInKenmerk(scalar, position: offset + 1)
            }
        }
        // An empty name or phone number is for the form to require or not.
        if kind == .personName, !text.isEmpty, !looksLikeAName(text) { return .notAName }
        if kind == .phone, !text.isEmpty, !looksLikeAPhoneNumber(text) { return .notAPhoneNumber }
        return nil
    }

    /// Letters (with their accents), and between them at most spaces and `-` `'` `’` `.`.
    static func looksLikeAName(_ text: String) -> Bool {
        text.contains(where: \.isLetter) && text.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark || " -'’.".unicodeScalars.contains(scalar)
        }
    }

    /// 5 to 15 digits (from a short municipal number to an international one), and between them
    /// at most spaces and `+` `-` `(` `)` `/` `.`.
    static func looksLikeAPhoneNumber(_ text: String) -> Bool {
        let digits = text.unicodeScalars.filter { ("0"..."9").contains($0) }.count
        return (5...15).contains(digits) && text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || " +-()/.".unicodeScalars.contains($0) }
    }

    /// The first control or invisible character in `text`; TAB and line breaks only when allowed.
    public static func characterProblem(in text: String, allowingLineBreaks: Bool = false) -> InputProblem? {
        // Most text is printable ASCII: nothing to look for beyond the bytes.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return nil }
        for (offset, scalar) in text.unicodeScalars.enumerated() where isRefused(scalar) {
            let isLineBreak = scalar == "\n" || scalar == "\r"
            if allowingLineBreaks && (isLineBreak || scalar == "\t") { continue }
            return isLineBreak ? .lineBreak(position: offset + 1) : .refused(scalar, position: offset + 1)
        }
        return nil
    }

    /// Whether a character is refused in every field (TAB, LF and CR aside: see `characterProblem`).
    public static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        // Arabic letter mark, Mongolian vowel separator, zero-width space, (non-)joiner and the
        // left-to-right and right-to-left marks, the line and paragraph separators, embeddings and
        // overrides, word joiner, invisible operators, isolates and the deprecated format characters.
        case 0x061C, 0x180E, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x206F: return true
        // Byte order mark (zero-width no-break space), interlinear annotation, tag characters.
        case 0xFEFF, 0xFFF9...0xFFFB, 0xE0000...0xE007F: return true
        default: return false
        }
    }

    static func isKenmerkCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", "-", "/", ".", "_": return true
        default: return false
        }
    }

    /// A kenmerk as typed or imported, and as every look-up takes it: without the spaces around it,
    /// checked. Only ASCII is allowed, so a valid kenmerk is already in Unicode's NFC form.
    public static func kenmerk(_ text: String) -> Result<String, InputProblem> {
        let trimmed = text.trimmingWhitespace()
        if let problem = problem(in: trimmed, kind: .kenmerk) { return .failure(problem) }
        return .success(trimmed)
    }

    /// A value quoted in a message: at most 40 characters, refused characters shown as `<U+200B>`,
    /// between typographic quotes.
    public static func quoted(_ text: String) -> String {
        var shown = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == 39 && text.unicodeScalars.count > 40 { shown += "…"; break }
            if isRefused(scalar) { shown += "<\(code(scalar))>" } else { shown.unicodeScalars.append(scalar) }
            count += 1
        }
        return "‘\(shown)’"
    }

    /// `U+200B`: how a character is named in a message.
    static func code(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

/// Why a text was refused, in Dutch, to follow the field's name (`gezin bevat …`, `De notitie bevat …`).
public enum InputProblem: Error, Equatable, Sendable {
    /// A control or invisible character, at this position (counted from 1).
    case refused(Unicode.Scalar, position: Int)
    /// A line break in a one-line field.
    case lineBreak(position: Int)
    case tooLong(length: Int, maximum: Int)
    /// A character that a kenmerk cannot hold.
    case notInKenmerk(Unicode.Scalar, position: Int)
    /// A person's name with digits or signs in it, or without a letter.
    case notAName
    case notAPhoneNumber

    public var message: String {
        switch self {
        case .refused(let scalar, let position) where scalar.value == 0:
            return "bevat een NUL-teken (\\0) op plaats \(position); dat kan niet worden opgeslagen"
        case .refused(let scalar, let position):
            let what = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) ? "stuurteken" : "onzichtbaar teken"
            return "bevat een \(what) (\(InputText.code(scalar))) op plaats \(position); haal het weg"
        case .lineBreak(let position):
            return "bevat een regeleinde op plaats \(position); dit veld is één regel"
        case .tooLong(let length, let maximum):
            return "is te lang: \(length) tekens, hoogstens \(maximum)"
        case .notInKenmerk(let scalar, let position):
            return "bevat ‘\(Character(scalar))’ (\(InputText.code(scalar))) op plaats \(position); "
                + "een kenmerk bestaat alleen uit de letters A–Z, de cijfers 0–9 en - / . _"
        case .notAName:
            return "is geen naam: een naam bestaat uit letters, met hoogstens spaties en - ' . ertussen"
        case .notAPhoneNumber:
            return "is geen telefoonnummer: 5 tot 15 cijfers, met hoogstens spaties en + - ( ) / . ertussen"
        }
    }

    /// The message as a sentence of its own, beside a form's field.
    public var sentence: String { message.prefix(1).uppercased() + message.dropFirst() }
}
