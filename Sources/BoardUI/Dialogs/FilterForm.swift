import BoardCore

/// `f` on the board: choose a medewerker, wijk and source from those on the board, and a form of
/// joint work (a running plan JB in de wijk or Veiligheidsteam). Esc on the
/// board clears these with every other filter.
enum FilterForm {
    static let all = "alle"
    static let noWijk = "(geen wijk)"

    static func make(cases: [CaseSummary], facets: BoardFacets) -> Form {
        let medewerkers = Set(cases.map(\.medewerker)).sorted()
        let wijken = Set(cases.map { $0.wijk.isEmpty ? noWijk : $0.wijk }).sorted()
        return Form(title: "Filteren", fields: [
            FormField(id: "medewerker", label: "Medewerker", kind: .choice([all] + medewerkers), value: facets.medewerker ?? all),
            FormField(id: "wijk", label: "Wijk", kind: .choice([all] + wijken),
                      value: facets.wijk.map { $0.isEmpty ? noWijk : $0 } ?? all),
            FormField(id: "bron", label: "Bron", kind: .choice([all] + Source.allCases.map(\.rawValue)), value: facets.source?.rawValue ?? all),
            FormField(id: "plan", label: "Lopend plan", kind: .choice([all] + JointWorkForm.allCases.map(\.shortTitle)),
                      value: facets.jointWork?.shortTitle ?? all),
        ])
    }

    static func facets(from form: Form) -> BoardFacets {
        let chosen = { (id: String) in form[id] == all ? nil : form[id] }
        return BoardFacets(medewerker: chosen("medewerker"), wijk: chosen("wijk").map { $0 == noWijk ? "" : $0 },
                           source: chosen("bron").flatMap(Source.init(rawValue:)),
                           jointWork: chosen("plan").flatMap { title in JointWorkForm.allCases.first { $0.shortTitle == title } })
    }
}
