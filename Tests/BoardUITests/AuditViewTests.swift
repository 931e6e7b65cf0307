import BoardCore
import Testing
@testable import BoardUI

/// The log view (`L`): whose entries, newest first, the filter, masking and the lock.
@Suite struct AuditViewTests {
    static func entry(_ id: Int64, _ user: String, _ kind: EventKind, kenmerk: String?, family: String?, detail: String) -> AuditLine {
        let entry = AuditEntry(id: id, recordedAt: "2026-11-\(10 + id)T09:00:00.000Z", user: user, rawKind: kind.rawValue, caseID: id,
                               kenmerk: kenmerk, familyID: family == nil ? nil : id, familyName: family, day: nil, detail: detail)
        return AuditLine(entry: entry, moment: "\(10 + id)-11-2026 10:00")
    }

    /// Newest first, as the session hands them over.
    static let lines = [
        entry(5, "karim", .geopend, kenmerk: "2026-0050", family: "El Amrani", detail: "scherm Gezin"),
        entry(4, "anouk", .verzorgerToegevoegd, kenmerk: "2026-0050", family: "El Amrani", detail: "Samira El Amrani (moeder)"),
        entry(3, "anouk", .medewerkerGewijzigd, kenmerk: nil, family: nil, detail: "karim (Karim Benali) toegevoegd als medewerker"),
        entry(2, "karim", .aangemeld, kenmerk: "2026-0101", family: "Jansen", detail: "bron Veilig Thuis; kinderen: Zoë, Daan"),
        entry(1, "anouk", .geopend, kenmerk: "2026-0101", family: "Jansen", detail: "zaakoverzicht"),
    ]

    static func state(onlyOwn: Bool = false, lines: [AuditLine] = lines, width: Int = 120, height: Int = 30) -> AppState {
        var state = Fixture.state(width: width, height: height)
        _ = state.update(.auditLoaded(AuditPage(lines: lines, onlyOwnEntries: onlyOwn, filter: "")))
        return state
    }

    static func rows(_ state: AppState) -> [String] {
        AppView.render(state).screen.text.components(separatedBy: "\n")
    }

    @Test func lOnTheBoardAsksForTheLogAndHelpListsIt() {
        var state = Fixture.state(width: 100, height: 50)
        #expect(Fixture.press([.character("L")], on: &state) == [.loadAuditLog(filter: "")])
        #expect(state.boardBindings.contains { $0.keys == [.character("L")] && $0.action == .openPage(.log) })
        Fixture.press([.character("?")], on: &state)
        #expect(AppView.render(state).screen.text.contains("logboek: wie opende of wijzigde wat"))
    }

    @Test func aTeamleiderSeesEveryoneNewestFirst() {
        let state = Self.state()
        let rows = Self.rows(state)
        #expect(rows[0].contains("Logboek · alle medewerkers · nieuwste eerst"))
        let header = rows.firstIndex { $0.contains("Datum/tijd") && $0.contains("Gebruiker") && $0.contains("Kenmerk") && $0.contains("Gezin") }
        #expect(header != nil)
        let order = ["15-11-2026", "14-11-2026", "13-11-2026", "12-11-2026", "11-11-2026"].map { moment in rows.firstIndex { $0.contains(moment) } ?? -1 }
        #expect(order == order.sorted() && !order.contains(-1), "newest first: \(order)")
        let opened = rows.first { $0.contains("15-11-2026") } ?? ""
        for part in ["karim", "Dossier geopend", "2026-0050", "El Amrani", "scherm Gezin"] { #expect(opened.contains(part), "\(part) in \(opened)") }
        #expect(state.activeKeys == state.openAudit?.keys(in: state).help())
        #expect(rows.last?.contains("/ zoek") == true && rows.last?.contains("f filter") == true && rows.last?.contains("Esc bord") == true,
                "key bar from the key map")
    }

    @Test func othersAreToldTheySeeOnlyTheirOwnEntries() {
        let own = Self.lines.filter { $0.entry.user == "anouk" }
        let text = AppView.render(Self.state(onlyOwn: true, lines: own)).screen.text
        #expect(text.contains("Logboek · alleen je eigen regels (je bent geen teamleider)"))
        #expect(!text.contains("karim  "), "nothing of others")
        #expect(!AppView.render(Self.state()).screen.text.contains("alleen je eigen regels"))
    }

