import Foundation
import SimCLI
import SimModels
import XCTest

/// `simctl check`: assertions, generated variants, shrinking, replay and input errors.
final class CheckCommandTests: XCTestCase {
    /// A small stage-3 scenario whose chat p95 assertion fails from some customer count on.
    static func scenario(assert: String, ranges: String = "") -> String {
        """
        {
          "kind": "saas",
          "customers": {"count": 50},
          "architecture": {"preset": "stage3"},
          "run": {"duration_s": 120, "warmup_s": 30, "replications": 1, "seed": 2},
          "assert": \(assert)\(ranges.isEmpty ? "" : ",\n  \"ranges\": \(ranges)")
        }
        """
    }

    func testHoldingAssertionExitsZero() throws {
        let path = try CLITestSupport.write(Self.scenario(assert: #"[{"metric": "chat.p95_ms", "below": 1e9}]"#))
        let result = CLITestSupport.simctl(["check", path])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(result.output.contains("every assertion holds"), result.output)
    }

    func testFailingAssertionExitsOne() throws {
        let path = try CLITestSupport.write(Self.scenario(assert: #"[{"metric": "chat.count", "below": 1}]"#))
        let result = CLITestSupport.simctl(["check", path])
        XCTAssertEqual(result.status, 1, result.error)
        XCTAssertTrue(result.output.contains("chat.count = "), result.output)
    }

    func testShrinksToThreshold() throws {
        // Customers are drawn in 10...400; "tenants.count below 137" fails from 137 on, so the
        // shrunk case is exactly 137 customers.
        let text = Self.scenario(assert: #"[{"metric": "tenants.count", "below": 137}]"#,
                                 ranges: #"{"customers.count": {"min": 10, "max": 400}}"#)
        let path = try CLITestSupport.write(text)
        let result = CLITestSupport.simctl(["check", path, "--cases", "10", "--seed", "4", "--jobs", "2"])
        XCTAssertEqual(result.status, 1, result.error)
        XCTAssertTrue(result.output.contains("shrunk"), result.output)
        XCTAssertTrue(result.output.contains("steps): customers.count=137\n"), result.output)
        XCTAssertTrue(result.output.contains("replay: simctl check \(path) --seed 4 --case "), result.output)
    }

    func testShrinkKeepsSameFailure() throws {
        // Seed 3 draws 398 customers first, which breaks only the tenant bound. Fewer customers
        // raise the cost per customer past 40 dollars below about 100, a different failure, so
        // the shrunk case must stop at 137, the smallest count that breaks the tenant bound alone.
        let assertions = #"[{"metric": "tenants.count", "below": 137}, "#
            + #"{"metric": "costs.dollars_per_customer_month", "below": 40}]"#
        let text = Self.scenario(assert: assertions, ranges: #"{"customers.count": {"min": 10, "max": 400}}"#)
        let path = try CLITestSupport.write(text)
        let result = CLITestSupport.simctl(["check", path, "--cases", "10", "--seed", "3", "--jobs", "2"])
        XCTAssertEqual(result.status, 1, result.error)
        XCTAssertTrue(result.output.contains("variant: customers.count=398\n"), result.output)
        XCTAssertTrue(result.output.contains("steps): customers.count=137\n  tenants.count = 137; expected"), result.output)
        XCTAssertFalse(result.output.contains("costs.dollars_per_customer_month ="), result.output)
    }

    func testUnmeasuredMetricNotFailure() throws {
        // Five customers for 30 s send no analytics query, so analytics.p95_ms is NaN.
        let text = """
            {"kind": "saas", "customers": {"count": 5}, "run": {"duration_s": 30, "warmup_s": 0, "replications": 1},
             "assert": [{"metric": "analytics.p95_ms", "below": 1}]}
            """
        let path = try CLITestSupport.write(text)
        let result = CLITestSupport.simctl(["check", path])
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertTrue(result.output.contains("every assertion holds\n"), result.output)
        XCTAssertTrue(result.output.contains("analytics.p95_ms not measured (no observation)"), result.output)
    }

    func testReplayReproducesFailure() throws {
        let text = Self.scenario(assert: #"[{"metric": "tenants.count", "below": 137}]"#,
                                 ranges: #"{"customers.count": {"min": 10, "max": 400}}"#)
        let path = try CLITestSupport.write(text)
        let first = CLITestSupport.simctl(["check", path, "--cases", "10", "--seed", "4"])
        let replay = try XCTUnwrap(first.output.split(separator: "\n").last { $0.hasPrefix("replay: ") })
        let arguments = replay.dropFirst("replay: simctl ".count).split(separator: " ").map(String.init)
        let again = CLITestSupport.simctl(arguments)
        XCTAssertEqual(again.status, 1)
        XCTAssertEqual(again.output, first.output)
    }

    func testUnknownMetricHintsAndPointsToList() throws {
        let path = try CLITestSupport.write(Self.scenario(assert: #"[{"metric": "chat.p95ms", "below": 2000}]"#))
        let result = CLITestSupport.simctl(["check", path])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.error, "error: \(path):6: assert[0].metric: \"chat.p95ms\" is not a known metric; "
                       + "did you mean \"chat.p95_ms\"? Run 'simctl check --metrics' for the list.\n")
    }

    func testUnknownMetricWithoutHint() throws {
        let path = try CLITestSupport.write(Self.scenario(assert: #"[{"metric": "zzz", "below": 2000}]"#))
        let result = CLITestSupport.simctl(["check", path])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.error, "error: \(path):6: assert[0].metric: \"zzz\" is not a known metric; "
                       + "run 'simctl check --metrics' for the list.\n")
    }

    func testMetricsListMatchesRun() {
        let result = CLITestSupport.simctl(["check", "--metrics"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.output.contains("chat.p95_ms\n"))
        XCTAssertTrue(result.output.contains("costs.dollars_per_customer_month\n"))
    }

    func testInvalidRangesReported() throws {
        let text = Self.scenario(assert: #"[{"metric": "chat.p95_ms", "above": 5, "below": 1}]"#,
                                 ranges: #"{"customers.count": {"min": 10}, "assert.x": {"one_of": [1]}}"#)
        let path = try CLITestSupport.write(text)
        let result = CLITestSupport.simctl(["check", path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.error.contains("assert[0]"), result.error)
        XCTAssertTrue(result.error.contains(#"ranges["customers.count"]"#), result.error)
        XCTAssertTrue(result.error.contains("cannot vary"), result.error)
    }

    func testMissingAssertRejected() throws {
        let path = try CLITestSupport.write(#"{"kind": "saas", "customers": {"count": 5}}"#)
        let result = CLITestSupport.simctl(["check", path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.error.contains("no \"assert\" list"), result.error)
    }

    func testShippedExampleHolds() {
        let path = CLITestSupport.scenariosFolder.appendingPathComponent("check_stage3.json").path
        let result = CLITestSupport.simctl(["check", path, "--cases", "3", "--jobs", "2"])
        XCTAssertEqual(result.status, 0, result.output + result.error)
    }

    /// The same case in separate processes with 1 and 2 threads prints the same bytes.
    func testOutputSameAcrossProcessesAndJobs() throws {
        let binary = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../..").standardized
        let candidates = ["/tmp/build-props/debug/simctl", "/tmp/build-props/release/simctl",
                          binary.appendingPathComponent(".build/debug/simctl").path]
        guard let simctl = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("simctl is not built; run swift build first")
        }
        let path = CLITestSupport.scenariosFolder.appendingPathComponent("check_stage3.json").path
        let one = try Self.output(of: simctl, ["check", path, "--cases", "4", "--jobs", "1"])
        let two = try Self.output(of: simctl, ["check", path, "--cases", "4", "--jobs", "2"])
        XCTAssertEqual(one, two)
        XCTAssertFalse(one.isEmpty)
    }

    static func output(of executable: String, _ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }
}
