import BoardCore
import Testing
@testable import BoardUI

/// Meeting mode on a shared screen: nothing that identifies a family leaks through the filter,
/// a birth date or a message.
@Suite struct MeetingPrivacyTests {
    @Test func theFilterTextIsNotShown() {
        var state = Fixture.state(width: 120, height: 30)
        Fixture.press([.character("M"), .character("/")] + Fixture.type("Berg"), on: &state)
        var text = AppView.render(state).screen.text
        #expect(!text.contains("Berg"), "while typing:\n\(text)")
        #expect(text.contains("Filter: ••••"))
        Fixture.press([.enter], on: &state)
        text = AppView.render(state).screen.text
        #expect(!text.contains("Berg") && text.contains("filter ‘••••’"), "\(text)")
        Fixture.press([.character("/")] + Fixture.type("erg-Zo-niet") + [.enter], on: &state)
        text = AppView.render(state).screen.text
        #expect(!text.contains("Zo-niet") && text.contains("Geen zaken gevonden voor ‘•"), "an empty board says no more:\n\(text)")
    }

    @Test func aChildShowsWithHerAgeNotHerBirthDate() {
        var state = DossierFixture.state(width: 100, height: 30, section: .gezin)
        #expect(AppView.render(state).screen.text.contains("12-03-2015"))
        Fixture.press([.character("M")], on: &state)
        let text = AppView.render(state).screen.text
        #expect(!text.contains("12-03-2015") && !text.contains("01-07-2019"), "\(text)")
        #expect(text.contains("\(Day(year: 2015, month: 3, day: 12)!.age(on: Fixture.today)) jr"))
    }

    @Test func aMessageNamingAnotherFamilyIsMasked() {
        var state = Fixture.state(width: 120, height: 30)
        Fixture.press([.character("M")], on: &state)
        #expect(state.selectedCase?.familyName != "El Amrani", "the message names a family that is not selected")
        _ = state.update(.failed("De zaak van El Amrani is intussen door een collega gewijzigd."))
        let text = AppView.render(state).screen.text
        #expect(!text.contains("El Amrani") && text.contains("De zaak van E.A."), "\(text)")
    }
}
