import BoardCore
import Testing
@testable import BoardUI

/// Bindings made from the state: disabled with a reason, described from the settings, and on
/// no page one key bound twice.
@Suite struct BindingTests {
    /// A family screen of a case in Onderzoek, on the Beschermtafel section.
    static func onderzoekAtTableSection() -> AppState {
        var dossier = DossierFixture.dossier
        dossier.viewed.summary.stage = .onderzoek
        var state = Fixture.state(width: 100, height: 40)
        _ = state.update(.dossierLoaded(dossier))
        Fixture.press([.character("5")], on: &state)
        return state
    }

    @Test func aDisabledKeySaysWhyInHelpInTheBarAndWhenPressed() {
        var state = Self.onderzoekAtTableSection()
        let reason = "Een besluit van de tafel hoort bij een zaak in de kolom Beschermtafel; verplaats de zaak eerst met >."
        let bar = AppView.render(state).screen
        let row = bar.height - 1
        let u = bar.line(row).firstIndex(of: "u").map { bar.line(row).distance(from: bar.line(row).startIndex, to: $0) }
        #expect(u.map { bar[$0, row].role } == .dim, "the key keeps its place in the bar, dimmed: \(bar.line(row))")

        #expect(Fixture.press([.character("u")], on: &state).isEmpty)
        #expect(state.dialog == nil, "no form opens")
        #expect(state.message == StatusMessage(text: reason, isError: true))

        Fixture.press([.character("?")], on: &state)
        let help = Self.helpText(AppView.render(state).screen.lines)
        #expect(help.contains("u besluit van de tafel vastleggen nu niet: " + reason), "the whole reason, wrapped: \(help)")
    }

    /// The text inside the help box, its rows joined and its whitespace collapsed.
    static func helpText(_ lines: [String]) -> String {
        let rows = lines.map(Array.init)
        guard let top = rows.firstIndex(where: { String($0).contains("┌ Toetsen") }),
              let left = rows[top].indices.first(where: { String(rows[top][$0...]).hasPrefix("┌ Toetsen") }) else { return "" }
        let inside = rows[(top + 1)...].prefix { $0.count > left && $0[left] == "│" }.map { row in
            String(row[(left + 1)...].prefix { $0 != "│" })
        }
        return inside.joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func theSameKeyWorksWhenTheCaseIsAtTheTable() {
        var state = DossierFixture.state(section: .beschermtafel)
        Fixture.press([.character("u")], on: &state)
        guard case .dossier(let form)? = state.dialog else { Issue.record("the decision form opens"); return }
        #expect(form.kind == .tableDecision)
    }

    @Test func anEmptyColumnDisablesTheKeysForACase() {
        var state = Fixture.state(cases: [Fixture.summary(1, "2026-0001", "Jansen", stage: .onderzoek, since: 3)])
        #expect(state.selectedCase == nil, "Aangemeld is empty")
        #expect(Fixture.press([.enter, .character(">")], on: &state).isEmpty)
        #expect(state.message == StatusMessage(text: "Geen zaak geselecteerd: deze kolom is leeg.", isError: true))
        #expect(state.boardBindings.filter { $0.disabledReason != nil }.map(\.action) == [.open, .forward, .back, .undo])
        Fixture.press([.right], on: &state)
        #expect(state.boardBindings.allSatisfy { $0.disabledReason == nil })
    }

    @Test func theClosedWindowKeyDescribesTheTeamsSetting() {
        var state = Fixture.state()
        var norms = Norms.standard
        norms.closedWindowDays = 60
        _ = state.update(.loaded(cases: Fixture.cases, norms: norms, suggestedKenmerk: "2026-0100"))
        Fixture.press([.character("?")], on: &state)
        #expect(AppView.render(state).screen.text.contains("afgesloten: laatste 60 dagen / alles"))
    }

    /// Every page's keys in the states it can be in: a key belongs to one binding at a time.
    @Test func noPageBindsOneKeyTwice() {
        var states: [(String, AppState)] = [("bord", Fixture.state())]
        for section in FamilySection.allCases { states.append(("gezin \(section.title)", DossierFixture.state(section: section))) }
        var agenda = MeetingAgendaScreenTests.agendaState()
        states.append(("agenda", agenda))
        _ = agenda.update(.dossierLoaded(MeetingAgendaScreenTests.dossier(of: 1)))
        for section in FamilySection.allCases {
            Fixture.press([.character(Character("\(section.rawValue)"))], on: &agenda)
            states.append(("gezin vanuit de agenda \(section.title)", agenda))
        }
        states.append(("plan", PlanFixture.state()))
        var other = Fixture.state()
        Fixture.press([.character("w")], on: &other)
        states.append(("werkvoorraad", other))
        other = Fixture.state()
        Fixture.press([.character("R")], on: &other)
        states.append(("cijfers", other))
        other = Fixture.state()
        _ = other.update(.auditLoaded(AuditPage(lines: [], onlyOwnEntries: false, filter: "")))
        states.append(("logboek", other))
        states.append(("termijnen", DutiesPageTests.state()))
        for (name, state) in states {
            let keys = state.activeKeys.flatMap(\.keys)
            let twice = Set(keys.filter { key in keys.filter { $0 == key }.count > 1 })
            #expect(twice.isEmpty, "\(name): \(twice.map(\.label))")
        }
    }
}
