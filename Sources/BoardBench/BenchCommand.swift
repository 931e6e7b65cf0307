import ArgumentParser
import BoardCore
import BoardStore
import Foundation

/// A failure of the bench the user must read: `beschermbord` prints it in Dutch, with exit code 1,
/// as it prints its own failures.
public struct BenchFailure: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// `beschermbord bench`: how fast the board is at the scale of a large city, in figures.
///
/// For each size it builds a demo store (or reuses the one in `--dir` with the same size and
/// seed), then measures in child processes (`--probe`, see `BenchProbe`): start to first frame,
/// key to finished frame, filtering as you type, reloading and peak memory. `report` and
/// `import` are timed as the user runs them, as processes. Every figure is printed as one line
/// and written to `--json`.
public struct BenchCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Meet de snelheid en het geheugen van het bord op grote demo-opslagen.",
        discussion: """
            Bouwt per aantal gezinnen een demo-opslag (of hergebruikt die in --dir met hetzelfde \
            aantal en dezelfde startwaarde) en meet: start tot eerste beeld, toets tot beeld (bewegen, \
            gezin openen, terug), filteren tijdens typen, herladen, `report`, `import` en het \
            piekgeheugen. Meet met een release-build: swift run -c release beschermbord bench
            """)

    @Option(name: .long, help: ArgumentHelp("Aantallen gezinnen, gescheiden door komma's.", valueName: "aantallen"))
    var sizes = "1000,10000,100000"

    @Option(name: .long, help: ArgumentHelp("Map voor de demo-opslagen (standaard een map in de tijdelijke map van het systeem).", valueName: "map"))
    var dir: String?

    @Option(name: .long, help: ArgumentHelp("Schrijf alle cijfers ook als JSON naar dit bestand.", valueName: "bestand"))
    var json: String?

    @Option(name: .long, help: ArgumentHelp("Lengte van het toetsenscript; het geheugen wordt gemeten na dit aantal en na tien keer zoveel toetsen.", valueName: "aantal"))
    var keys = 1000

    @Option(name: .long, help: "Startwaarde van de demo-opslagen.")
    var seed: UInt64 = 2026

    @Option(name: [.customLong("server"), .customLong("store")], help: ArgumentHelp("Meet ook op een PostgreSQL-server: het adres (postgresql://…) van een login die "
                                            + "databases mag maken; per aantal gezinnen komt er een kopie van de demo-opslag.",
                                            valueName: "adres"))
    var server: String?

    @Option(name: .long, help: .hidden)
    var probe: String?

    public init() {}

    var families: [Int] { sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) } }

    public func validate() throws {
        if probe != nil {
            guard keys >= 0 else { throw ValidationError("--keys kan niet negatief zijn.") }
            return
        }
        let parts = sizes.split(separator: ",", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.count == families.count, families.allSatisfy({ $0 >= 1 }) else {
            throw ValidationError("--sizes vraagt aantallen gezinnen van minstens 1, gescheiden door komma's (zoals 1000,10000,100000).")
        }
        guard keys >= 1 else { throw ValidationError("--keys moet minstens 1 zijn.") }
        if let server, !ServerAddress.isServer(server) {
            throw ValidationError("--server vraagt het adres van een PostgreSQL-server (postgresql://…), niet \(server).")
        }
    }

    public func run() throws {
        if let probe {
            try BenchProbe.run(storePath: probe, keys: keys)
            return
        }
        let directory = dir ?? FileManager.default.temporaryDirectory.appendingPathComponent("beschermbord-bench").path
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw BenchFailure(message: "De map \(directory) kan niet worden gemaakt: \(error.localizedDescription)")
        }
        let machine = MachineInfo.current()
        var report = BenchReport(machine: machine, keys: keys, seed: seed, terminal: "\(BenchProbe.width)x\(BenchProbe.height)",
                                 directory: directory)
        say("Beschermbord bench · \(machine.build)-build · \(machine.cpus) kernen · \(machine.cpuModel)"
            + (machine.memoryMB.map { " · \(DutchNumber.integer($0)) MB geheugen" } ?? ""))
        say("Scherm \(BenchProbe.width)×\(BenchProbe.height), toetsenscript \(DutchNumber.integer(keys)) toetsen "
            + "(geheugen ook na \(DutchNumber.integer(10 * keys))), startwaarde \(seed), opslagen in \(directory)")
        if machine.build == "debug" {
            say("Let op: dit is een debug-build; meet met `swift run -c release beschermbord bench`.")
        }
        for count in families {
            let runner = BenchRunner(families: count, seed: seed, keys: keys, directory: directory)
            var size = try runner.run(say: say)
            if let server {
                size.server = try ServerBench(runner: runner, adminURI: server).run(say: say)
            }
            report.sizes.append(size)
            if let json { try write(report, to: json) }
        }
        if let json { say("\nJSON geschreven naar \(json).") }
    }

    func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

    func write(_ report: BenchReport, to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            try encoder.encode(report).write(to: URL(fileURLWithPath: path))
        } catch {
            throw BenchFailure(message: "Het JSON-bestand \(path) kan niet worden geschreven: \(error.localizedDescription)")
        }
    }
}

