import Testing
@testable import BoardUI

/// Text from the store reaches the terminal only through `TextSanitizer`: no escape sequence,
/// control character or bidirectional override survives it, and ordinary text is untouched.
@Suite("Hostile text on screen")
struct HostileTextTests {
    static let corpus = [
        "\u{1B}[2J\u{1B}[H", "\u{1B}]0;gekaapt\u{07}", "\u{1B}]52;c;d2hvYW1p\u{1B}\\", "\u{9B}31m", "\u{1B}P+q\u{1B}\\",
        "\u{08}\u{08}\u{7F}", "a\u{0}b", "\u{202E}tseT\u{202C}", "\u{2066}x\u{2069}", "\u{200F}\u{200E}", "\u{85}\u{9C}",
    ]

    func isDangerous(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F: return true
        default: return false
        }
    }

    @Test func nothingDangerousSurvives() {
        for bad in Self.corpus {
            let text = "de \(bad) Vries"
            let shown = TextSanitizer.singleLine(text)
            #expect(!shown.unicodeScalars.contains(where: isDangerous), "\(Array(text.unicodeScalars))")
            #expect(shown.hasPrefix("de ") && shown.hasSuffix(" Vries"))
            for line in TextSanitizer.lines("regel 1\n\(text)\nregel 3") {
                #expect(!line.unicodeScalars.contains(where: isDangerous))
            }
        }
        #expect(TextSanitizer.singleLine("a\r\nb\tc") == "a  b c", "line breaks and tabs become spaces")
        #expect(TextSanitizer.singleLine("\u{1B}[31mRood") == "[31mRood", "the introducer is gone, so the rest is inert text")
    }

    @Test func ordinaryTextIsUntouched() {
        for text in ["Zoë Özdemir", "Nguyễn Thị", "Ćorić", "van 't Hof", "IJzerman", "田中", "👩‍👧", "Tjon A Fong", ""] {
            #expect(TextSanitizer.singleLine(text) == text)
        }
    }

    @Test func longTextIsHandled() {
        let long = String(repeating: "Özdemir\u{1B}[1m", count: 2000)
        let shown = TextSanitizer.singleLine(long)
        #expect(shown.count == 2000 * 10, "Özdemir[1m: the escape character alone is dropped")
        #expect(!shown.unicodeScalars.contains(where: isDangerous))
    }
}
