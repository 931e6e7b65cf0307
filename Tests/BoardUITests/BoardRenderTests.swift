import BoardCore
import Testing
@testable import BoardUI

@Suite struct BoardRenderTests {
    @Test func boardAt80x24() {
        let frame = AppView.render(Fixture.state())
        let blank = "│              ││              ││              ││              ││              │"
        let expected = [
            " Beschermbord · bord.sqlite · anouk · 7 zaken                        20-11-2026",
            "┌ Aangemeld 2 ─┐┌ Onderzoek 2 ─┐┌ Tafel 1 ─────┐┌ Veilig 1 ────┐┌ RvK 1 ───────┐",
            "▶2026-0102  !9d││2026-0080 !80d││2026-0050  40d││2026-0040   5d││2026-0030  12d│",
            "│Özdemir       ││李娜 Wang     ││El Amrani     ││de Vries      ││Yılmaz        │",
            "│1 kd. (7 jr)  ││2 kd. (4 jr)  ││2 kd. (4 jr)  ││2 kd. (4 jr)  ││2 kd. (4 jr)  │",
            "│Karim Benali  ││Jeroen Mulder ││Anouk de Wit  ││Anouk de Wit  ││Anouk de Wit  │",
            "│              ││              ││              ││              ││              │",
            "│2026-0101   2d││2026-0090  20d││              ││              ││              │",
            "│Jansen        ││van den Berg-…││              ││              ││              │",
            "│2 kd. (4 jr)  ││4 kd. (1 jr)  ││              ││              ││              │",
            "│Anouk de Wit  ││Anouk de Wit  ││              ││              ││              │",
            blank,
            blank,
            blank,
            blank,
            blank,
            blank,
            blank,
            blank,
            blank,
            blank,
            "└──────────────┘└──────────────┘└──────────────┘└──────────────┘└──────────────┘",
            " afgesloten: laatste 30 dagen (c: alle) · ! = over de norm",
            " Enter open  > verder  < terug  a nieuw  / filter  o over norm  ? hulp  q stop",
        ]
        #expect(frame.screen.lines == expected)
        #expect(frame.cursor == nil)
    }

    @Test func boardAt200x50ShowsFullTitlesAndChildren() {
        let lines = AppView.render(Fixture.state(width: 200, height: 50)).screen.lines
        #expect(lines.count == 50)
        #expect(lines[1].hasPrefix("┌ Aangemeld 2 ─"))
        #expect(lines[1].contains("┌ Beschermtafel 1 ─"))
        #expect(lines[1].contains("┌ Veiligheid gewaarborgd 1 ─"))
        #expect(lines[1].contains("┌ RvK-onderzoek 1 ─"))
        #expect(lines[8].contains("│van den Berg-Zoëtermeer "))
        #expect(lines[4].contains("││2 kinderen, jongste 4 jr "))
        #expect(lines[2].hasPrefix("▶2026-0102                          !9d││"))
        // The card of 200 days ago in an end column stays outside the 30-day window.
        #expect(!lines.joined().contains("Bakker"))
    }

    @Test func wideCharactersKeepColumnsAligned() {
        let screen = AppView.render(Fixture.state()).screen
        // 李娜 takes four columns; the border after the card must still be at x = 31.
        #expect(screen[31, 3].character == "│")
        #expect(screen[17, 3].character == "李")
        #expect(screen[18, 3].isContinuation)
    }

    @Test func longNamesAreCutWithAnEllipsis() {
        let long = String(repeating: "Abcdefghij", count: 1000)
        let state = Fixture.state(cases: [Fixture.summary(1, "2026-0001", long, stage: .aangemeld, since: 1)])
        let lines = AppView.render(state).screen.lines
        #expect(lines[3] == "│AbcdefghijAbc…││              ││              ││              ││              │")
        #expect(lines[2] == "▶2026-0001   1d││ (leeg)       ││ (leeg)       ││ (leeg)       ││ (leeg)       │")
    }

    @Test func controlCharactersNeverReachTheScreen() {
        let hostile = "Jansen\u{1B}[2J\u{1B}]0;pwned\u{07}\u{0}\r\nX"
        let state = Fixture.state(cases: [Fixture.summary(1, "2026-0001", hostile, stage: .aangemeld, since: 1)])
        let screen = AppView.render(state).screen
        for cell in screen.cells {
            for scalar in cell.character.unicodeScalars {
                #expect(scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value))
            }
        }
        #expect(screen.lines[3].hasPrefix("│Jansen[2J]0;p…│"))
    }

    @Test func scrollHintsShowWhenAColumnOverflows() {
        let many = (1...12).map { Fixture.summary(Int64($0), "2026-\(1000 + $0)", "Gezin \($0)", stage: .onderzoek, since: 30 - $0) }
        var state = Fixture.state(cases: many)
        Fixture.press([.right], on: &state)
        var lines = AppView.render(state).screen.lines
        #expect(lines[21].contains("▼ 8 meer"))
        Fixture.press([.character("G")], on: &state)
        lines = AppView.render(state).screen.lines
        #expect(lines[21].contains("─▲ 8─"), "above and below are counted on the lower border")
        #expect(!lines[21].contains("meer"))
        #expect(lines.contains { $0.contains("│▶2026-1012") }, "the last card is selected and in view")
    }

    @Test func emptyStoreTellsHowToAddACase() {
        let text = AppView.render(Fixture.state(cases: [])).screen.text
        #expect(text.contains("Nog geen zaken in deze opslag."))
        #expect(text.contains("Druk op a om een nieuwe aanmelding in te voeren"))
    }

    @Test func tinyTerminalShowsAMessage() {
        let lines = AppView.render(Fixture.state(width: 40, height: 10)).screen.lines
        #expect(lines.contains("            Venster te klein"))
        #expect(lines.contains { $0.contains("nu 40×10") })
    }

    @Test func helpIsGeneratedFromTheKeyMap() {
        var state = Fixture.state()
        Fixture.press([.character("?")], on: &state)
        let text = AppView.render(state).screen.text
        #expect(text.contains("Toetsen: Bord"))
        for binding in state.boardBindings.prefix(15) {
            #expect(text.contains(binding.description), "help mist: \(binding.description)")
        }
        Fixture.press([.escape], on: &state)
        #expect(state.isOnBoard)
    }

    @Test func oneCaseIsCountedInTheSingular() {
        let state = Fixture.state(cases: [Fixture.cases[0]])
        let title = AppView.render(state).screen.lines[0]
        #expect(title.contains("· 1 zaak ") && !title.contains("zaken"), "\(title)")
        let text = BoardText.render(state.columns, today: Fixture.today, norms: .standard, storeName: "bord.sqlite")
        #expect(text.hasPrefix("Beschermbord · bord.sqlite · \(Fixture.today.dutch) · 1 zaak\n"), "\(text)")
    }
}
