import BoardCore
import Foundation
import Testing
@testable import BoardStore

/// The store's own guards against input that must be refused (issue 14): whatever path a text
/// takes, it holds no control or invisible character and no malformed kenmerk; `check` names the
/// kenmerken of an older store that are not in the form.
@Suite("Store: input that must be refused")
struct RefusedStoreInputTests {
    let today = day(2025, 6, 30)

    @Test(arguments: StoreKind.all) func controlAndInvisibleCharactersAreRefusedByTheStore(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let store = try place.open(as: "anouk")
        let id = try store.addReport(report("2025-0001"))
        let token = try store.changeToken()
        for (index, bad) in ["\u{1B}[2J", "\u{9B}31m", "\u{202E}", "\u{200B}", "\u{FEFF}", "\u{E0041}", "\u{7F}"].enumerated() {
            var new = report("2025-010\(index)")
            new.familyName = "de\(bad)Vries"
            #expect(storeError { try store.addReport(new) }?.description.contains("De gezinsnaam bevat een") == true, "\(bad.unicodeScalars.first!)")
            let note = storeError { try store.apply(.addNote(id, Note(text: "regel\(bad)")), today: today) }
            #expect(note?.description.contains("De notitie bevat een") == true, "\(String(describing: note))")
        }
        #expect(try store.changeToken() == token, "nothing was stored")
        try store.apply(.addNote(id, Note(text: "twee\nregels\tmet tab")), today: today)
    }

    @Test(arguments: StoreKind.all) func aMalformedKenmerkIsRefusedByTheStore(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let store = try place.open(as: "anouk")
        _ = try store.addReport(report("2026-0001"))
        for lookAlike in ["2026-0001\u{200B}", "\u{FEFF}2026-0001", "2026-000\u{0396}", "２０２６-0001"] {
            #expect(storeError { _ = try store.addReport(report(lookAlike)) } != nil, "\(lookAlike.unicodeScalars.map(\.value))")
        }
        #expect(try store.boardCases(today: today, closedWindowDays: nil).map(\.kenmerk) == ["2026-0001"])
    }

    /// A store written before the rule may hold look-alikes: `check` names each kenmerk not in the form.
    @Test(arguments: StoreKind.all) func checkNamesKenmerkenThatAreNotInTheForm(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let store = try place.open(as: "anouk")
        for kenmerk in ["2026-0001", "2026-0002", "2026-0003", "2026-0004"] { _ = try store.addReport(report(kenmerk)) }
        #expect(try place.integrityCheck().section(IntegrityCheck.kenmerkenTitle)?.problems == [])
        try place.tamper("""
            UPDATE "case" SET kenmerk = '2026-0001\u{200B}' WHERE kenmerk = '2026-0002';
            UPDATE "case" SET kenmerk = '2026-000\u{0396}' WHERE kenmerk = '2026-0003';
            """)
        let section = try #require(try place.integrityCheck().section(IntegrityCheck.kenmerkenTitle))
        #expect(section.problems == [
            "kenmerk ‘2026-0001<U+200B>’ bevat een onzichtbaar teken (U+200B) op plaats 10; haal het weg",
            "kenmerk ‘2026-000\u{0396}’ bevat ‘\u{0396}’ (U+0396) op plaats 9; een kenmerk bestaat alleen uit de letters A–Z, de cijfers 0–9 en - / . _",
        ])
    }
}
