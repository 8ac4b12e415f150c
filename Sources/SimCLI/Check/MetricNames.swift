import ScaleSim
import SimModels

/// The MetricSet paths a SaaS run reports, in output order.
public enum MetricNames {
    /// Every path, taken from a tiny run (one customer, one simulated second): the measuring
    /// code records the same names for every run, so the list cannot drift from the output.
    public static let all: [String] = {
        var scenario = PlatformScenario(customers: CustomerSpec(count: 1))
        scenario.run.duration = .seconds(1)
        scenario.run.warmup = .zero
        return PlatformRunner.runReplication(scenario, streams: PlatformRunner.streams(seed: 1, replication: 0)).metrics.names
    }()
}
