import Foundation
import PostgresClient
import Testing

struct PostgresURITests {
    @Test(arguments: ["postgresql://marit:geheim@db.example.org:5433/bord",
                      "postgresql://marit@db.example.org/bord?password=geheim",
                      "host=db.example.org dbname=bord user=marit password=geheim"])
    func aPasswordIsNeverPartOfTheDescription(uri: String) throws {
        let description = try #require(PostgresURI.describe(uri))
        #expect(description.host == "db.example.org")
        #expect(description.database == "bord")
        #expect(!"\(description)".contains("geheim"))
    }

    @Test func aSocketDirectoryIsTheHost() throws {
        let description = try #require(PostgresURI.describe("postgresql:///beschermbord?host=/var/run/postgresql"))
        #expect(description.host == "/var/run/postgresql")
        #expect(description.database == "beschermbord")
    }

    @Test func aMissingDatabaseIsTheLoginsNameAsLibpqMakesIt() throws {
        let description = try #require(PostgresURI.describe("postgresql://db.example.org?user=marit"))
        #expect(description.database == (ProcessInfo.processInfo.environment["PGDATABASE"] ?? "marit"))
    }

    @Test func aMissingHostIsTheLocalServer() throws {
        let description = try #require(PostgresURI.describe("postgresql:///bord"))
        #expect(description.host == (ProcessInfo.processInfo.environment["PGHOST"] ?? "localhost"))
    }

    @Test(arguments: ["postgresql:///bord?geen_optie=1", "postgresql://[::1/bord", "/home/marit/bord.sqlite"])
    func anUnparsableURIHasNoDescription(uri: String) {
        #expect(PostgresURI.describe(uri) == nil)
    }

    @Test func onlyLibpqsURIPrefixesAreURIs() {
        #expect(PostgresURI.isURI("postgresql:///bord"))
        #expect(PostgresURI.isURI("postgres://db/bord"))
        #expect(!PostgresURI.isURI("/home/marit/postgresql://bord.sqlite"))
    }
}
