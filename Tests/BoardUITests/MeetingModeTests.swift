import BoardCore
import Testing
@testable import BoardUI

/// Meeting mode: the board on a beamer shows initials and kenmerk, never a name.
@Suite struct MeetingModeTests {
    static let familyNames = ["Jansen", "Özdemir", "Berg", "Zoëtermeer", "Wang", "Amrani", "Vries", "Bakker", "Yılmaz"]
    /// Every name in the dossier below, also inside free text.
    static let dossierNames = ["Amrani", "Zoë", "Ilayda", "Özdemir", "Samira", "Bakker", "Peperstraat", "06-12345678", "075-1234567"]

    static var dossier: Dossier {
        var dossier = DossierFixture.dossier
        dossier.viewed.events[0].detail = "bron Veilig Thuis; kinderen: Zoë, Ilayda"
        dossier.notes[1].text = "Huisbezoek op maandag. Zoë en Samira El Amrani waren thuis; Ilayda bij oma."
        dossier.assessments[1].strengths = "Oma helpt, Zoë gaat weer naar school"
        dossier.tableRecords[0].goals = "Samira volgt opvoedondersteuning"
        // A score and the Raad's outcome about one child name that child.
        dossier.assessments.append(SafetyAssessment(day: Fixture.today, concerns: "", strengths: "", needs: "", score: 2, givenBy: .jeugdige,
                                                    childID: 2))
        dossier.rvk = RvkRecord(startDate: Fixture.today.adding(days: -30), outcome: .ots, outcomeDate: Fixture.today,
                                children: [ChildOutcome(childID: 2, outcome: .ots)])
        return dossier
    }

    static func meetingState(width: Int = 200, height: Int = 50) -> AppState {
        var state = Fixture.state(width: width, height: height)
        state.showAllClosed = true
        state.isMeeting = true
        return state
    }

    static func familyState(_ section: FamilySection, width: Int = 120, height: Int = 60) -> AppState {
        var state = meetingState(width: width, height: height)
        _ = state.update(.dossierLoaded(dossier))
        if case .family(var screen)? = state.pages.last {
            screen.section = section
            state.pages[state.pages.count - 1] = .family(screen)
        }
        return state
    }

    static func leaked(_ names: [String], in text: String) -> [String] { names.filter { text.contains($0) } }

    @Test(arguments: [(80, 24), (200, 50)])
    func theBoardShowsInitialsAndKenmerk(size: (Int, Int)) {
        let text = AppView.render(Self.meetingState(width: size.0, height: size.1)).screen.text
        #expect(Self.leaked(Self.familyNames, in: text).isEmpty, "\(text)")
        #expect(text.contains("2026-0101") && text.contains("│J. "), "the card's name line: initials (the kenmerk is above them)")
        #expect(text.contains("VERGADERMODUS"), "the title row says masking is on, in text, not only in colour")
        #expect(text.contains("Anouk de Wit"), "staff names stay: they are not the family's")
    }

    @Test func withoutMeetingModeTheNamesAreThere() {
        var state = Self.meetingState()
        state.isMeeting = false
        let text = AppView.render(state).screen.text
        #expect(Self.leaked(Self.familyNames, in: text).count == Self.familyNames.count)
        #expect(!text.contains("VERGADERMODUS"))
    }

    @Test(arguments: FamilySection.allCases)
    func everyFamilySectionIsMasked(section: FamilySection) {
        let unmasked = AppView.render({ var s = Self.familyState(section); s.isMeeting = false; return s }()).screen.text
        let text = AppView.render(Self.familyState(section)).screen.text
        #expect(Self.leaked(Self.dossierNames, in: text).isEmpty, "\(section.title):\n\(text)")
        #expect(text.contains("E.A. · 2026-0050"), "the title names the family by initials and kenmerk")
        #expect(text.contains("VERGADERMODUS"))
        if section == .gezin {
            #expect(!Self.leaked(["Samira", "Peperstraat", "Zoë"], in: unmasked).isEmpty, "the fixture does show names without masking")
            #expect(text.contains("Z.") && text.contains("S.E.A. · moeder"))
        }
    }

    @Test func theBSNStaysMaskedEvenWhenAskedFor() {
        var state = Self.familyState(.gezin)
        if case .family(var screen)? = state.pages.last {
            screen.showsBSN = true
            state.pages[state.pages.count - 1] = .family(screen)
        }
        #expect(!AppView.render(state).screen.text.contains("111222333"))
    }

    @Test func theMoveDialogIsMasked() {
        var state = Self.meetingState()
        Fixture.press([.character(">")], on: &state)
        guard case .move? = state.dialog else {
            Issue.record("> opens the move dialog")
            return
        }
        let text = AppView.render(state).screen.text
        #expect(Self.leaked(Self.familyNames, in: text).isEmpty, "\(text)")
        #expect(text.contains("Ö. · 2026-0102 · nu in Aangemeld"), "the oldest card, selected first")
    }

