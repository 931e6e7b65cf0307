/// Excel takes a cell that starts with `=`, `+`, `-` or `@` as a formula (a TAB or CR before one
/// can hide it), so a family name such as `=cmd|' /C calc'!A0` would run a program on the computer
/// of whoever opens the CSV export. The export puts Excel's own text marker `'` before such a cell;
/// the import removes exactly that marker, so an export imports as it was.
///
/// A value that already starts with markers before such a character gets one more, so removing
/// one always gives the value back: `'=x` is written `''=x`, and a plain `'los` stays as it is.
enum SpreadsheetFormula {
    static let marker: Character = "'"

    /// The characters that start a formula in Excel.
    static func startsFormula(_ character: Character) -> Bool {
        character == "=" || character == "+" || character == "-" || character == "@" || character == "\t" || character == "\r"
    }

    /// Whether `value` is markers (none or more) followed by a formula's first character.
    static func needsMarker(_ value: Substring) -> Bool {
        guard let first = value.first(where: { $0 != marker }) else { return false }
        return startsFormula(first)
    }

    /// The cell the export writes for `value`.
    static func guarded(_ value: String) -> String {
        needsMarker(Substring(value)) ? String(marker) + value : value
    }

    /// The value an imported cell holds: one marker fewer when the export put it there.
    static func unguarded(_ cell: String) -> String {
        // Nearly every cell of a large import starts otherwise: a byte decides.
        guard cell.utf8.first == UInt8(ascii: "'"), needsMarker(cell.dropFirst()) else { return cell }
        return String(cell.dropFirst())
    }
}
