@testable import PostgresClient
import Testing

/// The login failures a test cluster with trust login cannot produce, from libpq's texts.
struct ConnectFailureClassificationTests {
    @Test(arguments: [
        #"connection to server at "db" (10.0.0.5), port 5432 failed: FATAL:  28P01: password authentication failed for user "marit""#,
        #"connection to server at "db" (10.0.0.5), port 5432 failed: FATAAL:  28P01: wachtwoordauthenticatie voor gebruiker "marit" mislukt"#,
        #"connection to server on socket "/run/postgresql/.s.PGSQL.5432" failed: FATAL:  28000: Peer authentication failed for user "teamleider""#,
        #"connection to server at "db" (10.0.0.5), port 5432 failed: FATAL:  28000: no pg_hba.conf entry for host "10.0.0.9", user "marit", database "bord", no encryption"#,
        #"connection to server at "db" (10.0.0.5), port 5432 failed: fe_sendauth: no password supplied"#,
    ])
    func refusedLoginsAreLoginRefused(message: String) {
        #expect(ConnectFailure.classify(message) == .loginRefused(message))
    }

    @Test(arguments: [
        #"connection to server at "db" (10.0.0.5), port 5432 failed: FATAL:  57P03: the database system is starting up"#,
        #"connection to server at "db" (10.0.0.5), port 5432 failed: FATAL:  53300: sorry, too many clients already"#,
        #"could not translate host name "nergens.invalid" to address: Name or service not known"#,
        #"connection to server at "127.0.0.1", port 1 failed: Connection refused"#,
    ])
    func serversThatCannotBeUsedAreUnreachable(message: String) {
        #expect(ConnectFailure.classify(message) == .unreachable(message))
    }

    @Test func aDatabaseThatDoesNotExistIsMissingInAnyLanguage() {
        let dutch = #"connection to server on socket "/tmp/x/.s.PGSQL.5432" failed: FATAAL:  3D000: database "bord" bestaat niet"#
        #expect(ConnectFailure.classify(dutch) == .databaseMissing(dutch))
    }

    @Test func aSQLStateIsOnlyReadWhereTheSeverityPutsIt() {
        #expect(ConnectFailure.sqlState(in: #"failed: FATAL:  3D000: database "bord" does not exist"#) == "3D000")
        #expect(ConnectFailure.sqlState(in: #"could not connect: host "ABCDE: x" down"#) == nil)
    }
}
