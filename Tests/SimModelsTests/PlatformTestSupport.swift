import ScaleSim
import SimModels
import XCTest

/// Small seeded scenarios for the engine's tests: few customers and minutes, so each run
/// takes a fraction of a second in a debug build.
enum PlatformTestSupport {
    static func scenario(_ preset: ArchitecturePreset, customers: Int = 100, minutes: Double = 10,
                         warmupMinutes: Double = 5) -> PlatformScenario {
        var scenario = PlatformScenario(customers: CustomerSpec(count: customers))
        scenario.architecture = preset.architecture
        scenario.run.duration = .minutes(minutes)
        scenario.run.warmup = .minutes(warmupMinutes)
        return scenario
    }

    static func run(_ scenario: PlatformScenario, seed: UInt64 = 1) -> PlatformReplication {
        PlatformRunner.runReplication(scenario, streams: RandomStreams(seed: seed))
    }

    /// The figure at `path`, failing the test when the run did not record it.
    static func value(_ result: PlatformReplication, _ path: String,
                      file: StaticString = #filePath, line: UInt = #line) -> Double {
        guard let value = result.metrics.value(path) else {
            XCTFail("metric \(path) missing", file: file, line: line)
            return .nan
        }
        return value
    }
}
