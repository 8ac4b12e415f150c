import ScaleSim

/// The replay backlog of one read replica, from which its lag and stale reads follow.
///
/// A replica's single startup process replays the primary's writes one at a time, so the
/// replica is a FIFO single server: write n, committed at c(n) with replay time a(n), becomes
/// visible at v(n) = max(c(n) + shipDelay, v(n-1)) + a(n) (Lindley's recursion). Lag is never
/// a formula of the load: it grows only when replay falls behind the write rate.
///
/// The engine calls `recordWrite(at:applyTime:)` at each commit, in commit order, and calls the
/// queries with the current time. Queries for an instant before the latest `recordWrite`,
/// `advance(to:)` or `resetStatistics(at:)` are not supported, because the writes visible by
/// then have been pruned.
public struct ReplicationLag: Sendable {
    /// A write that was not yet visible at the last pruning.
    public struct PendingWrite: Sendable, Equatable {
        public var position: Int64
        public var commit: SimTime
        public var visibleAt: SimTime
    }

    /// Time for a write's WAL to reach the replica after commit.
    public let shipDelay: SimDuration

    /// Pending writes in position order; `visibleAt` never decreases along the buffer.
    private var pending = RingBuffer<PendingWrite>()
    /// The position of the latest recorded write; 0 before the first.
    public private(set) var lastPosition: Int64 = 0
    /// When the latest recorded write becomes visible: v(n-1) of the recursion.
    private var lastVisibleAt = SimTime.zero
    private var lastCommit = SimTime.zero

    // Lag statistics: the lag integral in nanoseconds squared since `statisticsStart`,
    // accumulated up to `integratedThrough`.
    private var statisticsStart = SimTime.zero
    private var integratedThrough = SimTime.zero
    private var lagIntegral: Double = 0
    private var maximumLag = SimDuration.zero

    public init(shipDelay: SimDuration) {
        self.shipDelay = shipDelay
    }

    /// Records a write committed on the primary and returns its log position and the instant
    /// it becomes visible on the replica.
    ///
    /// - Precondition: `commit` is not before the previous write's commit or the last
    ///   `advance(to:)`.
    /// - Complexity: amortized O(1).
    public mutating func recordWrite(at commit: SimTime, applyTime: SimDuration)
        -> (position: Int64, visibleAt: SimTime)
    {
        precondition(commit >= lastCommit, "write committed at \(commit) before the previous one at \(lastCommit)")
        precondition(commit >= integratedThrough,
                     "write committed at \(commit) before the replica was advanced to \(integratedThrough)")

        advance(to: commit)
        let replayStart = max(commit + shipDelay, lastVisibleAt)
        let visibleAt = replayStart + max(applyTime, .zero)
        lastPosition += 1
        lastVisibleAt = visibleAt
        lastCommit = commit
        pending.append(PendingWrite(position: lastPosition, commit: commit, visibleAt: visibleAt))
        return (lastPosition, visibleAt)
    }

    /// Prunes the writes visible by `now` and accumulates the lag statistics up to it.
    ///
    /// An instant before the last advance leaves the replica unchanged.
    /// - Complexity: amortized O(1) per recorded write.
    public mutating func advance(to now: SimTime) {
        guard now > integratedThrough else { return }
        while let oldest = pending.first, oldest.visibleAt <= now {
            accumulateLag(until: oldest.visibleAt, oldestCommit: oldest.commit)
            pending.removeFirst()
        }
        accumulateLag(until: now, oldestCommit: pending.first?.commit)
    }

    /// Returns the last log position visible on the replica at `now`; 0 when none is.
    ///
    /// - Complexity: O(log b) for a backlog of b pending writes.
    public func appliedPosition(at now: SimTime) -> Int64 {
        guard let offset = firstInvisibleOffset(at: now) else { return lastPosition }
        return pending[offset].position - 1
    }

    /// Returns how far the replica is behind at `now`: `now` minus the commit time of the
    /// oldest write not yet visible, or zero when every write is visible.
    ///
    /// - Complexity: O(log b) for a backlog of b pending writes.
    public func lag(at now: SimTime) -> SimDuration {
        guard let offset = firstInvisibleOffset(at: now) else { return .zero }
        return max(.zero, now - pending[offset].commit)
    }

    /// Returns whether a read at `now` by a user whose last write has `lastWritePosition` would miss
    /// that write on this replica.
    public func isStale(lastWritePosition: Int64, at now: SimTime) -> Bool {
        appliedPosition(at: now) < lastWritePosition
    }

    /// Writes recorded but not visible at `now`.
    public func backlog(at now: SimTime) -> Int {
        guard let offset = firstInvisibleOffset(at: now) else { return 0 }
        return pending.count - offset
    }

    /// Returns the time-weighted mean lag from the last reset to `now`.
    public func meanLag(at now: SimTime) -> SimDuration {
        let (integral, _) = lagStatistics(through: now)
        let span = Double(now.nanoseconds - statisticsStart.nanoseconds)
        guard span > 0 else { return lag(at: now) }
        return SimDuration(nanoseconds: Int64((integral / span).rounded()))
    }

    /// Returns the maximum lag from the last reset to `now`, as the supremum just before a write turns
    /// visible.
    public func maxLag(at now: SimTime) -> SimDuration {
        lagStatistics(through: now).maximum
    }

    /// Forgets the lag history before `now`, keeping the backlog: warm-up truncation.
    public mutating func resetStatistics(at now: SimTime) {
        advance(to: now)
        statisticsStart = max(now, integratedThrough)
        lagIntegral = 0
        maximumLag = lag(at: statisticsStart)
    }

    // MARK: - Internals

    /// Finds the offset in `pending` of the first write with `visibleAt > now`, by binary search.
    private func firstInvisibleOffset(at now: SimTime) -> Int? {
        var low = 0
        var high = pending.count
        while low < high {
            let middle = (low + high) / 2
            if pending[middle].visibleAt <= now {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low < pending.count ? low : nil
    }

    /// Adds the lag area from `integratedThrough` to `end`, while the oldest pending write was
    /// committed at `oldestCommit` (nil: no write pending, lag zero).
    private mutating func accumulateLag(until end: SimTime, oldestCommit: SimTime?) {
        guard end > integratedThrough else { return }
        if let commit = oldestCommit {
            let area = ReplicationLag.lagArea(from: integratedThrough, to: end, commit: commit)
            lagIntegral += area
            maximumLag = max(maximumLag, end - commit)
        }
        integratedThrough = end
    }

    /// Computes the lag integral and maximum from the last reset to `now`, without pruning.
    private func lagStatistics(through now: SimTime) -> (integral: Double, maximum: SimDuration) {
        var integral = lagIntegral
        var maximum = maximumLag
        var start = integratedThrough
        guard now > start else { return (integral, maximum) }

        for write in pending {
            let end = min(write.visibleAt, now)
            if end > start {
                integral += ReplicationLag.lagArea(from: start, to: end, commit: write.commit)
                maximum = max(maximum, end - write.commit)
                start = end
            }
            if write.visibleAt > now { break }
        }
        return (integral, maximum)
    }

    /// Computes the integral of the lag t - commit over [start, end], in nanoseconds squared.
    private static func lagArea(from start: SimTime, to end: SimTime, commit: SimTime) -> Double {
        let width = Double(end.nanoseconds - start.nanoseconds)
        let lagAtStart = Double(start.nanoseconds - commit.nanoseconds)
        let lagAtEnd = Double(end.nanoseconds - commit.nanoseconds)
        return width * (lagAtStart + lagAtEnd) / 2
    }
}
