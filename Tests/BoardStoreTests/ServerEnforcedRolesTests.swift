import BoardCore
import Foundation
import PostgresClient
import PostgresTestSupport
import Testing
@testable import BoardStore

/// What the staff list allows, enforced by the server (ServerEnforcedRoles.swift): a staff login
/// with `psql` in hand is refused what the board would refuse, and the same through the program
/// succeeds for the login whose role allows it.
@Suite("Roles enforced by the server", .needsServer)
struct ServerEnforcedRolesTests {
    let today = day(2025, 6, 30)

    /// A server store with anouk as teamleider, rachid as medewerker (added through the program),
    /// one case, and rachid's own session with the server, as `psql` would have it.
    struct Team {
        let place: TestStore
        let anouk: Store
        let rachid: Store
        let rachidDirect: PostgresConnection
        let caseID: CaseID
        let database: String

        func groupRole(_ role: StaffRole) -> String { ServerRoles.groupRole(role.rawValue, database: database) }
    }

    func team(_ scratch: ScratchDirectory) throws -> Team {
        let place = try TestStore(.server, in: scratch, name: "rollen")
        let anouk = try place.open(as: "anouk")
        let caseID = try anouk.addReport(report("2025-0001"))
        try anouk.addStaff(StaffMember(name: "rachid", displayName: "Rachid Bouzid", role: .medewerker))
        let rachid = try place.open(as: "rachid")
        let database = try #require(try ServerAddress(place.location)).database
        let direct = try PostgresConnection(uri: TestCluster.shared.uri(database: database, user: "rachid"))
        try direct.executeScript("SET search_path = \(ServerSchema.namespace), pg_catalog")
        return Team(place: place, anouk: anouk, rachid: rachid, rachidDirect: direct, caseID: caseID, database: database)
    }

    /// The SQLSTATE of the server's refusal, or nil when it did what it was asked.
    func refusal(_ connection: PostgresConnection, _ sql: String) -> String? {
        do {
            try connection.executeScript(sql)
            return nil
        } catch let PostgresError.query(sqlState, _, _) {
            return sqlState
        } catch {
            return "\(error)"
        }
    }

