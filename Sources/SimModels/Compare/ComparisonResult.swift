import ScaleSim

/// Scenarios run under the same workload, side by side, with paired differences to the first.
public struct ComparisonResult: Sendable {
    /// One compared scenario.
    public struct Entry: Sendable {
        public var name: String
        public var scenario: PlatformScenario
        /// Each chosen metric's value per replication, in `metrics` then replication order.
        public var values: [[Double]]
        /// Per request kind, the layer with the most time summed over replications.
        public var bottlenecks: [(kind: RequestKind, layer: Layer?)]
        /// Replications that stopped early because requests in flight passed the bound.
        public var stoppedEarly: Int
    }

    /// One metric's comparison of an entry with the first entry.
    public struct Difference: Sendable, Equatable {
        /// Mean over replications of (this entry - the first entry).
        public var mean: Double
        /// The paired 95% Student-t interval of the per-replication differences; nil with one
        /// replication.
        public var interval: ConfidenceInterval?
    }

    /// The compared figures, named as in `MetricSet` (`chat.p95_ms`), plus the derived
    /// `resources.busiest.utilization`.
    public var metrics: [String]
    public var entries: [Entry]
    public var replications: Int
    public var seed: UInt64
    public var level: Double

    /// Returns the mean of `metric` over replications for entry `entry`.
    public func mean(entry: Int, metric: Int) -> Double {
        let values = entries[entry].values[metric]
        return values.reduce(0, +) / Double(max(values.count, 1))
    }

    /// Returns the paired difference of entry `entry` to the first entry on `metric`.
    public func difference(entry: Int, metric: Int) -> Difference {
        let differences = zip(entries[entry].values[metric], entries[0].values[metric]).map { $0 - $1 }
        let mean = differences.reduce(0, +) / Double(max(differences.count, 1))
        return Difference(mean: mean, interval: ConfidenceInterval.studentT(differences, level: level))
    }
}
