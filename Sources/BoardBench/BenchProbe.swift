import BoardCore
import BoardSession
import BoardStore
import BoardUI
import Foundation

/// One measurement run on one store, in a process of its own (`beschermbord bench --probe STORE`):
/// open the store, load and draw the first frame, then play the key script against `SessionCore`
/// (the same `AppState.update`, effects against the store and `AppView.render` as the terminal
/// loop, into the in-memory screen) and report timings and memory as one JSON line.
///
/// A process of its own because peak memory (VmHWM) only ever rises: in the process that built
/// the demo stores or measured a smaller store it would say nothing about the board. It also
/// gives every start a cold store connection, as a user's start has.
enum BenchProbe {
    /// The terminal the probe draws for: a large window, so that frames are not cheap by being small.
    static let width = 160
    static let height = 50
    /// Printed as soon as the first frame is drawn, so the parent can time the start of a process.
    static let firstFrameMarker = "EERSTE-BEELD"
    static let resultPrefix = "RESULTAAT "

    struct Result: Codable {
        /// To the first frame (drawn from the first cards of each column).
        var startMs: Double
        /// To the frame after the whole board has loaded: from here keys are handled.
        var readyMs: Double
        var casesOnBoard: Int
        /// Whether the first frame is the frame of the whole board (it should always be).
        var firstFrameIsBoard: Bool
        /// Key to finished frame, per kind of key ("alle", "bewegen", "openen", "terug", "in_gezin").
        var keys: [String: Distribution] = [:]
        var filterKeys: Distribution?
        var reload: Distribution?
        /// Resident memory after the first `keys` keys and after ten times as many.
        var residentAfterKeysMB: Double?
        var residentAfterTenfoldKeysMB: Double?
        var keysPlayed = 0
        var peakMB: Double?
        /// On a server store: from a colleague's save to this board showing it, with 20 boards listening.
        var colleagueChange: Distribution?
    }

    /// How often the board's loop looks for colleagues' changes (SessionLoop.pollMilliseconds).
    static let loopMilliseconds = Int(SessionLoop.pollMilliseconds)

    static func run(storePath: String, keys: Int) throws {
        let start = Stopwatch.now()
        let store: Store
        do {
            if let server = try ServerAddress(storePath) {
                store = try Store(server: server)
            } else {
                store = try Store(path: storePath, user: "bench", integrityCheck: .beforeFirstWrite)
            }
        } catch {
            throw BenchFailure(message: "\(error)")
        }
        let core = SessionCore(store: store, width: width, height: height)
        // As the terminal does: the first frame from the first cards, then the whole board.
        var firstFrame: (frame: Frame, ms: Double)?
        core.start { frame in
            firstFrame = (frame, Stopwatch.milliseconds(since: start))
            emit(firstFrameMarker)
        }
        var frame = core.render()
        let readyMs = Stopwatch.milliseconds(since: start)
        if firstFrame == nil { emit(firstFrameMarker) }
        guard core.state.hasLoaded, core.state.message?.isError != true else {
            throw BenchFailure(message: "het bord laadde niet: \(core.state.message?.text ?? "onbekende fout")")
        }
        var result = Result(startMs: firstFrame?.ms ?? readyMs, readyMs: readyMs, casesOnBoard: core.state.cases.count,
                            firstFrameIsBoard: firstFrame.map { $0.frame == frame } ?? true)
        if keys > 0 {
            play(core, keys: keys, frame: &frame, into: &result)
            result.filterKeys = typeFilters(core, frame: &frame)
            var reloads: [Double] = []
            for _ in 0..<5 {
                reloads.append(Stopwatch.measure {
                    core.reloadWhole()
                    frame = core.render()
                })
            }
            result.reload = Distribution(reloads)
            if let server = try ServerAddress(storePath) { result.colleagueChange = try colleagueChanges(core, server: server) }
        }
        result.peakMB = ProcessMemory.peakMB
        // Keep the last frame observably alive, so no optimiser can drop a render.
        if frame.screen.width != width { emit("onverwachte schermbreedte \(frame.screen.width)") }
        let data = try JSONEncoder().encode(result)
        emit(resultPrefix + String(decoding: data, as: UTF8.self))
    }

