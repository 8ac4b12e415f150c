/// A ticket that identifies one waiter of one `ConnectionPool`.
///
/// Tickets are numbered in order of queueing from 0 in every pool, so a ticket means nothing
/// to another pool.
public struct PoolTicket: Hashable, Sendable, CustomStringConvertible {
    /// The waiter's place in the order of queueing, from 0.
    public let number: UInt64

    @inlinable
    init(number: UInt64) {
        self.number = number
    }

    public var description: String { "ticket #\(number)" }
}

/// The outcome of `ConnectionPool.acquire`.
public enum PoolAcquisition: Equatable, Sendable {
    /// A unit was free and is now in use by the caller.
    case granted
    /// The caller waits; the model schedules a timeout event that carries the ticket.
    case queued(PoolTicket)
    /// The waiters' cap is reached; the caller is turned away and counted.
    case rejected
}

/// A counting pool of identical units, such as database connections or worker slots, with a
/// FIFO of waiters who may give up after a timeout.
///
/// The pool is a passive value: it never schedules anything. The model schedules each
/// waiter's timeout and calls `abandon` when it fires, which returns nil when the waiter was
/// already granted a unit, so the model ignores that timeout.
///
/// Abandoned waiters stay in the FIFO as tombstones, found by ticket number in O(1) because
/// tickets are numbered in queue order, and are dropped when they reach the front.
///
/// - Complexity: `acquire`, `release` and `abandon` are amortized O(1).
public struct ConnectionPool<Waiter> {
    @usableFromInline
    struct Entry {
        /// The waiter, or nil once it abandoned.
        @usableFromInline var waiter: Waiter?
        @usableFromInline let since: SimTime

        @inlinable
        init(waiter: Waiter?, since: SimTime) {
            self.waiter = waiter
            self.since = since
        }
    }

    /// Waiters in queue order, live or abandoned; the front entry is always live.
    @usableFromInline var entries = RingBuffer<Entry>()
    /// The ticket number of `entries.first`, or of the next waiter when `entries` is empty.
    @usableFromInline var frontTicketNumber: UInt64 = 0
    @usableFromInline var unitCount: Int
    @usableFromInline var inUseCount: Int = 0
    @usableFromInline var liveWaiterCount: Int = 0

    /// The cap on live waiters; nil for no cap.
    public let maxWaiters: Int?

    @usableFromInline var acquisitionCount: Int = 0
    @usableFromInline var grantImmediateCount: Int = 0
    @usableFromInline var grantAfterWaitCount: Int = 0
    @usableFromInline var timeoutCount: Int = 0
    @usableFromInline var rejectionCount: Int = 0
    @usableFromInline var releaseCount: Int = 0

    @usableFromInline var inUseAverage: TimeWeightedAverage
    @usableFromInline var waitingAverage: TimeWeightedAverage
    /// Units that exist, max(capacity, inUse): after a shrink the surplus units still count
    /// until they are released.
    @usableFromInline var provisionedAverage: TimeWeightedAverage

    /// Creates a pool with every unit free.
    ///
    /// - Precondition: `capacity >= 0`, `maxWaiters` is nil or `>= 0`.
    public init(capacity: Int, maxWaiters: Int? = nil, at time: SimTime = .zero) {
        precondition(capacity >= 0, "capacity must not be negative, got \(capacity)")
        precondition(maxWaiters.map { $0 >= 0 } ?? true,
                     "maxWaiters must be nil or not negative, got \(String(describing: maxWaiters))")
        self.unitCount = capacity
        self.maxWaiters = maxWaiters
        self.inUseAverage = TimeWeightedAverage(value: 0, at: time)
        self.waitingAverage = TimeWeightedAverage(value: 0, at: time)
        self.provisionedAverage = TimeWeightedAverage(value: Double(capacity), at: time)
    }

    /// The number of units; after a shrink, `inUse` may exceed it until units are released.
    @inlinable
    public var capacity: Int { unitCount }

    @inlinable
    public var inUse: Int { inUseCount }

    /// Waiters still waiting; abandoned ones are not counted.
    @inlinable
    public var waiting: Int { liveWaiterCount }

    /// Calls to `acquire` since the last reset, rejected ones included.
    public var acquisitions: Int { acquisitionCount }
    /// Acquisitions granted without waiting since the last reset.
    public var grantsImmediate: Int { grantImmediateCount }
    /// Waiters granted a unit since the last reset.
    public var grantsAfterWait: Int { grantAfterWaitCount }
    /// Waiters that abandoned since the last reset.
    public var timeouts: Int { timeoutCount }
    /// Acquisitions turned away by the waiters' cap since the last reset.
    public var rejections: Int { rejectionCount }
    /// Units returned since the last reset.
    public var releases: Int { releaseCount }

