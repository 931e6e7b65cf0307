import Foundation
import GRDB

/// When a store's integrity check (`PRAGMA quick_check`, every page read once) runs.
///
/// The check takes time in proportion to the file: a few milliseconds for a small team, about
/// two seconds for a store of 100,000 families. Commands check before they open (a damaged store
/// is refused at once); the board checks in the background once it has loaded, so that it starts
/// at once, and every write waits for the check's verdict: nothing is ever written to a damaged
/// store either way.
public enum IntegrityCheckTiming: Sendable {
    /// Before the store opens; a damaged store is refused by the initializer.
    case beforeOpening
    /// On a thread of its own, from the first load of the board (or the first write, if that comes
    /// first); the first write waits for it and is refused with `StoreError.damaged` when the
    /// store is damaged. A command that only reads never starts it.
    case beforeFirstWrite
}

/// The quick check on a thread of its own, over its own read-only connection.
///
/// It starts when asked (`start()`, or `wait()`), not when the store opens: a board of 100,000
/// families loads on both cores of a small machine, and the check beside it (even at the lowest
/// priority, which Linux did not keep it to) took one of them for most of the load.
final class BackgroundIntegrityCheck: @unchecked Sendable {
    private let path: String
    private let condition = NSCondition()
    private var started = false
    /// Nil while the check runs; then the problem found, or `.none` when the store is sound.
    private var verdict: StoreError??

    init(path: String) {
        self.path = path
    }

    var hasStarted: Bool {
        condition.lock()
        defer { condition.unlock() }
        return started
    }

    /// Starts the check, the first time it is called.
    func start() {
        condition.lock()
        let first = !started
        started = true
        condition.unlock()
        guard first else { return }
        let path = self.path
        Thread.detachNewThread { [self] in
            // The lowest priority: on a machine with few cores the check must not slow the board
            // it runs beside (on Linux the nice value of "this process" is that of the calling thread).
            #if os(Linux)
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
            #endif
            let problem: StoreError?
            do {
                try StoreFile.quickCheck(path: path)
                problem = nil
            } catch let error as StoreError {
                problem = error
            } catch {
                problem = StoreFile.openError(path: path, error)
            }
            condition.lock()
            verdict = .some(problem)
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Waits for the check (starting it if need be); throws what it found.
    func wait() throws {
        start()
        condition.lock()
        while verdict == nil { condition.wait() }
        let problem = verdict ?? nil
        condition.unlock()
        if let problem { throw problem }
    }
}

extension StoreFile {
    /// `PRAGMA quick_check` through a read-only connection; throws `.damaged` with the first problem.
    static func quickCheck(path: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        let queue = try DatabaseQueue(path: readOnlyOpenPath(path), configuration: configuration)
        defer { try? queue.close() }
        try queue.read { db in
            if let problem = try IntegrityCheck.quickCheck(db).first { throw StoreError.damaged(path: path, reason: problem) }
        }
    }
}
