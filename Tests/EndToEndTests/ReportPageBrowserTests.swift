import Foundation
import Testing

/// `report --format html` opened in a real browser: headless Chromium (Debian's `chromium`, which
/// `.ci/run` installs when it is missing). A small page beside it frames the report and, once
/// everything has loaded, writes what the browser made of it into its own DOM, which Chromium's
/// `--dump-dom` prints: the rendered text, the size of every chart and of every bar with a value,
/// and how many resources the report fetched. The report page itself runs no script (its policy
/// forbids it) and is not changed for the test. A screenshot of the page is kept in
/// `.build/testuitvoer/rapportpagina.png` and recorded as the test's attachment.
@Suite(.serialized) struct ReportPageBrowserTests {
    static let chromium = "/usr/bin/chromium"

    @Test func theBrowserShowsTheFiguresAndDrawsEveryChart() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.chromium),
                "chromium is not installed: `.ci/run` installs Debian's chromium for this test")
        guard FileManager.default.isExecutableFile(atPath: Self.chromium) else { return }
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try makeDemoStore(in: directory, families: 120)
        // The demo's cases lie in the year before today, whatever the day the test runs.
        let formatter = DateFormatter()
        formatter.dateFormat = "dd-MM-yyyy"
        let period = ["--from", formatter.string(from: Date().addingTimeInterval(-364 * 86_400)), "--to", formatter.string(from: Date())]

        // The figures to look for come from the same store through the json format.
        let json = try Binary.run(["report", "--store", store, "--format", "json"] + period)
        #expect(json.status == 0, "\(json.output)")
        let figures = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let total = try #require((figures["aanmeldingen"] as? [String: Any])?["totaal"] as? Int)
        let toTable = try #require(figures["naar_beschermtafel"] as? Int)
        let safe = try #require((figures["veiligheid_gewaarborgd"] as? [String: Int])?["na_onderzoek"])
        let head = try #require(figures["ketenkop"] as? [String: Any])
        #expect(total > 0 && toTable > 1, "the demo's year has cases at the table")

        let page = directory.appendingPathComponent("rapport.html")
        let html = try Binary.run(["report", "--store", store, "--format", "html"] + period)
        #expect(html.status == 0)
        try Data(html.output.utf8).write(to: page)
        let frame = directory.appendingPathComponent("kader.html")
        try Data(Self.framingPage(report: page.lastPathComponent).utf8).write(to: frame)

        let dom = try Self.runChromium(["--allow-file-access-from-files", "--virtual-time-budget=10000", "--dump-dom", frame.path],
                                       profile: directory.appendingPathComponent("profiel"))
        let seen = try #require(Self.result(inDump: dom), "the framing page wrote no result: \(dom.prefix(2000))")

        #expect(seen.resources == 0, "the page fetched nothing")
        #expect(seen.headline == ["\(total)\nAanmeldingen", "\(toTable)\nZaken naar Beschermtafel", "\(safe)\nVeiligheid gewaarborgd na onderzoek"])
        #expect(seen.text.contains("Het wijkteam heeft \(toTable) zaken voorgelegd aan de Beschermtafel."))
        #expect(seen.text.contains("\(head["gebeurtenis"] as? Int ?? -1):\(head["hash"] as? String ?? "?")"), "the log's head at the foot")
        #expect(Set(seen.charts.map(\.id)) == ["grafiek-maanden", "grafiek-stroom", "grafiek-maatregelen", "grafiek-doorlooptijden", "grafiek-uren"])
        for chart in seen.charts {
            #expect(chart.width > 100 && chart.height > 40, "\(chart.id) drew at \(chart.width)×\(chart.height)")
            #expect(!chart.bars.isEmpty, "\(chart.id) has bars")
            for bar in chart.bars where bar.value > 0 {
                #expect(bar.width > 0 && bar.height > 0, "\(chart.id): a bar of \(bar.value) drew at \(bar.width)×\(bar.height)")
            }
        }
        let months = try #require(seen.charts.first { $0.id == "grafiek-maanden" })
        let perMonth = try #require((figures["aanmeldingen"] as? [String: Any])?["per_maand"] as? [Int])
        #expect(months.bars.map { Int($0.value) } == perMonth)
        let busiest = try #require(months.bars.max { $0.value < $1.value })
        for bar in months.bars where bar.value > 0 {
            #expect(abs(bar.height / busiest.height - bar.value / busiest.value) < 0.02, "bars in proportion")
        }

        // The screenshot, kept for a person to look at.
        let shot = Self.outputDirectory.appendingPathComponent("rapportpagina.png")
        try? FileManager.default.removeItem(at: shot)
        _ = try Self.runChromium(["--screenshot=\(shot.path)", "--window-size=900,3400", page.path], profile: directory.appendingPathComponent("profiel2"))
        let png = try Data(contentsOf: shot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 20_000, "a screenshot of the drawn page")
        Attachment.record(png, named: "rapportpagina.png")
    }

    // MARK: The browser

    /// Where the screenshot stays after the run: the package's build folder.
    static var outputDirectory: URL {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = repository.appendingPathComponent(".build/testuitvoer")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs headless Chromium to completion with a profile of its own; returns what it printed
    /// on standard output (its complaints about the missing desktop bus go to /dev/null). No
    /// sandbox: CI runs as root, where Chromium's sandbox refuses to start.
    static func runChromium(_ arguments: [String], profile: URL) throws -> String {
        let output = profile.deletingLastPathComponent().appendingPathComponent("chromium-\(UUID().uuidString).out")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["120", chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
                             "--user-data-dir=\(profile.path)"] + arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "chromium \(arguments.last ?? "") ended with \(process.terminationStatus)")
        return String(decoding: try Data(contentsOf: output), as: UTF8.self)
    }

    /// Frames the report and, after every load, reports on it in `<pre id="uitslag">` as JSON.
    static func framingPage(report: String) -> String {
        """
        <!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
        <iframe id="rapport" src="\(report)" style="width:900px;height:3000px;border:0"></iframe>
        <pre id="uitslag"></pre>
        <script>
        window.addEventListener('load', () => {
          const page = document.getElementById('rapport').contentDocument;
          const size = (element) => { const box = element.getBoundingClientRect(); return [box.width, box.height]; };
          const charts = [...page.querySelectorAll('svg.chart')].map((svg) => ({
            id: svg.id, size: size(svg),
            bars: [...svg.querySelectorAll('[data-waarde]')].map((bar) => ({ value: Number(bar.dataset.waarde), size: size(bar) }))
          }));
          document.getElementById('uitslag').textContent = JSON.stringify({
            text: page.body.innerText,
            headline: [...page.querySelectorAll('.headline div')].map((tile) => tile.innerText),
            charts: charts,
            resources: page.defaultView.performance.getEntriesByType('resource').length
          });
        });
        </script></body></html>
        """
    }

    struct Seen {
        struct Bar { var value: Double; var width: Double; var height: Double }
        struct Chart { var id: String; var width: Double; var height: Double; var bars: [Bar] }
        var text: String
        var headline: [String]
        var charts: [Chart]
        var resources: Int
    }

    static func result(inDump dom: String) -> Seen? {
        guard let start = dom.range(of: "<pre id=\"uitslag\">"), let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex) else { return nil }
        let escaped = String(dom[start.upperBound..<end.lowerBound])
        let json = escaped.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
              let text = object["text"] as? String, let headline = object["headline"] as? [String],
              let charts = object["charts"] as? [[String: Any]], let resources = object["resources"] as? Int else { return nil }
        return Seen(text: text, headline: headline, charts: charts.map { chart in
            let size = chart["size"] as? [Double] ?? [0, 0]
            let bars = (chart["bars"] as? [[String: Any]] ?? []).map { bar in
                let box = bar["size"] as? [Double] ?? [0, 0]
                return Seen.Bar(value: bar["value"] as? Double ?? 0, width: box[0], height: box[1])
            }
            return Seen.Chart(id: chart["id"] as? String ?? "", width: size[0], height: size[1], bars: bars)
        }, resources: resources)
    }
}
