import Testing
@testable import BoardUI

/// The fast paths of `DisplayWidth` (printable ASCII, Latin letters with precomposed accents)
/// measure and cut exactly as going character by character does.
@Suite struct DisplayWidthTests {
    static let texts = [
        "", "Jansen", "Öztürk", "Aydın", "Doğan", "Şahin", "van 't Hof", "Zoë", "Kevin Tjon A Fong", "Ouali-Kartosen",
        "Ñandú ßtraße", "ÆØÅ æøå", "NBSP\u{A0}hier", "ʼModifier ʰ",
        // Not simple: these take the character path, and must stay right.
        "Zoe\u{308}", "李娜 Wang", "soft\u{AD}hyphen", "c1\u{85}control", "👍🏽 duim", "e\u{301}e\u{301}",
    ]

    @Test(arguments: texts)
    func widthAndCutAgreeWithTheCharacterPath(text: String) {
        #expect(DisplayWidth.of(text) == DisplayWidth.measuredByCharacter(text))
        for width in 0...(text.count + 2) {
            #expect(DisplayWidth.truncate(text, to: width) == DisplayWidth.truncatedByCharacter(text, to: width), "width \(width)")
        }
    }

    @Test func simpleLatinIsOneColumnPerLetter() {
        #expect(DisplayWidth.isSimpleLatin("Öztürk"))
        #expect(DisplayWidth.of("Öztürk") == 6)
        #expect(DisplayWidth.truncate("Öztürk-Aydın", to: 7) == "Öztürk…")
        #expect(!DisplayWidth.isSimpleLatin("Zoe\u{308}"), "a combining accent is not simple")
        #expect(DisplayWidth.of("Zoe\u{308}") == 3)
    }
}