    @Test func theFilterNarrowsAtOnceAndEnterAsksTheStore() {
        var state = Self.state()
        #expect(Fixture.press([.character("f")] + Fixture.type("2026-0101"), on: &state).isEmpty)
        #expect(state.openAudit?.shown.map(\.entry.id) == [2, 1])
        #expect(state.activeKeys == FilterLineAction.bindings.help())
        #expect(AppView.render(state).screen.text.contains("Filter (kenmerk of gebruiker): 2026-0101"))
        #expect(AppView.render(state).cursor != nil)
        #expect(Fixture.press([.enter], on: &state) == [.loadAuditLog(filter: "2026-0101")])
        _ = state.update(.auditLoaded(AuditPage(lines: Array(Self.lines.suffix(2)), onlyOwnEntries: false, filter: "2026-0101")))
        #expect(state.openAudit?.filter == "2026-0101")
        // By user, case-insensitive; Esc while typing clears.
        Fixture.press([.character("f")] + [Key](repeating: .backspace, count: 9) + Fixture.type("KARIM"), on: &state)
        #expect(state.openAudit?.shown.map(\.entry.id) == [2])
        #expect(Fixture.press([.escape], on: &state) == [.loadAuditLog(filter: "")])
        #expect(state.openAudit?.filter == "")
    }

    @Test func escClearsTheFilterFirstThenGoesBackToTheBoard() {
        var state = Self.state()
        Fixture.press([.character("f")] + Fixture.type("anouk") + [.enter], on: &state)
        _ = state.update(.auditLoaded(AuditPage(lines: Self.lines.filter { $0.entry.user == "anouk" }, onlyOwnEntries: false, filter: "anouk")))
        #expect(Fixture.press([.escape], on: &state) == [.loadAuditLog(filter: "")])
        #expect(state.openAudit != nil)
        Fixture.press([.escape], on: &state)
        #expect(state.isOnBoard)
    }

    @Test func itScrollsAndSaysWhenThereIsMore() {
        let many = (1...100).reversed().map { Self.entry(Int64($0), "anouk", .geopend, kenmerk: "2026-0101", family: "Jansen", detail: "regel \($0)") }
        var state = Self.state(lines: many, height: 20)
        #expect(AppView.render(state).screen.text.contains("▼ meer"))
        #expect(AppView.render(state).screen.text.contains("regel 100"))
        Fixture.press([.pageDown], on: &state)
        #expect(!AppView.render(state).screen.text.contains("regel 100 "))
        Fixture.press([.character("G")], on: &state)
        let text = AppView.render(state).screen.text
        #expect(text.contains("regel 1 ") && !text.contains("▼ meer"))
        Fixture.press([.up], on: &state)
        let up = AppView.render(state).screen.text
        #expect(up.contains("regel 15 ") && !up.contains("regel 1 "), "one up from the end moves at once")
        Fixture.press([.character("g")], on: &state)
        #expect(state.openAudit?.scroll == 0)
    }

    @Test func meetingModeMasksFamiliesAndTheirDetails() {
        var state = Self.state()
        state.isMeeting = true
        let text = AppView.render(state).screen.text
        for name in ["El Amrani", "Samira", "Jansen", "Zoë", "Daan"] { #expect(!text.contains(name), "\(name)") }
        #expect(text.contains("E.A. · 2026-0050") && text.contains("J. · 2026-0101"))
        #expect(text.contains("scherm Gezin"), "which screen was opened stays")
        #expect(text.contains("karim (Karim Benali) toegevoegd"), "staff entries name no family")
        #expect(text.contains("VERGADERMODUS"))
    }

    @Test func nothingShowsWhileLocked() {
        var state = Self.state()
        _ = state.update(.idleLimit(seconds: 60))
        _ = state.update(.tick(now: 0))
        _ = state.update(.tick(now: 60))
        let text = AppView.render(state).screen.text
        #expect(text.contains("Privacyscherm: namen verborgen."))
        for secret in ["El Amrani", "Jansen", "2026-0050", "karim", "Logboek"] { #expect(!text.contains(secret), "\(secret)") }
    }
}
