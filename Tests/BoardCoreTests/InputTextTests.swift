import Testing
@testable import BoardCore

/// The one check of typed and imported text (InputText): which characters, which lengths, and how
/// a refusal is worded.
@Suite("Input text")
struct InputTextTests {
    /// Every character the issue lists, and its neighbours in the same ranges.
    static let refused: [UInt32] = [0x00, 0x07, 0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9B, 0x9F,
                                    0x061C, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2028, 0x2029,
                                    0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2066, 0x2067, 0x2068, 0x2069,
                                    0xFEFF, 0xE0000, 0xE0001, 0xE0041, 0xE007F]
    static let allowed: [UInt32] = [0x20, 0x41, 0x7E, 0xA0, 0xE9, 0xEB, 0x2019, 0x2013, 0x20AC, 0x0396, 0xFF12, 0x1F600]

    @Test func whichCharactersAreRefused() {
        for value in Self.refused {
            let scalar = Unicode.Scalar(value)!
            let text = "ab" + String(Character(scalar)) + "c"
            #expect(InputText.problem(in: text, kind: .name) != nil, "U+\(String(value, radix: 16))")
            #expect(InputText.problem(in: text, kind: .line) != nil, "U+\(String(value, radix: 16))")
            let multiline = InputText.problem(in: text, kind: .multiline)
            #expect((multiline == nil) == [0x09, 0x0A, 0x0D].contains(value), "only TAB and line breaks in multi-line text: U+\(String(value, radix: 16))")
        }
        for value in Self.allowed {
            let text = "ab" + String(Character(Unicode.Scalar(value)!)) + "c"
            #expect(InputText.problem(in: text, kind: .name) == nil, "U+\(String(value, radix: 16))")
        }
        #expect(InputText.problem(in: "Zoë 👩‍👧", kind: .name) == .refused("\u{200D}", position: 6),
                "the zero-width joiner of emoji sequences is refused too: nothing in a dossier needs it")
    }

    @Test func refusalsSayWhatAndWhere() {
        #expect(InputText.problem(in: "de\u{200B}Vries", kind: .name)?.message == "bevat een onzichtbaar teken (U+200B) op plaats 3; haal het weg")
        #expect(InputText.problem(in: "de\u{1B}Vries", kind: .name)?.message == "bevat een stuurteken (U+001B) op plaats 3; haal het weg")
        #expect(InputText.problem(in: "de\u{0}Vries", kind: .name)?.message == "bevat een NUL-teken (\\0) op plaats 3; dat kan niet worden opgeslagen")
        #expect(InputText.problem(in: "de\r\nVries", kind: .name)?.message == "bevat een regeleinde op plaats 3; dit veld is één regel")
        #expect(InputText.problem(in: "de Vries", kind: .name)?.sentence == nil)
        #expect(InputText.problem(in: "x\u{202E}", kind: .line)?.sentence == "Bevat een onzichtbaar teken (U+202E) op plaats 2; haal het weg")
    }

    @Test func lengths() {
        #expect(InputText.problem(in: String(repeating: "a", count: 100), kind: .name) == nil)
        #expect(InputText.problem(in: String(repeating: "a", count: 101), kind: .name) == .tooLong(length: 101, maximum: 100))
        #expect(InputText.problem(in: String(repeating: "é", count: 101), kind: .name) == .tooLong(length: 101, maximum: 100))
        #expect(InputText.problem(in: String(repeating: "a", count: 10_000), kind: .multiline) == nil)
        #expect(InputText.problem(in: String(repeating: "a", count: 10_001), kind: .line)?.message == "is te lang: 10001 tekens, hoogstens 10000")
        #expect(InputText.problem(in: String(repeating: "1", count: 41), kind: .kenmerk) == .tooLong(length: 41, maximum: 40))
    }

    /// ASCII letters and digits with `-` `/` `.` `_`: a Greek Ζ, fullwidth digits or a space make another kenmerk.
    @Test func kenmerken() {
        #expect(InputText.kenmerk("  2026/A.b_c-9 ") == .success("2026/A.b_c-9"))
        #expect(InputText.kenmerk("2026-000\u{0396}") == .failure(.notInKenmerk("\u{0396}", position: 9)))
        #expect(InputText.kenmerk("２０２６-0001") == .failure(.notInKenmerk("\u{FF12}", position: 1)))
        #expect(InputText.kenmerk("2026 0001") == .failure(.notInKenmerk(" ", position: 5)))
        #expect(InputText.kenmerk("2026-0001\u{200B}") == .failure(.refused("\u{200B}", position: 10)))
        #expect(InputText.kenmerk("2025-0é") == .failure(.notInKenmerk("é", position: 7)))
        #expect(InputText.problem(in: "2026-000\u{0396}", kind: .kenmerk)?.message
                == "bevat ‘\u{0396}’ (U+0396) op plaats 9; een kenmerk bestaat alleen uit de letters A–Z, de cijfers 0–9 en - / . _")
    }

    @Test func quotingShowsTheInvisibleAndCutsTheLong() {
        #expect(InputText.quoted("2026-0001\u{200B}") == "‘2026-0001<U+200B>’")
        #expect(InputText.quoted(String(repeating: "x", count: 40)) == "‘\(String(repeating: "x", count: 40))’")
        #expect(InputText.quoted(String(repeating: "x", count: 1_000_000)) == "‘\(String(repeating: "x", count: 39))…’")
    }
}