// MARK: - The figures

/// Everything `bench` measured, as written to `--json`.
struct BenchReport: Codable {
    var machine: MachineInfo
    var keys: Int
    var seed: UInt64
    var terminal: String
    var directory: String
    var sizes: [BenchSize] = []
}

struct BenchSize: Codable {
    var families: Int
    var cases: Int
    var events: Int
    var casesOnBoard: Int
    var storeMB: Double
    /// The machine's 1-minute load average before and after measuring this size.
    var loadBefore: Double?
    var loadAfter: Double?
    /// Every measure by its key (see `BenchMeasure`).
    var measures: [String: Measured]
    /// The same store on a PostgreSQL server (`--server`), measured the same way.
    var server: ServerBenchSize?
}

/// One measure: a distribution (median, p99), a single value, or not available with the reason.
struct Measured: Codable {
    var unit: String
    var median: Double?
    var p99: Double?
    var min: Double?
    var max: Double?
    var samples: Int?
    var value: Double?
    var goal: Double?
    var goalP99: Double?
    var meetsGoal: Bool?
    var note: String?
}

/// The measures, their Dutch labels and their goals (at 10,000 families and at 100,000).
enum BenchMeasure: String, CaseIterable {
    case demoBuild = "demo_build_s"
    case startInProcess = "start_in_process_ms"
    case startProcess = "start_process_ms"
    case boardReady = "board_ready_ms"
    case keyAll = "key_all_ms"
    case keyMove = "key_move_ms"
    case keyOpen = "key_open_ms"
    case keyBack = "key_back_ms"
    case keyInFamily = "key_in_family_ms"
    case filterKey = "filter_key_ms"
    case reload = "reload_ms"
    case colleagueChange = "colleague_change_ms"
    case report = "report_ms"
    case importRows = "import_rows_per_s"
    case peakMemory = "rss_peak_mb"
    case memoryAfterKeys = "rss_after_keys_mb"
    case memoryAfterTenfoldKeys = "rss_after_10x_keys_mb"

    var label: String {
        switch self {
        case .demoBuild: return "demo-opslag bouwen"
        case .startInProcess: return "start tot eerste beeld (openen, laden, tekenen)"
        case .startProcess: return "start tot eerste beeld (nieuw proces)"
        case .boardReady: return "start tot het hele bord geladen (toetsen werken)"
        case .keyAll: return "toets tot beeld: alle toetsen"
        case .keyMove: return "toets tot beeld: bewegen (j k h l g G PgUp PgDn)"
        case .keyOpen: return "toets tot beeld: gezin openen (Enter)"
        case .keyBack: return "toets tot beeld: terug naar het bord (Esc)"
        case .keyInFamily: return "toets tot beeld: in het gezinsscherm"
        case .filterKey: return "filteren tijdens typen, per toets"
        case .reload: return "herladen (na een wijziging)"
        case .colleagueChange: return "wijziging van een collega op het bord (20 open)"
        case .report: return "beschermbord report --year J"
        case .importRows: return "import van een CSV"
        case .peakMemory: return "piekgeheugen van het bord (VmHWM)"
        case .memoryAfterKeys: return "geheugen na het toetsenscript (VmRSS)"
        case .memoryAfterTenfoldKeys: return "geheugen na 10× het toetsenscript (VmRSS)"
        }
    }

