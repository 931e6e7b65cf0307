import Foundation
import Testing
@testable import BoardUI

@Suite struct ThemeTests {
    let bundled = ThemeLibrary(searchDirectories: [ThemeLibrary.bundledThemesDirectory])

    // MARK: Shipped themes

    @Test func shippedThemesAreAvailable() {
        let names = bundled.availableNames()
        #expect(names.contains("standaard"))
        #expect(names.contains("hoog-contrast"))
        #expect(names.contains("monochroom"))
    }

    @Test(arguments: ["standaard", "hoog-contrast", "monochroom"])
    func shippedThemeDefinesEveryRole(name: String) throws {
        let document = try bundled.loadDocument(name: name)
        #expect(document.theme.name == name)
        #expect(!document.description.isEmpty)
        let missing = Set(Role.allCases).subtracting(document.definedRoles)
        #expect(missing.isEmpty, "\(name) mist rollen: \(missing.map(\.rawValue).sorted())")
        #expect(document.theme.styles.count == Role.allCases.count)
    }

    @Test func monochromeFileMatchesBuiltInTheme() throws {
        let theme = try bundled.load(name: "monochroom")
        #expect(theme.styles == Theme.builtInMonochrome.styles)
    }

    @Test func standardThemeKeepsSelectionAndOverdueVisible() throws {
        let theme = try bundled.load(name: "standaard")
        let selected = theme.style(.cardSelected)
        #expect(selected.reverse || selected.background != .terminalDefault)
        #expect(theme.style(.normal).background == .terminalDefault)
        #expect(theme.style(.columnHeader).bold)
        guard case .rgb(let r, let g, let b) = theme.style(.overdue).foreground else {
            Issue.record("overdue should be a hex colour")
            return
        }
        #expect(r > 150 && g < 100 && b < 100)
    }

    @Test func highContrastThemeUsesBlackBackground() throws {
        let theme = try bundled.load(name: "hoog-contrast")
        #expect(theme.style(.normal).background == .rgb(0, 0, 0))
        #expect(theme.style(.normal).foreground == .rgb(255, 255, 255))
        #expect(theme.style(.cardSelected).bold)
    }

    // MARK: Errors

    @Test func brokenTOMLNamesFileAndLine() {
        let text = """
        name = "kapot"
        [roles.normal
        fg = "red"
        """
        let error = #expect(throws: ThemeError.self) { try ThemeLoader.parse(text, fileName: "kapot.toml") }
        #expect(error?.message.hasPrefix("Thema kapot.toml: ongeldige TOML op regel 2") == true, "\(error?.message ?? "")")
    }

    @Test func unknownColourNamesFileRoleAndLine() {
        let text = """
        name = "hoog-contrast"
        [roles.normal]
        fg = "white"

        [roles.card_selected]
        fg = "purpel"
        """
        let error = #expect(throws: ThemeError.self) { try ThemeLoader.parse(text, fileName: "hoog-contrast.toml") }
        let message = error?.message ?? ""
        #expect(message.hasPrefix("Thema hoog-contrast.toml: onbekende kleur 'purpel' bij rol card_selected"), "\(message)")
        #expect(message.contains("regel 6"), "\(message)")
    }

    @Test func ageingThresholdsComeFromTheTheme() throws {
        #expect(try ThemeLoader.parse("", fileName: "x.toml").ageing == .standard)
        let theme = try ThemeLoader.parse("[ageing]\nageing_days = 7\nold_days = 21\n", fileName: "x.toml")
        #expect(theme.ageing == CardAgeing(ageingDays: 7, oldDays: 21))
        #expect(try ThemeLibrary().load(name: "standaard").ageing == CardAgeing(ageingDays: 14, oldDays: 42))
    }

    @Test(arguments: [("[ageing]\nageing_days = 30\nold_days = 10\n", "kleiner zijn dan old_days"),
                      ("[ageing]\nageing_days = \"twee weken\"\n", "ageing_days in [ageing] moet een heel aantal dagen zijn"),
                      ("[ageing]\nold_days = 0\n", "old_days in [ageing] moet een heel aantal dagen zijn"),
                      ("[ageing]\noud = 3\n", "onbekende sleutel 'oud' in [ageing]"),
                      ("ageing = 3\n", "[ageing] moet een tabel zijn")])
    func brokenAgeingIsExplained(text: String, expected: String) {
        let error = #expect(throws: ThemeError.self) { try ThemeLoader.parse(text, fileName: "x.toml") }
        #expect(error?.message.contains(expected) == true, "\(error?.message ?? "")")
    }

