import ScaleSim

/// Figures of one run of the hold benchmark.
public struct HoldBenchmarkResult: Sendable {
    /// Timers pending throughout the run.
    public var pending: Int
    /// Events popped, each rescheduled at once.
    public var pops: Int
    /// Wall-clock time of the pops alone, without filling the event list, in seconds.
    public var elapsedSeconds: Double
    /// Peak resident memory in bytes during the run, or nil where it cannot be read.
    public var peakMemoryBytes: Int?

    public var eventsPerSecond: Double { Double(pops) / elapsedSeconds }
    public var nanosecondsPerEvent: Double { elapsedSeconds * 1e9 / Double(pops) }
}

/// The one event of the hold model: a timer that fires and is set again.
public enum HoldBenchmarkEvent: Sendable {
    case timer
}

/// The classic hold model: each event handled schedules one more, so the list size stays fixed.
struct HoldBenchmarkModel: SimulationModel {
    let delay: Exponential
    var stream: Xoshiro256StarStar
    let pops: Int
    var handled = 0

    mutating func handle(_ event: HoldBenchmarkEvent, scheduler: inout Scheduler<HoldBenchmarkEvent>) {
        handled += 1
        scheduler.schedule(.timer, after: .seconds(delay.sample(using: &stream)))
        if handled == pops {
            scheduler.stop()
        }
    }
}

/// Runs the hold model: `pending` timers, each popped and rescheduled `now + Exp(mean 1 s)`,
/// until `pops` events have been handled; only the pops are timed.
///
/// The cost per event grows with log(pending), the depth of the binary heap, plus the cache
/// misses of a heap larger than the caches.
///
/// - Precondition: `pending > 0`, `pops > 0`.
public func runHoldBenchmark(pending: Int, pops: Int, seed: UInt64 = 1) -> HoldBenchmarkResult {
    precondition(pending > 0, "pending must be positive, got \(pending)")
    precondition(pops > 0, "pops must be positive, got \(pops)")

    let streams = RandomStreams(seed: seed)
    var simulation = Simulation(model: HoldBenchmarkModel(
        delay: Exponential(uncheckedRate: 1), stream: streams.stream("hold.delay"), pops: pops))
    PeakMemory.reset()
    for _ in 0..<pending {
        let delay = simulation.model.delay.sample(using: &simulation.model.stream)
        simulation.schedule(.timer, at: .seconds(delay))
    }

    var events = 0
    let elapsed = BenchmarkClock.measureSeconds {
        events = simulation.run(until: SimTime(nanoseconds: .max))
    }
    return HoldBenchmarkResult(pending: pending, pops: events, elapsedSeconds: elapsed,
                               peakMemoryBytes: PeakMemory.bytes())
}