    var unit: String {
        switch self {
        case .demoBuild: return "s"
        case .importRows: return "rijen/s"
        case .peakMemory, .memoryAfterKeys, .memoryAfterTenfoldKeys: return "MB"
        default: return "ms"
        }
    }

    /// The goal for the median (or the single value) and for the 99th percentile, by store size.
    func goals(families: Int) -> (value: Double?, p99: Double?) {
        let large = families > 10_000
        switch self {
        case .demoBuild: return (large ? 60 : nil, nil)
        case .startInProcess, .startProcess: return (large ? 100 : 50, nil)
        case .keyAll, .keyMove, .keyOpen, .keyBack, .keyInFamily: return large ? (2, 10) : (1, 5)
        case .filterKey: return (nil, large ? 20 : 5)
        case .report: return (large ? 500 : 100, nil)
        case .importRows: return (20_000, nil)
        case .colleagueChange: return (500, nil)
        case .peakMemory: return (large ? 150 : 50, nil)
        case .boardReady, .reload, .memoryAfterKeys, .memoryAfterTenfoldKeys: return (nil, nil)
        }
    }

    /// Whether more is better (rows per second) rather than less.
    var higherIsBetter: Bool { self == .importRows }
}

// MARK: - Measuring one size

/// Builds or reuses the store of one size and measures everything on it.
struct BenchRunner {
    var families: Int
    var seed: UInt64
    var keys: Int
    var directory: String

    var storePath: String { (directory as NSString).appendingPathComponent("bord-\(families)-seed\(seed).sqlite") }
    var buildInfoPath: String { storePath + ".bouw.json" }

    struct BuildInfo: Codable {
        var seconds: Double
        var builtOn: String
    }

    func run(say: (String) -> Void) throws -> BenchSize {
        var measures: [String: Measured] = [:]
        let loadBefore = MachineLoad.oneMinute
        let build = try ensureStore()
        measures[BenchMeasure.demoBuild.rawValue] = single(.demoBuild, build.info.seconds,
                                                            note: build.reused ? "hergebruikt, gebouwd op \(build.info.builtOn)" : nil)
        let statistics: StoreStatistics
        do {
            // Opening once here also applies any newer migrations, so that no probe measures one.
            statistics = try Store(path: storePath, user: "bench").statistics()
        } catch {
            throw BenchFailure(message: "\(error)")
        }
        let storeMB = fileMB(storePath) + fileMB(storePath + "-wal")

        // One full probe (keys, filter, reload, memory), then four that only start, for the start's spread.
        let full = try probe(keys: keys)
        var runs = [full]
        for _ in 0..<4 { runs.append(try probe(keys: 0)) }
        let starts = runs.map(\.result.startMs), processStarts = runs.map(\.processStartMs)
        measures[BenchMeasure.startInProcess.rawValue] = distribution(.startInProcess, starts)
        if runs.contains(where: { !$0.result.firstFrameIsBoard }) {
            // A first frame that differs from the loaded board is a fault, whatever its speed.
            measures[BenchMeasure.startInProcess.rawValue]?.meetsGoal = false
            measures[BenchMeasure.startInProcess.rawValue]?.note = "FOUT: het eerste beeld wijkt af van het geladen bord"
        }
        measures[BenchMeasure.boardReady.rawValue] = distribution(.boardReady, runs.map(\.result.readyMs))
        measures[BenchMeasure.startProcess.rawValue] = distribution(.startProcess, processStarts)
        let keyKinds: [(BenchMeasure, String)] = [(.keyAll, "alle"), (.keyMove, "bewegen"), (.keyOpen, "openen"),
                                                   (.keyBack, "terug"), (.keyInFamily, "in_gezin")]
        for (measure, kind) in keyKinds {
            measures[measure.rawValue] = full.result.keys[kind].map { distribution(measure, $0) }
                ?? unavailable(measure, "geen toetsen van deze soort in het script")
        }
        measures[BenchMeasure.filterKey.rawValue] = full.result.filterKeys.map { distribution(.filterKey, $0) }
            ?? unavailable(.filterKey, "het filter opende niet met /")
        measures[BenchMeasure.reload.rawValue] = full.result.reload.map { distribution(.reload, $0) }
            ?? unavailable(.reload, "niet gemeten")
        measures[BenchMeasure.peakMemory.rawValue] = full.result.peakMB.map { single(.peakMemory, $0) }
            ?? unavailable(.peakMemory, "/proc/self/status niet leesbaar")
        measures[BenchMeasure.memoryAfterKeys.rawValue] = full.result.residentAfterKeysMB.map {
            single(.memoryAfterKeys, $0, note: "na \(DutchNumber.integer(keys)) toetsen")
        } ?? unavailable(.memoryAfterKeys, "/proc/self/status niet leesbaar")
        measures[BenchMeasure.memoryAfterTenfoldKeys.rawValue] = full.result.residentAfterTenfoldKeysMB.map {
            single(.memoryAfterTenfoldKeys, $0, note: "na \(DutchNumber.integer(full.result.keysPlayed)) toetsen")
        } ?? unavailable(.memoryAfterTenfoldKeys, "/proc/self/status niet leesbaar")
        measures[BenchMeasure.report.rawValue] = try measureReport()
        measures[BenchMeasure.importRows.rawValue] = try measureImport(rows: statistics.cases)

        let size = BenchSize(families: families, cases: statistics.cases, events: statistics.events,
                             casesOnBoard: full.result.casesOnBoard, storeMB: storeMB, loadBefore: loadBefore,
                             loadAfter: MachineLoad.oneMinute, measures: measures)
        print(size, say: say)
        return size
    }

