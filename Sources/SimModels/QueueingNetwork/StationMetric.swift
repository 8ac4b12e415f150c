/// The metrics reported for every station, in output order. Times are in seconds, rates per second.
public enum StationMetric: String, CaseIterable, Sendable {
    /// Customers that arrived after warm-up and finished service.
    case count
    /// Service completions per second after warm-up.
    case throughput
    /// Time-average fraction of servers busy.
    case utilization
    /// Fraction of customers that waited before service.
    case pWait = "p_wait"
    case meanWait = "mean_wait"
    case p95Wait = "p95_wait"
    /// Wait plus service.
    case meanSojourn = "mean_sojourn"
    case p95Sojourn = "p95_sojourn"
    case p99Sojourn = "p99_sojourn"
    /// Time-average number waiting.
    case meanQueueLength = "mean_queue_length"
    /// Time-average number waiting or in service.
    case meanInSystem = "mean_in_system"
    /// Fraction of arrivals rejected because the queue was full.
    case blockingProbability = "blocking_probability"
    /// Time-average number of busy servers.
    case carriedLoad = "carried_load"
}

/// The metrics of the time spent in the whole network, entry to exit.
public enum EndToEndMetric: String, CaseIterable, Sendable {
    case count
    case throughput
    case meanResponse = "mean_response"
    case p95Response = "p95_response"
    case p99Response = "p99_response"
}

/// A metric's estimate over replications: the mean and, with two or more replications, the
/// half-width of its 95% Student-t confidence interval.
public struct MetricEstimate: Sendable, Equatable {
    public var value: Double
    /// Absent, not zero, with a single replication.
    public var halfWidth: Double?

    public init(value: Double, halfWidth: Double?) {
        self.value = value
        self.halfWidth = halfWidth
    }
}