    @Test func helpListsTheKeyAndShowsNoNames() {
        var state = Self.meetingState()
        Fixture.press([.character("?")], on: &state)
        let text = AppView.render(state).screen.text
        #expect(text.contains("vergadermodus"))
        #expect(Self.leaked(Self.familyNames, in: text).isEmpty)
    }

    @Test func mTogglesMaskingWithoutTouchingTheStore() {
        var state = Fixture.state(width: 200, height: 50)
        let effects = Fixture.press([.character("M")], on: &state)
        #expect(state.isMeeting)
        #expect(effects.isEmpty, "nothing is written")
        #expect(state.cases.contains { $0.familyName == "Jansen" }, "the state keeps the real names; only the drawing masks")
        #expect(!AppView.render(state).screen.text.contains("Jansen"))
        Fixture.press([.character("M")], on: &state)
        #expect(!state.isMeeting)
        #expect(AppView.render(state).screen.text.contains("Jansen"))
    }

    @Test func aFilterOnARealNameStillFindsTheCase() {
        var state = Self.meetingState()
        Fixture.press([.character("/")] + Fixture.type("Jans") + [.enter], on: &state)
        let text = AppView.render(state).screen.text
        #expect(text.contains("2026-0101") && text.contains("│J. "))
        #expect(!text.contains("2026-0102"), "other cases are filtered out")
        #expect(!text.contains("Jansen"))
    }

    /// Every screen and dialog the board has, opened in meeting mode, by name.
    static let screens: [(String, @Sendable () -> AppState)] = [
        ("agenda", {
            var state = meetingState()
            Fixture.press([.character("A")], on: &state)
            _ = state.update(.meetingLoaded(MeetingRecord(lastMeeting: nil, decidedToday: [])))
            return state
        }),
        ("besluit op de agenda", {
            var state = meetingState()
            Fixture.press([.character("A")], on: &state)
            _ = state.update(.meetingLoaded(MeetingRecord(lastMeeting: nil, decidedToday: [])))
            Fixture.press([.character("B")] + Fixture.type("Gesprek met moeder Jansen"), on: &state)
            return state
        }),
        ("werkvoorraad", { var state = meetingState(); Fixture.press([.character("w")], on: &state); return state }),
        ("filter", { var state = meetingState(); Fixture.press([.character("f")], on: &state); return state }),
        ("nieuwe aanmelding", { var state = meetingState(); Fixture.press([.character("a")], on: &state); return state }),
        ("gezin bewerken", {
            var state = familyState(.gezin)
            Fixture.press([.character("e")], on: &state)
            return state
        }),
        ("notitie", {
            var state = familyState(.journaal)
            Fixture.press([.character("n")] + Fixture.type("Zoë en Samira thuis"), on: &state)
            return state
        }),
        ("plan", { planState() }),
        ("plandoel", { var state = planState(); Fixture.press([.character("d")] + Fixture.type("Ilayda naar school"), on: &state); return state }),
        ("plan evaluatie", { var state = planState(); Fixture.press([.character("v")], on: &state); return state }),
    ]

    /// The plan screen over the masked family, with names in its free text.
    static func planState() -> AppState {
        var state = familyState(.gezin)
        var plan = PlanFixture.plan
        plan.goals[0].text = "Samira en Zoë maken samen een veiligheidsplan"
        plan.agreements[0].who = "Samira El Amrani"
        plan.evaluations[0].wentWell = "Ilayda praat weer"
        _ = state.update(.planLoaded(caseID: 5, [plan]))
        return state
    }

    @Test(arguments: screens.map(\.0))
    func everyScreenIsMasked(name: String) {
        let state = Self.screens.first { $0.0 == name }!.1()
        #expect(state.isMeeting)
        let text = AppView.render(state).screen.text
        let names = Self.familyNames + Self.dossierNames.filter { !$0.contains("-") || $0.hasPrefix("0") }
        #expect(Self.leaked(names, in: text).isEmpty, "\(name):\n\(text)")
        #expect(text.contains("VERGADERMODUS"), "\(name)")
        var unmasked = state
        unmasked.isMeeting = false
        #expect(!Self.leaked(names, in: AppView.render(unmasked).screen.text).isEmpty || name == "werkvoorraad" || name == "filter"
                || name == "nieuwe aanmelding", "\(name): the screen does show names without masking, so the test means something")
    }

    @Test func initialsAndScrubbing() {
        #expect(NameMask.initials("de Vries") == "d.V.")
        #expect(NameMask.initials("van den Berg-Zoëtermeer") == "v.d.B.-Z.")
        #expect(NameMask.initials("Zoë") == "Z.")
        #expect(NameMask.initials("  ") == "")
        #expect(NameMask.family("Jansen", kenmerk: "2026-0101") == "J. · 2026-0101")
        let names = ["Sem", "Petra de Vries", "de Vries"]
        #expect(NameMask.scrub("Sem ging naar het Semester-feest met Petra de Vries.", names: names)
                == "S. ging naar het Semester-feest met P.d.V..")
        #expect(NameMask.scrub("Gezin de Vries", names: names) == "Gezin d.V.")
    }
}
