import BoardCore
import Foundation

/// Reads and checks an import file on a second thread while the calling thread writes the rows
/// already checked: of a large import about a fifth is reading and checking the CSV, which this
/// takes off the writer's core. What gets stored is unchanged: the write runs in one transaction
/// and, when the file turns out to have an error anywhere, is rolled back (`Stopped`), so that
/// nothing is imported; every problem in the file is still reported.
public enum ImportPipeline {
    /// Thrown by `nextRows` once the whole file is read and it has errors: the writer's
    /// transaction must roll back.
    struct Stopped: Error {}

    /// The checked file, and what `write` did with its rows (nil when it never ran to an end
    /// because the file had errors).
    public struct Outcome {
        public var parse: ImportParse
        public var written: Result<ImportResult, Error>?
    }

    /// `write` gets `nextRows`, which hands out the checked rows in order, a batch at a time,
    /// waits while the reader is behind, and returns nil at the end of a valid file.
    public static func run(data: Data, today: Day, batchSize: Int = 512, progress: (@Sendable (Double) -> Void)? = nil,
                           write: (_ nextRows: () throws -> [ImportRow]?) throws -> ImportResult) -> Outcome {
        let pipe = RowPipe(batchSize: batchSize)
        let reader = Thread {
            let parse = CaseImporter.parse(data: data, today: today, progress: progress, deliver: pipe.send)
            pipe.finish(parse)
        }
        reader.start()
        let written = Result {
            try write {
                if let batch = pipe.next() { return batch }
                guard pipe.parse().isValid else { throw Stopped() }
                return nil
            }
        }
        // A failed write no longer takes rows; the reader still finishes, for the file's own errors.
        pipe.abandon()
        let parse = pipe.parse()
        // With errors in the file, whatever the writer did was rolled back (the store wraps `Stopped`).
        return Outcome(parse: parse, written: parse.isValid ? written : nil)
    }

    /// About how many rows `data` holds, before it is read: its line breaks less the header's
    /// (more than the rows when quoted fields span lines, which is rare). For `importRows(expectedRows:)`.
    public static func estimatedRows(in data: Data) -> Int {
        let breaks = data.withUnsafeBytes { bytes in bytes.reduce(into: 0) { count, byte in if byte == 0x0A { count += 1 } } }
        let lines = breaks + (data.last.map { $0 == 0x0A ? 0 : 1 } ?? 0)
        return max(0, lines - 1)
    }
}

/// The rows between the two threads: a few batches at most, so that a slow writer holds back
/// the reader instead of the whole file piling up in memory.
final class RowPipe: @unchecked Sendable {
    private let condition = NSCondition()
    private let batchSize: Int
    private let maxBatches = 8
    /// Filled by the reader only, outside the lock.
    private var filling: [ImportRow] = []
    // Guarded by `condition`:
    private var batches: [[ImportRow]] = []
    private var finished: ImportParse?
    private var abandoned = false

    init(batchSize: Int) {
        self.batchSize = max(1, batchSize)
    }

    /// Reader: one checked row.
    func send(_ row: ImportRow) {
        filling.append(row)
        if filling.count >= batchSize { push() }
    }

    /// Reader: the whole file is read.
    func finish(_ parse: ImportParse) {
        push()
        condition.lock()
        finished = parse
        condition.broadcast()
        condition.unlock()
    }

    private func push() {
        guard !filling.isEmpty else { return }
        condition.lock()
        while batches.count >= maxBatches && !abandoned { condition.wait() }
        if !abandoned { batches.append(filling) }
        condition.broadcast()
        condition.unlock()
        filling = []
    }

    /// Writer: the next batch, waiting for the reader; nil once the reader finished and all is taken.
    func next() -> [ImportRow]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && finished == nil && !abandoned { condition.wait() }
        guard !batches.isEmpty else { return nil }
        condition.broadcast()
        return batches.removeFirst()
    }

    /// Writer: takes no more rows; the reader stops waiting for room.
    func abandon() {
        condition.lock()
        abandoned = true
        batches = []
        condition.broadcast()
        condition.unlock()
    }

    /// The finished parse, waiting for the reader.
    func parse() -> ImportParse {
        condition.lock()
        defer { condition.unlock() }
        while finished == nil { condition.wait() }
        return finished!
    }
}
