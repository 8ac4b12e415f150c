import ScaleSim
import SimModels
import XCTest

/// Properties every run has, whatever its architecture: conservation of requests and jobs, the
/// same workload under every preset, and bit-for-bit determinism.
final class PlatformInvariantTests: XCTestCase {
    private typealias Support = PlatformTestSupport

    /// Checks that every request ended as completed or failed, or is still in flight, both per
    /// measured kind and over the whole run, and that the job ledger balances.
    private func checkConservation(_ result: PlatformReplication, _ label: String,
                                   file: StaticString = #filePath, line: UInt = #line) {
        for kind in RequestKind.allCases {
            let name = kind.rawValue
            let count = Support.value(result, "\(name).count")
            let completed = Support.value(result, "\(name).completed")
            let failed = Support.value(result, "\(name).failed")
            let inFlight = Support.value(result, "\(name).in_flight")
            XCTAssertEqual(count, completed + failed + inFlight, "\(label) \(name)", file: file, line: line)
            let byCause = FailureCause.allCases.reduce(0.0) { $0 + Support.value(result, "\(name).failures.\($1.rawValue)") }
            XCTAssertEqual(byCause, failed, "\(label) \(name) failures by cause", file: file, line: line)
        }
        let started = Support.value(result, "run.requests_started")
        let ended = Support.value(result, "run.requests_completed") + Support.value(result, "run.requests_failed")
        XCTAssertEqual(started, ended + Support.value(result, "run.in_flight_at_end"), "\(label) run", file: file, line: line)
        XCTAssertNoThrow(try result.jobs.checkBalance(), "\(label) job ledger", file: file, line: line)
    }

    func testEveryPartToggleConserves() {
        for preset in ArchitecturePreset.allCases {
            for part in ArchitecturePart.allCases {
                for on in [false, true] {
                    var scenario = Support.scenario(preset, customers: 30, minutes: 4, warmupMinutes: 1)
                    part.set(on, in: &scenario.architecture)
                    let result = Support.run(scenario)
                    checkConservation(result, "\(preset.rawValue) \(part.rawValue)=\(on)")
                    XCTAssertGreaterThan(Support.value(result, "run.requests_started"), 0)
                }
            }
        }
    }

    func testFaultsConserve() {
        // Crashes with a plain pop, an outage with retries, a small Redis that evicts the queue,
        // and a migration's locks: the paths where requests and jobs are lost or time out.
        var scenario = Support.scenario(.stage4, customers: 100)
        scenario.architecture.queue?.reliablePop = false
        scenario.architecture.queue?.runtimeWorkers = 4
        scenario.parameters.queue.crashProbabilityPerJob = 0.05
        scenario.parameters.llm.incidents = [ProviderIncident(start: .zero + .minutes(6), end: .zero + .minutes(8), kind: .outage)]
        scenario.parameters.redis.maxMemoryBytes = 64 << 10
        scenario.parameters.migration = .schemaMigration(strategy: .lockingRewrite, table: .messages, start: .minutes(7))
        let result = Support.run(scenario)
        checkConservation(result, "faults")
        XCTAssertGreaterThan(Support.value(result, "jobs.lost"), 0)
        XCTAssertGreaterThan(Support.value(result, "jobs.retried"), 0)
    }

    func testPresetsSeeSameWorkload() {
        // Sessions, the turns they plan, and their first turns (which arrive a think time after
        // the session opens, before any reply) come from workload streams only. Later turns
        // follow replies, so their arrival times depend on the architecture.
        let paths = ["workload.sessions", "workload.turns_planned", "workload.first_turns",
                     "workload.first_turn_input_tokens", "workload.first_turn_output_tokens",
                     "analytics.count"]
        let reference = Support.run(Support.scenario(.stage1, customers: 100))
        XCTAssertGreaterThan(Support.value(reference, "workload.first_turns"), 0)
        for preset in ArchitecturePreset.allCases.dropFirst() {
            let result = Support.run(Support.scenario(preset, customers: 100))
            for path in paths {
                XCTAssertEqual(Support.value(result, path), Support.value(reference, path), "\(preset.rawValue) \(path)")
            }
        }
    }

    func testSameScenarioSameMetrics() {
        var scenario = Support.scenario(.stage4, customers: 100)
        scenario.run.replications = 3
        let first = PlatformRunner.run(scenario, jobs: 1)
        let second = PlatformRunner.run(scenario, jobs: 1)
        let parallel = PlatformRunner.run(scenario, jobs: 2)
        XCTAssertEqual(first.count, 3)
        for index in first.indices {
            // Bit-for-bit: compare bit patterns, so that NaN equals NaN.
            let bits = first[index].metrics.values.map(\.bitPattern)
            XCTAssertEqual(first[index].metrics.names, second[index].metrics.names)
            XCTAssertEqual(bits, second[index].metrics.values.map(\.bitPattern))
            XCTAssertEqual(bits, parallel[index].metrics.values.map(\.bitPattern))
            XCTAssertEqual(first[index].series, parallel[index].series)
        }
        XCTAssertNotEqual(first[0].metrics.values.map(\.bitPattern), first[1].metrics.values.map(\.bitPattern))
    }
}
