import BoardCore
import Testing
@testable import BoardUI

/// The idle privacy screen: time comes in as ticks, it hides everything, says that it is no lock,
/// and showing the board again needs a key and a confirmation and gives it back exactly as it was.
@Suite struct IdleLockTests {
    static let limit = 600.0

    /// The family screen with a caregiver form half filled in, the lock set to ten minutes and
    /// the clock started at 1000 s.
    static func busyState(width: Int = 120, height: Int = 40) -> AppState {
        var state = Fixture.state(width: width, height: height)
        _ = state.update(.idleLimit(seconds: limit))
        _ = state.update(.tick(now: 1000))
        _ = state.update(.dossierLoaded(DossierFixture.dossier))
        Fixture.press([.character("o")] + Fixture.type("Karim El Amrani"), on: &state)
        return state
    }

    static func locked(_ state: AppState) -> AppState {
        var state = state
        _ = state.update(.tick(now: 1000 + limit + 1))
        return state
    }

    /// Every family, child, caregiver and network name, every kenmerk, and what was typed.
    static let secrets: [String] = {
        var names = Fixture.cases.flatMap { [$0.familyName, $0.kenmerk] }
        names += NameMask.names(in: DossierFixture.dossier)
        names += ["Karim", "Peperstraat", "06-12345678", "111222333", "Poelenburg"]
        return names
    }()

    static func leaked(in state: AppState) -> [String] {
        let text = AppView.render(state).screen.text
        return secrets.filter { text.contains($0) }
    }

    @Test func locksAfterTheIdleTime() {
        var state = Self.busyState()
        _ = state.update(.tick(now: 1000 + Self.limit - 1))
        #expect(!state.lock.isLocked)
        _ = state.update(.tick(now: 1000 + Self.limit))
        #expect(state.lock.isLocked)
    }

    @Test func keysBeforeTheIdleTimeKeepItOpen() {
        var state = Self.busyState()
        for minute in 1...30 {
            _ = state.update(.tick(now: 1000 + Double(minute) * 60))
            Fixture.press([.right], on: &state)
        }
        _ = state.update(.tick(now: 1000 + 30 * 60 + Self.limit - 1))
        #expect(!state.lock.isLocked, "idle time counts from the last key")
        _ = state.update(.tick(now: 1000 + 30 * 60 + Self.limit))
        #expect(state.lock.isLocked)
    }

    @Test func withoutALimitItNeverLocks() {
        var state = Fixture.state()
        _ = state.update(.tick(now: 0))
        _ = state.update(.tick(now: 1_000_000))
        #expect(!state.lock.isLocked)
    }

    @Test(arguments: [(120, 40), (80, 24), (60, 16), (30, 8)])
    func nothingOfTheBoardShowsWhileLocked(size: (Int, Int)) {
        let open = Self.busyState(width: size.0, height: size.1)
        if size.0 >= 80 { #expect(!Self.leaked(in: open).isEmpty, "the fixture does show names when open") }
        var state = Self.locked(open)
        #expect(Self.leaked(in: state).isEmpty)
        let text = AppView.render(state).screen.text
        if size.0 >= 60 {
            #expect(text.contains("Privacyscherm: namen verborgen. Dit is geen slot.") && text.contains("anouk")
                    && text.contains("Druk een toets om het bord te tonen."))
            #expect(!text.contains("ergrendeld") && !text.contains("ontgrendel"), "nothing calls it a lock")
        }
        #expect(AppView.render(state).cursor == nil, "no cursor left in the hidden form")
        Fixture.press([.character("x")], on: &state)
        #expect(Self.leaked(in: state).isEmpty)
        if size.0 >= 80 {
            #expect(AppView.render(state).screen.text.contains("Enter toont het bord, Esc houdt de namen verborgen."))
        }
    }

    @Test func aResizeKeepsTheLock() {
        var state = Self.locked(Self.busyState())
        _ = state.update(.resize(width: 200, height: 60))
        #expect(state.lock.isLocked)
        #expect(Self.leaked(in: state).isEmpty)
        _ = state.update(.resize(width: 40, height: 10))
        #expect(state.lock.isLocked && Self.leaked(in: state).isEmpty)
    }

