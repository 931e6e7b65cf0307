import Testing
@testable import beschermbord

@Suite("The progress bar of import")
struct ProgressBarTests {
    @Test func aLongLabelIsShownWhole() {
        #expect(ProgressBar.line("Inlezen en opslaan", percent: 40) == "Inlezen en opslaan [############..................]  40%")
    }

    @Test func aShortLabelIsPaddedSoTheBarsLineUp() {
        #expect(ProgressBar.line("Inlezen", percent: 5, detail: "1 van 20") == "Inlezen     [#.............................]   5%  1 van 20")
        #expect(ProgressBar.line("Controleren", percent: 100) == "Controleren [##############################] 100%")
    }
}
