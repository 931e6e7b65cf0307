import BoardCore
import Foundation
import GRDB
import Testing
@testable import BoardStore

/// Bad input of every kind: the store refuses control and invisible characters in every field
/// and what it cannot keep faithfully, with a clear message, and never loses what was stored before
/// (the input refuses the same at the field, see RefusedImportTests and BoardUITests/FormInputTests;
/// the UI cleans text of older stores for the terminal, see BoardUITests/HostileTextTests). The file
/// corpus that existed before (a text file, a short file, an empty file, another program's SQLite
/// file, a store of a newer version) is in StoreTests/StoreFileTests; damaged and
/// truncated stores are in IntegrityCheckTests.
@Suite("Hostile input")
struct HostileInputTests {
    let today = day(2025, 6, 30)

    /// Escape sequences (CSI, OSC with BEL and with ST, 8-bit CSI), other controls and bidi overrides.
    static let nasty = [
        "\u{1B}[2J\u{1B}[H", "\u{1B}]0;gekaapt\u{07}", "\u{1B}]52;c;d2hvYW1p\u{1B}\\", "\u{9B}31m", "\u{1B}P+q\u{1B}\\",
        "\u{08}\u{08}\u{7F}", "\r\n\t", "\u{202E}tseT\u{202C}", "\u{200B}\u{FEFF}",
    ]

