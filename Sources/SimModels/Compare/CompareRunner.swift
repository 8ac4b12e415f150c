import ScaleSim

/// Runs scenarios under common random numbers: replication r of every scenario draws the same
/// workload (sessions, messages, token counts) from `PlatformRunner.streams(seed:replication:)`,
/// so per-replication differences cancel the workload's noise and pair up for a t interval.
public enum CompareRunner {
    /// The figures compared by default, in table order.
    public static let defaultMetrics = [
        "chat.p50_ms", "chat.p95_ms", "chat.p99_ms", "listing.p95_ms", "analytics.p95_ms",
        "chat.error_rate", "listing.error_rate", "analytics.error_rate", busiestUtilization,
        "costs.llm_dollars_per_month", "costs.total_dollars_per_month", "costs.dollars_per_customer_month",
    ]
    /// The derived figure: the highest `resources.*.utilization` of a replication.
    public static let busiestUtilization = "resources.busiest.utilization"

    /// Runs every scenario for `replications` replications from `seed` on up to `jobs` threads.
    ///
    /// Each scenario's own `run.seed` and `run.replications` are replaced, so all share the
    /// workload. The result is the same for any `jobs`.
    /// - Precondition: at least one scenario and one replication.
    public static func run(scenarios: [(name: String, scenario: PlatformScenario)], replications: Int, seed: UInt64,
                           jobs: Int, metrics: [String] = defaultMetrics, stopPolicy: OverloadStop? = nil,
                           progress: (@Sendable (Int, Int) -> Void)? = nil) -> ComparisonResult {
        precondition(!scenarios.isEmpty, "compare needs at least one scenario")
        precondition(replications >= 1, "replications must be at least 1, got \(replications)")
        let prepared = scenarios.map { named -> PlatformScenario in
            var scenario = named.scenario
            scenario.run.seed = seed
            scenario.run.replications = replications
            return scenario
        }
        let counter = ProgressCounter(total: prepared.count * replications, report: progress)
        let runs = parallelMap(count: prepared.count * replications, jobs: jobs) { index -> PlatformReplication in
            let result = PlatformRunner.runReplication(
                prepared[index / replications],
                streams: PlatformRunner.streams(seed: seed, replication: index % replications), stopPolicy: stopPolicy)
            counter.advance()
            return result
        }

        var entries: [ComparisonResult.Entry] = []
        for (s, named) in scenarios.enumerated() {
            let own = Array(runs[(s * replications)..<((s + 1) * replications)])
            let values = metrics.map { metric in own.map { value(metric, in: $0.metrics) } }
            entries.append(ComparisonResult.Entry(name: named.name, scenario: prepared[s], values: values,
                                                  bottlenecks: bottlenecks(own),
                                                  stoppedEarly: own.filter(\.stoppedEarly).count))
        }
        return ComparisonResult(metrics: metrics, entries: entries, replications: replications, seed: seed, level: 0.95)
    }

    /// Returns the value of `metric` in `metrics`, NaN when absent; `busiestUtilization` is derived.
    public static func value(_ metric: String, in metrics: MetricSet) -> Double {
        guard metric == busiestUtilization else { return metrics.value(metric) ?? .nan }
        var busiest = 0.0
        for (name, value) in zip(metrics.names, metrics.values)
        where name.hasPrefix("resources.") && name.hasSuffix(".utilization") {
            busiest = max(busiest, value)
        }
        return busiest
    }

    /// Per kind, the layer with the most mean time summed over `runs`, the first among equals.
    static func bottlenecks(_ runs: [PlatformReplication]) -> [(kind: RequestKind, layer: Layer?)] {
        RequestKind.allCases.map { kind in
            var busiest: (layer: Layer, milliseconds: Double)?
            for layer in Layer.allCases {
                let name = "\(kind.rawValue).layers_ms.\(layer.rawValue)"
                let total = runs.reduce(0.0) { $0 + ($1.metrics.value(name) ?? 0) }
                if total > (busiest?.milliseconds ?? 0) { busiest = (layer, total) }
            }
            return (kind, busiest?.layer)
        }
    }
}
