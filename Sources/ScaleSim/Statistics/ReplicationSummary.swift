/// One scalar per independent replication for each named metric, summarized as mean and CI.
///
/// Metrics keep the order in which their names were first recorded, and every output follows
/// that order, so reports are identical from run to run. Record each replication's values with
/// `record(_:for:)`; a metric may be missing from some replications, and its count then differs.
///
/// ```swift
/// var summary = ReplicationSummary()
/// for seed in seeds {
///     let result = run(seed)
///     summary.record(result.p99Latency, for: "latency.p99")
///     summary.record(result.throughput, for: "throughput")
/// }
/// for row in summary.rows(level: 0.95) { print(row.name, row.mean, row.interval?.halfWidth) }
/// ```
public struct ReplicationSummary: Sendable, Equatable {
    /// One metric's summary over the replications.
    public struct Row: Sendable, Equatable {
        public var name: String
        public var count: Int
        public var mean: Double
        /// The Student t interval; nil with a single replication.
        public var interval: ConfidenceInterval?
    }

    /// Metric names and values, in first-recorded order.
    @usableFromInline var metrics: [(name: String, values: [Double])] = []
    /// Position of each name in `metrics`; used for lookup only, never iterated.
    @usableFromInline var positions: [String: Int] = [:]

    public init() {}

    /// The metric names in first-recorded order.
    public var names: [String] { metrics.map(\.name) }

    /// Appends one replication's `value` for `metric`.
    public mutating func record(_ value: Double, for metric: String) {
        if let position = positions[metric] {
            metrics[position].values.append(value)
        } else {
            positions[metric] = metrics.count
            metrics.append((name: metric, values: [value]))
        }
    }

    /// Returns the values recorded for `metric`, one per replication, in recording order, or nil
    /// when the metric was never recorded.
    public func values(for metric: String) -> [Double]? {
        positions[metric].map { metrics[$0].values }
    }

    /// Returns the row of `metric` at `level`, or nil when the metric was never recorded.
    public func row(for metric: String, level: Double = 0.95) -> Row? {
        positions[metric].map { row(at: $0, level: level) }
    }

    /// Returns every metric's row at `level`, in first-recorded order.
    ///
    /// For a joint level over all metrics, pass
    /// `ConfidenceInterval.level(forFamilyLevel: 0.95, comparisons: names.count)`.
    public func rows(level: Double = 0.95) -> [Row] {
        metrics.indices.map { row(at: $0, level: level) }
    }

    func row(at position: Int, level: Double) -> Row {
        let (name, values) = metrics[position]
        var moments = RunningMoments()
        for value in values {
            moments.record(value)
        }
        return Row(
            name: name, count: moments.count, mean: moments.mean,
            interval: ConfidenceInterval.studentT(moments, level: level))
    }

    public static func == (lhs: ReplicationSummary, rhs: ReplicationSummary) -> Bool {
        lhs.metrics.elementsEqual(rhs.metrics) { $0.name == $1.name && $0.values == $1.values }
    }
}
