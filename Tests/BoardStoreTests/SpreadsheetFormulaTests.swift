import BoardCore
import CSV
import Foundation
import Testing
@testable import BoardStore

/// `export --format csv` is made for Excel, which runs a cell that starts with `=`, `+`, `-` or `@`
/// as a formula: such cells get Excel's text marker `'`, and the import removes exactly that marker.
@Suite("Export: no formulas for Excel")
struct SpreadsheetFormulaTests {
    let today = day(2025, 6, 30)

    /// Values a colleague could type (or import) so that opening the export runs something.
    static let formulas = ["=cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "+31 6 1234 5678", "-2+3+cmd|' /C calc'!A0", "-",
                           "'=al gemarkeerd", "''+twee keer", "gewoon", "'los"]

    /// A child's first name must look like a name (InputText), so it cannot carry a formula.
    static let childName = "Daan"

    func storeWithFormulas(_ scratch: ScratchDirectory) throws -> Store {
        let store = try Store(path: scratch.file("bord.sqlite"), user: "anouk")
        for (index, value) in Self.formulas.enumerated() {
            _ = try store.addReport(NewReport(kenmerk: index == 0 ? "-2025-\(index)" : "2025-\(index)", reportedOn: day(2025, 3, 3), source: .jeugdteam,
                                              familyName: value, wijk: value, medewerker: value,
                                              children: [Child(firstName: Self.childName, birthDate: day(2016, 4, 12))]))
        }
        return store
    }

    @Test func noCellOfTheExportStartsAFormula() throws {
        let scratch = try ScratchDirectory()
        let csv = try CaseExport.csv(try storeWithFormulas(scratch).exportCases())
        let reader = try CSVReader(string: String(decoding: csv.dropFirst(3), as: UTF8.self), hasHeaderRow: true, delimiter: ";")
        var cells = 0
        while let row = reader.next() {
            for cell in row where !cell.isEmpty {
                cells += 1
                #expect(!"=+-@\t\r".contains(cell.first!), "\(cell)")
            }
        }
        #expect(cells == Self.formulas.count * 7)
        let text = String(decoding: csv, as: UTF8.self)
        #expect(text.contains(";'=cmd|' /C calc'!A0;") && text.contains(";'@SUM(1+1)") && text.contains(";'+31 6 1234 5678;")
                && text.contains(";'-;") && text.contains("'-2025-0;") && text.contains(";''=al gemarkeerd;") && text.contains(";'''+twee keer;"))
        #expect(text.contains(";gewoon;") && text.contains(";'los;"), "other cells are written as they are")
    }

    @Test func theImportRemovesExactlyTheMarker() throws {
        let scratch = try ScratchDirectory()
        let original = try storeWithFormulas(scratch)
        let csv = try CaseExport.csv(try original.exportCases())
        let parsed = CaseImporter.parse(data: csv, today: today)
        #expect(parsed.errors.isEmpty, "\(parsed.errors)")
        let copy = try Store(path: scratch.file("kopie.sqlite"), user: "import")
        // The import takes only medewerkers on the staff list: these names are display names there.
        for (index, value) in Self.formulas.enumerated() {
            try copy.addStaff(StaffMember(name: "collega\(index)", displayName: value, role: .medewerker))
        }
        _ = try copy.importRows(parsed.rows, origin: "export.csv")
        #expect(try copy.exportCases().map(\.familyName) == Self.formulas)
        #expect(try copy.exportCases().map(\.wijk) == Self.formulas)
        #expect(try copy.exportCases().map(\.medewerker) == Self.formulas)
        #expect(try copy.exportCases().map { $0.children.map(\.firstName) } == Self.formulas.map { _ in [Self.childName] })
        #expect(try copy.exportCases().map(\.kenmerk) == original.exportCases().map(\.kenmerk))
        #expect(try CaseExport.csv(try copy.exportCases()) == csv)
    }
}
