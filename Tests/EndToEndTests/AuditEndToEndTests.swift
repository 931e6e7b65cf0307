import Foundation
import Testing

/// The log view with the real binary: a teamleider reads everyone's entries; after stepping down
/// the same user reads only their own, and the title says so.
@Suite(.serialized) struct AuditEndToEndTests {
    @Test func theLogViewFollowsTheRole() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try storeWithOneImportedReport(in: directory)
        let me = String(cString: getpwuid(getuid())!.pointee.pw_name)
        #expect(try Binary.run(["medewerkers", "toevoegen", "anouk", "--naam", "Anouk de Wit", "--rol", "teamleider", "--store", store]).status == 0)

        let session = try TmuxSession(command: [Binary.path, "--store", store], width: 120, height: 30, directory: directory)
        try session.waitFor(text: "Zwanenburg")
        try session.send("L")
        // A teamleider reads the staff changes too.
        try session.waitFor(all: ["Logboek · alle medewerkers", "Aangemeld", "2025-0001", "Zwanenburg", "anouk (Anouk de Wit) toegevoegd"])

        // Stepping down: the log view, reloaded, shows only this user's own entries.
        #expect(try Binary.run(["medewerkers", "wijzigen", me, "--rol", "medewerker", "--store", store]).status == 0)
        try session.send("r")
        try session.waitFor(all: ["alleen je eigen regels (je bent geen teamleider)", "2025-0001"])
        try session.send("f")
        try session.type("anouk")
        try session.send("Enter")
        try session.waitFor(text: "Geen regels met ‘anouk’")
        try session.send("Escape", "Escape")
        try session.waitFor(text: "Zwanenburg")
        try session.send("q")
        #expect(try session.waitFor(text: "EINDE").contains("EXIT=0"))
    }
}
