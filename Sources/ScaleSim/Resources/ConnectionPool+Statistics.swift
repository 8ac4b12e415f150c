extension ConnectionPool {
    /// Returns the time-average fraction of existing units in use since the last reset.
    ///
    /// Units removed by `setCapacity` count as existing until they are released, so the result
    /// stays within 0...1. It is zero when no unit existed.
    public func utilization(at now: SimTime) -> Double {
        let provisioned = provisionedAverage.average(at: now)
        guard provisioned > 0 else { return 0 }
        return inUseAverage.average(at: now) / provisioned
    }

    /// Returns the time-average number of units in use since the last reset.
    public func meanInUse(at now: SimTime) -> Double {
        inUseAverage.average(at: now)
    }

    /// Returns the time-average number of live waiters since the last reset.
    public func meanWaiting(at now: SimTime) -> Double {
        waitingAverage.average(at: now)
    }

    /// The maximum number of live waiters since the last reset, which a reset sets to the current number.
    public var maxWaiting: Int {
        Int(waitingAverage.maximum)
    }

    /// Forgets counters and averages before `now`, keeping holders and waiters: warm-up truncation.
    public mutating func resetStatistics(at now: SimTime) {
        acquisitionCount = 0
        grantImmediateCount = 0
        grantAfterWaitCount = 0
        timeoutCount = 0
        rejectionCount = 0
        releaseCount = 0
        inUseAverage.reset(at: now)
        waitingAverage.reset(at: now)
        provisionedAverage.reset(at: now)
    }

    /// Checks the counts, the waiters' FIFO and the averages' current values; traps with the
    /// offending values on a breach.
    ///
    /// Tests call it after every mutation. It is O(entries), so the hot path never does.
    public func checkInvariants() {
        precondition(unitCount >= 0, "capacity \(unitCount) is negative")
        precondition(inUseCount >= 0, "in use \(inUseCount) is negative")
        precondition(liveWaiterCount == 0 || inUseCount >= unitCount,
                     "\(liveWaiterCount) waiters wait while only \(inUseCount) of \(unitCount) units are in use")
        if let cap = maxWaiters {
            precondition(liveWaiterCount <= cap, "\(liveWaiterCount) waiters exceed the cap \(cap)")
        }

        entries.checkInvariants()
        let live = entries.reduce(0) { $0 + ($1.waiter == nil ? 0 : 1) }
        precondition(live == liveWaiterCount, "FIFO contains \(live) live waiters, waiting records \(liveWaiterCount)")
        if let front = entries.first {
            precondition(front.waiter != nil, "abandoned ticket #\(frontTicketNumber) at the front of the waiters")
        }

        precondition(inUseAverage.value == Double(inUseCount),
                     "in-use average records \(inUseAverage.value), in use are \(inUseCount)")
        precondition(waitingAverage.value == Double(liveWaiterCount),
                     "waiting average records \(waitingAverage.value), waiting are \(liveWaiterCount)")
        precondition(provisionedAverage.value == Double(max(unitCount, inUseCount)),
                     "unit average records \(provisionedAverage.value), capacity is \(unitCount) with \(inUseCount) in use")
    }
}
