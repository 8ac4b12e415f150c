import ScaleSim

/// The outcome of one replication of a SaaS scenario.
public struct PlatformReplication: Sendable {
    /// Every figure, named by its JSON path.
    public var metrics: MetricSet
    /// Per request kind, the layer where it spent the most time, or nil with no requests.
    public var bottlenecks: [(kind: RequestKind, layer: Layer?)]
    /// The monthly cost parts and how each follows from the simulated hour.
    public var costs: CostBreakdown
    /// Samples taken every minute of the run, warm-up included.
    public var series: TimeSeries
    /// The job ledger at the end of the run.
    public var jobs: JobLedger
    public var events: Int
    /// Whether the run stopped early because a queue grew beyond recovery.
    public var stoppedEarly: Bool
    /// When the run ended, in seconds of simulated time after warm-up.
    public var endSeconds: Double
}

/// Runs SaaS scenarios: one replication at a time, or all of them in parallel with the same
/// result for any thread count.
public enum PlatformRunner {
    /// Returns the streams of replication `index`, split from the seed by index.
    public static func streams(seed: UInt64, replication index: Int) -> RandomStreams {
        RandomStreams(seed: RandomStreams.mix(seed, UInt64(index)))
    }

    public static func run(_ scenario: PlatformScenario, jobs: Int = 1) -> [PlatformReplication] {
        parallelMap(count: scenario.run.replications, jobs: jobs) { index in
            runReplication(scenario, streams: streams(seed: scenario.run.seed, replication: index))
        }
    }

    /// Runs one replication: warm-up, then the measured window.
    public static func runReplication(_ scenario: PlatformScenario, streams: RandomStreams,
                                      stopPolicy: OverloadStop? = nil) -> PlatformReplication {
        var simulation = Simulation(model: PlatformModel(scenario: scenario, streams: streams))
        simulation.model.stopPolicy = stopPolicy
        simulation.model.start(scheduler: &simulation.scheduler)
        let end = simulation.model.endTime
        simulation.run(until: end)
        let stoppedAt = simulation.now
        return simulation.model.measure(at: stoppedAt, events: simulation.scheduler.eventsHandled,
                                        stoppedEarly: simulation.scheduler.wasStopped)
    }
}

/// When a run stops early: its queues have grown so far that the objective cannot recover
/// within the hour.
public struct OverloadStop: Sendable, Equatable {
    /// Requests in flight beyond which the run stops.
    public var maximumInFlight: Int

    public init(maximumInFlight: Int) {
        self.maximumInFlight = maximumInFlight
    }
}
