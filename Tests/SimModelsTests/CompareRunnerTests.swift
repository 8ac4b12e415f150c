import ScaleSim
import SimModels
import XCTest

final class CompareRunnerTests: XCTestCase {
    func scenario(_ preset: ArchitecturePreset) -> PlatformScenario {
        var scenario = PlatformScenario(customers: CustomerSpec(count: 20), architecture: preset.architecture)
        scenario.run.duration = .minutes(2)
        scenario.run.warmup = .seconds(30)
        return scenario
    }

    func testPairedIntervalWithReplications() {
        let result = CompareRunner.run(scenarios: [("a", scenario(.stage1)), ("b", scenario(.stage2))],
                                       replications: 3, seed: 7, jobs: 2)
        let total = result.metrics.firstIndex(of: "costs.total_dollars_per_month") ?? 0
        XCTAssertNotNil(result.difference(entry: 1, metric: total).interval)
        XCTAssertEqual(result.difference(entry: 1, metric: total).interval?.count, 3)
    }

    func testNoIntervalWithOneReplication() {
        let result = CompareRunner.run(scenarios: [("a", scenario(.stage1)), ("b", scenario(.stage2))],
                                       replications: 1, seed: 7, jobs: 1)
        for metric in result.metrics.indices {
            XCTAssertNil(result.difference(entry: 1, metric: metric).interval)
        }
    }

    func testSelfDifferenceIsExactlyZero() {
        let result = CompareRunner.run(scenarios: [("a", scenario(.stage2)), ("same", scenario(.stage2))],
                                       replications: 3, seed: 7, jobs: 2)
        for metric in result.metrics.indices {
            let difference = result.difference(entry: 1, metric: metric)
            if result.mean(entry: 0, metric: metric).isNaN { continue }
            XCTAssertEqual(difference.mean, 0, result.metrics[metric])
            XCTAssertEqual(difference.interval?.halfWidth, 0, result.metrics[metric])
        }
    }

    func testJobsDoNotChangeComparison() {
        let scenarios = [("a", scenario(.stage1)), ("b", scenario(.stage3))]
        let one = CompareRunner.run(scenarios: scenarios, replications: 2, seed: 3, jobs: 1)
        let two = CompareRunner.run(scenarios: scenarios, replications: 2, seed: 3, jobs: 2)
        for (left, right) in zip(one.entries, two.entries) {
            XCTAssertEqual(left.values.flatMap { $0 }.map(\.bitPattern), right.values.flatMap { $0 }.map(\.bitPattern))
        }
    }
}
