import ScaleSim
import SimModels
import XCTest

final class TenantLimiterTests: XCTestCase {
    /// A plan of 2 slots and 1,000 requests per second, so only concurrency binds.
    private let twoSlots: [Plan: PlanProfile] = [
        .free: PlanProfile(sessionsPerDay: 1, agents: 1, concurrencyLimit: 2, requestsPerSecondLimit: 1_000),
    ]

    func testAdmitsUpToConcurrencyLimit() {
        var limiter = TenantLimiter(tenantCount: 1, profiles: twoSlots, slotTTL: nil)

        XCTAssertEqual(limiter.admit(tenant: 0, plan: .free, at: .zero), .admitted)
        XCTAssertEqual(limiter.admit(tenant: 0, plan: .free, at: .zero), .admitted)
        XCTAssertEqual(limiter.admit(tenant: 0, plan: .free, at: .zero), .rejectedConcurrency)
        XCTAssertEqual(limiter.rejectedConcurrency, [1])
        XCTAssertEqual(limiter.rejectedConcurrencyTotal, 1)
    }

    func testReleaseFreesSlot() {
        var limiter = TenantLimiter(tenantCount: 1, profiles: twoSlots, slotTTL: nil)
        _ = limiter.admit(tenant: 0, plan: .free, at: .zero)
        _ = limiter.admit(tenant: 0, plan: .free, at: .zero)

        limiter.release(tenant: 0, at: .seconds(1))

        XCTAssertEqual(limiter.admit(tenant: 0, plan: .free, at: .seconds(1)), .admitted)
    }

    func testTenantsAreIndependent() {
        var limiter = TenantLimiter(tenantCount: 2, profiles: twoSlots, slotTTL: nil)
        _ = limiter.admit(tenant: 0, plan: .free, at: .zero)
        _ = limiter.admit(tenant: 0, plan: .free, at: .zero)

        XCTAssertEqual(limiter.admit(tenant: 1, plan: .free, at: .zero), .admitted)
        XCTAssertEqual(limiter.inUse(tenant: 1), 1)
    }

    func testRateLimitRejectsBeyondBurst() {
        // The free plan's defaults: 10 requests per second, burst 10, 5 slots.
        var limiter = TenantLimiter(tenantCount: 1, slotTTL: nil)
        var outcomes: [TenantAdmission] = []

        for _ in 0..<11 {
            let outcome = limiter.admit(tenant: 0, plan: .free, at: .zero)
            outcomes.append(outcome)
            if outcome == .admitted { limiter.release(tenant: 0, at: .zero) }
        }

        XCTAssertEqual(outcomes.filter { $0 == .admitted }.count, 10)
        XCTAssertEqual(outcomes.last, .rejectedRate)
        XCTAssertEqual(limiter.rejectedRate, [1])
    }

    func testConcurrencyRejectionTakesNoToken() {
        let oneSlotOneToken: [Plan: PlanProfile] = [
            .free: PlanProfile(sessionsPerDay: 1, agents: 1, concurrencyLimit: 1, requestsPerSecondLimit: 1),
        ]
        var limiter = TenantLimiter(tenantCount: 1, profiles: oneSlotOneToken, slotTTL: nil)
        _ = limiter.admit(tenant: 0, plan: .free, at: .zero)
        _ = limiter.admit(tenant: 0, plan: .free, at: .zero)
        limiter.release(tenant: 0, at: .seconds(1))

        // One second refilled exactly one token, which the rejected request did not take.
        XCTAssertEqual(limiter.admit(tenant: 0, plan: .free, at: .seconds(1)), .admitted)
    }

    func testDeadHolderLeaksWithoutTTL() {
        var limiter = TenantLimiter(tenantCount: 1, profiles: twoSlots, slotTTL: nil)
        _ = limiter.admit(tenant: 0, plan: .free, at: .zero)

        limiter.holderDied(tenant: 0, at: .seconds(1))

        XCTAssertEqual(limiter.leakedSlots(tenant: 0), 1)
        XCTAssertEqual(limiter.leakedSlotsTotal, 1)
        XCTAssertEqual(limiter.freeSlots(tenant: 0, plan: .free, at: .seconds(10_000)), 1)
        XCTAssertEqual(limiter.admit(tenant: 0, plan: .free, at: .seconds(10_000)), .admitted)
        XCTAssertEqual(limiter.admit(tenant: 0, plan: .free, at: .seconds(10_000)), .rejectedConcurrency)
    }

