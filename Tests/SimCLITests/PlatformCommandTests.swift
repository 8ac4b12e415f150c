import Foundation
import ScaleSim
import SimCLI
import XCTest

/// `simctl run` and `validate` on SaaS scenarios: formats, options, --out and the shipped files.
final class PlatformCommandTests: XCTestCase {
    /// Returns a small SaaS scenario: 30 customers on stage 2 for five simulated minutes.
    private func small(replications: Int = 1, architecture: String = #"{"preset": "stage2"}"#) -> String {
        """
        {
          "kind": "saas",
          "description": "test SaaS",
          "customers": {"count": 30},
          "architecture": \(architecture),
          "run": {"duration_s": 300, "warmup_s": 60, "replications": \(replications), "seed": 5}
        }
        """
    }

    private func json(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try XCTUnwrap(object as? [String: Any])
    }

    func testJsonMetadataKeys() throws {
        let path = try CLITestSupport.write(small())
        let result = CLITestSupport.simctl(["run", path, "--format", "json"])
        XCTAssertEqual(result.status, 0, result.error)
        let document = try json(result.output)
        XCTAssertEqual(document["scalesim_version"] as? String, ScaleSimVersion.current)
        XCTAssertEqual((document["scenario_hash"] as? String)?.count, 16)
        XCTAssertEqual(document["scenario_hash_algorithm"] as? String, "fnv1a64")
        XCTAssertEqual(document["seed"] as? Int, 5)
        XCTAssertEqual(document["replications"] as? Int, 1)
        XCTAssertGreaterThan(document["events"] as? Int ?? 0, 100)
        XCTAssertNotNil(document["units"] as? [String: Any])
        XCTAssertNotNil(document["cost_derivation"] as? String)
        XCTAssertNil(document["confidence"])
    }

    func testJsonNestsMetricPaths() throws {
        let path = try CLITestSupport.write(small())
        let document = try json(CLITestSupport.simctl(["run", path, "--format", "json"]).output)
        let chat = try XCTUnwrap(document["chat"] as? [String: Any])
        XCTAssertNotNil(chat["p95_ms"] as? Double)
        let costs = try XCTUnwrap(document["costs"] as? [String: Any])
        XCTAssertNotNil(costs["total_dollars_per_month"] as? Double)
        let resources = try XCTUnwrap(document["resources"] as? [String: Any])
        let primary = try XCTUnwrap(resources["db_primary_cpu"] as? [String: Any])
        XCTAssertNotNil(primary["utilization"] as? Double)
        let units = try XCTUnwrap(document["units"] as? [String: Any])
        XCTAssertEqual(units["chat.p95_ms"] as? String, "ms")
        XCTAssertEqual(units["costs.total_dollars_per_month"] as? String, "USD/month")
        XCTAssertEqual(units["resources.redis.utilization"] as? String, "fraction")
        let bottlenecks = try XCTUnwrap(document["bottlenecks"] as? [String: Any])
        XCTAssertEqual(Set(bottlenecks.keys), ["chat", "chat_api", "listing", "analytics", "billing", "asset"])
    }

    func testJsonConfidenceWithReplications() throws {
        let path = try CLITestSupport.write(small(replications: 2))
        let document = try json(CLITestSupport.simctl(["run", path, "--format", "json"]).output)
        let confidence = try XCTUnwrap(document["confidence"] as? [String: Any])
        let chat = try XCTUnwrap(confidence["chat"] as? [String: Any])
        XCTAssertNotNil(chat["count"] as? Double)
        XCTAssertEqual(document["confidence_level"] as? Double, 0.95)
    }

    func testJobsDoNotChangeOutput() throws {
        let path = try CLITestSupport.write(small(replications: 3))
        for format in ["json", "table", "csv"] {
            let one = CLITestSupport.simctl(["run", path, "--format", format, "--jobs", "1"])
            let two = CLITestSupport.simctl(["run", path, "--format", format, "--jobs", "2"])
            XCTAssertEqual(one.status, 0)
            XCTAssertEqual(one.output, two.output, format)
        }
    }

