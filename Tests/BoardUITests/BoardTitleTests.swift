import BoardCore
import Testing
@testable import BoardUI

/// The title row of a shared file store says that the roles are kept by the program, not
/// enforced, and keeps saying it in a narrow window.
@Suite struct BoardTitleTests {
    static func sharedState(width: Int, height: Int = 24) -> AppState {
        var state = Fixture.state(width: width, height: height)
        state.sharedGroup = "jeugdteam"
        return state
    }

    @Test func atFullWidthTheWholeNotice() {
        let title = AppView.render(Self.sharedState(width: 160, height: 40)).screen.line(0)
        #expect(title.hasPrefix(" Beschermbord · bord.sqlite · gedeeld met groep jeugdteam · rollen door het programma, niet afgedwongen · anouk · 7 zaken "),
                "\(title)")
        #expect(title.hasSuffix(" \(Fixture.today.dutch) "))
    }

    @Test func at80x24TheNoticeBeforeTheProgramsName() {
        let title = AppView.render(Self.sharedState(width: 80)).screen.line(0)
        #expect(title.hasPrefix(" bord.sqlite · gedeeld: rollen niet afgedwongen · anouk · 7 zaken "), "\(title)")
        #expect(title.hasSuffix(" \(Fixture.today.dutch) "))
    }

    @Test func aLittleWiderTheGroupIsNamed() {
        let title = AppView.render(Self.sharedState(width: 90)).screen.line(0)
        #expect(title.hasPrefix(" bord.sqlite · groep jeugdteam: rollen niet afgedwongen · anouk · 7 zaken "), "\(title)")
    }

    @Test func atTheSmallestBoardTheNoticeStillShows() {
        let title = AppView.render(Self.sharedState(width: AppState.minimumWidth, height: AppState.minimumHeight)).screen.line(0)
        #expect(title.hasPrefix(" bord.sqlite · rollen niet afgedwongen · anouk"), "\(title)")
        #expect(title.hasSuffix(" \(Fixture.today.dutch) "))
    }

    @Test func anOwnersFileSaysNothingOfSharing() {
        let title = AppView.render(Fixture.state(width: 160, height: 40)).screen.line(0)
        #expect(title.hasPrefix(" Beschermbord · bord.sqlite · anouk · 7 zaken "), "\(title)")
        #expect(!title.contains("afgedwongen") && !title.contains("gedeeld"))
    }
}