    @Test func aMedewerkerWithPsqlIsRefusedWhatTheBoardRefuses() throws {
        let scratch = try ScratchDirectory()
        let team = try team(scratch)
        try team.rachid.apply(.addNote(team.caseID, Note(text: "Huisbezoek gepland")), today: today)
        let insufficientPrivilege = "42501"
        let db = team.rachidDirect
        #expect(refusal(db, "UPDATE event SET detail = 'niets gebeurd'") == insufficientPrivilege, "the log is not rewritten")
        #expect(refusal(db, "DELETE FROM event") == insufficientPrivilege, "nor emptied")
        #expect(refusal(db, "DELETE FROM note") == insufficientPrivilege, "a note stays")
        #expect(refusal(db, "UPDATE note SET text = 'anders'") == insufficientPrivilege, "as written")
        #expect(refusal(db, """
            INSERT INTO medewerkers (name, display_name, role, added_at, added_by)
            VALUES ('rachid2', 'Rachid', 'teamleider', now(), 'rachid')
            """) == insufficientPrivilege, "the staff list is the teamleider's")
        #expect(refusal(db, "UPDATE setting SET value = '1'") == insufficientPrivilege, "and so are the settings")
        #expect(refusal(db, "INSERT INTO setting (key, value) VALUES ('bewaartermijn.jaren', '1')") == insufficientPrivilege)
        #expect(refusal(db, """
            INSERT INTO event (id, recorded_at, "user", kind, day) VALUES (1000000, now(), 'anouk', 'notitie', current_date)
            """) == insufficientPrivilege, "an event names its writer, never someone else")
        #expect(refusal(db, """
            BEGIN; UPDATE "case" SET stage = 'onderzoek', stage_since = current_date WHERE id = \(team.caseID); COMMIT
            """) == insufficientPrivilege, "a case does not change without its event")
        #expect(refusal(db, "SELECT remove_staff_member('anouk')") == insufficientPrivilege)
        #expect(refusal(db, "SELECT erase_personal_data(1, 'x', current_date)") == insufficientPrivilege)

        let admin = try PostgresConnection(uri: team.place.location)
        let stage = try admin.execute("SELECT stage FROM \(ServerSchema.namespace).\"case\" WHERE id = $1", [String(team.caseID)])
        #expect(stage.string(row: 0, column: "stage") == Stage.aangemeld.rawValue)
        #expect(try admin.execute("SELECT count(*) AS n FROM \(ServerSchema.namespace).note").int64(row: 0, column: "n") == 1)
        #expect(try team.place.verifiedChain().breaks == 0, "nothing of the above reached the log")
    }

    @Test func anotherLoginsAccessEventsAreTheTeamleidersToRead() throws {
        let scratch = try ScratchDirectory()
        let team = try team(scratch)
        _ = try team.anouk.details(of: team.caseID, logOpening: true)
        _ = try team.rachid.details(of: team.caseID, logOpening: true)
        let openings = "SELECT string_agg(\"user\", ',' ORDER BY id) AS users FROM event WHERE kind = 'geopend'"
        #expect(try team.rachidDirect.execute(openings).string(row: 0, column: "users") == "rachid", "his own only")
        let anouk = try PostgresConnection(uri: TestCluster.shared.uri(database: team.database, user: "anouk"))
        try anouk.executeScript("SET search_path = \(ServerSchema.namespace), pg_catalog")
        #expect(try anouk.execute(openings).string(row: 0, column: "users") == "anouk,rachid", "a teamleider reads all")
        // The newest event is anouk's opening, hidden from rachid: his next write still follows it.
        _ = try team.anouk.details(of: team.caseID, logOpening: true)
        try team.rachid.apply(.addNote(team.caseID, Note(text: "Na de opening van een ander")), today: today)
        #expect(try team.place.verifiedChain().breaks == 0)
    }

    /// Every table of the store, as the server's catalogue lists them: no staff role deletes from
    /// any, and the records written once are updated by none.
    @Test func noStaffRoleDeletesFromAnyTable() throws {
        let scratch = try ScratchDirectory()
        let team = try team(scratch)
        let admin = try PostgresConnection(uri: team.place.location)
        let tables = try admin.execute("""
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') ORDER BY 1
            """, [ServerSchema.namespace])
        let names = (0..<tables.rowCount).compactMap { tables.string(row: $0, column: "relname") }
        #expect(Set(names).isSuperset(of: CoveredTables.all.map(\.name) + ["event", "migraties", "family_children"]))
        let writtenOnce = ["event", "note", "assessment", "risk_instrument", "plan_intensity", "plan_hours", "plan_evaluation"]
        for role in StaffRole.allCases {
            let group = team.groupRole(role)
            for table in names {
                let privileges = try admin.execute("""
                    SELECT has_table_privilege($1, $2, 'DELETE') AS deletes, has_table_privilege($1, $2, 'TRUNCATE') AS truncates,
                           has_any_column_privilege($1, $2, 'UPDATE') AS updates
                    """, [group, "\(ServerSchema.namespace).\"\(table)\""])
                #expect(privileges.string(row: 0, column: "deletes") == "f", "\(group) deletes from \(table)")
                #expect(privileges.string(row: 0, column: "truncates") == "f", "\(group) empties \(table)")
                if writtenOnce.contains(table) || (role != .teamleider && ["setting", "medewerkers"].contains(table)) {
                    #expect(privileges.string(row: 0, column: "updates") == "f", "\(group) updates \(table)")
                }
            }
        }
    }

    @Test func theProgramDoesWhatEachRoleMay() throws {
        let scratch = try ScratchDirectory()
        let team = try team(scratch)
        // A medewerker moves a case, writes a note, adds a parent and removes them again.
        try team.rachid.move(MoveRequest(caseID: team.caseID, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2025, 3, 5)),
                             today: today)
        try team.rachid.apply(.addNote(team.caseID, Note(text: "Huisbezoek gepland")), today: today)
        func seen() throws -> SeenCase {
            SeenCase(caseID: team.caseID, version: try team.rachid.details(of: team.caseID, logOpening: false).summary.version)
        }
        let familyID = try team.rachid.dossier(caseID: team.caseID, openedSection: nil).family.id
        try team.rachid.apply(.addCaregiver(familyID, seen: try seen(), Caregiver(name: "Petra de Vries", relation: "moeder", phone: "")),
                              today: today)
        let petra = try #require(try team.rachid.dossier(caseID: team.caseID, openedSection: nil).caregivers.first)
        try team.rachid.apply(.removePerson(familyID, seen: try seen(), .caregiver(petra), reason: "dubbel ingevoerd"), today: today)
        #expect(try team.rachid.dossier(caseID: team.caseID, openedSection: nil).caregivers.isEmpty)

        // A teamleider changes a setting and adds a colleague, whose login the server makes and
        // grants the role.
        try team.anouk.setSetting(Store.retentionYearsKey, to: "15")
        #expect(try team.anouk.retentionYears() == 15)
        let sanne = "sanne\(UUID().uuidString.prefix(6).lowercased())"
        try team.anouk.addStaff(StaffMember(name: sanne, displayName: "Sanne", role: .jeugdbeschermer))
        let admin = try PostgresConnection(uri: team.place.location)
        func member(_ login: String, of role: StaffRole) throws -> Bool {
            try admin.execute("SELECT pg_has_role($1, $2, 'MEMBER') AS member", [login, team.groupRole(role)])
                .string(row: 0, column: "member") == "t"
        }
        #expect(try member(sanne, of: .jeugdbeschermer))
        try team.anouk.updateStaff(StaffMember(name: sanne, displayName: "Sanne", role: .teamleider))
        #expect(try member(sanne, of: .teamleider) && !(try member(sanne, of: .jeugdbeschermer)), "a new role replaces the old")

        // Removed from the list, rachid's login loses its role: the server refuses his next save,
        // said in Dutch.
        #expect(try member("rachid", of: .medewerker))
        try team.anouk.removeStaff("rachid")
        #expect(try !member("rachid", of: .medewerker))
        let refused = storeError { try team.rachid.apply(.addNote(team.caseID, Note(text: "Nog één")), today: today) }
        guard case .serverRefused(_, let sqlState, _)? = refused else {
            Issue.record("expected the server's refusal, got \(String(describing: refused))")
            return
        }
        #expect(sqlState == "42501")
        #expect(refused?.description.hasPrefix("De server staat dit je login niet toe") == true)
        #expect(try team.place.verifiedChain().breaks == 0)
    }

    /// A copy of the store (`backup` into a file, and `check`, which checks such a copy) holds the
    /// whole log or is not made: a medewerker, who may not read colleagues' openings, is refused
    /// before anything is written; a teamleider's copy verifies.
    @Test func aWholeCopyIsATeamleidersToMake() throws {
        let scratch = try ScratchDirectory()
        let team = try team(scratch)
        _ = try team.anouk.details(of: team.caseID, logOpening: true)
        let destination = scratch.file("kopie.sqlite")
        let asRachid = try #require(try ServerAddress(TestCluster.shared.uri(database: team.database, user: "rachid")))
        for attempt in [{ _ = try ServerToFileBackup.backup(asRachid, to: destination, overwrite: false) },
                        { _ = try IntegrityCheck.run(server: asRachid) }] {
            guard case .refused(let reason)? = storeError(attempt) else {
                Issue.record("a medewerker's copy would lack colleagues' openings and break the chain")
                continue
            }
            #expect(reason.contains("teamleider"))
        }
        #expect(!FileManager.default.fileExists(atPath: destination))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.contains("kopie") }.isEmpty)

        let asAnouk = try #require(try ServerAddress(TestCluster.shared.uri(database: team.database, user: "anouk")))
        #expect(try IntegrityCheck.run(server: asAnouk).isHealthy)
    }

    /// The demo's staff are made up: written as the demo writes them, a name the server does not
    /// know gets no login (roles are the whole server's); without that mark it gets one.
    @Test func madeUpStaffGetNoLogin() throws {
        let scratch = try ScratchDirectory()
        let team = try team(scratch)
        let suffix = UUID().uuidString.prefix(8).lowercased()
        let madeUp = StaffMember(name: "verzonnen\(suffix)", displayName: "Verzonnen", role: .medewerker)
        let real = StaffMember(name: "echt\(suffix)", displayName: "Echt", role: .medewerker)
        try team.anouk.write { db in
            try db.execute(sql: "SELECT set_config('\(ServerSchema.madeUpStaffSetting)', 'aan', true)")
            try team.anouk.insertStaff(db, madeUp, note: " (demo)")
        }
        try team.anouk.addStaff(real)
        let admin = try PostgresConnection(uri: team.place.location)
        func loginExists(_ name: String) throws -> Bool {
            try admin.execute("SELECT count(*) AS n FROM pg_roles WHERE rolname = $1", [name]).int64(row: 0, column: "n") == 1
        }
        #expect(try !loginExists(madeUp.name))
        #expect(try loginExists(real.name), "the mark lasted only for its transaction")
    }

    /// A store from before the server enforced the roles, its login set up as the README then
    /// said (every privilege on the tables, DELETE included): `init` brings it up to date, and from
    /// then on the login holds its list role's group role and nothing of the old grants.
    @Test func anUpgradedStoreTakesTheOldGrantsBack() throws {
        let address = try ServerStoreSetupTests.emptyDatabase()
        let server = try ServerConnection.open(address)
        let names = ServerSchema.migrations.map(\.name)
        let enforced = try #require(names.firstIndex(of: "server-enforced-roles"))
        let login = "oud\(UUID().uuidString.prefix(8).lowercased())"
        try TestCluster.shared.ensureLogin(login)
        try server.transaction {
            _ = try ServerRoles.create(server, database: address.database)
            try ServerMigrator.migrate(server, missing: Array(names[..<enforced]))
            try server.execute("""
                INSERT INTO beschermbord.medewerkers (name, display_name, role, added_at, added_by)
                VALUES ($1, 'Oud', 'medewerker', now(), session_user)
                """, [login])
            try server.executeScript("""
                GRANT USAGE ON SCHEMA beschermbord TO "\(login)";
                GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA beschermbord TO "\(login)";
                GRANT USAGE ON ALL SEQUENCES IN SCHEMA beschermbord TO "\(login)";
                """)
        }
        #expect(try ServerStoreSetup.initialize(address) == .upgraded(migrations: Array(names[enforced...])))
        let admin = try PostgresConnection(uri: address.uri)
        let rights = try admin.execute("""
            SELECT has_table_privilege($1, 'beschermbord.event', 'DELETE') AS deletes,
                   has_table_privilege($1, 'beschermbord.note', 'UPDATE') AS rewrites,
                   pg_has_role($1, $2, 'MEMBER') AS member
            """, [login, ServerRoles.groupRole("medewerker", database: address.database)])
        #expect(rights.string(row: 0, column: "deletes") == "f")
        #expect(rights.string(row: 0, column: "rewrites") == "f")
        #expect(rights.string(row: 0, column: "member") == "t")
    }

    /// The server's erasure overwrites the columns the file's does (PersonalData).
    @Test func theServersErasureKnowsEveryPersonalColumn() {
        #expect(ServerSchema.currentErasedColumns.map { "\($0.table).\($0.column)" } == PersonalData.personal.map { "\($0.table).\($0.column)" })
    }
}