    // MARK: The store

    /// The demo store of this size and seed: reused when it is there, else built (and timed).
    func ensureStore() throws -> (info: BuildInfo, reused: Bool) {
        let manager = FileManager.default
        if manager.fileExists(atPath: storePath) {
            let info = (try? Data(contentsOf: URL(fileURLWithPath: buildInfoPath)))
                .flatMap { try? JSONDecoder().decode(BuildInfo.self, from: $0) }
            return (info ?? BuildInfo(seconds: .nan, builtOn: "onbekend"), true)
        }
        // Built under another name and renamed when complete, so that an interrupted build is never reused.
        let building = storePath + ".bouw"
        for file in [building, building + "-wal", building + "-shm"] { try? manager.removeItem(atPath: file) }
        FileHandle.standardOutput.write(Data("\nDemo-opslag met \(DutchNumber.integer(families)) gezinnen bouwen...\n".utf8))
        let start = Stopwatch.now()
        do {
            // The store closes (and folds its write-ahead log in) when it goes out of scope.
            _ = try DemoStore.create(path: building, families: families, seed: seed, today: Clock.today(), user: "demo")
        } catch {
            throw BenchFailure(message: "De demo-opslag kan niet worden gebouwd: \(error)")
        }
        let seconds = Stopwatch.milliseconds(since: start) / 1000
        for suffix in ["-wal", "-shm"] where manager.fileExists(atPath: building + suffix) {
            try? manager.moveItem(atPath: building + suffix, toPath: storePath + suffix)
        }
        do {
            try manager.moveItem(atPath: building, toPath: storePath)
        } catch {
            throw BenchFailure(message: "De demo-opslag kan niet naar \(storePath) worden verplaatst: \(error.localizedDescription)")
        }
        let info = BuildInfo(seconds: seconds, builtOn: Clock.today().dutch)
        try? JSONEncoder().encode(info).write(to: URL(fileURLWithPath: buildInfoPath))
        return (info, false)
    }

