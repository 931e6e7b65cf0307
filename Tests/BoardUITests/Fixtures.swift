import BoardCore
@testable import BoardUI

/// A fixed day and a handful of cases, so that renders are the same on every run.
enum Fixture {
    static let today = Day(year: 2026, month: 11, day: 20)!

    static func summary(_ id: Int64, _ kenmerk: String, _ family: String, stage: Stage, since daysAgo: Int,
                        medewerker: String = "Anouk de Wit", children: Int = 2, youngestAge: Int = 4) -> CaseSummary {
        let since = today.adding(days: -daysAgo)
        return CaseSummary(id: id, kenmerk: kenmerk, familyID: id, familyName: family, wijk: "Poelenburg",
                           source: .veiligThuis, reportedOn: since.adding(days: -3), stage: stage, stageSince: since,
                           medewerker: medewerker, childCount: children,
                           youngestBirthDate: Day(year: today.year - youngestAge, month: 1, day: 15), version: 1,
                           // Veilig Thuis heard back and the Raad started on every fixture case: the clocks' tests make their own duties.
                           dutiesDone: [.terugmeldingVeiligThuis, .eindterugmeldingVeiligThuis, .startRvkOnderzoek])
    }

    static let cases: [CaseSummary] = [
        summary(1, "2026-0101", "Jansen", stage: .aangemeld, since: 2),
        summary(2, "2026-0102", "Özdemir", stage: .aangemeld, since: 9, medewerker: "Karim Benali", children: 1, youngestAge: 7),
        summary(3, "2026-0090", "van den Berg-Zoëtermeer", stage: .onderzoek, since: 20, children: 4, youngestAge: 1),
        summary(4, "2026-0080", "李娜 Wang", stage: .onderzoek, since: 80, medewerker: "Jeroen Mulder"),
        summary(5, "2026-0050", "El Amrani", stage: .beschermtafel, since: 40),
        summary(6, "2026-0040", "de Vries", stage: .veiligheidGewaarborgd, since: 5),
        summary(7, "2026-0010", "Bakker", stage: .veiligheidGewaarborgd, since: 200),
        summary(8, "2026-0030", "Yılmaz", stage: .rvkOnderzoek, since: 12),
    ]

    static func state(width: Int = 80, height: Int = 24, cases: [CaseSummary] = cases) -> AppState {
        var state = AppState(today: today, storeName: "bord.sqlite", user: "anouk", width: width, height: height)
        _ = state.update(.loaded(cases: cases, norms: .standard, suggestedKenmerk: "2026-0103"))
        return state
    }

    /// Feeds keys one by one; returns every effect the keys produced.
    @discardableResult
    static func press(_ keys: [Key], on state: inout AppState) -> [Effect] {
        keys.flatMap { state.update(.key($0)) }
    }

    static func type(_ text: String) -> [Key] { text.map { Key.character($0) } }
}
