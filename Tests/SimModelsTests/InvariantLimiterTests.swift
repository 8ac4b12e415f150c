import ScaleSim
import SimModels
import XCTest

/// Limits hold whatever the request sequence: a tenant never has more requests in flight than
/// its plan's concurrency limit, and no interval admits more than rate × T + burst.
final class InvariantLimiterTests: XCTestCase {
    /// One request: gap before it in milliseconds, its tenant, and how long it keeps its slot.
    struct Request: CustomStringConvertible {
        var gapMillis: Int
        var tenant: Int
        var holdMillis: Int

        var description: String { "(+\(gapMillis)ms t\(tenant) hold \(holdMillis)ms)" }
    }

    static let requests: Generator<[Request]> = {
        let one = Generator<((Int, Int), Int)>.zip(.zip(.int(in: 0...50), .int(in: 0...3)), .int(in: 1...2_000))
            .map { Request(gapMillis: $0.0.0, tenant: $0.0.1, holdMillis: $0.1) }
        return .array(of: one, length: 1...400)
    }()

    static let plans: [Plan] = [.free, .pro, .enterprise, .free]

    func testConcurrencyNeverExceedsLimit() {
        XCTAssertProperty(cases: 150, seed: 51, Self.requests) { requests in
            var limiter = TenantLimiter(tenantCount: Self.plans.count, slotTTL: nil)
            var releases: [(time: SimTime, tenant: Int)] = []
            var now = SimTime.zero
            for request in requests {
                now += .milliseconds(Double(request.gapMillis))
                releases.sort { $0.time < $1.time }
                while let first = releases.first, first.time <= now {
                    limiter.release(tenant: first.tenant, at: first.time)
                    releases.removeFirst()
                }
                let plan = Self.plans[request.tenant]
                if limiter.admit(tenant: request.tenant, plan: plan, at: now) == .admitted {
                    releases.append((now + .milliseconds(Double(request.holdMillis)), request.tenant))
                }
                if limiter.inUse(tenant: request.tenant) > limiter.profile(plan).concurrencyLimit {
                    return false
                }
            }
            return true
        }
    }

    func testLimiterRateBoundOverEveryInterval() {
        // Every request releases at once, so only the rate limit can turn one away.
        XCTAssertProperty(cases: 150, seed: 52, Self.requests) { requests in
            var limiter = TenantLimiter(tenantCount: Self.plans.count, slotTTL: nil)
            var admitted: [[SimTime]] = Array(repeating: [], count: Self.plans.count)
            var now = SimTime.zero
            for request in requests {
                now += .milliseconds(Double(request.gapMillis))
                if limiter.admit(tenant: request.tenant, plan: Self.plans[request.tenant], at: now) == .admitted {
                    limiter.release(tenant: request.tenant, at: now)
                    admitted[request.tenant].append(now)
                }
            }
            return admitted.indices.allSatisfy { tenant in
                let rate = limiter.profile(Self.plans[tenant]).requestsPerSecondLimit
                return Self.respectsRate(admitted[tenant], ratePerSecond: rate, burst: max(1, rate))
            }
        }
    }

    func testTokenBucketRateBoundOverEveryInterval() {
        let generator = Generator<(([Int], Int), Int)>.zip(
            .zip(.array(of: .int(in: 0...200), length: 1...300), .int(in: 1...20)), .int(in: 1...10))
        XCTAssertProperty(cases: 200, seed: 53, generator) { input in
            let ((gaps, rate), burst) = input
            var bucket = TokenBucket(ratePerSecond: Double(rate), burst: Double(burst))
            var admitted: [SimTime] = []
            var now = SimTime.zero
            for gap in gaps {
                now += .milliseconds(Double(gap))
                if bucket.tryTake(at: now) { admitted.append(now) }
            }
            return Self.respectsRate(admitted, ratePerSecond: Double(rate), burst: Double(burst))
        }
    }

    /// Whether every window [first, last] of admissions contains at most rate × T + burst of them.
    ///
    /// A small tolerance absorbs floating-point refill arithmetic.
    static func respectsRate(_ times: [SimTime], ratePerSecond: Double, burst: Double) -> Bool {
        for start in times.indices {
            for end in start..<times.count {
                let seconds = (times[end] - times[start]).seconds
                if Double(end - start + 1) > ratePerSecond * seconds + burst + 1e-9 { return false }
            }
        }
        return true
    }
}
