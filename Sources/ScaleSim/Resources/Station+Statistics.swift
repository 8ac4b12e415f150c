extension Station {
    /// Returns the time-average fraction of existing servers that were busy since the last reset.
    ///
    /// Servers removed by `setServers` count as existing until their service finishes, so the
    /// result stays within 0...1. It is zero when no server existed.
    public func utilization(at now: SimTime) -> Double {
        let provisioned = provisionedAverage.average(at: now)
        guard provisioned > 0 else { return 0 }
        return busyAverage.average(at: now) / provisioned
    }

    /// Returns the time-average number of busy servers since the last reset: the carried load in Erlangs.
    public func meanBusyServers(at now: SimTime) -> Double {
        busyAverage.average(at: now)
    }

    /// Returns the time-average number of waiting customers since the last reset.
    public func meanQueueLength(at now: SimTime) -> Double {
        queueAverage.average(at: now)
    }

    /// Returns the time-average number of customers waiting or in service since the last reset.
    public func meanInSystem(at now: SimTime) -> Double {
        busyAverage.average(at: now) + queueAverage.average(at: now)
    }

    /// Returns the time-average number of existing servers since the last reset.
    public func meanServers(at now: SimTime) -> Double {
        provisionedAverage.average(at: now)
    }

    /// The maximum queue length since the last reset, which a reset sets to the current length.
    public var maxQueueLength: Int {
        Int(queueAverage.maximum)
    }

    /// Forgets counters and averages before `now`, keeping the customers: warm-up truncation.
    public mutating func resetStatistics(at now: SimTime) {
        arrivalCount = 0
        rejectionCount = 0
        serviceStartCount = 0
        departureCount = 0
        busyAverage.reset(at: now)
        queueAverage.reset(at: now)
        provisionedAverage.reset(at: now)
    }

    /// Checks the counts, the queues and the averages' current values; traps with the offending
    /// values on a breach.
    ///
    /// Tests call it after every mutation. It is O(queue capacity), so the hot path never does.
    public func checkInvariants() {
        precondition(serverCount >= 0, "servers \(serverCount) is negative")
        precondition(busyCount >= 0, "busy servers \(busyCount) is negative")

        let queues = [topQueue] + lowerQueues
        let queued = queues.reduce(0) { $0 + $1.count }
        precondition(queued == waitingCount, "queues contain \(queued) customers, queue length records \(waitingCount)")
        precondition(waitingCount == 0 || busyCount >= serverCount,
                     "\(waitingCount) customers wait while only \(busyCount) of \(serverCount) servers are busy")
        if let capacity = queueCapacity {
            precondition(waitingCount <= capacity, "queue length \(waitingCount) exceeds the capacity \(capacity)")
        }
        for queue in queues {
            queue.checkInvariants()
        }

        precondition(busyAverage.value == Double(busyCount),
                     "busy average records \(busyAverage.value), busy servers are \(busyCount)")
        precondition(queueAverage.value == Double(waitingCount),
                     "queue average records \(queueAverage.value), queue length is \(waitingCount)")
        precondition(provisionedAverage.value == Double(max(serverCount, busyCount)),
                     "server average records \(provisionedAverage.value), servers are \(serverCount) with \(busyCount) busy")
    }
}
