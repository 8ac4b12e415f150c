/// The outcome of an arrival at a `Station`.
public enum StationAdmission: Equatable, Sendable {
    /// A server is now busy with the customer; the caller schedules its departure.
    case startService
    /// The customer waits in the queue of its priority class.
    case queued
    /// The queue is full; the customer is turned away and counted.
    case rejected
}

/// A service station of c identical servers with a FIFO queue per priority class: the
/// multi-server queue (G/G/c, or G/G/c/K with a finite queue).
///
/// The station is a passive value: it never schedules anything. The model calls `arrive` and
/// `depart` from its event handler and schedules the departures they report, so the event list
/// holds only the model's own event values. Class 0 is served first, then class 1, and so on,
/// FIFO within a class and without preemption.
///
/// - Complexity: `arrive` is amortized O(1); `depart` is O(priority classes).
public struct Station<Customer> {
    @usableFromInline
    struct Waiting {
        @usableFromInline var customer: Customer
        @usableFromInline var arrivedAt: SimTime

        @inlinable
        init(customer: Customer, arrivedAt: SimTime) {
            self.customer = customer
            self.arrivedAt = arrivedAt
        }
    }

    /// The queue of priority class 0, kept apart from the others so that the common
    /// single-class station touches one buffer, not an array of them.
    @usableFromInline var topQueue = RingBuffer<Waiting>()
    /// The queues of priority classes 1, 2, ..., in order.
    @usableFromInline var lowerQueues: [RingBuffer<Waiting>]
    @usableFromInline var serverCount: Int
    @usableFromInline var busyCount: Int = 0
    @usableFromInline var waitingCount: Int = 0

    /// The number of waiting places, not counting customers in service; nil for an unbounded queue.
    public let queueCapacity: Int?

    /// Arrivals since the last reset, rejected ones included.
    public var arrivals: Int { arrivalCount }
    @usableFromInline var arrivalCount: Int = 0
    /// Arrivals turned away by a full queue since the last reset.
    public var rejections: Int { rejectionCount }
    @usableFromInline var rejectionCount: Int = 0
    /// Customers that entered service since the last reset.
    public var serviceStarts: Int { serviceStartCount }
    @usableFromInline var serviceStartCount: Int = 0
    /// Service completions since the last reset.
    public var departures: Int { departureCount }
    @usableFromInline var departureCount: Int = 0

    @usableFromInline var busyAverage: TimeWeightedAverage
    @usableFromInline var queueAverage: TimeWeightedAverage
    /// Servers that exist, max(servers, busy): after a scale-down the surplus busy servers
    /// still count until they finish.
    @usableFromInline var provisionedAverage: TimeWeightedAverage

    /// Creates an idle station.
    ///
    /// - Precondition: `servers >= 0`, `queueCapacity` is nil or `>= 0`, `priorityClasses >= 1`.
    public init(servers: Int, queueCapacity: Int? = nil, priorityClasses: Int = 1, at time: SimTime = .zero) {
        precondition(servers >= 0, "servers must not be negative, got \(servers)")
        precondition(queueCapacity.map { $0 >= 0 } ?? true,
                     "queueCapacity must be nil or not negative, got \(String(describing: queueCapacity))")
        precondition(priorityClasses >= 1, "priorityClasses must be at least 1, got \(priorityClasses)")
        self.serverCount = servers
        self.queueCapacity = queueCapacity
        self.lowerQueues = Array(repeating: RingBuffer<Waiting>(), count: priorityClasses - 1)
        self.busyAverage = TimeWeightedAverage(value: 0, at: time)
        self.queueAverage = TimeWeightedAverage(value: 0, at: time)
        self.provisionedAverage = TimeWeightedAverage(value: Double(servers), at: time)
    }

    /// The number of servers; after a scale-down, `busyServers` may exceed it until they finish.
    @inlinable
    public var servers: Int { serverCount }

    @inlinable
    public var busyServers: Int { busyCount }

    /// Customers waiting in all classes, not counting those in service.
    @inlinable
    public var queueLength: Int { waitingCount }

    /// Customers waiting or in service.
    @inlinable
    public var inSystem: Int { busyCount + waitingCount }

