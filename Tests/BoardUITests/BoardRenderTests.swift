import BoardCore
import Testing
@testable import BoardUI

@Suite struct BoardRenderTests {
    @Test func boardAt80x24() {
        let frame = AppView.render(Fixture.state())
        let lines = frame.screen.lines
        #expect(lines.count == 24)
        #expect(lines[0] == " Beschermbord · bord.sqlite · anouk · 7 zaken                         20-11-2026")
        #expect(lines[1] == "┌ Aangemeld 2 ─┐┌ Onderzoek 2 ─┐┌ Tafel 1 ─────┐┌ Veilig 1 ────┐┌ RvK 1 ───────┐")
        #expect(lines[2] == "│▶2026-0101  2d││ 2026-0090 20d││ 2026-0050 40d││ 2026-0040  5d││ 2026-0030 12d│")
        #expect(lines[3] == "│ Jansen       ││ van den Berg…││ El Amrani    ││ de Vries     ││ Yılmaz       │")
        #expect(lines[4] == "│ 2 kind. (4 j…││ 4 kind. (1 j…││ 2 kind. (4 j…││ 2 kind. (4 j…││ 2 kind. (4 j…│")
        #expect(lines[5] == "│ Anouk de Wit ││ Anouk de Wit ││ Anouk de Wit ││ Anouk de Wit ││ Anouk de Wit │")
        #expect(lines[7] == "│ 2026-0102!9d ││ 2026-0080!80d││              ││              ││              │")
        #expect(lines[8] == "│ Özdemir      ││ 李娜 Wang    ││              ││              ││              │")
        #expect(lines[21] == "└──────────────┘└──────────────┘└──────────────┘└──────────────┘└──────────────┘")
        #expect(lines[22] == " afgesloten: laatste 30 dagen (c: alle) · ! = over de norm")
        #expect(lines[23].hasPrefix(" Enter open  > verder  < terug  a nieuw  / filter  ? hulp  q stop"))
    }

    @Test func boardAt200x50ShowsFullTitlesAndChildren() {
        let lines = AppView.render(Fixture.state(width: 200, height: 50)).screen.lines
        #expect(lines.count == 50)
        #expect(lines[1].hasPrefix("┌ Aangemeld 2 ─"))
        #expect(lines[1].contains("┌ Beschermtafel 1 ─"))
        #expect(lines[1].contains("┌ Veiligheid gewaarborgd 1 ─"))
        #expect(lines[1].contains("┌ RvK-onderzoek 1 ─"))
        #expect(lines[3].contains("│ van den Berg-Zoëtermeer "))
        #expect(lines[4].hasPrefix("│ 2 kinderen, jongste 4 jr "))
        // The card of 200 days ago in an end column stays outside the 30-day window.
        #expect(!lines.joined().contains("Bakker"))
    }

    @Test func wideCharactersKeepColumnsAligned() {
        let screen = AppView.render(Fixture.state()).screen
        // 李娜 takes four columns; the border after the card must still be at x = 31.
        #expect(screen[31, 8].character == "│")
        #expect(screen[17, 8].character == "李")
        #expect(screen[18, 8].isContinuation)
    }

    @Test func longNamesAreCutWithAnEllipsis() {
        let long = String(repeating: "Abcdefghij", count: 1000)
        let state = Fixture.state(cases: [Fixture.summary(1, "2026-0001", long, stage: .aangemeld, since: 1)])
        let lines = AppView.render(state).screen.lines
        #expect(lines[3] == "│ Abcdefghijab…│")
        #expect(lines[2] == "│▶2026-0001  1d││ (leeg)       ││ (leeg)       ││ (leeg)       ││ (leeg)       │")
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
        #expect(screen.lines[3].hasPrefix("│ Jansen[2J]0…"))
    }

    @Test func scrollHintsShowWhenAColumnOverflows() {
        let many = (1...12).map { Fixture.summary(Int64($0), "2026-\(1000 + $0)", "Gezin \($0)", stage: .onderzoek, since: 30 - $0) }
        var state = Fixture.state(cases: many)
        Fixture.press([.right], on: &state)
        var lines = AppView.render(state).screen.lines
        #expect(lines[21].contains("▼ 8 meer"))
        Fixture.press([.character("G")], on: &state)
        lines = AppView.render(state).screen.lines
        #expect(lines[1].contains("▲ 8"))
        #expect(!lines[21].contains("meer"))
        #expect(lines.contains { $0.contains("▶2026-1001") })
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
        for binding in KeyMap.board.prefix(15) {
            #expect(text.contains(binding.description), "help mist: \(binding.description)")
        }
        Fixture.press([.escape], on: &state)
        #expect(state.overlays.isEmpty)
    }
}