    func testDeadHolderSlotExpiresAfterTTL() {
        var limiter = TenantLimiter(tenantCount: 1, profiles: twoSlots, slotTTL: .seconds(120))
        _ = limiter.admit(tenant: 0, plan: .free, at: .zero)
        _ = limiter.admit(tenant: 0, plan: .free, at: .zero)
        limiter.holderDied(tenant: 0, at: .seconds(10))

        XCTAssertEqual(limiter.slotsAwaitingExpiry(tenant: 0, at: .seconds(129)), 1)
        XCTAssertEqual(limiter.admit(tenant: 0, plan: .free, at: .seconds(129)), .rejectedConcurrency)
        XCTAssertEqual(limiter.admit(tenant: 0, plan: .free, at: .seconds(130)), .admitted)
        XCTAssertEqual(limiter.expiredSlotsTotal, 1)
        XCTAssertEqual(limiter.leakedSlotsTotal, 0)
    }

    func testConcurrencyNeverExceedsLimit() {
        // Random admissions, releases and deaths: live plus dead-held slots stay within the limit.
        for slotTTL in [nil, SimDuration.seconds(5)] {
            var rng = Xoshiro256StarStar(seed: 21)
            var limiter = TenantLimiter(tenantCount: 4, slotTTL: slotTTL)
            var time = SimTime.zero
            var breaches = 0
            for _ in 0..<20_000 {
                time += .milliseconds(Double(rng.next() % 200))
                let tenant = Int(rng.next() % 4)
                let plan: Plan = tenant == 3 ? .pro : .free
                switch rng.next() % 5 {
                case 0, 1, 2: _ = limiter.admit(tenant: tenant, plan: plan, at: time)
                case 3: if limiter.inUse(tenant: tenant) > 0 { limiter.release(tenant: tenant, at: time) }
                default: if limiter.inUse(tenant: tenant) > 0 { limiter.holderDied(tenant: tenant, at: time) }
                }
                let limit = limiter.profile(plan).concurrencyLimit
                let held = limiter.inUse(tenant: tenant) + limiter.leakedSlots(tenant: tenant)
                    + limiter.slotsAwaitingExpiry(tenant: tenant, at: time)
                if held > limit { breaches += 1 }
            }
            XCTAssertEqual(breaches, 0, "slotTTL \(String(describing: slotTTL))")
        }
    }

    func testRateNeverExceedsRateTimesIntervalPlusBurst() {
        // Requests arrive at about three times the pro plan's 100 requests/s. Over every window
        // that starts at an admission, admissions stay within rate * T + burst.
        var rng = Xoshiro256StarStar(seed: 8)
        var limiter = TenantLimiter(tenantCount: 1, slotTTL: nil)
        var time = SimTime.zero
        var admissions: [SimTime] = []
        for _ in 0..<30_000 {
            time += .seconds(-log(rng.nextOpenUnit()) / 300)
            if limiter.admit(tenant: 0, plan: .pro, at: time) == .admitted {
                admissions.append(time)
                limiter.release(tenant: 0, at: time)
            }
        }

        let rate = 100.0
        let burst = 100.0
        for window in [SimDuration.milliseconds(10), .milliseconds(500), .seconds(3), .seconds(20)] {
            var end = 0
            var worst = 0
            for start in admissions.indices {
                while end < admissions.count, admissions[end] <= admissions[start] + window { end += 1 }
                worst = max(worst, end - start)
            }
            XCTAssertLessThanOrEqual(Double(worst), rate * window.seconds + burst, "window \(window.seconds) s")
        }
        XCTAssertGreaterThan(limiter.rejectedRateTotal, 0)
    }
}
