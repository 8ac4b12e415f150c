/// Wall-clock timing for the speed benchmarks.
enum BenchmarkClock {
    /// Runs `body` and returns its wall-clock duration in seconds.
    static func measureSeconds(_ body: () -> Void) -> Double {
        let duration = ContinuousClock().measure(body)
        let components = duration.components
        return Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
