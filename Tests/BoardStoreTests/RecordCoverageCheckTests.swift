import BoardCore
import Foundation
import GRDB
import Testing
@testable import BoardStore

/// `check` finds direct edits of the dossier: every record a change writes is covered by the log
/// (its event carries the record's digest), so a record changed, removed or added outside
/// Beschermbord is named, and so is an event removed from the end of the log.
@Suite("check: every record against the log")
struct RecordCoverageCheckTests {
    let today = day(2025, 6, 30)

    /// A store with one case (its family, two children), a note and a second medewerker.
    func store(_ scratch: ScratchDirectory) throws -> (path: String, store: Store, caseID: CaseID) {
        let path = scratch.file("bord.sqlite")
        let store = try Store(path: path, user: "anouk")
        let caseID = try store.addReport(report("2025-0001"))
        try store.addStaff(StaffMember(name: "bert", displayName: "Bert Bakker", role: .medewerker))
        try store.apply(.addNote(caseID, Note(text: "Huisbezoek afgelegd")), today: today)
        return (path, store, caseID)
    }

    func problems(_ path: String) throws -> [String] {
        try IntegrityCheck.run(path: path).sections.flatMap(\.problems)
    }

    @Test func untouchedStoreIsHealthy() throws {
        let scratch = try ScratchDirectory()
        let (path, _, _) = try store(scratch)
        let report = try IntegrityCheck.run(path: path)
        #expect(report.isHealthy, "\(report.sections.filter { !$0.isHealthy })")
    }

