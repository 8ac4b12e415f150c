import XCTest
import ScaleSim

final class TokenBucketTests: XCTestCase {
    private func at(_ seconds: Double) -> SimTime { .seconds(seconds) }

    func testBurstThenRefill() {
        // 2 tokens per second, burst 5: five requests pass at once, the sixth is rejected, and
        // half a second later one token has come back.
        var bucket = TokenBucket(ratePerSecond: 2, burst: 5)
        for _ in 0..<5 {
            XCTAssertTrue(bucket.tryTake(at: at(0)))
        }
        XCTAssertFalse(bucket.tryTake(at: at(0)))
        XCTAssertEqual(bucket.available(at: at(0)), 0)

        XCTAssertEqual(bucket.available(at: at(0.5)), 1)
        XCTAssertTrue(bucket.tryTake(at: at(0.5)))
        XCTAssertFalse(bucket.tryTake(at: at(0.5)))
        XCTAssertEqual(bucket.admitted, 6)
        XCTAssertEqual(bucket.rejected, 2)
    }

    func testRefillCapsAtBurst() {
        var bucket = TokenBucket(ratePerSecond: 10, burst: 3)
        XCTAssertTrue(bucket.tryTake(3, at: at(0)))
        XCTAssertEqual(bucket.available(at: at(100)), 3)
        XCTAssertFalse(bucket.tryTake(4, at: at(100)))
        XCTAssertEqual(bucket.timeUntilAvailable(4, at: at(100)), .infinity)
    }

    func testResetKeepsTokens() {
        var bucket = TokenBucket(ratePerSecond: 1, burst: 2)
        XCTAssertTrue(bucket.tryTake(at: at(0)))
        bucket.resetStatistics()

        XCTAssertEqual(bucket.admitted, 0)
        XCTAssertEqual(bucket.rejected, 0)
        XCTAssertEqual(bucket.available(at: at(0)), 1)
    }

    func testAdmittedWithinBurstPlusRate() {
        // From a full bucket, over every window [start, t] of random request times, the tokens
        // admitted never exceed burst + rate * (t - start).
        var rng = Xoshiro256StarStar(seed: 77)
        for trial in 0..<20 {
            let rate = 0.5 + 20 * rng.nextUnit()
            let burst = 1 + Double(trial % 6)
            let start = at(Double(trial))
            var bucket = TokenBucket(ratePerSecond: rate, burst: burst, at: start)
            var now = start
            var admittedTokens = 0.0
            for _ in 0..<2_000 {
                now += .seconds(rng.nextUnit() * 0.3 / rate)
                let tokens = 0.5 + 2 * rng.nextUnit()
                if bucket.tryTake(tokens, at: now) {
                    admittedTokens += tokens
                }
                let bound = burst + rate * (now - start).seconds
                XCTAssertLessThanOrEqual(admittedTokens, bound + 1e-9)
            }
            XCTAssertEqual(bucket.admittedTokens, admittedTokens, accuracy: 1e-9)
            XCTAssertGreaterThan(bucket.rejected, 0)
        }
    }

    func testTimeUntilAvailableMatchesTryTake() {
        // The returned wait is the first nanosecond at which tryTake succeeds.
        var rng = Xoshiro256StarStar(seed: 4_242)
        var bucket = TokenBucket(ratePerSecond: 3.7, burst: 4)
        var now = SimTime.zero
        var waits = 0
        for _ in 0..<500 {
            now += .seconds(rng.nextUnit() * 0.5)
            let tokens = 0.25 + 3 * rng.nextUnit()
            let wait = bucket.timeUntilAvailable(tokens, at: now)
            if wait == .zero {
                XCTAssertTrue(bucket.tryTake(tokens, at: now))
                continue
            }
            waits += 1
            XCTAssertGreaterThan(wait, .zero)
            var early = bucket
            XCTAssertFalse(early.tryTake(tokens, at: now + wait - SimDuration(nanoseconds: 1)))
            now += wait
            XCTAssertTrue(bucket.tryTake(tokens, at: now))
        }
        XCTAssertGreaterThan(waits, 50)
    }

    func testTimeUntilAvailableExact() {
        // 4 tokens per second: one token takes 250 ms from empty.
        var bucket = TokenBucket(ratePerSecond: 4, burst: 1)
        XCTAssertTrue(bucket.tryTake(at: at(0)))

        XCTAssertEqual(bucket.timeUntilAvailable(at: at(0)), .milliseconds(250))
        XCTAssertEqual(bucket.timeUntilAvailable(at: at(0.1)), .milliseconds(150))
        XCTAssertEqual(bucket.timeUntilAvailable(at: at(0.25)), .zero)
    }
}
