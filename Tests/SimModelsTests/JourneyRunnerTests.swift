import ScaleSim
import SimModels
import XCTest

final class JourneyRunnerTests: XCTestCase {
    /// Two checkpoints, stage 1 and stage 2, five minutes of peak after one of warm-up.
    func tinySpec() -> JourneySpec {
        var spec = JourneySpec()
        spec.checkpoints = [10, 100]
        spec.architectures = [NamedArchitecture(preset: .stage1), NamedArchitecture(preset: .stage2)]
        spec.duration = .minutes(5)
        spec.warmup = .minutes(1)
        return spec
    }

    let base = PlatformScenario(customers: CustomerSpec(count: 10))

    func testStageOneWallComesFirst() {
        // The N+1 listing without indexes breaks long before the indexed LATERAL listing does.
        let result = JourneyRunner.run(base: base, spec: tinySpec(), jobs: 1)
        let stage1 = result.architectures[0].wall?.checkpoint
        let stage2 = result.architectures[1].wall?.checkpoint ?? Int.max
        XCTAssertNotNil(stage1)
        XCTAssertLessThan(stage1 ?? Int.max, stage2)
    }

    func testWallNamesMigrationAndReadiness() {
        let result = JourneyRunner.run(base: base, spec: tinySpec(), jobs: 1)
        let wall = result.architectures[0].wall
        XCTAssertEqual(wall?.kind, .listing)
        XCTAssertEqual(wall?.layer, .database)
        XCTAssertEqual(wall?.migration, "indexes")
        XCTAssertNotNil(wall?.readiness)
    }

    func testJobsDoNotChangeResult() {
        let one = JourneyRunner.run(base: base, spec: tinySpec(), jobs: 1)
        let two = JourneyRunner.run(base: base, spec: tinySpec(), jobs: 2)
        for (left, right) in zip(one.architectures, two.architectures) {
            for (a, b) in zip(left.points, right.points) {
                XCTAssertEqual(a.metrics.names, b.metrics.names)
                XCTAssertEqual(a.metrics.values.map(\.bitPattern), b.metrics.values.map(\.bitPattern))
                XCTAssertEqual(a.events, b.events)
            }
            XCTAssertEqual(left.wall?.checkpoint, right.wall?.checkpoint)
        }
    }

    func testCheckpointScenarioSetsMonthAndPeak() {
        let scenario = JourneyRunner.scenario(base: base, spec: tinySpec(), customers: 1_000)
        XCTAssertEqual(scenario.customers.count, 1_000)
        XCTAssertEqual(scenario.run.month, 12)
        XCTAssertTrue(scenario.run.peakHour)
        XCTAssertEqual(scenario.run.warmup, .minutes(1))
    }

    func testObjectiveWildcardCoversOneSegment() {
        let objective = Objective(metric: "resources.*.utilization", bound: 0.9)
        XCTAssertTrue(objective.covers("resources.app_cpu.utilization"))
        XCTAssertFalse(objective.covers("resources.app_cpu.mean_queue"))
        XCTAssertFalse(objective.covers("resources.utilization"))
    }

    func testObjectiveIgnoresNaN() {
        XCTAssertFalse(Objective(metric: "chat.p95_ms", bound: 1).isBroken(by: .nan))
    }
}