    @Test func deletedNoteIsNamed() throws {
        let scratch = try ScratchDirectory()
        let (path, _, _) = try store(scratch)
        try tamper(path, "DELETE FROM note")
        let found = try problems(path)
        #expect(found.contains { $0.hasPrefix("notitie 1 van zaak 2025-0001 ontbreekt (vastgelegd in gebeurtenis 4 op ") && $0.hasSuffix(" door anouk)") },
                "\(found)")
    }

    @Test func changedBirthDateIsNamed() throws {
        let scratch = try ScratchDirectory()
        let (path, _, _) = try store(scratch)
        try tamper(path, "UPDATE child SET birth_date = '2014-04-12' WHERE first_name = 'Zoë'")
        let found = try problems(path)
        #expect(found.contains { $0.hasPrefix("kind 1 van het gezin van zaak 2025-0001 wijkt af van wat gebeurtenis 2 vastlegde") }, "\(found)")
    }

    @Test func medewerkerMadeTeamleiderIsNamed() throws {
        let scratch = try ScratchDirectory()
        let (path, _, _) = try store(scratch)
        try tamper(path, "UPDATE medewerkers SET role = 'teamleider' WHERE name = 'bert'")
        let found = try problems(path)
        #expect(found.contains { $0.hasPrefix("medewerker bert (nu rol teamleider) wijkt af van wat gebeurtenis 3 vastlegde") }, "\(found)")
    }

    @Test func retentionPeriodSetByHandIsNamed() throws {
        let scratch = try ScratchDirectory()
        let (path, _, _) = try store(scratch)
        try tamper(path, "INSERT INTO setting (key, value) VALUES ('bewaartermijn.jaren', '1')")
        let found = try problems(path)
        #expect(found.contains { $0.hasPrefix("instelling bewaartermijn.jaren (nu waarde 1) staat niet in het logboek") }, "\(found)")
    }

    @Test func changedCaseRowIsNamed() throws {
        let scratch = try ScratchDirectory()
        let (path, _, _) = try store(scratch)
        try tamper(path, "UPDATE \"case\" SET medewerker = 'Iemand Anders', version = version + 1")
        let found = try problems(path)
        #expect(found.contains { $0.hasPrefix("zaak 2025-0001 wijkt af van wat gebeurtenis 2 vastlegde") }, "\(found)")
    }

    /// The newest event, removed: the chain alone cannot see that, but the note it covered is now
    /// a record that the log does not know.
    @Test func deletedNewestEventIsNoticed() throws {
        let scratch = try ScratchDirectory()
        let (path, _, _) = try store(scratch)
        try tamper(path, "DELETE FROM event WHERE id = (SELECT MAX(id) FROM event)")
        let found = try problems(path)
        #expect(found.contains { $0.hasPrefix("notitie 1 van zaak 2025-0001 staat niet in het logboek") }, "\(found)")
    }

    /// Every path that writes names what it wrote: after a change of every kind (moves forward and
    /// back, the family screen, the table and the Raad, the meeting, the joint plan, staff,
    /// settings, an erasure) the check finds every record as logged.
    @Test func everyKindOfChangeIsCovered() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("bord.sqlite")
        let store = try Store(path: path, user: "anouk")
        let today = day(2025, 9, 1)
        let version = { (id: CaseID) throws -> Int in try store.details(of: id, logOpening: false).summary.version }
        func seen(_ id: CaseID) throws -> SeenCase { SeenCase(caseID: id, version: try version(id)) }
        func move(_ id: CaseID, _ from: Stage, _ to: Stage, _ on: Day, text: String = "", requester: TableRequester? = nil) throws {
            try store.move(MoveRequest(caseID: id, expectedVersion: try version(id), from: from, to: to, day: on, text: text, requester: requester),
                           today: today)
        }

        let a = try store.addReport(report("2025-0001"))
        let family = try store.dossier(caseID: a, openedSection: "Gezin").family.id
        try move(a, .aangemeld, .onderzoek, day(2025, 3, 5))
        try store.apply(.editFamily(family, seen: try seen(a), name: "de Vries-Bakker", address: "Peperstraat 1", wijk: "Poelenburg"), today: today)
        try store.apply(.addChild(family, seen: try seen(a), ChildRecord(firstName: "Mila", surname: "de Vries", birthDate: day(2021, 1, 2))), today: today)
        try store.apply(.addCaregiver(family, seen: try seen(a), Caregiver(name: "Fatma", relation: "moeder", phone: "06-1")), today: today)
        try store.apply(.addNetworkMember(family, seen: try seen(a), NetworkMember(name: "Oma", role: "grootmoeder", organisation: "", phone: "")),
                        today: today)
        try store.apply(.addAssessment(a, SafetyAssessment(day: day(2025, 3, 6), concerns: "zorg", strengths: "oma", needs: "plan", score: 4,
                                                           givenBy: .medewerker)), today: today)
        try store.apply(.addRiskInstrument(a, RiskInstrumentRecord(instrument: "LIRIK", day: day(2025, 3, 6), outcome: "hoog", note: "")), today: today)
        try store.apply(.addNote(a, Note(text: "Eerste")), today: today)
        try store.apply(.addNote(a, Note(text: "Correctie", refersTo: 1)), today: today)
        try store.apply(.recordMeetingDecision(a, MeetingDecision(decision: "Afwachten", actor: "Karim", due: today)), today: today)

        try store.apply(.start(a, expectedVersion: try version(a), PlanStart(
            jeugdbeschermer: "Fatima Ouali", organisation: PlanOrganisation.jbra, wijkteamColleague: "Sanne Kuipers", startDate: day(2025, 3, 10),
            consentDate: day(2025, 3, 9), consentBy: "moeder", intensity: .intensief, firstEvaluation: day(2025, 5, 10))), today: today)
        let plan = try store.jointPlans(caseID: a, logOpening: true)[0].id
        try store.apply(.addGoal(a, plan, PlanGoal(text: "Veilig thuis", safetyConditions: "")), today: today)
        try store.apply(.addCondition(a, plan, SafetyCondition(setBy: .veiligThuis, day: day(2025, 3, 10), text: "Geen geweld")), today: today)
        try store.apply(.addAgreement(a, plan, PlanAgreement(party: .gezin, who: "moeder", what: "Belt de huisarts", due: day(2025, 4, 1),
                                                             check: "navraag", consent: Consent(day: day(2025, 3, 10), by: "moeder"))), today: today)
        try store.apply(.addAgreement(a, plan, PlanAgreement(party: .wijkteam, what: "Netwerkberaad", due: day(2025, 4, 1),
                                                             check: "verslag", consent: Consent(day: day(2025, 3, 10), by: "moeder"))), today: today)
        let written = try store.jointPlans(caseID: a, logOpening: false)[0]
        try store.apply(.setGoalStatus(a, goalID: written.goals[0].id, .bereikt), today: today)
        try store.apply(.setAgreementStatus(a, agreementID: written.agreements[0].id, .gedaan), today: today)
        try store.apply(.addHours(a, plan, HoursEntry(day: day(2025, 3, 12), quarters: 4, person: "Fatima Ouali", description: "huisbezoek")),
                        today: today)
        try store.apply(.changeIntensity(a, expectedVersion: try version(a), plan, .advies, day(2025, 4, 1)), today: today)
        try store.apply(.evaluate(a, expectedVersion: try version(a), plan, PlanEvaluation(day: day(2025, 5, 10), wentWell: "rust", wentBadly: "",
                                                                                          conclusion: .afschalen,
                                                                                          marks: [written.agreements[1].id: .nagekomen])), today: today)

        try move(a, .onderzoek, .beschermtafel, day(2025, 6, 1), requester: .veiligThuis)
        try store.apply(.recordTableDecision(a, expectedVersion: try version(a), TableDecision(
            meetingDate: day(2025, 6, 10), attendees: "Raad", advice: "Drang", outcome: .drang, reportBackOn: day(2025, 8, 10), goals: "school")),
                        today: today)
        try store.apply(.recordTableDecision(a, expectedVersion: try version(a), TableDecision(
            meetingDate: day(2025, 8, 12), attendees: "", advice: "Raad", outcome: .rvkOnderzoek)), today: today)
        try store.apply(.recordRvkOutcome(a, expectedVersion: try version(a), try everyChild(of: a, in: store, .ots), day(2025, 8, 20)), today: today)

        let b = try store.addReport(report("2025-0002", family: "Jansen"))
        try move(b, .aangemeld, .onderzoek, day(2025, 3, 5))
        try move(b, .onderzoek, .beschermtafel, day(2025, 4, 20), requester: .jeugdteam)
        try move(b, .beschermtafel, .onderzoek, day(2025, 4, 21), text: "te vroeg ingebracht")
        try move(b, .onderzoek, .veiligheidGewaarborgd, day(2025, 5, 1), text: "veiligheidsplan werkt")
        try store.erasePersonalData(of: [try store.dossier(caseID: b, openedSection: nil).family.id], reason: .request, today: today)

        try store.addStaff(StaffMember(name: "bert", displayName: "Bert Bakker", role: .medewerker))
        try store.updateStaff(StaffMember(name: "bert", displayName: "Bert Bakker", role: .jeugdbeschermer))
        try store.addStaff(StaffMember(name: "carla", displayName: "Carla", role: .medewerker))
        try store.removeStaff("carla")
        try store.setSetting(Store.retentionYearsKey, to: "15")
        try store.setSetting(Store.retentionYearsKey, to: "25")

        let report = try IntegrityCheck.run(path: path)
        #expect(report.isHealthy, "\(report.sections.filter { !$0.isHealthy })")
        let records = try store.pool.read { db in
            try CoveredTables.all.reduce(0) { $0 + (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($1.quotedName)") ?? 0) }
        }
        #expect(report.section(IntegrityCheck.recordsTitle)?.summary == "in orde (\(records) gegevens)")
        #expect(records > 25)
        #expect(try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event WHERE kind = 'vastgelegd'") } == 0,
                "real work is logged by its own events, not sealed")
    }

    /// An import writes its rows through the background chain: its events name the rows too.
    @Test func importedRowsAreCovered() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("bord.sqlite")
        let store = try storeWithSanne(path: path)
        _ = try store.importRows(DeferredIndexesTests.rows(1...30), origin: "zaken.csv")
        #expect(try IntegrityCheck.run(path: path).isHealthy)
        try tamper(path, "DELETE FROM table_record WHERE id = (SELECT MIN(id) FROM table_record)")
        let found = try problems(path)
        #expect(found.contains { $0.hasPrefix("tafelverslag 1 van zaak ") && $0.contains(" ontbreekt (vastgelegd in gebeurtenis ") }, "\(found)")
    }

    /// Retention erasure rewrites records: its event names their new digests, and a record it
    /// rewrote that is changed afterwards is still found.
    @Test func erasureLogsWhatItRewrote() throws {
        let scratch = try ScratchDirectory()
        let (path, store, caseID) = try store(scratch)
        try store.move(MoveRequest(caseID: caseID, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2025, 3, 5)), today: today)
        try store.move(MoveRequest(caseID: caseID, expectedVersion: 2, from: .onderzoek, to: .veiligheidGewaarborgd, day: day(2025, 4, 1),
                                   text: "veiligheidsplan werkt"), today: today)
        try store.erasePersonalData(of: [try store.dossier(caseID: caseID, openedSection: nil).family.id], reason: .request, today: today)
        #expect(try IntegrityCheck.run(path: path).isHealthy)
        try tamper(path, "UPDATE note SET text = 'Huisbezoek afgelegd'")
        #expect(try problems(path).contains { $0.hasPrefix("notitie 1 van zaak 2025-0001 wijkt af van wat gebeurtenis ") })
    }

    /// A store from before the log covered records: the first writer seals them, in `vastgelegd`
    /// events; from then on a direct edit is found, and every later change is logged as usual.
    @Test func recordsOfAnOlderStoreAreSealedOnceAndCoveredFromThenOn() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("oud.sqlite")
        try makeStoreFromBeforeTrust(path: path)
        let before = try IntegrityCheck.run(path: path)
        #expect(before.isHealthy && before.section(IntegrityCheck.recordsTitle) == nil, "nothing to compare yet, and no damage")

        let store = try Store(path: path, user: "anouk")
        let seals = try store.pool.read { db in try String.fetchAll(db, sql: "SELECT detail FROM event WHERE kind = 'vastgelegd' ORDER BY id") }
        #expect(seals.count == 4, "family, child, case and the staff list from the upgrade: \(seals)")
        #expect(seals.first?.hasPrefix("2 gegevens uit tabel family vastgelegd bij het bijwerken naar v14-record-digests") == true)
        _ = try Store(path: path, user: "rachid")
        #expect(try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event WHERE kind = 'vastgelegd'") } == 4,
                "sealed once")
        let report = try IntegrityCheck.run(path: path)
        #expect(report.isHealthy, "\(report.sections.filter { !$0.isHealthy })")

        try store.apply(.addNote(1, Note(text: "Na het bijwerken")), today: today)
        try tamper(path, "UPDATE child SET birth_date = '2017-04-12' WHERE first_name = 'Zoë'")
        let found = try problems(path)
        #expect(found.contains { $0.hasPrefix("kind 1 van het gezin van zaak 2025-0001 wijkt af van wat gebeurtenis ") }, "\(found)")
        #expect(found.count == 1, "the note written after the upgrade is covered by its own event: \(found)")
    }

    /// The demo's backfill (addresses, notes, plans, settings) is sealed too: a demo store checks
    /// healthy, and its seals are tied to no family.
    @Test func demoBackfillIsSealed() throws {
        let scratch = try ScratchDirectory()
        let store = try DemoStore.create(path: scratch.file("demo.sqlite"), families: 30, today: today, user: "beamer")
        let report = try IntegrityCheck.run(path: store.location)
        #expect(report.isHealthy, "\(report.sections.filter { !$0.isHealthy })")
        let seals = try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT case_id, family_id, user, length(records) FROM event WHERE kind = 'vastgelegd'")
        }
        #expect(!seals.isEmpty)
        #expect(seals.allSatisfy { ($0[0] as Int64?) == nil && ($0[1] as Int64?) == nil && ($0[2] as String) == "beamer" && ($0[3] as Int) > 0 })
    }

    /// Every table is covered or left out with a reason, and a covered table's digest takes every
    /// column: a migration that adds either fails here until the coverage says what to do with it.
    @Test func everyTableAndColumnIsAccountedFor() throws {
        let scratch = try ScratchDirectory()
        let store = try Store(path: scratch.file("bord.sqlite"), user: "anouk")
        try store.pool.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            #expect(Set(tables) == Set(CoveredTables.all.map(\.name)).union(CoveredTables.uncovered.keys))
            for table in CoveredTables.all {
                #expect(try db.columns(in: table.name).map(\.name) == table.columns, "\(table.name)")
            }
        }
    }

    // MARK: The head of the chain (`check --kop`)

    /// What a file store cannot see by itself: someone who rewrites an event and recomputes every
    /// hash after it. The head written down earlier (minutes, a report) shows it.
    @Test func aRecomputedChainIsCaughtByAnEarlierHead() throws {
        let scratch = try ScratchDirectory()
        let (path, store, _) = try store(scratch)
        let head = try #require(try store.chainHead())
        #expect(try IntegrityCheck.run(path: path, head: head).section(IntegrityCheck.headTitle)?.isHealthy == true)
        try recompute(path, rewriting: 2, user: "rachid")
        let rewritten = try IntegrityCheck.run(path: path)
        #expect(rewritten.isHealthy, "undetectable without an anchor: \(rewritten.sections.filter { !$0.isHealthy })")
        let anchored = try IntegrityCheck.run(path: path, head: ChainHead(id: head.id, hash: String(head.hash.prefix(16))))
        #expect(!anchored.isHealthy)
        #expect(anchored.section(IntegrityCheck.headTitle)?.problems.first?.hasPrefix("gebeurtenis \(head.id) heeft nu hash ") == true)
    }

    @Test func aDeletedTailIsCaughtByAnEarlierHead() throws {
        let scratch = try ScratchDirectory()
        let (path, store, caseID) = try store(scratch)
        _ = try store.details(of: caseID, logOpening: true)
        let head = try #require(try store.chainHead())
        try tamper(path, "DELETE FROM event WHERE id = \(head.id)")
        #expect(try IntegrityCheck.run(path: path).isHealthy, "an opening removed from the end leaves nothing behind")
        let anchored = try IntegrityCheck.run(path: path, head: head)
        #expect(anchored.section(IntegrityCheck.headTitle)?.problems
                == ["gebeurtenis \(head.id) (kop \(head.id):\(head.hash.prefix(16))…) staat niet meer in het logboek: het logboek eindigt nu bij "
                    + "gebeurtenis \(head.id - 1). De nieuwste gebeurtenissen zijn weggehaald, of de kop hoort bij een andere opslag."])
    }

    /// The newest event turned into one of the old format (no records) with its hash recomputed:
    /// the chain no longer holds, since old-format events never follow new ones.
    @Test func anEventDowngradedToTheOldFormatIsFound() throws {
        let scratch = try ScratchDirectory()
        let (path, store, _) = try store(scratch)
        let head = try #require(try store.pool.read { db in try EventLog.head(db) })
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            let rows = try Row.fetchAll(db, sql: "SELECT \(EventLog.contentColumns(withRecords: true)) FROM event WHERE id >= ? ORDER BY id",
                                        arguments: [head.id - 1])
            var newest = EventLog.StoredEvent(rows[1])
            newest.records = nil
            let hash = EventChain.hash(previous: EventLog.StoredEvent(rows[0]).hash,
                                       newest.content(detailDigest: EventChain.detailDigest(salt: newest.salt!, detail: newest.detail)))
            try db.execute(sql: "UPDATE event SET records = NULL, hash = ? WHERE id = ?", arguments: [Data(hash), head.id])
        }
        try queue.close()
        let chain = try #require(try IntegrityCheck.run(path: path).section(IntegrityCheck.chainTitle))
        #expect(chain.problems.first?.contains("gebeurtenis \(head.id) ") == true)
        #expect(chain.problems.first?.hasSuffix("de gebeurtenis is in het oude formaat (zonder gedekte gegevens), maar volgt op gebeurtenissen in het nieuwe") == true,
                "\(chain.problems)")
    }

    /// Rewrites event `id`'s user and recomputes the chain from there, as a script could.
    func recompute(_ path: String, rewriting id: Int64, user: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "UPDATE event SET user = ? WHERE id = ?", arguments: [user, id])
            var previous: [UInt8]? = nil
            for row in try Row.fetchAll(db, sql: "SELECT \(EventLog.contentColumns(withRecords: true)) FROM event ORDER BY id") {
                let stored = EventLog.StoredEvent(row)
                let content = stored.content(detailDigest: EventChain.detailDigest(salt: stored.salt!, detail: stored.detail))
                let hash = EventChain.hash(previous: previous, content)
                try db.execute(sql: "UPDATE event SET hash = ? WHERE id = ?", arguments: [Data(hash), stored.id])
                previous = hash
            }
        }
        try queue.close()
    }
}
