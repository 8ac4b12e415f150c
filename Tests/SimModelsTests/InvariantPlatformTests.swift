import ScaleSim
import SimModels
import XCTest

/// Invariants of whole SaaS runs over generated variants: requests and jobs are conserved,
/// figures are ordered and bounded, costs add up, and the response cache never raises LLM spend.
final class InvariantPlatformTests: XCTestCase {
    /// Small runs: tens to hundreds of customers, 5 simulated minutes after 1 of warm-up.
    static let ranges: PlatformRanges = {
        var ranges = PlatformRanges()
        ranges.customers = 20...500
        ranges.optionalParts = [.queue, .responseCache, .tenantLimits, .pooler, .replica]
        return ranges
    }()

    static let base = PlatformGenerators.smallBase(minutes: 5, seed: 17)

    static func run(_ variant: PlatformVariant) -> PlatformReplication {
        run(variant.apply(to: base))
    }

    /// Runs replication 0 of `scenario`: the same workload draws for any architecture.
    static func run(_ scenario: PlatformScenario) -> PlatformReplication {
         PlatformRunner.runReplication(scenario, streams: PlatformRunner.streams(seed: scenario.run.seed, replication: 0))
    }

    func testRequestsAndJobsConserved() {
        XCTAssertProperty(cases: 100, seed: 71, PlatformGenerators.variant(Self.ranges)) { variant in
            let replication = Self.run(variant)
            try replication.jobs.checkBalance()
            let metrics = replication.metrics
            guard (metrics.value("chat.count") ?? 0) > 0 else { throw Breach("no chat turn measured") }
            var open = 0.0
            for kind in RequestKind.allCases where kind != .chatAPI {
                let count = metrics.value("\(kind.rawValue).count") ?? .nan
                let ended = (metrics.value("\(kind.rawValue).completed") ?? .nan) + (metrics.value("\(kind.rawValue).failed") ?? .nan)
                guard ended <= count else { throw Breach("\(kind.rawValue): \(ended) ended of \(count) arrived") }
                open += count - ended
            }
            let inFlight = metrics.value("run.in_flight_at_end") ?? .nan
            guard open <= inFlight else { throw Breach("\(open) measured requests unended, \(inFlight) in flight") }
            let lost = (metrics.value("jobs.lost_worker_crash") ?? .nan) + (metrics.value("jobs.lost_redis_eviction") ?? .nan)
            return lost == metrics.value("jobs.lost")
        }
    }

    func testFiguresOrderedAndBounded() {
        XCTAssertProperty(cases: 100, seed: 72, PlatformGenerators.variant(Self.ranges)) { variant in
            let replication = Self.run(variant)
            try Self.checkFigures(replication)
            return true
        }
    }

    func testResponseCacheNeverRaisesSpend() {
        // Checked on the same sequence of turns: each turn is a message key, a gap and the
        // dollars its LLM call costs. A hit skips the call, a miss pays it and stores the reply.
        //
        // Whole runs are no fit, because the cache changes which turns fall in the window.
        // Faster cached replies let user-paced sessions send more turns, which raised a
        // window's spend from $0.73152 to $0.73278 and its spend per turn from $0.0069297 to
        // $0.0069457 (65 to 67 customers, stage 1 with the queue, traffic × 1.73).
        let turn = Generator<((Int, Int), Int)>.zip(.zip(.int(in: 0...20), .int(in: 0...30_000)), .int(in: 1...500))
        let turns = Generator<[((Int, Int), Int)]>.array(of: turn, length: 1...400)
        let cacheSize = Generator<(Int, Int)>.zip(.int(in: 1...600), .int(in: 1...64))
        XCTAssertProperty(cases: 300, seed: 73, .zip(turns, cacheSize)) { input in
            let (turns, (ttlSeconds, memoryKilobytes)) = input
            var cache = ResponseCache(ttl: .seconds(Double(ttlSeconds)), memoryBudgetBytes: memoryKilobytes * 1_024)
            var now = SimTime.zero
            var withCache = 0.0
            var withoutCache = 0.0
            for ((key, gapMillis), cents) in turns {
                now += .milliseconds(Double(gapMillis))
                let dollars = Double(cents) / 100
                withoutCache += dollars
                if !cache.lookup(UInt64(key), at: now) {
                    withCache += dollars
                    cache.store(UInt64(key), bytes: 4_096, at: now)
                }
            }
            return withCache <= withoutCache
        }
    }

    /// Throws a `Breach` naming the first figure out of order or out of bounds.
    static func checkFigures(_ replication: PlatformReplication) throws {
        let metrics = replication.metrics
        for kind in RequestKind.allCases {
            let ladder = ["p50_ms", "p95_ms", "p99_ms", "max_ms"].map { metrics.value("\(kind.rawValue).\($0)") ?? .nan }
            guard !ladder.contains(where: \.isNaN) else { continue }
            for (lower, upper) in zip(ladder, ladder.dropFirst()) where lower > upper {
                throw Breach("\(kind.rawValue) percentiles out of order: \(ladder)")
            }
        }
        for (name, value) in zip(metrics.names, metrics.values) {
            if name.hasSuffix(".utilization"), !(0...1).contains(value) {
                throw Breach("\(name) = \(value) outside [0, 1]")
            }
            if name.hasPrefix("costs."), !(value >= 0) {
                throw Breach("\(name) = \(value) negative")
            }
        }
        let costs = replication.costs
        let sum = costs.parts.reduce(0) { $0 + $1.dollarsPerMonth }
        try requireClose(sum, costs.totalDollarsPerMonth, "cost parts sum")
        let total = metrics.value("costs.total_dollars_per_month") ?? .nan
        try requireClose(total, costs.totalDollarsPerMonth, "costs.total_dollars_per_month")
        var metricParts = 0.0
        for part in costs.parts {
            let name = "costs.\(part.name.replacingOccurrences(of: " ", with: "_"))_dollars_per_month"
            let value = metrics.value(name) ?? .nan
            try requireClose(value, part.dollarsPerMonth, name)
            metricParts += value
        }
        try requireClose(metricParts, total, "costs.* parts sum")
        let infrastructure = metrics.value("costs.infrastructure_dollars_per_month") ?? .nan
        try requireClose(infrastructure + costs.llm.dollarsPerMonth, total, "infrastructure + llm")
    }

    static func requireClose(_ value: Double, _ expected: Double, _ name: String) throws {
        guard abs(value - expected) <= 1e-9 * max(1, abs(expected)) else {
            throw Breach("\(name): \(value), expected \(expected)")
        }
    }
}

/// A broken invariant, with the values that break it.
struct Breach: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