    func fileMB(_ path: String) -> Double {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.doubleValue ?? 0) / 1_048_576
    }

    // MARK: Probes and other processes

    struct ProbeRun {
        var result: BenchProbe.Result
        /// From starting the process to reading its first-frame line.
        var processStartMs: Double
    }

    func probe(keys: Int, store: String? = nil) throws -> ProbeRun {
        let storePath = store ?? self.storePath
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = ["bench", "--probe", storePath, "--keys", "\(keys)"]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        let exit = ExitSignal(process)
        let start = Stopwatch.now()
        do { try process.run() } catch {
            throw BenchFailure(message: "De meting kan niet starten (\(Self.executable)): \(error.localizedDescription)")
        }
        var buffer = Data()
        var firstFrameMs: Double?
        let marker = Data((BenchProbe.firstFrameMarker + "\n").utf8)
        while true {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
            if firstFrameMs == nil, buffer.range(of: marker) != nil { firstFrameMs = Stopwatch.milliseconds(since: start) }
        }
        exit.wait()
        let text = String(decoding: buffer, as: UTF8.self)
        guard process.terminationStatus == 0, let firstFrameMs,
              let line = text.split(separator: "\n").last(where: { $0.hasPrefix(BenchProbe.resultPrefix) }),
              let result = try? JSONDecoder().decode(BenchProbe.Result.self, from: Data(line.dropFirst(BenchProbe.resultPrefix.count).utf8))
        else {
            throw BenchFailure(message: "De meting op \(storePath) mislukte (exitcode \(process.terminationStatus)):\n\(text)")
        }
        return ProbeRun(result: result, processStartMs: firstFrameMs)
    }

    /// Runs this program with `arguments` to completion; returns the exit code, the time in ms and stderr.
    func runSelf(_ arguments: [String]) throws -> (status: Int32, ms: Double, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        let exit = ExitSignal(process)
        let start = Stopwatch.now()
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        exit.wait()
        return (process.terminationStatus, Stopwatch.milliseconds(since: start), String(decoding: data, as: UTF8.self))
    }

    static var executable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// `beschermbord report --year Y` on the last whole year, five times, as a process.
    func measureReport(store: String? = nil) throws -> Measured {
        let storePath = store ?? self.storePath
        let year = Clock.today().year - 1
        var times: [Double] = []
        for _ in 0..<5 {
            let run = try runSelf(["report", "--store", storePath, "--year", "\(year)"])
            guard run.status == 0 else {
                return unavailable(.report, "mislukt (exitcode \(run.status)): \(run.errors.split(separator: "\n").first ?? "")")
            }
            times.append(run.ms)
        }
        var measured = distribution(.report, times)
        measured.note = "report --year \(year)"
        return measured
    }

    /// Exports the store as CSV once (kept next to the store) and imports it into new empty stores
    /// that have the demo's staff list (the import refuses medewerkers who are not on it), as a
    /// process; rows per second over the whole run (reading, checking and writing).
    func measureImport(rows: Int) throws -> Measured {
        let csv = storePath + ".csv"
        let manager = FileManager.default
        if !manager.fileExists(atPath: csv) {
            let partial = csv + ".bouw"
            try? manager.removeItem(atPath: partial)
            let export = try runSelf(["export", "--store", storePath, "--format", "csv", "--out", partial])
            guard export.status == 0 else {
                return unavailable(.importRows, "export mislukt (exitcode \(export.status)): \(export.errors.split(separator: "\n").first ?? "")")
            }
            try manager.moveItem(atPath: partial, toPath: csv)
        }
        let runs = families > 10_000 ? 1 : 3
        var rates: [Double] = []
        for run in 0..<runs {
            let target = (directory as NSString).appendingPathComponent("import-\(families)-\(getpid())-\(run).sqlite")
            defer { for file in [target, target + "-wal", target + "-shm"] { try? manager.removeItem(atPath: file) } }
            try copyStaff(to: target)
            let result = try runSelf(["import", "--store", target, csv])
            guard result.status == 0 else {
                return unavailable(.importRows, "import mislukt (exitcode \(result.status)): \(result.errors.split(separator: "\n").first ?? "")")
            }
            rates.append(Double(rows) / (result.ms / 1000))
        }
        let sorted = rates.sorted()
        var measured = single(.importRows, sorted[sorted.count / 2])
        measured.samples = runs
        measured.note = "\(DutchNumber.integer(rows)) rijen, hele proces (inlezen, controleren, opslaan)"
        return measured
    }

    /// A new store at `target`, made by this user (its teamleider), with the demo store's staff list.
    func copyStaff(to target: String) throws {
        let staff = try Store(path: storePath, readOnly: true).staff()
        let store = try Store(path: target)
        let present = Set(try store.staff().map(\.name))
        for member in staff where !present.contains(member.name) { try store.addStaff(member) }
    }

    // MARK: Figures and lines

    func distribution(_ measure: BenchMeasure, _ values: [Double]) -> Measured {
        distribution(measure, Distribution(values)!)
    }

    func distribution(_ measure: BenchMeasure, _ shape: Distribution) -> Measured {
        let goals = measure.goals(families: families)
        var meets: Bool?
        if goals.value != nil || goals.p99 != nil {
            meets = (goals.value.map { shape.median < $0 } ?? true) && (goals.p99.map { shape.p99 < $0 } ?? true)
        }
        return Measured(unit: measure.unit, median: shape.median, p99: shape.p99, min: shape.min, max: shape.max, samples: shape.samples,
                        goal: goals.value, goalP99: goals.p99, meetsGoal: meets)
    }

    func single(_ measure: BenchMeasure, _ value: Double, note: String? = nil) -> Measured {
        let goal = measure.goals(families: families).value
        let meets = value.isNaN ? nil : goal.map { measure.higherIsBetter ? value > $0 : value < $0 }
        return Measured(unit: measure.unit, value: value.isNaN ? nil : value, goal: goal, meetsGoal: meets, note: note)
    }

    func unavailable(_ measure: BenchMeasure, _ note: String) -> Measured {
        Measured(unit: measure.unit, note: note)
    }

    func print(_ size: BenchSize, say: (String) -> Void) {
        say("")
        say("== \(DutchNumber.integer(size.families)) gezinnen: \(DutchNumber.integer(size.cases)) zaken, "
            + "\(DutchNumber.integer(size.events)) gebeurtenissen, \(DutchNumber.integer(size.casesOnBoard)) zaken op het bord, "
            + "opslag \(DutchNumber.decimal(size.storeMB)) MB ==")
        if let before = size.loadBefore, let after = size.loadAfter {
            say("   (belasting van de machine, load average 1 min: \(DutchNumber.decimal(before, digits: 2)) voor, \(DutchNumber.decimal(after, digits: 2)) na)")
        }
        for measure in BenchMeasure.allCases {
            guard let measured = size.measures[measure.rawValue] else { continue }
            say(line(measure, measured))
        }
    }

    func line(_ measure: BenchMeasure, _ measured: Measured) -> String {
        let label = measure.label.padding(toLength: 52, withPad: " ", startingAt: 0)
        func number(_ value: Double) -> String {
            switch measure.unit {
            case "ms": return DutchNumber.milliseconds(value) + " ms"
            case "rijen/s": return DutchNumber.integer(Int(value.rounded())) + " rijen/s"
            case "s": return DutchNumber.decimal(value) + " s"
            default: return DutchNumber.decimal(value) + " " + measure.unit
            }
        }
        var text: String
        if let median = measured.median, let p99 = measured.p99 {
            text = "mediaan \(number(median)) · p99 \(number(p99))"
            if let min = measured.min, let max = measured.max, (measured.samples ?? 0) <= 10 {
                text = "mediaan \(number(median)) · beste \(number(min)) · slechtste \(number(max))"
            }
            text += " (\(DutchNumber.integer(measured.samples ?? 0))×)"
        } else if let value = measured.value {
            text = number(value)
        } else {
            return label + (measured.note ?? "n.v.t.")
        }
        var goals: [String] = []
        if let goal = measured.goal { goals.append((measure.higherIsBetter ? "> " : "< ") + number(goal)) }
        if let goal = measured.goalP99 { goals.append("p99 < " + number(goal)) }
        if !goals.isEmpty {
            text += "   doel " + goals.joined(separator: ", ") + (measured.meetsGoal == true ? "  ok" : "  NIET GEHAALD")
        }
        if let note = measured.note { text += "   (\(note))" }
        return label + text
    }
}
