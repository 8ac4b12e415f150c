import ScaleSim
import SimModels

/// One grid point decoded into a runnable model: a queueing network or a SaaS platform.
enum SweepPointModel: Sendable {
    case network(NetworkSpec)
    case platform(PlatformScenario)

    /// The name of the derived metric that records the highest utilization of any station or resource.
    static let busiestUtilization = "busiest.utilization"

    /// The metrics a sweep reports when no `--metric` is given.
    var defaultMetrics: [String] {
        switch self {
        case .network:
            return ["end_to_end.mean_response", "end_to_end.p95_response", "end_to_end.throughput",
                    Self.busiestUtilization]
        case .platform:
            return ["chat.p95_ms", "chat.error_rate", "listing.p95_ms", "costs.total_dollars_per_month",
                    Self.busiestUtilization]
        }
    }

    /// Returns every metric a replication of this point records, in recording order.
    ///
    /// A SaaS scenario's names depend on its architecture (one cost line per part), so they are
    /// read from a one-second replication without warm-up.
    func metricNames() -> [String] {
        switch self {
        case .network(let spec):
            var names: [String] = []
            for station in spec.stations {
                names += StationMetric.allCases.map { "stations.\(station.name).\($0.rawValue)" }
            }
            names += EndToEndMetric.allCases.map { "end_to_end.\($0.rawValue)" }
            return names + [Self.busiestUtilization]
        case .platform(var scenario):
            scenario.run.duration = .seconds(1)
            scenario.run.warmup = .zero
            let probe = PlatformRunner.runReplication(scenario, streams: PlatformRunner.streams(seed: 0, replication: 0))
            return Self.addingBusiest(probe.metrics).names
        }
    }

    /// Runs replication `replication` with the streams of `seed`, which are the same at every
    /// point, so points are compared under the same workload (common random numbers).
    func runReplication(seed: UInt64, replication: Int) -> MetricSet {
        switch self {
        case .network(let spec):
            let streams = NetworkRunner.streams(seed: seed, replication: replication)
            let outcome = NetworkRunner.runReplication(spec, streams: streams)
            var set = MetricSet()
            for (station, values) in zip(spec.stations, outcome.stations) {
                for (metric, value) in zip(StationMetric.allCases, values) {
                    set.set("stations.\(station.name).\(metric.rawValue)", value)
                }
            }
            for (metric, value) in zip(EndToEndMetric.allCases, outcome.endToEnd) {
                set.set("end_to_end.\(metric.rawValue)", value)
            }
            return Self.addingBusiest(set)
        case .platform(let scenario):
            let streams = PlatformRunner.streams(seed: seed, replication: replication)
            return Self.addingBusiest(PlatformRunner.runReplication(scenario, streams: streams).metrics)
        }
    }

    /// Returns `set` with `busiest.utilization`: the maximum of every `stations.*.utilization`
    /// and `resources.*.utilization` figure, or 0 when there is none.
    static func addingBusiest(_ set: MetricSet) -> MetricSet {
        var busiest = 0.0
        for (name, value) in zip(set.names, set.values) where name.hasSuffix(".utilization")
            && (name.hasPrefix("stations.") || name.hasPrefix("resources.")) {
            busiest = max(busiest, value)
        }
        var result = set
        result.set(busiestUtilization, busiest)
        return result
    }
}