    func testSeedOptionOverridesFile() throws {
        let path = try CLITestSupport.write(small())
        let fromFile = CLITestSupport.simctl(["run", path, "--format", "json"])
        let overridden = CLITestSupport.simctl(["run", path, "--format", "json", "--seed", "9"])
        XCTAssertEqual(try json(overridden.output)["seed"] as? Int, 9)
        XCTAssertNotEqual(fromFile.output, overridden.output)
    }

    func testArchitectureOptionKeepsLists() throws {
        let path = try CLITestSupport.write(small(architecture: #"{"preset": "stage1", "remove": ["indexes"]}"#))
        let document = try json(CLITestSupport.simctl(["run", path, "--format", "json", "--architecture", "stage3"]).output)
        XCTAssertEqual(document["architecture"] as? String, "stage3 - indexes")
    }

    func testBadArchitectureOption() throws {
        let path = try CLITestSupport.write(small())
        let result = CLITestSupport.simctl(["run", path, "--architecture", "stage9"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.error.hasPrefix("error: --architecture: 'stage9' is invalid; expected one of stage1, stage2, stage3, stage4\n"),
                      result.error)
    }

    func testCsvRows() throws {
        let path = try CLITestSupport.write(small())
        let result = CLITestSupport.simctl(["run", path, "--format", "csv"])
        let lines = result.output.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "metric,value,half_width,unit")
        XCTAssertEqual(lines[1], "scalesim_version,\(ScaleSimVersion.current),,")
        XCTAssertEqual(lines[3], "seed,5,,")
        let p95Row = lines.first { $0.hasPrefix("chat.p95_ms,") }
        XCTAssertNotNil(p95Row, result.output)
        XCTAssertTrue(p95Row?.hasSuffix(",,ms") ?? false, p95Row ?? "")
        XCTAssertFalse(lines.contains { $0.hasPrefix("#") })
    }

    func testTableNamesVersionHashSeed() throws {
        let path = try CLITestSupport.write(small())
        let result = CLITestSupport.simctl(["run", path])
        XCTAssertEqual(result.status, 0)
        let first = result.output.split(separator: "\n").first.map(String.init) ?? ""
        XCTAssertTrue(first.hasPrefix("ScaleSim \(ScaleSimVersion.current)  scenario fnv1a64:"), first)
        XCTAssertTrue(first.hasSuffix("seed 5"), first)
        XCTAssertTrue(result.output.contains("busiest resource: "))
        XCTAssertTrue(result.output.contains("how the monthly figures follow from the simulated hour"))
        XCTAssertEqual(result.error, "")
    }

    func testTableShowsChatApiOnlyWithQueue() throws {
        let withoutQueue = CLITestSupport.simctl(["run", try CLITestSupport.write(small())])
        let withQueue = CLITestSupport.simctl(["run", try CLITestSupport.write(small(architecture: #"{"preset": "stage3"}"#))])
        XCTAssertFalse(withoutQueue.output.contains("  chat_api "))
        XCTAssertTrue(withQueue.output.contains("  chat_api "))
    }

    func testOutWritesThreeFiles() throws {
        let path = try CLITestSupport.write(small())
        let folder = (path as NSString).deletingLastPathComponent + "/out"
        let result = CLITestSupport.simctl(["run", path, "--out", folder])
        XCTAssertEqual(result.status, 0, result.error)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        XCTAssertEqual(names, ["metrics.json", "report.html", "timeseries.csv"])
        let metrics = try String(contentsOfFile: folder + "/metrics.json", encoding: .utf8)
        XCTAssertEqual(metrics, CLITestSupport.simctl(["run", path, "--format", "json"]).output)
        let series = try String(contentsOfFile: folder + "/timeseries.csv", encoding: .utf8)
        XCTAssertTrue(series.hasPrefix("replication,time_s,chat_completed,"), series)
        let html = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        XCTAssertTrue(html.contains("<svg"))
        XCTAssertFalse(html.contains("<script"))
    }

    /// Without a queue the job queue stays empty, so its chart's axis runs 0 to 1, not 0 to 0.
    func testAllZeroChartRunsToOne() throws {
        let path = try CLITestSupport.write(small())
        let folder = (path as NSString).deletingLastPathComponent + "/out"
        let result = CLITestSupport.simctl(["run", path, "--out", folder])
        XCTAssertEqual(result.status, 0, result.error)
        let html = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        guard let start = html.range(of: "Job queue length, replication 1") else {
            return XCTFail("no job queue chart")
        }
        let chart = html[start.upperBound...].prefix(3_000)
        XCTAssertTrue(chart.contains("text-anchor=\"end\">1</text>"), String(chart))
    }

    func testOutReplacesFilesInExistingFolder() throws {
        let path = try CLITestSupport.write(small())
        let folder = (path as NSString).deletingLastPathComponent + "/existing"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        try "old".write(toFile: folder + "/metrics.json", atomically: true, encoding: .utf8)
        XCTAssertEqual(CLITestSupport.simctl(["run", path, "--out", folder]).status, 0)
        let metrics = try String(contentsOfFile: folder + "/metrics.json", encoding: .utf8)
        XCTAssertTrue(metrics.hasPrefix("{"))
        let parent = try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent)
        XCTAssertFalse(parent.contains { $0.contains("partial") }, "\(parent)")
    }

    func testOutUnwritableLeavesNothing() throws {
        let path = try CLITestSupport.write(small())
        let parent = (path as NSString).deletingLastPathComponent
        // A regular file is where the output folder's parent should be.
        let blocker = parent + "/blocker"
        try "x".write(toFile: blocker, atomically: true, encoding: .utf8)
        let result = CLITestSupport.simctl(["run", path, "--out", blocker + "/out"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.error.contains("cannot create a staging folder"), result.error)
        XCTAssertEqual(result.output, "")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: parent).sorted(), ["blocker", "scenario.json"])
    }

    func testOutOntoFileRejected() throws {
        let path = try CLITestSupport.write(small())
        let result = CLITestSupport.simctl(["run", path, "--out", path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.error.contains("exists and is not a folder"), result.error)
    }

    func testNetworkRejectsSaaSOptions() throws {
        let path = try CLITestSupport.write(CLITestSupport.mm1())
        let result = CLITestSupport.simctl(["run", path, "--out", "/tmp/never"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.error.hasPrefix("error: --out applies to SaaS scenarios only\n"), result.error)
    }

    /// Returns the file names of the shipped SaaS scenarios (those without a queueing network), sorted.
    private func shippedSaaSScenarios() throws -> [String] {
        let folder = CLITestSupport.scenariosFolder.path
        return try FileManager.default.contentsOfDirectory(atPath: folder).sorted().filter { name in
            guard name.hasSuffix(".json"),
                  let text = try? String(contentsOfFile: folder + "/" + name, encoding: .utf8) else { return false }
            return !text.contains("\"queueing_network\"")
        }
    }

    func testShippedScenariosValidate() throws {
        let names = try shippedSaaSScenarios()
        XCTAssertGreaterThanOrEqual(names.count, 13)
        for name in names {
            let result = CLITestSupport.simctl(["validate", CLITestSupport.scenariosFolder.path + "/" + name])
            XCTAssertEqual(result.status, 0, "\(name): \(result.error)")
            XCTAssertTrue(result.error.contains(": valid (saas, preset stage"), result.error)
        }
    }

    func testShippedScenariosHaveDescriptions() throws {
        for name in try shippedSaaSScenarios() {
            let text = try String(contentsOfFile: CLITestSupport.scenariosFolder.path + "/" + name, encoding: .utf8)
            let document = try json(text)
            XCTAssertFalse((document["description"] as? String ?? "").isEmpty, name)
        }
    }

    func testShippedStage1Runs() throws {
        let result = CLITestSupport.simctl(["run", CLITestSupport.scenariosFolder.path + "/stage1.json", "--format", "json"])
        XCTAssertEqual(result.status, 0, result.error)
        let document = try json(result.output)
        let chat = try XCTUnwrap(document["chat"] as? [String: Any])
        XCTAssertGreaterThan(chat["count"] as? Double ?? 0, 0)
    }
}
