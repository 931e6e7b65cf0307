import Foundation

/// Where PostgreSQL's server programs (initdb, pg_ctl, postgres) are: BESCHERMBORD_PG_BINDIR
/// when set (only there, so a run can pretend they are missing: `BESCHERMBORD_PG_BINDIR=/nonexistent`),
/// else `pg_config --bindir`, else the highest version under /usr/lib/postgresql (Debian installs
/// them there, off PATH).
enum ServerPrograms {
    static let names = ["initdb", "pg_ctl", "postgres"]

    static let directory: String? = {
        if let chosen = ProcessInfo.processInfo.environment["BESCHERMBORD_PG_BINDIR"] {
            return hasPrograms(chosen) ? chosen : nil
        }
        if let configured = pgConfigBindir(), hasPrograms(configured) {
            return configured
        }
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        return versions
            .sorted { $0.compare($1, options: .numeric) == .orderedDescending }
            .map { "/usr/lib/postgresql/\($0)/bin" }
            .first(where: hasPrograms)
    }()

    static func path(_ program: String, in directory: String) -> String {
        directory + "/" + program
    }

    private static func hasPrograms(_ directory: String) -> Bool {
        names.allSatisfy { FileManager.default.isExecutableFile(atPath: path($0, in: directory)) }
    }

    private static func pgConfigBindir() -> String? {
        guard let run = try? Command.run("/usr/bin/env", ["pg_config", "--bindir"]), run.succeeded else { return nil }
        let bindir = run.output.trimmingCharacters(in: .whitespacesAndNewlines)
        return bindir.isEmpty ? nil : bindir
    }
}