    /// Takes a unit if one is free, or else queues the waiter unless the waiters' cap is reached.
    @inlinable
    public mutating func acquire(_ waiter: Waiter, at now: SimTime) -> PoolAcquisition {
        acquisitionCount += 1
        if inUseCount < unitCount {
            inUseCount += 1
            grantImmediateCount += 1
            recordState(at: now)
            return .granted
        }
        if let cap = maxWaiters, liveWaiterCount >= cap {
            rejectionCount += 1
            return .rejected
        }
        let ticket = PoolTicket(number: frontTicketNumber + UInt64(entries.count))
        entries.append(Entry(waiter: waiter, since: now))
        liveWaiterCount += 1
        recordState(at: now)
        return .queued(ticket)
    }

    /// Returns a unit.
    ///
    /// If a waiter waits and the unit is still wanted, the unit passes to the waiter directly,
    /// and the waiter is returned with its ticket and the time it started waiting. Otherwise the
    /// unit goes back to the pool and nil is returned.
    ///
    /// - Precondition: a unit is in use.
    @inlinable
    public mutating func release(at now: SimTime) -> (waiter: Waiter, ticket: PoolTicket, waitingSince: SimTime)? {
        precondition(inUseCount > 0, "release() with no unit in use: every release must follow a granted acquire")

        releaseCount += 1
        if inUseCount <= unitCount, let next = takeNextWaiter() {
            grantAfterWaitCount += 1
            recordState(at: now)
            return next
        }
        inUseCount -= 1
        recordState(at: now)
        return nil
    }

    /// Removes a waiter whose timeout fired and returns it.
    ///
    /// Returns nil when the waiter no longer waits, because it was granted a unit or already
    /// abandoned. The caller then ignores the timeout.
    ///
    /// - Precondition: `ticket` came from this pool.
    @inlinable
    public mutating func abandon(_ ticket: PoolTicket, at now: SimTime) -> Waiter? {
        guard ticket.number >= frontTicketNumber else { return nil }
        let offset = ticket.number - frontTicketNumber
        guard offset < UInt64(entries.count) else { return nil }
        guard let waiter = entries[Int(offset)].waiter else { return nil }

        entries[Int(offset)].waiter = nil
        liveWaiterCount -= 1
        timeoutCount += 1
        dropAbandonedAtFront()
        recordState(at: now)
        return waiter
    }

    /// Changes the number of units.
    ///
    /// New units go to waiters at once; they are returned in queue order. Removed units leave
    /// as they are released, so no holder loses its unit.
    ///
    /// - Precondition: `capacity >= 0`.
    public mutating func setCapacity(_ capacity: Int, at now: SimTime) -> [(waiter: Waiter, ticket: PoolTicket, waitingSince: SimTime)] {
        precondition(capacity >= 0, "capacity must not be negative, got \(capacity)")

        unitCount = capacity
        var granted: [(waiter: Waiter, ticket: PoolTicket, waitingSince: SimTime)] = []
        while inUseCount < unitCount, let next = takeNextWaiter() {
            inUseCount += 1
            grantAfterWaitCount += 1
            granted.append(next)
        }
        recordState(at: now)
        return granted
    }

    /// Removes the front waiter, which is live, and the tombstones behind it.
    @inlinable
    mutating func takeNextWaiter() -> (waiter: Waiter, ticket: PoolTicket, waitingSince: SimTime)? {
        guard let entry = entries.popFirst() else { return nil }
        let ticket = PoolTicket(number: frontTicketNumber)
        frontTicketNumber += 1
        guard let waiter = entry.waiter else {
            preconditionFailure("abandoned \(ticket) at the front of the waiters")
        }
        liveWaiterCount -= 1
        dropAbandonedAtFront()
        return (waiter, ticket, entry.since)
    }

    /// Drops tombstones from the front so that the front entry, if any, is live.
    @inlinable
    mutating func dropAbandonedAtFront() {
        while let front = entries.first, front.waiter == nil {
            entries.removeFirst()
            frontTicketNumber += 1
        }
    }

    @inlinable
    mutating func recordState(at now: SimTime) {
        inUseAverage.record(Double(inUseCount), at: now)
        waitingAverage.record(Double(liveWaiterCount), at: now)
        provisionedAverage.record(Double(Swift.max(unitCount, inUseCount)), at: now)
    }
}

extension ConnectionPool: Sendable where Waiter: Sendable {}
extension ConnectionPool.Entry: Sendable where Waiter: Sendable {}
