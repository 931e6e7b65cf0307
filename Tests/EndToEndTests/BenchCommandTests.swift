import Foundation
import PostgresTestSupport
import Testing

/// `beschermbord bench` keeps working: on a tiny store it prints every measure and writes them
/// all, as numbers, to the JSON file. How fast anything is, is not asserted here.
@Suite(.serialized) struct BenchCommandTests {
    /// Every measure the bench reports, by its JSON key.
    static let measures = ["demo_build_s", "start_in_process_ms", "start_process_ms", "key_all_ms", "key_move_ms", "key_open_ms",
                           "key_back_ms", "key_in_family_ms", "filter_key_ms", "reload_ms", "report_ms", "import_rows_per_s",
                           "rss_peak_mb", "rss_after_keys_mb", "rss_after_10x_keys_mb"]

    @Test func benchOnATinyStoreReportsEveryMeasure() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let json = directory.appendingPathComponent("bench.json")
        let stores = directory.appendingPathComponent("opslagen")
        let run = try Binary.run(["bench", "--sizes", "200", "--keys", "100", "--json", json.path, "--dir", stores.path])
        #expect(run.status == 0, "\(run.output)")
        for label in ["start tot eerste beeld", "toets tot beeld", "filteren tijdens typen", "piekgeheugen", "200 gezinnen"] {
            #expect(run.output.contains(label), "de uitvoer mist ‘\(label)’:\n\(run.output)")
        }

        let data = try Data(contentsOf: json)
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let machine = try #require(report["machine"] as? [String: Any])
        #expect((machine["cpus"] as? Int ?? 0) >= 1)
        #expect(!(machine["cpuModel"] as? String ?? "").isEmpty)
        let sizes = try #require(report["sizes"] as? [[String: Any]])
        #expect(sizes.count == 1)
        let size = try #require(sizes.first)
        #expect(size["families"] as? Int == 200)
        #expect((size["events"] as? Int ?? 0) >= 200 * 10, "10 to 30 events per case")
        #expect((size["casesOnBoard"] as? Int ?? 0) > 0)
        let measures = try #require(size["measures"] as? [String: [String: Any]])
        for key in Self.measures {
            guard let measure = measures[key] else {
                Issue.record("JSON mist de meting \(key)")
                continue
            }
            // Every measure has a figure: one that says "mislukt" or "n.v.t." instead is a failure.
            let numbers = ["median", "p99", "value"].compactMap { measure[$0] as? Double }
            #expect(!numbers.isEmpty, "\(key) heeft geen getal: \(measure)")
            #expect(numbers.allSatisfy { $0.isFinite && $0 >= 0 }, "\(key): \(measure)")
            if measure["median"] != nil {
                #expect((measure["samples"] as? Int ?? 0) >= 1, "\(key): \(measure)")
            }
        }
        // The key script is at least as long as asked, and memory was read after it and after ten times as many keys.
        #expect((measures["key_all_ms"]?["samples"] as? Int ?? 0) >= 100)
        #expect(measures["rss_after_10x_keys_mb"]?["value"] as? Double != nil)

        // A second run reuses the store it built.
        let again = try Binary.run(["bench", "--sizes", "200", "--keys", "1", "--dir", stores.path])
        #expect(again.status == 0, "\(again.output)")
        #expect(again.output.contains("hergebruikt"), "\(again.output)")
    }

    /// `--server`: the same store on a PostgreSQL server, measured in the same run, with a
    /// colleague's change reaching the board; every server measure has a figure.
    @Test(.needsServer) func benchWithAServerMeasuresTheSameStoreThere() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let json = directory.appendingPathComponent("bench.json")
        let run = try Binary.run(["bench", "--sizes", "100", "--keys", "30", "--json", json.path,
                                  "--dir", directory.appendingPathComponent("opslagen").path, "--server", try TestCluster.shared.superuserURI])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("dezelfde opslag op de PostgreSQL-server"), "\(run.output)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])
        let size = try #require((report["sizes"] as? [[String: Any]])?.first)
        let server = try #require(size["server"] as? [String: Any])
        let measures = try #require(server["measures"] as? [String: [String: Any]])
        for key in ["start_in_process_ms", "start_process_ms", "key_all_ms", "filter_key_ms", "reload_ms", "colleague_change_ms",
                    "report_ms", "import_rows_per_s", "rss_peak_mb"] {
            let numbers = ["median", "p99", "value"].compactMap { measures[key]?[$0] as? Double }
            #expect(!numbers.isEmpty && numbers.allSatisfy { $0.isFinite && $0 >= 0 }, "\(key): \(String(describing: measures[key]))")
        }
    }

    @Test func refusesNonsenseSizes() throws {
        let run = try Binary.run(["bench", "--sizes", "duizend"])
        #expect(run.status != 0)
        #expect(run.output.contains("--sizes"), "\(run.output)")
    }
}
