import ScaleSim

/// Figures of one run of the M/M/c speed benchmark.
public struct MMcBenchmarkResult: Sendable {
    public var customers: Int
    public var servers: Int
    /// Offered load per server, arrival rate / (servers * service rate).
    public var utilization: Double
    /// Events handled: one arrival and one departure per customer.
    public var events: Int
    /// Wall-clock time of the event loop alone, in seconds.
    public var elapsedSeconds: Double
    /// Peak resident memory in bytes during the run, or nil where it cannot be read.
    public var peakMemoryBytes: Int?
    /// The simulated time at which the last customer departed, in seconds.
    public var simulatedSeconds: Double
    /// Mean wait in the queue, in seconds, from `RunningMoments`.
    public var meanWaitSeconds: Double
    /// The exact steady-state mean wait of the M/M/c queue (Erlang C), in seconds.
    public var expectedMeanWaitSeconds: Double
    /// 99th-percentile wait in the queue, in seconds, from `LatencyHistogram`.
    public var p99WaitSeconds: Double
    /// Busy fraction of the servers over the run, as the station measured it.
    public var measuredUtilization: Double
    /// Time-averaged number of waiting customers.
    public var meanQueueLength: Double

    public var eventsPerSecond: Double { Double(events) / elapsedSeconds }
    public var nanosecondsPerEvent: Double { elapsedSeconds * 1e9 / Double(events) }
}

/// Events of the M/M/c benchmark model.
public enum MMcBenchmarkEvent: Sendable {
    case arrival
    case departure
}

/// The M/M/c queue written as any SaaS model is: a `Station`, exponential distributions drawn
/// from named streams, and waits recorded into `RunningMoments` and a `LatencyHistogram`.
struct MMcBenchmarkModel: SimulationModel {
    var station: Station<Int>
    let interarrivalTime: Exponential
    let serviceTime: Exponential
    var arrivalStream: Xoshiro256StarStar
    var serviceStream: Xoshiro256StarStar
    let customers: Int
    var arrivals = 0
    /// The time of the latest event; the run's clock itself ends at the run's horizon.
    var lastEventTime = SimTime.zero
    var waits = RunningMoments()
    var waitHistogram = LatencyHistogram()

    mutating func handle(_ event: MMcBenchmarkEvent, scheduler: inout Scheduler<MMcBenchmarkEvent>) {
        let now = scheduler.now
        lastEventTime = now
        switch event {
        case .arrival:
            let customer = arrivals
            arrivals += 1
            if arrivals < customers {
                scheduler.schedule(.arrival, after: .seconds(interarrivalTime.sample(using: &arrivalStream)))
            }
            if station.arrive(customer, at: now) == .startService {
                startService(waited: .zero, scheduler: &scheduler)
            }
        case .departure:
            if let next = station.depart(at: now) {
                startService(waited: now - next.arrivedAt, scheduler: &scheduler)
            }
        }
    }

    mutating func startService(waited: SimDuration, scheduler: inout Scheduler<MMcBenchmarkEvent>) {
        waits.record(waited.seconds)
        waitHistogram.record(waited)
        scheduler.schedule(.departure, after: .seconds(serviceTime.sample(using: &serviceStream)))
    }
}

/// Runs the M/M/c queue for a fixed number of customers and times its event loop.
///
/// The service rate is 1/s and the arrival rate `utilization * servers`. The run ends when the
/// last customer departs, so it handles exactly `2 * customers` events. The streams are
/// `mmc.arrivals` and `mmc.service` of `RandomStreams(seed:)`; benchmarks/mmc.c seeds its
/// generators the same way and reports the same mean wait for the same seed.
///
/// - Precondition: `customers > 0`, `servers > 0`, `0 < utilization`.
public func runMMcBenchmark(customers: Int, servers: Int = 8, utilization: Double = 0.9,
                            seed: UInt64 = 1) -> MMcBenchmarkResult {
    precondition(customers > 0, "customers must be positive, got \(customers)")
    precondition(servers > 0, "servers must be positive, got \(servers)")
    precondition(utilization > 0 && utilization.isFinite, "utilization must be positive, got \(utilization)")

    let streams = RandomStreams(seed: seed)
    let model = MMcBenchmarkModel(
        station: Station(servers: servers),
        interarrivalTime: Exponential(uncheckedRate: utilization * Double(servers)),
        serviceTime: Exponential(uncheckedRate: 1),
        arrivalStream: streams.stream("mmc.arrivals"),
        serviceStream: streams.stream("mmc.service"),
        customers: customers)
    var simulation = Simulation(model: model)
    let firstArrival = model.interarrivalTime.sample(using: &simulation.model.arrivalStream)
    simulation.schedule(.arrival, at: .seconds(firstArrival))

    PeakMemory.reset()
    var events = 0
    let elapsed = BenchmarkClock.measureSeconds {
        events = simulation.run(until: SimTime(nanoseconds: .max))
    }
    let peakMemory = PeakMemory.bytes()

    let finished = simulation.model
    let end = finished.lastEventTime
    return MMcBenchmarkResult(
        customers: customers,
        servers: servers,
        utilization: utilization,
        events: events,
        elapsedSeconds: elapsed,
        peakMemoryBytes: peakMemory,
        simulatedSeconds: end.seconds,
        meanWaitSeconds: finished.waits.mean,
        expectedMeanWaitSeconds: erlangCMeanWait(servers: servers, utilization: utilization, serviceRate: 1),
        p99WaitSeconds: (finished.waitHistogram.percentile(99) ?? 0) / 1e9,
        measuredUtilization: finished.station.utilization(at: end),
        meanQueueLength: finished.station.meanQueueLength(at: end))
}

/// Returns the steady-state mean wait in queue of an M/M/c queue: Erlang C over (c * mu - lambda).
///
/// Erlang B comes from its recursion B(k) = a B(k-1) / (k + a B(k-1)) with offered load
/// a = c * utilization, and C = B / (1 - utilization * (1 - B)). The wait is infinite when
/// utilization >= 1.
public func erlangCMeanWait(servers: Int, utilization: Double, serviceRate: Double) -> Double {
    guard utilization < 1 else { return .infinity }
    let offeredLoad = utilization * Double(servers)
    var erlangB = 1.0
    for k in stride(from: 1, through: servers, by: 1) {
        erlangB = offeredLoad * erlangB / (Double(k) + offeredLoad * erlangB)
    }
    let erlangC = erlangB / (1 - utilization * (1 - erlangB))
    return erlangC / (Double(servers) * serviceRate * (1 - utilization))
}
