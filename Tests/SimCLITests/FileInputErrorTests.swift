import Foundation
import SimCLI
import XCTest

/// Files that cannot be read or written are reported with the path, the problem in plain words
/// and the fix, never with Foundation's own text.
final class FileInputErrorTests: XCTestCase {
    func folder() throws -> String {
        (try CLITestSupport.write("{}", name: "placeholder.json") as NSString).deletingLastPathComponent
    }

    func testScenarioNotFound() throws {
        let path = try folder() + "/absent.json"
        let result = CLITestSupport.simctl(["validate", path])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.error, "error: \(path): file not found; check the path\n")
    }

    func testScenarioIsDirectory() throws {
        let path = try folder()
        let result = CLITestSupport.simctl(["run", path])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.error, "error: \(path): is a directory; pass a file\n")
    }

    func testScenarioNotRegularFile() {
        let result = CLITestSupport.simctl(["validate", "/dev/null"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.error, "error: /dev/null: is not a regular file; pass a regular file\n")
    }

    func testTraceIsDirectory() throws {
        let base = try folder()
        try FileManager.default.createDirectory(atPath: base + "/trace.csv", withIntermediateDirectories: false)
        let text = #"{"customers": {"count": 3}, "workload": {"trace": {"path": "trace.csv", "format": "azure_csv", "customers_per_copy": 1}}}"#
        try text.write(toFile: base + "/s.json", atomically: true, encoding: .utf8)
        let result = CLITestSupport.simctl(["validate", base + "/s.json"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.error, "error: \(base)/s.json:1: workload.trace.path: \(base)/trace.csv: is a directory; pass a file\n")
    }

    func testSweepOutFolderMissing() throws {
        let scenario = try CLITestSupport.write(CLITestSupport.mm1(run: #"{"duration_s": 50, "warmup_s": 0, "replications": 1}"#))
        let out = (scenario as NSString).deletingLastPathComponent + "/absent/sweep.json"
        let result = CLITestSupport.simctl(["sweep", scenario, "--param", "stations[0].servers=1,2", "--out", out])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.error, "error: \(out): folder not found; create the folder or check the path\n")
    }

    func testSweepOutIsDirectory() throws {
        let scenario = try CLITestSupport.write(CLITestSupport.mm1(run: #"{"duration_s": 50, "warmup_s": 0, "replications": 1}"#))
        let out = (scenario as NSString).deletingLastPathComponent
        let result = CLITestSupport.simctl(["sweep", scenario, "--param", "stations[0].servers=1,2", "--out", out])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.error, "error: \(out): is a directory; pass a file path\n")
    }

    func testMergeShardIsDirectory() throws {
        let path = try folder()
        let result = CLITestSupport.simctl(["merge", path])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.error, "error: \(path): is a directory; pass a file\n")
    }
}
