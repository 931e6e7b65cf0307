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

/// A region of the screen: what a view draws into.
@Suite struct ScreenRegionTests {
    @Test func aRegionOffsetsAndClipsWhatIsDrawnInIt() {
        var screen = Screen(width: 10, height: 3)
        let cursor = screen.region(Rect(x: 2, y: 1, width: 4, height: 1)) { region in
            #expect(region.width == 4 && region.height == 1)
            region.put("abcdefgh", x: 0, y: 0)
            region.put("zz", x: 0, y: 1)
            region.fill(Rect(x: -5, y: -5, width: 50, height: 50), role: .dim, character: "#")
            region.put("ab", x: 1, y: 0)
            return (x: 3, y: 0)
        }
        #expect(cursor.x == 3)
        #expect(screen.lines == ["", "  #ab#", ""], "nothing outside the region")
        #expect(screen[1, 1].role == .normal && screen[2, 1].role == .dim)
    }

    @Test func regionsNestAndAWideCharacterStaysInside() {
        var screen = Screen(width: 8, height: 2)
        screen.region(Rect(x: 1, y: 1, width: 6, height: 1)) { outer in
            outer.region(Rect(x: 2, y: 0, width: 10, height: 5)) { inner in
                #expect(inner.width == 4, "clipped to the outer region")
                inner.put("日本語", x: 0, y: 0)
            }
        }
        #expect(screen.lines[1] == "   日…")
        #expect(screen.lines[0].isEmpty)
    }
}