    /// Plays 10 × `keys` keys of the script; resident memory is read after `keys` and at the end.
    ///
    /// The timings go into arrays allocated and written before the first key: kept in growing
    /// arrays, they were themselves the memory that grew with the keys (16 bytes a key).
    static func play(_ core: SessionCore, keys: Int, frame: inout Frame, into result: inout Result) {
        var script = KeyScript(seed: 2026)
        var timings = [Double](repeating: 0, count: 10 * keys)
        var kinds = [String](repeating: "", count: 10 * keys)
        for number in 1...(10 * keys) {
            let key = script.next()
            kinds[number - 1] = kind(of: key, in: core.state)
            timings[number - 1] = Stopwatch.measure {
                core.dispatch(.key(key))
                frame = core.render()
            }
            if number == keys { result.residentAfterKeysMB = ProcessMemory.residentMB }
            // Whatever the script did, it never leaves the board through q.
            if core.state.wantsQuit { break }
            result.keysPlayed = number
        }
        result.residentAfterTenfoldKeysMB = ProcessMemory.residentMB
        var samples: [String: [Double]] = ["alle": Array(timings[..<result.keysPlayed])]
        for index in 0..<result.keysPlayed { samples[kinds[index], default: []].append(timings[index]) }
        result.keys = samples.compactMapValues(Distribution.init)
    }

    /// What a key does where it is pressed: move on the board, open a family, go back, or look
    /// around in the family screen.
    static func kind(of key: Key, in state: AppState) -> String {
        if state.isOnBoard { return key == .enter ? "openen" : "bewegen" }
        return key == .escape ? "terug" : "in_gezin"
    }

    /// Types filters as a user does, one character at a time, then erases them; returns the time
    /// per key (update, refilter and frame).
    static func typeFilters(_ core: SessionCore, frame: inout Frame) -> Distribution? {
        while !core.state.isOnBoard { core.dispatch(.key(.escape)) }
        var samples: [Double] = []
        let queries = ["jansen", "de vr", "2025-0", "kuipers", "özdemir", "nguyễn"]
        for _ in 0..<3 {
            for query in queries {
                core.dispatch(.key(.character("/")))
                guard core.state.isEditingFilter else { return nil }
                for character in query {
                    samples.append(Stopwatch.measure {
                        core.dispatch(.key(.character(character)))
                        frame = core.render()
                    })
                }
                for _ in query {
                    samples.append(Stopwatch.measure {
                        core.dispatch(.key(.backspace))
                        frame = core.render()
                    })
                }
                core.dispatch(.key(.escape))
            }
        }
        return Distribution(samples)
    }

    /// A colleague (another session of the same login) saves a new report, ten times, while this
    /// board and 19 others listen: the time from the save until this board shows the card, the
    /// board asking its own socket as its loop does between keys (here without the loop's pause).
    static func colleagueChanges(_ core: SessionCore, server: ServerAddress) throws -> Distribution? {
        let colleague = try Store(server: server)
        let others = try (0..<19).map { _ in try Store(server: server) }
        for board in others { _ = try board.boardChangeToken() }
        core.reloadIfChanged()
        var samples: [Double] = []
        for number in 0..<10 {
            let before = core.state.cardTotal
            let start = Stopwatch.now()
            try colleague.addReport(NewReport(kenmerk: "BENCH-\(getpid())-\(number)", reportedOn: Clock.today(), source: .veiligThuis,
                                              familyName: "Meting", wijk: "", medewerker: colleague.user,
                                              children: [Child(firstName: "Test", birthDate: Day(year: 2019, month: 1, day: 1))]))
            while core.state.cardTotal == before, Stopwatch.milliseconds(since: start) < 5_000 { core.reloadIfChanged() }
            guard core.state.cardTotal > before else { return nil }
            samples.append(Stopwatch.milliseconds(since: start))
        }
        for board in others { _ = try board.boardChangeToken() }
        return Distribution(samples)
    }

    /// One line on stdout, flushed at once (the parent reads it while this process runs on).
    static func emit(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}

/// The keys of the benchmark: what someone does at the board, the same for every run.
/// Mostly moving (j/k between cards, h/l between columns, g/G, PgUp/PgDn); now and then Enter to
/// open a family, a few keys there (scroll, next section) and Esc back to the board.
struct KeyScript {
    private var state: UInt64
    private var pending: [Key] = []

    init(seed: UInt64) { state = seed }

    mutating func next() -> Key {
        if pending.isEmpty { refill() }
        return pending.removeFirst()
    }

    private mutating func refill() {
        if roll(100) < 8 {
            pending = [.enter]
            for _ in 0..<(1 + roll(4)) {
                pending.append([Key.character("j"), .character("k"), .tab, .pageDown][roll(4)])
            }
            pending.append(.escape)
            return
        }
        let moves: [(Key, Int)] = [(.character("j"), 35), (.character("k"), 20), (.character("l"), 14), (.character("h"), 14),
                                   (.character("g"), 3), (.character("G"), 3), (.pageDown, 6), (.pageUp, 5)]
        var pick = roll(100)
        for (key, weight) in moves {
            if pick < weight {
                pending = [key]
                return
            }
            pick -= weight
        }
        pending = [.character("j")]
    }

    /// SplitMix64, reduced to 0..<bound.
    private mutating func roll(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