    @Test func aColleaguesChangeWhileLockedRevealsNothing() {
        var state = Self.locked(Self.busyState())
        var cases = Fixture.cases
        cases.append(Fixture.summary(20, "2026-0200", "Nieuwenhuis", stage: .aangemeld, since: 0))
        _ = state.update(.loaded(cases: cases, norms: .standard, suggestedKenmerk: "2026-0201"))
        var dossier = DossierFixture.dossier
        dossier.caregivers.append(Caregiver(name: "Fatima El Amrani", relation: "tante", phone: ""))
        _ = state.update(.dossierLoaded(dossier))
        _ = state.update(.saved(message: "Gezinsgegevens opgeslagen.", select: nil))
        _ = state.update(.failed("Zaak 2026-0050 is intussen gewijzigd"))
        #expect(state.lock.isLocked)
        let text = AppView.render(state).screen.text
        for secret in Self.secrets + ["Nieuwenhuis", "2026-0200", "Fatima", "2026-0050", "Gezinsgegevens"] {
            #expect(!text.contains(secret), "\(secret)")
        }
    }

    @Test func theFirstKeyOnlyAsksAndEnterGivesTheBoardBackAsItWas() {
        let before = Self.busyState()
        var state = Self.locked(before)
        #expect(Fixture.press([.character("q")], on: &state).isEmpty, "q does not quit a locked board")
        #expect(state.lock.phase == .confirming && !state.wantsQuit)
        #expect(Fixture.press([.character("z"), .tab, .control("s")], on: &state).isEmpty, "other keys do nothing while asking")
        #expect(state.lock.phase == .confirming)
        #expect(state.activeKeys == IdleLock.bindings.help(), "help and key bar come from the key map")
        #expect(Fixture.press([.enter], on: &state).isEmpty, "Enter unlocks and does not save the form underneath")
        #expect(!state.lock.isLocked)
        var unlocked = state
        unlocked.lock = before.lock
        #expect(unlocked == before, "overlays, selection and typed input are as they were")
        guard case .dossier(let form)? = state.dialog else { Issue.record("the form is gone"); return }
        #expect(form.form["naam"] == "Karim El Amrani")
        #expect(AppView.render(state).screen.text.contains("Karim El Amrani"))
        // The idle time starts again at the unlock.
        _ = state.update(.tick(now: 1000 + Self.limit + 1 + Self.limit - 1))
        #expect(!state.lock.isLocked)
    }

    @Test func escKeepsItLocked() {
        var state = Self.locked(Self.busyState())
        Fixture.press([.down], on: &state)
        #expect(state.lock.phase == .confirming)
        Fixture.press([.escape], on: &state)
        #expect(state.lock.phase == .locked)
        #expect(AppView.render(state).screen.text.contains("Druk een toets om het bord te tonen."))
        Fixture.press([.enter], on: &state)
        #expect(state.lock.phase == .confirming, "after Esc the first key asks again, even Enter")
        #expect(Self.leaked(in: state).isEmpty)
    }

    @Test func theLockPanelSaysHowLongItWaited() {
        #expect(IdleLock.durationText(seconds: 600) == "10 minuten")
        #expect(IdleLock.durationText(seconds: 60) == "60 seconden")
        #expect(IdleLock.durationText(seconds: 120) == "2 minuten")
        #expect(IdleLock.durationText(seconds: 3) == "3 seconden")
        let text = AppView.render(Self.locked(Self.busyState())).screen.text
        #expect(text.contains("Na 10 minuten zonder toets worden de namen verborgen."))
        #expect(text.contains("Iedereen aan dit toetsenbord kan het bord weer tonen:") && text.contains("vergrendel je computer als je wegloopt."))
        #expect(text.contains("Beschermbord · privacyscherm"))
    }

    @Test func theKeyBarAndHelpNameItAPrivacyScreen() {
        var state = Self.locked(Self.busyState(width: 80, height: 24))
        Fixture.press([.character("x")], on: &state)
        let descriptions = state.activeKeys.map(\.description)
        #expect(descriptions == ["het bord weer tonen", "de namen verborgen houden"], "\(descriptions)")
        let keyBar = AppView.render(state).screen.line(23)
        #expect(keyBar.contains("bord tonen") && keyBar.contains("verborgen houden") && !keyBar.contains("ontgrendel"), "\(keyBar)")
    }
}
