import ScaleSim

/// A plain queueing network, as textbooks and tools such as JMT or Ciw describe one: open
/// sources, closed classes, stations and probabilistic routing. Validated values only: the
/// scenario decoder checks every range before it builds one.
public struct NetworkSpec: Sendable, Equatable {
    public var stations: [StationSpec]
    public var sources: [OpenSourceSpec]
    public var closedClasses: [ClosedClassSpec]
    public var run: RunSpec

    public init(stations: [StationSpec], sources: [OpenSourceSpec] = [], closedClasses: [ClosedClassSpec] = [],
                run: RunSpec) {
        self.stations = stations
        self.sources = sources
        self.closedClasses = closedClasses
        self.run = run
    }
}

/// One station: identical servers in front of a FIFO queue.
public struct StationSpec: Sendable, Equatable {
    public var name: String
    public var servers: Int
    /// Waiting places beyond those in service; nil for an unbounded queue, 0 for a loss system.
    public var queueCapacity: Int?
    /// Service time in seconds.
    public var service: Distribution
    /// Where a customer goes after service; the probabilities sum to at most 1 and the remainder
    /// leaves the network (or, for a closed class, returns to thinking).
    public var routing: [Route]

    public init(name: String, servers: Int, queueCapacity: Int? = nil, service: Distribution, routing: [Route] = []) {
        self.name = name
        self.servers = servers
        self.queueCapacity = queueCapacity
        self.service = service
        self.routing = routing
    }
}

/// A probabilistic branch to the station at `target` (an index into `NetworkSpec.stations`).
public struct Route: Sendable, Equatable {
    public var target: Int
    public var probability: Double

    public init(target: Int, probability: Double) {
        self.target = target
        self.probability = probability
    }
}

/// An open source: customers arrive from outside with independent interarrival times.
public struct OpenSourceSpec: Sendable, Equatable {
    public var name: String
    /// Interarrival time in seconds.
    public var interarrival: Distribution
    /// The station every arrival of this source enters first.
    public var target: Int

    public init(name: String, interarrival: Distribution, target: Int) {
        self.name = name
        self.interarrival = interarrival
        self.target = target
    }
}

/// A closed class: a fixed population whose members think for a drawn time between visits.
public struct ClosedClassSpec: Sendable, Equatable {
    public var name: String
    public var population: Int
    /// Think time in seconds, drawn before each visit (including the first).
    public var think: Distribution
    /// The station a member enters after thinking.
    public var target: Int

    public init(name: String, population: Int, think: Distribution, target: Int) {
        self.name = name
        self.population = population
        self.think = think
        self.target = target
    }
}

/// Run length, warm-up, replications and seed.
public struct RunSpec: Sendable, Equatable {
    /// Simulated time per replication, warm-up included.
    public var duration: SimDuration
    /// Observations before this instant are discarded.
    public var warmup: SimDuration
    public var replications: Int
    public var seed: UInt64

    public init(duration: SimDuration, warmup: SimDuration, replications: Int, seed: UInt64) {
        self.duration = duration
        self.warmup = warmup
        self.replications = replications
        self.seed = seed
    }
}
