import ScaleSim
import SimModels
import XCTest

final class RetryPolicyTests: XCTestCase {
    func testImmediateRetriesWithoutDelay() {
        let policy = RetryPolicy(maxAttempts: 4, backoff: .immediate)
        var rng = Xoshiro256StarStar(seed: 1)

        for attempt in 1...3 {
            XCTAssertEqual(policy.delay(afterAttempt: attempt, rng: &rng), .zero, "attempt \(attempt)")
        }
        XCTAssertNil(policy.delay(afterAttempt: 4, rng: &rng))
    }

    func testSingleAttemptNeverRetries() {
        let policy = RetryPolicy(maxAttempts: 1, backoff: .exponential(base: .seconds(1), cap: .seconds(30)))
        var rng = Xoshiro256StarStar(seed: 1)

        XCTAssertNil(policy.delay(afterAttempt: 1, rng: &rng))
    }

    func testExponentialBoundsDoubleUpToCap() {
        let policy = RetryPolicy(maxAttempts: 8, backoff: .exponential(base: .seconds(1), cap: .seconds(30)))
        let expected: [Double] = [1, 2, 4, 8, 16, 30, 30]

        for (index, seconds) in expected.enumerated() {
            XCTAssertEqual(policy.maxDelay(afterAttempt: index + 1), .seconds(seconds), "attempt \(index + 1)")
        }
        XCTAssertNil(policy.maxDelay(afterAttempt: 8))
    }

    func testExponentialBoundSurvivesLargeAttempt() {
        let policy = RetryPolicy(maxAttempts: 1_000, backoff: .exponential(base: .seconds(1), cap: .seconds(30)))

        XCTAssertEqual(policy.maxDelay(afterAttempt: 200), .seconds(30))
    }

    func testExponentialDelaysWithinBounds() {
        let policy = RetryPolicy(maxAttempts: 8, backoff: .exponential(base: .seconds(1), cap: .seconds(30)))
        var rng = Xoshiro256StarStar(seed: 7)

        for attempt in 1...7 {
            let bound = policy.maxDelay(afterAttempt: attempt) ?? .zero
            var outside = 0
            for _ in 0..<2_000 {
                let delay = policy.delay(afterAttempt: attempt, rng: &rng) ?? .infinity
                if delay < .zero || delay > bound { outside += 1 }
            }
            XCTAssertEqual(outside, 0, "attempt \(attempt)")
        }
    }

    func testExponentialMeanIsHalfTheBound() {
        // Full jitter is uniform on [0, bound), so the mean is bound / 2 with a standard error
        // of bound / sqrt(12 n); 40,000 draws put 4 standard errors at 1.2% of the bound.
        let policy = RetryPolicy(maxAttempts: 8, backoff: .exponential(base: .seconds(1), cap: .seconds(30)))
        var rng = Xoshiro256StarStar(seed: 11)
        let draws = 40_000

        for attempt in 1...7 {
            let bound = (policy.maxDelay(afterAttempt: attempt) ?? .zero).seconds
            var moments = RunningMoments()
            for _ in 0..<draws {
                moments.record((policy.delay(afterAttempt: attempt, rng: &rng) ?? .zero).seconds)
            }
            XCTAssertEqual(moments.mean, bound / 2, accuracy: 0.012 * bound, "attempt \(attempt)")
        }
    }

    func testPolicyFromQueueSpec() {
        let spec = QueueSpec(runtimeWorkers: 10, maxAttempts: 3, backoff: .immediate, reliablePop: true,
                             backpressureLimit: nil)

        let policy = RetryPolicy(spec: spec)

        XCTAssertEqual(policy.maxAttempts, 3)
        XCTAssertEqual(policy.backoff, .immediate)
    }
}
