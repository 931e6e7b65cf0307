import BoardCore
import BoardUI
import Foundation
import PostgresClient
import PostgresTestSupport
import Testing
@testable import BoardSession
@testable import BoardStore

/// A running board on a server store: colleagues' changes arrive as the server announces them,
/// and a lost connection is said, keeps what is typed, and mends itself.
@Suite struct ServerSessionTests {
    let today = Clock.today()

    /// A new server store and two logins on it: anouk (teamleider) and rachid (medewerker).
    func serverStore() throws -> (uri: String, anouk: Store, rachid: Store) {
        let uri = try TestCluster.shared.makeDatabase(name: "sessie")
        let address = try #require(try ServerAddress(uri))
        _ = try ServerStoreSetup.initialize(address)
        func login(_ user: String, granting role: String? = nil) throws -> Store {
            let groupRole = role.map { ServerRoles.groupRole($0, database: address.database) }
            return try Store(server: try #require(try ServerAddress(TestCluster.shared.staffLogin(user, database: uri, granting: groupRole))))
        }
        let anouk = try login("anouk", granting: "teamleider")
        try anouk.makeFirstTeamleider()
        try anouk.addStaff(StaffMember(name: "rachid", displayName: "Rachid Bouzid", role: .medewerker))
        return (uri, anouk, try login("rachid"))
    }

    func report(_ kenmerk: String, family: String) -> NewReport {
        NewReport(kenmerk: kenmerk, reportedOn: today, source: .veiligThuis, familyName: family, wijk: "Poelenburg",
                  medewerker: "rachid", children: [Child(firstName: "Daan", birthDate: Day(year: 2019, month: 11, day: 2))])
    }

    @Test(.needsServer) func aColleaguesReportAppearsOnTheBoardAsTheServerAnnouncesIt() throws {
        let (_, anouk, rachid) = try serverStore()
        let core = SessionCore(store: anouk, width: 120, height: 30, clock: TestClock(day: today))
        core.start()
        core.reloadIfChanged()
        #expect(core.state.cardTotal == 0)

        try rachid.addReport(report("2026-0042", family: "Jansen"))
        // The announcement, as the board's loop hears it between keys.
        let listener = try #require((anouk.backend as? ServerBackend)?.changes)
        #expect(try listener.listen(waiting: 10).announcements == 1)
        core.reloadIfChanged()
        #expect(core.state.cardTotal == 1)
        let screen = AppView.render(core.state).screen.text
        #expect(screen.contains("2026-0042"))
        #expect(screen.contains("Intussen gewijzigd door Rachid Bouzid: 2026-0042"), "who changed what, from the log:\n\(screen)")
    }

    @Test(.needsServer) func aLostConnectionIsSaidKeepsTheTypedReportAndMendsItself() throws {
        let (uri, anouk, _) = try serverStore()
        let core = SessionCore(store: anouk, width: 120, height: 30, clock: TestClock(day: today))
        core.start()
        core.reloadIfChanged()
        core.dispatch(.key(.character("n")))
        for character in "Jansen" { core.dispatch(.key(.character(character))) }
        let typed = core.state.dialog
        #expect(typed != nil)

        let database = try #require(try ServerAddress(uri)).database
        try PostgresConnection(uri: uri).execute(
            "SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity WHERE datname = $1 AND usename = 'anouk'", [database])
        core.reloadIfChanged()
        #expect(core.isDisconnected)
        #expect(core.state.message?.text == AppState.connectionLostText)
        #expect(core.state.dialog == typed, "the form and what was typed stay")

        core.reloadIfChanged()
        #expect(!core.isDisconnected)
        #expect(core.state.message?.text == "Verbinding met de server hersteld.")
        #expect(core.state.dialog == typed)
    }
}
