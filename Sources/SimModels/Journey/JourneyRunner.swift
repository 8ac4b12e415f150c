import ScaleSim

/// Runs a growth journey: every architecture at every checkpoint, one peak hour each, event by
/// event at full scale, then finds each architecture's wall and checks its remedy by a run.
public enum JourneyRunner {
    /// How many times the expected requests in flight a run may hold before it stops as overloaded.
    public static let overloadFactor = 50.0
    /// Seconds a request stays in flight at nominal latency: a chat turn's LLM call takes a few
    /// seconds, and listings, assets and dashboards far less, so this overstates the mean.
    public static let nominalLatencySeconds = 5.0
    /// The lowest stop bound, so that small checkpoints are not stopped by a burst.
    public static let minimumStopBound = 1_000

    /// Runs `spec` on `base`, whose customers, workload, parameters and seed every case shares.
    ///
    /// Cases (architecture x checkpoint x replication) run on up to `jobs` threads; the result is
    /// the same for any `jobs`. `progress` receives (cases done, cases in all) after each case.
    /// It runs on the thread that ran the case, one call at a time, and is for display only.
    public static func run(base: PlatformScenario, spec: JourneySpec, jobs: Int,
                           progress: (@Sendable (Int, Int) -> Void)? = nil) -> JourneyResult {
        let scenarios = spec.checkpoints.map { scenario(base: base, spec: spec, customers: $0) }
        let bounds = scenarios.map(stopBound(for:))
        let replications = max(1, spec.replications)
        let perCheckpoint = spec.architectures.count * replications
        let total = spec.checkpoints.count * perCheckpoint
        let counter = ProgressCounter(total: total, report: progress)

        // One flat, fixed order: checkpoint, then architecture, then replication. Neighbouring
        // cases then cost about the same, so parallelMap's strided hand-out keeps threads even.
        let runs = parallelMap(count: total, jobs: jobs) { index -> PlatformReplication in
            let checkpoint = index / perCheckpoint
            let architecture = (index % perCheckpoint) / replications
            let replication = index % replications
            var scenario = scenarios[checkpoint]
            scenario.architecture = spec.architectures[architecture].architecture
            let result = PlatformRunner.runReplication(
                scenario, streams: PlatformRunner.streams(seed: base.run.seed, replication: replication),
                stopPolicy: OverloadStop(maximumInFlight: bounds[checkpoint]))
            counter.advance()
            return result
        }

        var journeys: [ArchitectureJourney] = []
        for (a, named) in spec.architectures.enumerated() {
            var points: [JourneyPoint] = []
            for (c, scenario) in scenarios.enumerated() {
                let start = c * perCheckpoint + a * replications
                points.append(point(Array(runs[start..<(start + replications)]), scenario: scenario, spec: spec))
            }
            let wall = JourneyWalls.find(points: points, architecture: named, spec: spec,
                                         team: TeamModel(parameters: base.parameters.team))
            journeys.append(ArchitectureJourney(name: named.name, architecture: named.architecture,
                                                stage: named.stage, points: points, wall: wall))
        }
        let team = TeamModel(parameters: base.parameters.team)
        checkRemedies(&journeys, scenarios: scenarios, bounds: bounds, seed: base.run.seed, spec: spec, jobs: jobs,
                      team: team)
        return JourneyResult(spec: spec, seed: base.run.seed, stopBounds: bounds, architectures: journeys, team: team)
    }

    /// Returns the scenario of one checkpoint: `customers` at the month the growth curve reaches them,
    /// one peak hour after a discarded warm-up.
    public static func scenario(base: PlatformScenario, spec: JourneySpec, customers: Int) -> PlatformScenario {
        var scenario = base
        scenario.customers.count = customers
        scenario.run.month = month(reaching: customers, growth: base.customers.growth)
        scenario.run.peakHour = true
        scenario.run.duration = spec.duration
        scenario.run.warmup = spec.warmup
        scenario.run.replications = max(1, spec.replications)
        return scenario
    }

    /// Returns the month the growth curve reaches `customers`, or its last month when it never does.
    public static func month(reaching customers: Int, growth: GrowthCurve) -> Double {
        growth.month(reaching: Double(customers)) ?? (growth.points.last?.month ?? 0)
    }

    /// Returns the in-flight bound of a run: `overloadFactor` times the requests in flight that Little's
    /// law expects at the peak rate and nominal latency, and at least `minimumStopBound`.
    public static func stopBound(for scenario: PlatformScenario) -> Int {
        let population = TenantPopulation(customers: scenario.customers, activitySkew: scenario.workload.activitySkew,
                                          streams: PlatformRunner.streams(seed: scenario.run.seed, replication: 0))
        let workload = scenario.workload
        let turns = max(workload.turnsPerSession.mean, 0)
        let requestsPerSession = turns * (1 + workload.listingRefreshAfterTurn) + workload.listingsPerSession
            + workload.assetsPerSession
        let sessionsPerSecond = population.totalSessionsPerDay * workload.peakHourShare / 3600
        let expected = sessionsPerSecond * requestsPerSession * nominalLatencySeconds
        let bound = overloadFactor * expected
        guard bound.isFinite else { return minimumStopBound }
        return max(minimumStopBound, Int(bound.rounded(.up)))
    }

    /// Folds the replications of one case into a point: figures averaged in the first run's order.
    static func point(_ runs: [PlatformReplication], scenario: PlatformScenario, spec: JourneySpec) -> JourneyPoint {
        var metrics = MetricSet()
        if let first = runs.first {
            for (index, name) in first.metrics.names.enumerated() {
                var sum = 0.0
                for run in runs {
                    sum += run.metrics.names.count > index ? run.metrics.values[index] : .nan
                }
                metrics.set(name, sum / Double(runs.count))
            }
        }

        // The bottleneck from the averaged per-layer times, the first layer among equals.
        var bottlenecks: [(kind: RequestKind, layer: Layer?)] = []
        for kind in RequestKind.allCases {
            var busiest: (layer: Layer, milliseconds: Double)?
            for layer in Layer.allCases {
                let value = metrics.value("\(kind.rawValue).layers_ms.\(layer.rawValue)") ?? 0
                if value > (busiest?.milliseconds ?? 0) { busiest = (layer, value) }
            }
            bottlenecks.append((kind, busiest?.layer))
        }

        var breaches: [ObjectiveBreach] = []
        var warnings: [ObjectiveBreach] = []
        for objective in spec.objectives {
            breaches += objective.breaches(in: metrics)
            warnings += objective.breaches(in: metrics, fraction: spec.warningFraction)
        }
        return JourneyPoint(customers: scenario.customers.count, month: scenario.run.month ?? 0, metrics: metrics,
                            bottlenecks: bottlenecks, stoppedEarly: runs.contains { $0.stoppedEarly },
                            endSeconds: runs.map(\.endSeconds).min() ?? 0, events: runs.reduce(0) { $0 + $1.events },
                            breaches: breaches, warnings: warnings)
    }
}
