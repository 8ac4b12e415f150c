import ScaleSim
import SimModels
import XCTest

final class MMcBenchmarkTests: XCTestCase {
    func testMMcEventCount() {
        let result = runMMcBenchmark(customers: 5_000)
        XCTAssertEqual(result.events, 10_000)
    }

    func testMMcDeterministic() {
        let first = runMMcBenchmark(customers: 5_000, seed: 3)
        let second = runMMcBenchmark(customers: 5_000, seed: 3)
        XCTAssertEqual(first.meanWaitSeconds, second.meanWaitSeconds)
        XCTAssertEqual(first.simulatedSeconds, second.simulatedSeconds)
    }

    func testMMcWaitNearErlangC() {
        // 200,000 customers at utilization 0.9: the sample mean wait lies within 15% of the
        // steady-state 0.877 s for this seed; the tolerance covers the run's autocorrelation.
        let result = runMMcBenchmark(customers: 200_000)
        XCTAssertEqual(result.meanWaitSeconds, result.expectedMeanWaitSeconds,
                       accuracy: 0.15 * result.expectedMeanWaitSeconds)
    }

    func testErlangCMeanWait() {
        // M/M/8 at utilization 0.9 with service rate 1: Erlang C = 0.70153, Wq = C / 0.8.
        XCTAssertEqual(erlangCMeanWait(servers: 8, utilization: 0.9, serviceRate: 1), 0.876916, accuracy: 1e-6)
    }

    func testErlangCSingleServer() {
        // M/M/1: Wq = rho / (mu - lambda) = 0.5 / 0.5.
        XCTAssertEqual(erlangCMeanWait(servers: 1, utilization: 0.5, serviceRate: 1), 1, accuracy: 1e-12)
    }

    func testHoldPopCount() {
        let result = runHoldBenchmark(pending: 100, pops: 1_000)
        XCTAssertEqual(result.pops, 1_000)
        XCTAssertEqual(result.pending, 100)
    }
}