    @inlinable
    public var priorityClasses: Int { 1 + lowerQueues.count }

    /// Customers waiting in priority class `priority`.
    public func queueLength(priority: Int) -> Int {
        precondition(priority >= 0 && priority < priorityClasses, "priority \(priority) outside 0..<\(priorityClasses)")
        return priority == 0 ? topQueue.count : lowerQueues[priority - 1].count
    }

    /// Admits an arrival to a free server, to the queue of its class, or rejects it.
    ///
    /// On `.startService` a server is now busy with the customer, and the caller schedules its
    /// departure. On `.queued` the customer waits. On `.rejected` the queue was full.
    ///
    /// - Precondition: `0 <= priority < priorityClasses`.
    @inlinable
    public mutating func arrive(_ customer: Customer, priority: Int = 0, at now: SimTime) -> StationAdmission {
        precondition(priority >= 0 && priority < priorityClasses, "priority \(priority) outside 0..<\(priorityClasses)")

        arrivalCount += 1
        if busyCount < serverCount {
            busyCount += 1
            serviceStartCount += 1
            recordState(at: now)
            return .startService
        }
        if let capacity = queueCapacity, waitingCount >= capacity {
            rejectionCount += 1
            return .rejected
        }
        if priority == 0 {
            topQueue.append(Waiting(customer: customer, arrivedAt: now))
        } else {
            lowerQueues[priority - 1].append(Waiting(customer: customer, arrivedAt: now))
        }
        waitingCount += 1
        recordState(at: now)
        return .queued
    }

    /// Completes one service and frees its server.
    ///
    /// If someone waits and the server is still wanted, the head of the highest-priority
    /// non-empty queue enters service at once and is returned with its arrival time, so the
    /// caller can record its wait and schedule its departure. The station does not track which
    /// customer is in which server: the caller's departure event carries that.
    ///
    /// - Precondition: a server is busy.
    @inlinable
    public mutating func depart(at now: SimTime) -> (customer: Customer, arrivedAt: SimTime)? {
        precondition(busyCount > 0, "depart() with no busy server: every departure must follow a service start")

        departureCount += 1
        if busyCount <= serverCount, let next = takeNextWaiting() {
            serviceStartCount += 1
            recordState(at: now)
            return (next.customer, next.arrivedAt)
        }
        busyCount -= 1
        recordState(at: now)
        return nil
    }

    /// Changes the number of servers.
    ///
    /// New servers start waiting customers at once; they are returned in service order for the
    /// caller to schedule their departures. Removed servers leave as their current services
    /// finish, so no service is cut short.
    ///
    /// - Precondition: `servers >= 0`.
    public mutating func setServers(_ servers: Int, at now: SimTime) -> [(customer: Customer, arrivedAt: SimTime)] {
        precondition(servers >= 0, "servers must not be negative, got \(servers)")

        serverCount = servers
        var started: [(customer: Customer, arrivedAt: SimTime)] = []
        while busyCount < serverCount, let next = takeNextWaiting() {
            busyCount += 1
            serviceStartCount += 1
            started.append((next.customer, next.arrivedAt))
        }
        recordState(at: now)
        return started
    }

    /// Removes the head of the highest-priority non-empty queue.
    @inlinable
    mutating func takeNextWaiting() -> Waiting? {
        guard waitingCount > 0 else { return nil }
        if let next = topQueue.popFirst() {
            waitingCount -= 1
            return next
        }
        for priority in lowerQueues.indices {
            if let next = lowerQueues[priority].popFirst() {
                waitingCount -= 1
                return next
            }
        }
        return nil
    }

    @inlinable
    mutating func recordState(at now: SimTime) {
        busyAverage.record(Double(busyCount), at: now)
        queueAverage.record(Double(waitingCount), at: now)
        // The number in system is busy plus waiting, so its time average is the sum of theirs.
        // Servers change rarely: record them only when they do, which leaves the integral as it is.
        let provisioned = Double(Swift.max(serverCount, busyCount))
        if provisioned != provisionedAverage.value {
            provisionedAverage.record(provisioned, at: now)
        }
    }
}

extension Station: Sendable where Customer: Sendable {}
extension Station.Waiting: Sendable where Customer: Sendable {}
