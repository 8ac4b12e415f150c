import Foundation
import ScaleSim
import SimCLI
import XCTest

/// `simctl sweep` on queueing-network scenarios: output, parallelism, errors.
final class SweepCommandTests: XCTestCase {
    /// Writes an M/M/1 file with short runs, so a sweep of a few points takes milliseconds.
    private func scenario(replications: Int = 2) throws -> String {
        try CLITestSupport.write(CLITestSupport.mm1(
            run: #"{"duration_s": 1500, "warmup_s": 100, "replications": \#(replications), "seed": 5}"#))
    }

    private func json(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try XCTUnwrap(object as? [String: Any])
    }

    private func points(_ text: String) throws -> [[String: Any]] {
        try XCTUnwrap(json(text)["points"] as? [[String: Any]])
    }

    func testJsonNamesVersionHashSeed() throws {
        let path = try scenario()
        let result = CLITestSupport.simctl(["sweep", path, "--param", "sources[0].arrival_rate=0.3,0.6"])
        XCTAssertEqual(result.status, 0, result.error)
        let document = try json(result.output)
        XCTAssertEqual(document["scalesim_version"] as? String, ScaleSimVersion.current)
        XCTAssertEqual((document["scenario_hash"] as? String)?.count, 16)
        XCTAssertEqual(document["seed"] as? Int, 5)
        XCTAssertEqual(document["replications"] as? Int, 2)
        XCTAssertEqual(document["scenario_kind"] as? String, "queueing_network")
    }

    func testJsonPointsFollowGridOrder() throws {
        let path = try scenario()
        let output = CLITestSupport.simctl(["sweep", path, "--param", "sources[0].arrival_rate=0.3,0.6",
                                            "--param", "stations[0].servers=1,2"]).output
        let parameters = try points(output).map { try XCTUnwrap($0["parameters"] as? [String: Any]) }
        XCTAssertEqual(parameters.map { $0["sources[0].arrival_rate"] as? Double }, [0.3, 0.3, 0.6, 0.6])
        XCTAssertEqual(parameters.map { $0["stations[0].servers"] as? Int }, [1, 2, 1, 2])
    }

    func testDefaultMetricsHaveMeanAndHalfWidth() throws {
        let path = try scenario()
        let output = CLITestSupport.simctl(["sweep", path, "--param", "sources[0].arrival_rate=0.3"]).output
        let metrics = try XCTUnwrap(try points(output).first?["metrics"] as? [String: Any])
        XCTAssertEqual(Set(metrics.keys), ["end_to_end.mean_response", "end_to_end.p95_response",
                                           "end_to_end.throughput", "busiest.utilization"])
        let utilization = try XCTUnwrap(metrics["busiest.utilization"] as? [String: Any])
        XCTAssertEqual(Set(utilization.keys), ["mean", "half_width"])
    }

    func testOneReplicationOmitsHalfWidth() throws {
        let path = try scenario(replications: 1)
        let output = CLITestSupport.simctl(["sweep", path, "--param", "sources[0].arrival_rate=0.3"]).output
        let metrics = try XCTUnwrap(try points(output).first?["metrics"] as? [String: Any])
        let utilization = try XCTUnwrap(metrics["busiest.utilization"] as? [String: Any])
        XCTAssertEqual(Set(utilization.keys), ["mean"])
    }

    func testReplicationsOptionOverridesFile() throws {
        let path = try scenario(replications: 1)
        let output = CLITestSupport.simctl(["sweep", path, "--replications", "3"]).output
        XCTAssertEqual(try json(output)["replications"] as? Int, 3)
    }

    func testMetricOptionChoosesMetrics() throws {
        let path = try scenario()
        let output = CLITestSupport.simctl(["sweep", path, "--metric", "stations.server.utilization",
                                            "--metric", "end_to_end.count"]).output
        XCTAssertEqual(try json(output)["metrics"] as? [String], ["stations.server.utilization", "end_to_end.count"])
    }

    func testUnknownMetricListsKnownOnes() throws {
        let path = try scenario()
        let result = CLITestSupport.simctl(["sweep", path, "--metric", "stations.server.utilisation"])
        XCTAssertEqual(result.status, ExitStatus.badInput)
        XCTAssertTrue(result.error.contains("did you mean 'stations.server.utilization'?"), result.error)
        XCTAssertTrue(result.error.contains("end_to_end.p99_response"), result.error)
    }

    func testJobsDoNotChangeOutput() throws {
        let path = try scenario(replications: 3)
        let arguments = ["sweep", path, "--param", "sources[0].arrival_rate=0.3,0.6", "--param", "stations[0].servers=1,2"]
        let one = CLITestSupport.simctl(arguments + ["--jobs", "1"])
        let two = CLITestSupport.simctl(arguments + ["--jobs", "2"])
        XCTAssertEqual(one.status, 0, one.error)
        XCTAssertEqual(one.output, two.output)
    }

    func testPointsShareStreams() throws {
        // Two points that differ only in the description run the same model, and replication r
        // draws from the same streams at every point, so their figures must be equal.
        let path = try scenario()
        let output = CLITestSupport.simctl(["sweep", path, "--param", "description=a,b"]).output
        let metrics = try points(output).map { try XCTUnwrap($0["metrics"] as? NSDictionary) }
        XCTAssertEqual(metrics.count, 2)
        XCTAssertEqual(metrics.first, metrics.last)
    }

    func testCsvHeaderAndRows() throws {
        let path = try scenario()
        let output = CLITestSupport.simctl(["sweep", path, "--param", "stations[0].servers=1,2", "--format", "csv",
                                            "--metric", "end_to_end.count"]).output
        let lines = output.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(lines.first, "point,stations[0].servers,end_to_end.count.mean,end_to_end.count.half_width,"
                       + "replications,seed,scenario_hash,scalesim_version")
        XCTAssertTrue(lines.last?.hasPrefix("1,2,") ?? false, lines.last ?? "")
    }

    func testWrongTypeNamesGridPoint() throws {
        let path = try scenario()
        let result = CLITestSupport.simctl(["sweep", path, "--param", "stations[0].servers=1,two"])
        XCTAssertEqual(result.status, ExitStatus.badInput)
        XCTAssertTrue(result.error.contains("grid point 1 of 2 (stations[0].servers=two) is invalid"), result.error)
        XCTAssertTrue(result.error.contains("stations[0].servers: \"two\""), result.error)
    }

    func testUnknownFieldNamesGridPoint() throws {
        let path = try scenario()
        let result = CLITestSupport.simctl(["sweep", path, "--param", "stations[0].serverz=1"])
        XCTAssertEqual(result.status, ExitStatus.badInput)
        XCTAssertTrue(result.error.contains("grid point 0 of 1"), result.error)
        XCTAssertTrue(result.error.contains("did you mean 'servers'?"), result.error)
    }

    func testIndexOutOfRangeNamesGridPoint() throws {
        let path = try scenario()
        let result = CLITestSupport.simctl(["sweep", path, "--param", "stations[4].servers=1"])
        XCTAssertEqual(result.status, ExitStatus.badInput)
        XCTAssertTrue(result.error.contains("index 4 is out of range"), result.error)
    }

    func testBadShardIsUsageError() throws {
        let path = try scenario()
        for value in ["0/3", "4/3", "abc"] {
            let result = CLITestSupport.simctl(["sweep", path, "--shard", value])
            XCTAssertEqual(result.status, ExitStatus.badInput, value)
            XCTAssertTrue(result.error.contains("--shard: '\(value)' is invalid"), result.error)
        }
    }

    func testRepeatedParameterIsUsageError() throws {
        let path = try scenario()
        let result = CLITestSupport.simctl(["sweep", path, "--param", "stations[0].servers=1", "--param", "stations[0].servers=2"])
        XCTAssertEqual(result.status, ExitStatus.badInput)
        XCTAssertTrue(result.error.contains("given twice"), result.error)
    }

    func testOutWritesFileNotStandardOutput() throws {
        let path = try scenario()
        let out = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("sweep.json").path
        let result = CLITestSupport.simctl(["sweep", path, "--out", out])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertEqual(result.output, "")
        let written = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertEqual(written, CLITestSupport.simctl(["sweep", path]).output)
    }

    func testOutIntoMissingFolderFails() throws {
        let path = try scenario()
        let out = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("none/sweep.json").path
        let result = CLITestSupport.simctl(["sweep", path, "--out", out])
        XCTAssertEqual(result.status, ExitStatus.badInput)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
    }
}
