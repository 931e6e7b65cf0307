import Foundation

// The small tools of `beschermbord bench`: a monotonic clock, waiting for a child process,
// statistics, memory figures from /proc, the machine, and Dutch number formatting.

/// Nanoseconds on the monotonic clock.
enum Stopwatch {
    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    static func milliseconds(since start: UInt64) -> Double { Double(now() - start) / 1_000_000 }

    /// Runs `body` and returns how long it took in milliseconds.
    static func measure(_ body: () throws -> Void) rethrows -> Double {
        let start = now()
        try body()
        return milliseconds(since: start)
    }
}

/// Waits for a child process to end. Foundation's `waitUntilExit()` polls its run loop in steps
/// of 50 ms on Linux, which added up to 50 ms to every process the bench timed (a report of
/// 80 ms came out at 130); the termination handler comes at once. Create it before `run()`.
final class ExitSignal: Sendable {
    private let semaphore = DispatchSemaphore(value: 0)

    init(_ process: Process) {
        process.terminationHandler = { [semaphore] _ in semaphore.signal() }
    }

    func wait() { semaphore.wait() }
}

/// The shape of a set of timings: median, 99th percentile (nearest rank) and maximum.
struct Distribution: Codable, Equatable {
    var median: Double
    var p99: Double
    var min: Double
    var max: Double
    var samples: Int

    init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        func rank(_ fraction: Double) -> Double {
            sorted[Swift.max(0, Swift.min(sorted.count - 1, Int((fraction * Double(sorted.count)).rounded(.up)) - 1))]
        }
        median = rank(0.5)
        p99 = rank(0.99)
        min = sorted[0]
        max = sorted[sorted.count - 1]
        samples = sorted.count
    }
}

/// Memory of this process from /proc/self/status, in MB (Linux).
enum ProcessMemory {
    /// Resident set size now (VmRSS).
    static var residentMB: Double? { field("VmRSS:") }
    /// The highest resident set size so far (VmHWM, the "high water mark").
    static var peakMB: Double? { field("VmHWM:") }

    static func field(_ name: String) -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(name) {
            let kilobytes = line.dropFirst(name.count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first.flatMap { Double($0) }
            return kilobytes.map { $0 / 1024 }
        }
        return nil
    }
}

/// How busy the machine is: the 1-minute load average from /proc/loadavg (nil elsewhere).
/// Other work on a machine with two cores shows in every wall-clock figure, so it is printed with them.
enum MachineLoad {
    static var oneMinute: Double? {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.flatMap { Double($0) }
    }
}

/// The machine the figures were measured on.
struct MachineInfo: Codable {
    var cpus: Int
    var cpuModel: String
    var memoryMB: Int?
    var build: String
    var swiftVersion: String?

    static func current() -> MachineInfo {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" } ?? "onbekend"
        let meminfo = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) ?? ""
        let memory = meminfo.split(separator: "\n").first { $0.hasPrefix("MemTotal:") }
            .flatMap { $0.split(separator: " ").dropFirst().first.flatMap { Int($0) } }.map { $0 / 1024 }
        #if DEBUG
        let build = "debug"
        #else
        let build = "release"
        #endif
        #if compiler(>=6.3)
        let swift = "6.3 of later"
        #elseif compiler(>=6.0)
        let swift = "6.x"
        #else
        let swift: String? = nil
        #endif
        return MachineInfo(cpus: ProcessInfo.processInfo.activeProcessorCount, cpuModel: model.isEmpty ? "onbekend" : model,
                           memoryMB: memory, build: build, swiftVersion: swift)
    }
}

/// Numbers as a Dutch reader writes them: 1.234.567 and 12,3.
enum DutchNumber {
    static func integer(_ value: Int) -> String {
        let digits = String(abs(value))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(".") }
            result.append(digit)
        }
        return (value < 0 ? "-" : "") + result
    }

    static func decimal(_ value: Double, digits: Int = 1) -> String {
        String(format: "%.\(digits)f", value).replacingOccurrences(of: ".", with: ",")
    }

    /// Milliseconds with a precision that suits their size: 0,042 · 1,25 · 12,3 · 250.
    static func milliseconds(_ value: Double) -> String {
        let digits = value < 0.1 ? 3 : value < 10 ? 2 : value < 100 ? 1 : 0
        return decimal(value, digits: digits)
    }
}