    @Test(arguments: StoreKind.all) func escapeSequencesAreRefusedInEveryField(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let store = try place.open(as: "anouk")
        let id = try store.addReport(report("2025-0001"))
        try store.move(MoveRequest(caseID: id, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2025, 3, 5)), today: today)
        let token = try store.changeToken()
        for (index, bad) in Self.nasty.enumerated() {
            let child = [Child(firstName: "Zoë", birthDate: day(2016, 4, 12))]
            let reports = [
                NewReport(kenmerk: "2025-\(index)\(bad)x", reportedOn: day(2025, 3, 3), source: .jeugdteam, familyName: "de Vries",
                          wijk: "", medewerker: "", children: child),
                NewReport(kenmerk: "2025-1\(index)", reportedOn: day(2025, 3, 3), source: .jeugdteam, familyName: "de \(bad) Vries",
                          wijk: "", medewerker: "", children: child),
                NewReport(kenmerk: "2025-2\(index)", reportedOn: day(2025, 3, 3), source: .jeugdteam, familyName: "de Vries",
                          wijk: "Poel\(bad)enburg", medewerker: "", children: child),
                NewReport(kenmerk: "2025-3\(index)", reportedOn: day(2025, 3, 3), source: .jeugdteam, familyName: "de Vries",
                          wijk: "", medewerker: "Sanne\(bad)K", children: child),
                NewReport(kenmerk: "2025-4\(index)", reportedOn: day(2025, 3, 3), source: .jeugdteam, familyName: "de Vries",
                          wijk: "", medewerker: "", children: [Child(firstName: "Zo\(bad)ë", birthDate: day(2016, 4, 12))]),
            ]
            for new in reports {
                let error = storeError { try store.addReport(new) }
                #expect(error?.description.contains(" bevat ") == true, "\(index): \(String(describing: error))")
            }
            guard bad != "\r\n\t" else { continue }
            let move = storeError {
                try store.move(MoveRequest(caseID: id, expectedVersion: 2, from: .onderzoek, to: .veiligheidGewaarborgd, day: day(2025, 3, 6),
                                           text: "conclusie \(bad) klaar"), today: today)
            }
            #expect(move?.description.contains(" bevat ") == true, "\(index): \(String(describing: move))")
        }
        #expect(try store.changeToken() == token, "nothing was stored")
        // Free text keeps its line breaks and tabs (the input refuses them in one-line fields).
        try store.move(MoveRequest(caseID: id, expectedVersion: 2, from: .onderzoek, to: .veiligheidGewaarborgd, day: day(2025, 3, 6),
                                   text: "conclusie \r\n\t klaar"), today: today)
        #expect(try place.integrityCheck().isHealthy)
    }

    @Test(arguments: StoreKind.all) func veryLongTextIsKeptWhole(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let store = try place.open(as: "anouk")
        let long = String(repeating: "Özdemir-", count: 1250)
        #expect(long.count == 10_000)
        let id = try store.addReport(report("2025-0001", family: long, children: [Child(firstName: long, birthDate: day(2016, 4, 12))]))
        try store.move(MoveRequest(caseID: id, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2025, 3, 5)), today: today)
        try store.move(MoveRequest(caseID: id, expectedVersion: 2, from: .onderzoek, to: .veiligheidGewaarborgd, day: day(2025, 3, 6),
                                   text: long), today: today)
        let details = try store.details(of: id, logOpening: false)
        #expect(details.summary.familyName == long && details.children.first?.firstName == long)
        #expect(details.events.last?.detail == long)
        #expect(try place.integrityCheck().isHealthy)
        #expect(storeError { try store.addStaff(StaffMember(name: "lang", displayName: long, role: .medewerker)) } != nil,
                "display names have a sane limit")
    }

    /// SQLite would keep only the text before a NUL: refused, and nothing is stored.
    @Test(arguments: StoreKind.all) func nulCharactersAreRefused(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let store = try place.open(as: "anouk")
        let id = try store.addReport(report("2025-0001"))
        let token = try store.changeToken()
        var withNul: [NewReport] = []
        var base = report("2025-0002")
        base.familyName = "de\u{0}Vries"
        withNul.append(base)
        base = report("2025-\u{0}0003")
        withNul.append(base)
        base = report("2025-0004")
        base.wijk = "Poelenburg\u{0}"
        withNul.append(base)
        base = report("2025-0005", children: [Child(firstName: "Zo\u{0}ë", birthDate: day(2016, 4, 12))])
        withNul.append(base)
        for new in withNul {
            let error = storeError { try store.addReport(new) }
            guard case .refused(let message)? = error else {
                Issue.record("NUL must be refused, got \(String(describing: error))")
                continue
            }
            #expect(message.contains("NUL-teken"))
        }
        let move = storeError {
            try store.move(MoveRequest(caseID: id, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2025, 3, 5)), today: today)
            try store.move(MoveRequest(caseID: id, expectedVersion: 2, from: .onderzoek, to: .veiligheidGewaarborgd, day: day(2025, 3, 6),
                                       text: "a\u{0}b"), today: today)
        }
        #expect(move?.description.contains("NUL-teken") == true)
        #expect(try store.boardCases(today: today, closedWindowDays: nil).map(\.kenmerk) == ["2025-0001"])
        #expect(try store.details(of: id, logOpening: false).summary.stage == .onderzoek, "the refused move changed nothing")
        #expect(try store.changeToken() == token + 1, "only the first, valid move was logged")
    }

    /// Every text field of the family screen's forms gets the same clear refusal; nothing is stored.
    @Test(arguments: StoreKind.all) func nulCharactersAreRefusedInEveryDossierField(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let store = try place.open(as: "anouk")
        let id = try store.addReport(report("2025-0001"))
        try store.move(MoveRequest(caseID: id, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2025, 3, 5)), today: today)
        try store.move(MoveRequest(caseID: id, expectedVersion: 2, from: .onderzoek, to: .beschermtafel, day: day(2025, 6, 1),
                                   requester: .veiligThuis), today: today)
        let familyID = try store.dossier(caseID: id, openedSection: nil).family.id
        let seen = SeenCase(caseID: id, version: 3)
        let nul = "a\u{0}b"
        let changes: [DossierChange] = [
            .editFamily(familyID, seen: seen, name: nul, address: "", wijk: ""),
            .editFamily(familyID, seen: seen, name: "de Vries", address: nul, wijk: ""),
            .editFamily(familyID, seen: seen, name: "de Vries", address: "", wijk: nul),
            .addChild(familyID, seen: seen, ChildRecord(firstName: nul, birthDate: day(2020, 1, 1))),
            .addChild(familyID, seen: seen, ChildRecord(firstName: "Sem", surname: nul, birthDate: day(2020, 1, 1))),
            .addCaregiver(familyID, seen: seen, Caregiver(name: nul, relation: "moeder", phone: "")),
            .addCaregiver(familyID, seen: seen, Caregiver(name: "Petra", relation: nul, phone: "")),
            .addCaregiver(familyID, seen: seen, Caregiver(name: "Petra", relation: "moeder", phone: nul)),
            .addNetworkMember(familyID, seen: seen, NetworkMember(name: nul, role: "buurvrouw", organisation: "", phone: "")),
            .addNetworkMember(familyID, seen: seen, NetworkMember(name: "Ria", role: nul, organisation: "", phone: "")),
            .addNetworkMember(familyID, seen: seen, NetworkMember(name: "Ria", role: "buurvrouw", organisation: nul, phone: "")),
            .addNetworkMember(familyID, seen: seen, NetworkMember(name: "Ria", role: "buurvrouw", organisation: "", phone: nul)),
            .addAssessment(id, SafetyAssessment(day: day(2025, 6, 2), concerns: nul, strengths: "", needs: "", score: 5, givenBy: .ouder)),
            .addAssessment(id, SafetyAssessment(day: day(2025, 6, 2), concerns: "", strengths: nul, needs: "", score: 5, givenBy: .ouder)),
            .addAssessment(id, SafetyAssessment(day: day(2025, 6, 2), concerns: "", strengths: "", needs: nul, score: 5, givenBy: .ouder)),
            .addRiskInstrument(id, RiskInstrumentRecord(instrument: nul, day: day(2025, 6, 3), outcome: "hoog", note: "")),
            .addRiskInstrument(id, RiskInstrumentRecord(instrument: "ARIJ", day: day(2025, 6, 3), outcome: nul, note: "")),
            .addRiskInstrument(id, RiskInstrumentRecord(instrument: "ARIJ", day: day(2025, 6, 3), outcome: "hoog", note: nul)),
            .addNote(id, Note(text: nul)),
            .recordTableDecision(id, expectedVersion: 3, TableDecision(meetingDate: day(2025, 6, 10), attendees: nul, advice: "x", outcome: .vrijwillig)),
            .recordTableDecision(id, expectedVersion: 3, TableDecision(meetingDate: day(2025, 6, 10), attendees: "", advice: nul, outcome: .vrijwillig)),
            .recordTableDecision(id, expectedVersion: 3, TableDecision(meetingDate: day(2025, 6, 10), attendees: "", advice: "x", outcome: .drang,
                                                                       reportBackOn: day(2025, 8, 10), goals: nul)),
        ]
        let token = try store.changeToken()
        for change in changes {
            let error = storeError { try store.apply(change, today: today) }
            guard case .refused(let message)? = error else {
                Issue.record("NUL must be refused in \(change), got \(String(describing: error))")
                continue
            }
            #expect(message.contains("bevat een NUL-teken"), "\(message)")
        }
        #expect(try store.changeToken() == token, "nothing was stored")
    }

    /// Invalid UTF-8 can only come from outside the program (a file edited by hand, a damaged
    /// import): it is read lossily, with U+FFFD in place of the bad bytes, and never crashes.
    /// (A file's matter: a PostgreSQL server refuses invalid UTF-8 before it is stored.)
    @Test func invalidUTF8IsDecodedLossily() throws {
        let scratch = try ScratchDirectory()
        let store = try Store(path: scratch.file("bord.sqlite"), user: "anouk")
        let id = try store.addReport(report("2025-0001"))
        try store.pool.write { db in
            try db.execute(sql: "UPDATE family SET name = CAST(X'64652056C372696573FF' AS TEXT)")
            try db.execute(sql: "UPDATE child SET first_name = CAST(X'5A6FC3' AS TEXT) WHERE first_name = 'Zoë'")
        }
        let details = try store.details(of: id, logOpening: false)
        #expect(details.summary.familyName == "de V\u{FFFD}ries\u{FFFD}")
        #expect(details.children.contains { $0.firstName == "Zo\u{FFFD}" })
        #expect(try store.boardCases(today: today, closedWindowDays: nil).first?.familyName == "de V\u{FFFD}ries\u{FFFD}")
        #expect(try store.auditLog(filter: AuditFilter()).entries.contains { $0.familyName == "de V\u{FFFD}ries\u{FFFD}" })
        // A log entry altered that way is caught by the chain, which hashes the stored bytes.
        try store.pool.write { db in try db.execute(sql: "UPDATE event SET detail = CAST(X'C328' AS TEXT) WHERE kind = 'aangemeld'") }
        #expect(try store.pool.read { db in try EventLog.verify(db) }.firstBreak?.id == 2)
    }

    /// Dates that do not exist never become a Day; one stored by hand is reported by `check`.
    /// (A file's matter: a server's `date` column holds no impossible date.)
    @Test func impossibleDatesAreRefused() throws {
        for text in ["00-00-0000", "29-02-2023", "31-04-2025", "2023-02-29", "32-01-2025", "0000-01-01"] {
            #expect(Day(parsing: text) == nil, "\(text)")
            guard case .failure(.impossible)? = Optional(Day.validate(text, today: today)) else {
                Issue.record("\(text) must be refused as impossible")
                continue
            }
        }
        #expect(Day(parsing: "29-02-2024") == day(2024, 2, 29))

        let scratch = try ScratchDirectory()
        let store = try Store(path: scratch.file("bord.sqlite"), user: "anouk")
        let id = try store.addReport(report("2025-0001"))
        try store.pool.write { db in try db.execute(sql: "UPDATE child SET birth_date = '2023-02-29' WHERE first_name = 'Daan'") }
        let details = try store.details(of: id, logOpening: false)
        #expect(details.children.count == 2, "an unreadable stored date does not hide the child")
        #expect(try IntegrityCheck.run(path: store.location).section(IntegrityCheck.datesTitle)?.problems.count == 1)
    }

    /// Files that look like a store at first sight: a clear message, and the file is not changed.
    @Test func filesThatOnlyLookLikeAStore() throws {
        let scratch = try ScratchDirectory()
        // The right header, then garbage.
        let garbage = scratch.file("kapot.sqlite")
        var content = Data("SQLite format 3\u{0}".utf8)
        content.append(Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }))
        #expect(FileManager.default.createFile(atPath: garbage, contents: content))
        let error = storeError { _ = try Store(path: garbage, user: "anouk") }
        #expect(error != nil)
        #expect(error?.description.contains(garbage) == true, "\(String(describing: error))")
        #expect(bytes(garbage) == content)

        // A real store next to it is not affected, and reopens with everything in it.
        let path = scratch.file("bord.sqlite")
        do { _ = try Store(path: path, user: "anouk").addReport(report("2025-0001")) }
        #expect(storeError { _ = try Store(path: garbage, user: "anouk", readOnly: true) } != nil)
        #expect(try Store(path: path, user: "anouk").boardCases(today: today, closedWindowDays: nil).count == 1)

        // A store of a newer version stays refused when asked for read-only access.
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-uit-de-toekomst')") }
            try queue.close()
        }
        #expect(storeError { _ = try Store(path: path, user: "anouk", readOnly: true) } == .newerSchema(path: path))
    }
}