    @Test func unknownRoleIsAnError() {
        let error = #expect(throws: ThemeError.self) {
            try ThemeLoader.parse("[roles.kaart_gekozen]\nfg = \"red\"\n", fileName: "x.toml")
        }
        #expect(error?.message.contains("onbekende rol 'kaart_gekozen'") == true)
        #expect(error?.message.contains("card_selected") == true, "lists the known roles")
    }

    @Test func unknownModifierAndKeyAreErrors() {
        let modifier = #expect(throws: ThemeError.self) {
            try ThemeLoader.parse("[roles.title]\nmodifiers = [\"knipperen\"]\n", fileName: "x.toml")
        }
        #expect(modifier?.message.contains("onbekende opmaak 'knipperen' bij rol title") == true)
        let key = #expect(throws: ThemeError.self) {
            try ThemeLoader.parse("[roles.title]\nkleur = \"red\"\n", fileName: "x.toml")
        }
        #expect(key?.message.contains("onbekende sleutel 'kleur' bij rol title") == true)
        let section = #expect(throws: ThemeError.self) {
            try ThemeLoader.parse("[role.title]\nfg = \"red\"\n", fileName: "x.toml")
        }
        #expect(section?.message.contains("onbekende sleutel 'role'") == true)
    }

    @Test func unknownThemeNameListsAvailableThemes() {
        let error = #expect(throws: ThemeError.self) { try bundled.load(name: "paars") }
        let message = error?.message ?? ""
        #expect(message.contains("Thema 'paars' niet gevonden"))
        #expect(message.contains("standaard") && message.contains("hoog-contrast") && message.contains("monochroom"))
    }

    // MARK: Fallback and colours

    @Test func missingRolesFallBackToMonochrome() throws {
        let document = try ThemeLoader.parseDocument("""
        [roles.normal]
        fg = "green"
        """, fileName: "klein.toml")
        #expect(document.theme.name == "klein")
        #expect(document.definedRoles == [.normal])
        #expect(document.theme.style(.normal) == Style(foreground: .ansi(2)))
        #expect(document.theme.style(.cardSelected) == Theme.builtInMonochrome.style(.cardSelected))
        #expect(document.theme.style(.error) == Style(bold: true, reverse: true))
    }

    @Test func paletteNamesResolve() throws {
        let theme = try ThemeLoader.parse("""
        [palette]
        blauw = "#1f6feb"
        rood = "bright-red"
        [roles.card_selected]
        fg = "white"
        bg = "Blauw"
        modifiers = ["bold", "underline"]
        [roles.overdue]
        fg = "rood"
        """, fileName: "p.toml")
        #expect(theme.style(.cardSelected) == Style(foreground: .ansi(7), background: .rgb(0x1F, 0x6F, 0xEB), bold: true, underline: true))
        #expect(theme.style(.overdue).foreground == .ansi(9))
    }

    @Test func badPaletteEntryIsAnError() {
        let error = #expect(throws: ThemeError.self) {
            try ThemeLoader.parse("[palette]\nblauw = \"#12345\"\n", fileName: "p.toml")
        }
        #expect(error?.message.contains("ongeldige kleur '#12345' in [palette] bij 'blauw'") == true)
    }

    @Test func colourNames() {
        #expect(ThemeLoader.parseColour("default") == .terminalDefault)
        #expect(ThemeLoader.parseColour("black") == .ansi(0))
        #expect(ThemeLoader.parseColour("white") == .ansi(7))
        #expect(ThemeLoader.parseColour("bright-black") == .ansi(8))
        #expect(ThemeLoader.parseColour("Bright-White") == .ansi(15))
        #expect(ThemeLoader.parseColour("purpel") == nil)
    }

    @Test func hexParsing() {
        #expect(ThemeLoader.parseHex("#1f6feb") == .rgb(0x1F, 0x6F, 0xEB))
        #expect(ThemeLoader.parseHex("#FFFFFF") == .rgb(255, 255, 255))
        #expect(ThemeLoader.parseHex("#f00") == .rgb(255, 0, 0))
        #expect(ThemeLoader.parseHex("1f6feb") == nil)
        #expect(ThemeLoader.parseHex("#1f6fe") == nil)
        #expect(ThemeLoader.parseHex("#1f6febaa") == nil)
        #expect(ThemeLoader.parseHex("#gggggg") == nil)
        #expect(ThemeLoader.parseHex("#+1f6fe") == nil)
    }

    // MARK: Library search order

    @Test func userDirectoryWinsOverBundledThemes() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "name = \"standaard\"\n[roles.normal]\nfg = \"red\"\n".write(
            to: directory.appendingPathComponent("standaard.toml"), atomically: true, encoding: .utf8)
        try "name = \"eigen\"\n".write(to: directory.appendingPathComponent("eigen.toml"), atomically: true, encoding: .utf8)

        let library = ThemeLibrary(environment: ["BESCHERMBORD_THEMES": directory.path, "HOME": "/nonexistent"])
        #expect(library.searchDirectories.first?.path == directory.path)
        #expect(library.searchDirectories.last == ThemeLibrary.bundledThemesDirectory)
        #expect(try library.load(name: "standaard").style(.normal).foreground == .ansi(1))
        #expect(try library.load(name: "standaard.toml").style(.normal).foreground == .ansi(1))
        #expect(library.availableNames() == ["eigen", "hoog-contrast", "monochroom", "standaard"])
        #expect(library.url(forName: "../standaard") == nil)
    }

    @Test func xdgConfigHomeIsSearched() {
        let library = ThemeLibrary(environment: ["XDG_CONFIG_HOME": "/tmp/cfg", "HOME": "/home/x"])
        #expect(library.searchDirectories.map(\.path) == ["/tmp/cfg/beschermbord/themes", ThemeLibrary.bundledThemesDirectory.path])
        let fallback = ThemeLibrary(environment: ["HOME": "/home/x"])
        #expect(fallback.searchDirectories.first?.path == "/home/x/.config/beschermbord/themes")
    }

    // MARK: Colour quantization

    @Test func depthFromColourCount() {
        #expect(ColourDepth.forColourCount(0) == .none)
        #expect(ColourDepth.forColourCount(8) == .eight)
        #expect(ColourDepth.forColourCount(16) == .sixteen)
        #expect(ColourDepth.forColourCount(88) == .sixteen)
        #expect(ColourDepth.forColourCount(256) == .indexed256)
        #expect(ColourDepth.forColourCount(16_777_216) == .indexed256)
    }

    @Test func xterm256Nearest() {
        #expect(ColourQuantizer.xterm256Index(0, 0, 0) == 16)
        #expect(ColourQuantizer.xterm256Index(255, 255, 255) == 231)
        #expect(ColourQuantizer.xterm256Index(255, 0, 0) == 196)
        #expect(ColourQuantizer.xterm256Index(0, 0x5F, 0xFF) == 27)
        #expect(ColourQuantizer.xterm256Index(128, 128, 128) == 244, "greys use the grey ramp")
        #expect(ColourQuantizer.xterm256Index(0x1F, 0x6F, 0xEB) == 26)
        for index in 16..<256 {
            let (r, g, b) = ColourQuantizer.rgb(ofXterm: index)
            let found = ColourQuantizer.xterm256Index(r, g, b)
            #expect(ColourQuantizer.rgb(ofXterm: found) == ColourQuantizer.rgb(ofXterm: index), "index \(index)")
        }
    }

    @Test func sixteenAndEightColourNearest() {
        #expect(ColourQuantizer.nearestANSI(250, 10, 10, count: 16) == 9)
        #expect(ColourQuantizer.nearestANSI(200, 10, 10, count: 16) == 1)
        #expect(ColourQuantizer.nearestANSI(250, 10, 10, count: 8) == 1)
        #expect(ColourQuantizer.nearestANSI(0x1F, 0x6F, 0xEB, count: 8) == 4)
        #expect(ColourQuantizer.nearestANSI(255, 255, 255, count: 16) == 15)
        #expect(ColourQuantizer.nearestANSI(255, 255, 255, count: 8) == 7)
        #expect(ColourQuantizer.nearestANSI(20, 20, 20, count: 16) == 0)
        #expect(ColourQuantizer.nearestANSI(0x1F, 0x6F, 0xEB, count: 16) == 12, "a light blue stays blue")
        #expect(ColourQuantizer.nearestANSI(0xD7, 0x3A, 0x49, count: 16) == 1)
        #expect(ColourQuantizer.nearestANSI(0xC2, 0x7C, 0x0E, count: 16) == 3, "orange becomes yellow")
        #expect(ColourQuantizer.nearestANSI(0x57, 0x60, 0x6A, count: 16) == 8, "a blue-grey is a grey")
        #expect(ColourQuantizer.nearestANSI(0xC0, 0xC0, 0xC0, count: 16) == 7)
        #expect(ColourQuantizer.nearestANSI(0x00, 0xFF, 0xFF, count: 16) == 14)
        #expect(ColourQuantizer.nearestANSI(0x80, 0x00, 0x80, count: 16) == 5)
        #expect(ColourQuantizer.nearestANSI(0x00, 0x80, 0x00, count: 8) == 2)
    }

    @Test func colourIndexPerDepth() {
        #expect(ColourQuantizer.index(of: .terminalDefault, depth: .indexed256) == (-1, false))
        #expect(ColourQuantizer.index(of: .ansi(12), depth: .indexed256) == (12, false))
        #expect(ColourQuantizer.index(of: .ansi(12), depth: .sixteen) == (12, false))
        #expect(ColourQuantizer.index(of: .ansi(12), depth: .eight) == (4, true))
        #expect(ColourQuantizer.index(of: .ansi(3), depth: .eight) == (3, false))
        #expect(ColourQuantizer.index(of: .rgb(255, 0, 0), depth: .indexed256) == (196, false))
        #expect(ColourQuantizer.index(of: .rgb(255, 0, 0), depth: .sixteen) == (9, false))
        #expect(ColourQuantizer.index(of: .rgb(255, 0, 0), depth: .eight) == (1, false))
        #expect(ColourQuantizer.index(of: .rgb(255, 0, 0), depth: .none) == (-1, false))
    }

    @Test func resolveAddsBoldForBrightColoursOnEightColours() {
        let style = Style(foreground: .ansi(9), background: .ansi(4))
        let resolved = ColourQuantizer.resolve(style, role: .overdue, depth: .eight)
        #expect(resolved == TerminalStyle(foreground: 1, background: 4, bold: true))
        #expect(ColourQuantizer.resolve(style, role: .overdue, depth: .sixteen) == TerminalStyle(foreground: 9, background: 4))
    }

    @Test func resolveWithoutColourKeepsRolesVisible() {
        // A coloured style gets the monochrome attributes for its role on top of its own.
        let selected = Style(foreground: .ansi(15), background: .rgb(0x1F, 0x6F, 0xEB))
        #expect(ColourQuantizer.resolve(selected, role: .cardSelected, depth: .none) == TerminalStyle(reverse: true))
        let boldSelected = Style(foreground: .ansi(15), background: .ansi(4), bold: true)
        #expect(ColourQuantizer.resolve(boldSelected, role: .cardSelected, depth: .none) == TerminalStyle(bold: true, reverse: true))
        let header = Style(foreground: .ansi(4), underline: true)
        #expect(ColourQuantizer.resolve(header, role: .columnHeader, depth: .none) == TerminalStyle(bold: true, underline: true))
        // No colour used: the style's own attributes only.
        #expect(ColourQuantizer.resolve(Style(italic: true), role: .cardSelected, depth: .none) == TerminalStyle(italic: true))
        #expect(ColourQuantizer.resolve(Style(), role: .normal, depth: .none) == TerminalStyle())
    }

    @Test func everyShippedThemeResolvesAtEveryDepth() throws {
        for name in ["standaard", "hoog-contrast", "monochroom"] {
            let theme = try bundled.load(name: name)
            for depth in [ColourDepth.none, .eight, .sixteen, .indexed256] {
                for role in Role.allCases {
                    let resolved = ColourQuantizer.resolve(theme.style(role), role: role, depth: depth)
                    let limit = depth == .indexed256 ? 256 : depth == .sixteen ? 16 : depth == .eight ? 8 : 0
                    #expect(resolved.foreground < limit && resolved.background < limit, "\(name) \(role) \(depth)")
                    #expect(resolved.foreground >= -1 && resolved.background >= -1)
                }
                // The selected card must look different from normal text at every depth.
                let normal = ColourQuantizer.resolve(theme.style(.normal), role: .normal, depth: depth)
                let selected = ColourQuantizer.resolve(theme.style(.cardSelected), role: .cardSelected, depth: depth)
                #expect(normal != selected, "\(name) \(depth)")
            }
        }
    }
}
