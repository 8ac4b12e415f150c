import ScaleSim
import SimModels
import XCTest

final class WorkerCrashModelTests: XCTestCase {
    func testPlainPopCrashLosesJob() {
        let model = WorkerCrashModel(crashProbabilityPerJob: 1, reliablePop: false, visibilityTimeout: .seconds(60))
        var rng = Xoshiro256StarStar(seed: 1)

        XCTAssertEqual(model.draw(using: &rng), .lost)
    }

    func testReliablePopCrashRequeues() {
        let model = WorkerCrashModel(crashProbabilityPerJob: 1, reliablePop: true, visibilityTimeout: .seconds(60))
        var rng = Xoshiro256StarStar(seed: 1)

        XCTAssertEqual(model.draw(using: &rng), .requeue(after: .seconds(60)))
    }

    func testZeroProbabilityNeverCrashes() {
        let model = WorkerCrashModel(crashProbabilityPerJob: 0, reliablePop: false, visibilityTimeout: .seconds(60))
        var rng = Xoshiro256StarStar(seed: 1)
        var crashes = 0

        for _ in 0..<10_000 where model.draw(using: &rng) != .none {
            crashes += 1
        }
        XCTAssertEqual(crashes, 0)
    }

    func testCrashFrequencyMatchesProbability() {
        // 200,000 draws at p = 0.001: mean 200, standard deviation about 14.
        let model = WorkerCrashModel(crashProbabilityPerJob: 0.001, reliablePop: false, visibilityTimeout: .seconds(60))
        var rng = Xoshiro256StarStar(seed: 5)
        var crashes = 0

        for _ in 0..<200_000 where model.draw(using: &rng) == .lost {
            crashes += 1
        }
        XCTAssertEqual(Double(crashes), 200, accuracy: 60)
    }

    func testDefaultsFromParameters() {
        let spec = QueueSpec(runtimeWorkers: 8, maxAttempts: 3, backoff: .immediate, reliablePop: true,
                             backpressureLimit: nil)

        let model = WorkerCrashModel(spec: spec, parameters: QueueParameters())

        XCTAssertEqual(model.crashProbabilityPerJob, 0.001)
        XCTAssertEqual(model.visibilityTimeout, .seconds(60))
        XCTAssertTrue(model.reliablePop)
    }
}
