/// A service-level objective on one figure of a run: a metric path, a bound and a direction.
///
/// The path names a figure of `MetricSet` (`chat.p95_ms`). A `*` segment matches any one
/// segment, so `resources.*.utilization` applies the bound to every resource's utilization.
public struct Objective: Sendable, Equatable {
    /// The side of the bound a figure must stay on.
    public enum Direction: String, Sendable, CaseIterable {
        /// The figure must not exceed the bound (latencies, error rates, utilization).
        case below
        /// The figure must not fall under the bound (throughput, hit ratios).
        case above
    }

    public var metric: String
    public var bound: Double
    public var direction: Direction

    public init(metric: String, bound: Double, direction: Direction = .below) {
        self.metric = metric
        self.bound = bound
        self.direction = direction
    }

    /// Returns whether `name` is a figure this objective covers.
    public func covers(_ name: String) -> Bool {
        let pattern = metric.split(separator: ".", omittingEmptySubsequences: false)
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard pattern.count == parts.count else { return false }
        return zip(pattern, parts).allSatisfy { $0 == "*" || $0 == $1 }
    }

    /// Returns whether `value` breaks the objective once the bound is scaled by `fraction`.
    ///
    /// NaN (a percentile of no requests) never breaks an objective.
    public func isBroken(by value: Double, fraction: Double = 1) -> Bool {
        switch direction {
        case .below: return value > bound * fraction
        case .above: return value < bound * fraction
        }
    }

    /// Returns every figure of `metrics` this objective covers that breaks it, in `metrics` order.
    public func breaches(in metrics: MetricSet, fraction: Double = 1) -> [ObjectiveBreach] {
        var found: [ObjectiveBreach] = []
        for (name, value) in zip(metrics.names, metrics.values) where covers(name) && isBroken(by: value, fraction: fraction) {
            found.append(ObjectiveBreach(objective: self, metric: name, value: value))
        }
        return found
    }

    /// Returns whether `names` contains at least one figure this objective covers.
    public func matchesAny(of names: [String]) -> Bool {
        names.contains { covers($0) }
    }
}

/// One figure that broke an objective.
public struct ObjectiveBreach: Sendable, Equatable {
    public var objective: Objective
    /// The figure's full path, which differs from the objective's when it has a `*`.
    public var metric: String
    public var value: Double

    public init(objective: Objective, metric: String, value: Double) {
        self.objective = objective
        self.metric = metric
        self.value = value
    }

    /// The request kind the figure belongs to (`chat` for `chat.p95_ms`), or nil for a
    /// resource or cost figure.
    public var kind: RequestKind? {
        guard let first = metric.split(separator: ".").first else { return nil }
        return RequestKind(rawValue: String(first))
    }
}
