import BoardCore

/// Rules for text that goes into the store: the last guard behind the forms, the import and the
/// commands, which check each field by its kind (InputText) and say so at the field.
public enum StoreText {
    /// Control and invisible characters (InputText.isRefused) are refused in every text, with a
    /// message that names the field; TAB and line breaks are left to the input, which knows which
    /// fields are multi-line. A NUL would also make SQLite cut the text off silently.
    public static func check(_ text: String, field: String, allowingLineBreaks: Bool = true) throws {
        if let problem = InputText.characterProblem(in: text, allowingLineBreaks: allowingLineBreaks) {
            throw StoreError.refused("\(field) \(problem.message).")
        }
    }

    /// A report's texts are all one line; its kenmerk is also in the form every case's kenmerk has.
    static func check(_ report: NewReport) throws {
        if case .failure(let problem) = InputText.kenmerk(report.kenmerk) { throw StoreError.refused("Het kenmerk \(problem.message).") }
        try check(report.familyName, field: "De gezinsnaam", allowingLineBreaks: false)
        try check(report.wijk, field: "De wijk", allowingLineBreaks: false)
        try check(report.medewerker, field: "De medewerker", allowingLineBreaks: false)
        for child in report.children { try check(child.firstName, field: "De voornaam van een kind", allowingLineBreaks: false) }
    }
}
