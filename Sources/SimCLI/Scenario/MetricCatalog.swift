import ScaleSim
import SimModels

/// The figure names a SaaS run reports, for checking the metric paths a scenario names.
enum MetricCatalog {
    /// Every `MetricSet` name, in output order, plus the derived `resources.busiest.utilization`.
    ///
    /// The list comes from measuring one second of a ten-customer platform with every optional
    /// part switched on, so it cannot drift from what the engine records. Every figure is
    /// recorded whatever the architecture, except the cost parts, which need their part on.
    static let names: [String] = {
        var architecture = ArchitecturePreset.stage4.architecture
        architecture.fallbackProvider = true
        architecture.promptCaching = true
        var scenario = PlatformScenario(customers: CustomerSpec(count: 10), architecture: architecture)
        scenario.run.duration = .seconds(1)
        scenario.run.warmup = .zero
        let run = PlatformRunner.runReplication(scenario, streams: PlatformRunner.streams(seed: 1, replication: 0))
        return run.metrics.names + [CompareRunner.busiestUtilization]
    }()
}
