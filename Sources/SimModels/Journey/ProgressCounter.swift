import Foundation

/// Counts finished cases across threads and reports each step to a display callback.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let total: Int
    private let report: (@Sendable (Int, Int) -> Void)?

    init(total: Int, report: (@Sendable (Int, Int) -> Void)?) {
        self.total = total
        self.report = report
    }

    /// Counts one finished case and reports the count, holding the lock so reports arrive in order.
    func advance() {
        guard let report else { return }
        lock.lock()
        defer { lock.unlock() }
        done += 1
        report(done, total)
    }
}
