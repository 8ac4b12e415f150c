import ScaleSim

/// One replication of a queueing network, driven by the kernel's event loop.
///
/// Each part draws from its own named stream (`source.NAME.arrivals`, `station.NAME.service`,
/// `station.NAME.routing`, `class.NAME.think`), so adding a station leaves every other draw as it
/// was. Observations start at the warm-up instant: a customer counts at a station when it arrived
/// there at or after warm-up.
public struct NetworkModel: SimulationModel {
    public enum Event {
        case sourceArrival(source: Int)
        case serviceEnd(station: Int, customer: NetworkCustomer)
        case thinkEnd(closedClass: Int, enteredAt: SimTime)
        case warmupEnd
    }

    let spec: NetworkSpec
    var stations: [Station<NetworkCustomer>]
    var observations: [StationObservations]
    var endToEnd = ResponseObservations()
    var arrivalStreams: [Xoshiro256StarStar]
    var serviceStreams: [Xoshiro256StarStar]
    var routingStreams: [Xoshiro256StarStar]
    var thinkStreams: [Xoshiro256StarStar]
    let warmupEnd: SimTime
    /// Customers that entered the network, left it, or are in it: the conservation ledger.
    public private(set) var ledger = ConservationLedger()

    public init(spec: NetworkSpec, streams: RandomStreams) {
        self.spec = spec
        stations = spec.stations.map {
            Station<NetworkCustomer>(servers: $0.servers, queueCapacity: $0.queueCapacity)
        }
        observations = spec.stations.map { _ in StationObservations() }
        arrivalStreams = spec.sources.map { streams.stream("source.\($0.name).arrivals") }
        serviceStreams = spec.stations.map { streams.stream("station.\($0.name).service") }
        routingStreams = spec.stations.map { streams.stream("station.\($0.name).routing") }
        thinkStreams = spec.closedClasses.map { streams.stream("class.\($0.name).think") }
        warmupEnd = SimTime(nanoseconds: spec.run.warmup.nanoseconds)
    }

    /// Schedules the first arrival of each source, the first visit of every closed-class member
    /// and the end of warm-up.
    public mutating func start(scheduler: inout Scheduler<Event>) {
        scheduler.schedule(.warmupEnd, at: warmupEnd)
        for index in spec.sources.indices {
            let gap = spec.sources[index].interarrival.sample(using: &arrivalStreams[index])
            scheduler.schedule(.sourceArrival(source: index), after: .seconds(gap))
        }
        for index in spec.closedClasses.indices {
            for _ in 0..<spec.closedClasses[index].population {
                let think = spec.closedClasses[index].think.sample(using: &thinkStreams[index])
                scheduler.schedule(.thinkEnd(closedClass: index, enteredAt: .zero), after: .seconds(think))
            }
        }
    }

    public mutating func handle(_ event: Event, scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        switch event {
        case .sourceArrival(let source):
            let gap = spec.sources[source].interarrival.sample(using: &arrivalStreams[source])
            scheduler.schedule(.sourceArrival(source: source), after: .seconds(gap))
            ledger.entered += 1
            let customer = NetworkCustomer(closedClass: -1, enteredNetwork: now)
            arrive(customer, at: spec.sources[source].target, scheduler: &scheduler)

        case .thinkEnd(let closedClass, _):
            ledger.entered += 1
            let customer = NetworkCustomer(closedClass: Int32(closedClass), enteredNetwork: now)
            arrive(customer, at: spec.closedClasses[closedClass].target, scheduler: &scheduler)

        case .serviceEnd(let station, let customer):
            complete(customer, at: station, scheduler: &scheduler)

        case .warmupEnd:
            for index in stations.indices {
                stations[index].resetStatistics(at: now)
            }
        }
    }

    /// Puts `customer` into station `index`; starts its service if a server is free.
    mutating func arrive(_ customer: NetworkCustomer, at index: Int, scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        var customer = customer
        customer.arrivedAtStation = now
        switch stations[index].arrive(customer, at: now) {
        case .startService:
            startService(customer, at: index, scheduler: &scheduler)
        case .queued:
            break
        case .rejected:
            if now >= warmupEnd { observations[index].rejections += 1 }
            leave(customer, rejected: true, scheduler: &scheduler)
        }
    }

    mutating func startService(_ customer: NetworkCustomer, at index: Int, scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        if customer.arrivedAtStation >= warmupEnd {
            observations[index].recordWait(now - customer.arrivedAtStation)
        }
        let service = spec.stations[index].service.sample(using: &serviceStreams[index])
        scheduler.schedule(.serviceEnd(station: index, customer: customer), after: .seconds(service))
    }

    mutating func complete(_ customer: NetworkCustomer, at index: Int, scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        if customer.arrivedAtStation >= warmupEnd {
            observations[index].recordSojourn(now - customer.arrivedAtStation)
        }
        if let next = stations[index].depart(at: now) {
            startService(next.customer, at: index, scheduler: &scheduler)
        }

        if let target = route(from: index) {
            arrive(customer, at: target, scheduler: &scheduler)
        } else {
            leave(customer, rejected: false, scheduler: &scheduler)
        }
    }

    /// Draws the next station after `index`, or nil when the customer leaves.
    mutating func route(from index: Int) -> Int? {
        let routes = spec.stations[index].routing
        guard !routes.isEmpty else { return nil }
        let u = routingStreams[index].nextUnit()
        var cumulative = 0.0
        for route in routes {
            cumulative += route.probability
            if u < cumulative { return route.target }
        }
        return nil
    }

    /// A customer leaves the network: an open customer is gone, a closed member starts thinking.
    mutating func leave(_ customer: NetworkCustomer, rejected: Bool, scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        if rejected {
            ledger.rejected += 1
        } else {
            ledger.departed += 1
            if customer.enteredNetwork >= warmupEnd {
                endToEnd.record(now - customer.enteredNetwork)
            }
        }
        guard customer.closedClass >= 0 else { return }
        let closedClass = Int(customer.closedClass)
        let think = spec.closedClasses[closedClass].think.sample(using: &thinkStreams[closedClass])
        scheduler.schedule(.thinkEnd(closedClass: closedClass, enteredAt: now), after: .seconds(think))
    }

    /// Customers inside the network at the moment of the call (queued or in service).
    public var customersInSystem: Int {
        stations.reduce(0) { $0 + $1.inSystem }
    }
}

/// A customer moving through a network.
public struct NetworkCustomer: Sendable {
    /// Index of the closed class it belongs to, or -1 for a customer of an open source.
    var closedClass: Int32
    var enteredNetwork: SimTime
    var arrivedAtStation: SimTime = .zero

    init(closedClass: Int32, enteredNetwork: SimTime) {
        self.closedClass = closedClass
        self.enteredNetwork = enteredNetwork
    }
}

/// Counts that must balance at every instant: entered = departed + rejected + in system.
public struct ConservationLedger: Sendable, Equatable {
    public var entered = 0
    public var departed = 0
    public var rejected = 0
}
