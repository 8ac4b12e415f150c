import Foundation
import ScaleSim
import SimCLI
import XCTest

/// `simctl run`, `validate` and `list` on queueing-network scenarios.
final class NetworkCommandTests: XCTestCase {
    private func json(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try XCTUnwrap(object as? [String: Any])
    }

    func testRunJsonTopLevelKeys() throws {
        let path = try CLITestSupport.write(CLITestSupport.mm1())
        let result = CLITestSupport.simctl(["run", path, "--format", "json"])
        XCTAssertEqual(result.status, 0)
        let document = try json(result.output)
        XCTAssertEqual(document["scalesim_version"] as? String, ScaleSimVersion.current)
        XCTAssertEqual((document["scenario_hash"] as? String)?.count, 16)
        XCTAssertEqual(document["seed"] as? Int, 3)
        XCTAssertEqual(document["replications"] as? Int, 1)
        XCTAssertGreaterThan(document["events"] as? Int ?? 0, 1000)
        XCTAssertNotNil(document["units"] as? [String: Any])
        XCTAssertNotNil(document["end_to_end"] as? [String: Any])
    }

    func testRunJsonStationMetrics() throws {
        let path = try CLITestSupport.write(CLITestSupport.mm1())
        let document = try json(CLITestSupport.simctl(["run", path, "--format", "json"]).output)
        let stations = try XCTUnwrap(document["stations"] as? [String: Any])
        let server = try XCTUnwrap(stations["server"] as? [String: Any])
        let expected = ["count", "throughput", "utilization", "p_wait", "mean_wait", "p95_wait", "mean_sojourn",
                        "p95_sojourn", "p99_sojourn", "mean_queue_length", "mean_in_system",
                        "blocking_probability", "carried_load"]
        XCTAssertEqual(Set(server.keys), Set(expected))
    }

    func testOneReplicationOmitsHalfWidth() throws {
        let path = try CLITestSupport.write(CLITestSupport.mm1())
        let document = try json(CLITestSupport.simctl(["run", path, "--format", "json"]).output)
        let stations = try XCTUnwrap(document["stations"] as? [String: Any])
        let server = try XCTUnwrap(stations["server"] as? [String: Any])
        let wait = try XCTUnwrap(server["mean_wait"] as? [String: Any])
        XCTAssertEqual(Set(wait.keys), ["value"])
    }

    func testReplicationsAddHalfWidth() throws {
        let path = try CLITestSupport.write(CLITestSupport.mm1(run: #"{"duration_s": 2000, "replications": 3, "seed": 3}"#))
        let document = try json(CLITestSupport.simctl(["run", path, "--format", "json"]).output)
        let stations = try XCTUnwrap(document["stations"] as? [String: Any])
        let server = try XCTUnwrap(stations["server"] as? [String: Any])
        let wait = try XCTUnwrap(server["mean_wait"] as? [String: Any])
        XCTAssertEqual(Set(wait.keys), ["value", "half_width"])
    }

    func testJobsDoNotChangeOutput() throws {
        let path = try CLITestSupport.write(CLITestSupport.mm1(run: #"{"duration_s": 2000, "replications": 4, "seed": 3}"#))
        for format in ["json", "table"] {
            let one = CLITestSupport.simctl(["run", path, "--format", format, "--jobs", "1"])
            let two = CLITestSupport.simctl(["run", path, "--format", format, "--jobs", "2"])
            XCTAssertEqual(one.status, 0)
            XCTAssertEqual(one.output, two.output, format)
        }
    }

    func testSeedOptionOverridesFile() throws {
        let path = try CLITestSupport.write(CLITestSupport.mm1())
        let fromFile = CLITestSupport.simctl(["run", path, "--format", "json"])
        let overridden = CLITestSupport.simctl(["run", path, "--format", "json", "--seed", "4"])
        XCTAssertEqual(try json(overridden.output)["seed"] as? Int, 4)
        XCTAssertNotEqual(fromFile.output, overridden.output)
    }

    func testTableNamesVersionHashSeed() throws {
        let path = try CLITestSupport.write(CLITestSupport.mm1(run: #"{"duration_s": 2000, "replications": 2, "seed": 3}"#))
        let result = CLITestSupport.simctl(["run", path])
        XCTAssertEqual(result.status, 0)
        let first = result.output.split(separator: "\n").first.map(String.init) ?? ""
        XCTAssertTrue(first.hasPrefix("ScaleSim \(ScaleSimVersion.current)  scenario fnv1a64:"), first)
        XCTAssertTrue(first.hasSuffix("seed 3"), first)
        XCTAssertTrue(result.output.contains("station server (1 server, unbounded queue)"))
        XCTAssertTrue(result.output.contains("± "))
    }

    func testBadFormatIsUsageError() throws {
        let path = try CLITestSupport.write(CLITestSupport.mm1())
        let result = CLITestSupport.simctl(["run", path, "--format", "yaml"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.error.hasPrefix("error: --format: 'yaml' is invalid; expected table or json\n"), result.error)
    }

    func testBadJobsIsUsageError() throws {
        let path = try CLITestSupport.write(CLITestSupport.mm1())
        let result = CLITestSupport.simctl(["run", path, "--jobs", "0"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.error.hasPrefix("error: --jobs: '0' is invalid; expected an integer from 1 to 256\n"), result.error)
    }

    func testMissingFileArgument() {
        let result = CLITestSupport.simctl(["run"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.error.hasPrefix("error: missing scenario FILE\n"), result.error)
    }

    func testUnreadableFile() {
        let result = CLITestSupport.simctl(["run", "/nonexistent/scenario.json"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.error, "error: /nonexistent/scenario.json: file not found; check the path\n")
    }

    func testSyntaxErrorHasLineAndColumn() throws {
        let path = try CLITestSupport.write("{\n  \"kind\": \"queueing_network\",\n  \"stations\": [,]\n}\n", name: "syntax.json")
        let result = CLITestSupport.simctl(["validate", path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.error.contains("syntax.json:3:16: "), result.error)
    }

    func testPlatformKindRoutedToSaaSDecoder() throws {
        let path = try CLITestSupport.write(#"{"kind": "saas"}"#, name: "saas.json")
        let result = CLITestSupport.simctl(["run", path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.error.hasSuffix("saas.json:1: customers: missing field; expected an object\n"), result.error)
    }

    func testMissingKindRoutedToSaaSDecoder() throws {
        let path = try CLITestSupport.write(#"{"stations": []}"#, name: "nokind.json")
        let result = CLITestSupport.simctl(["run", path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.error.contains("nokind.json:1: stations: unknown field 'stations'"), result.error)
    }

    func testValidateValidFile() throws {
        let path = try CLITestSupport.write(CLITestSupport.mm1())
        let result = CLITestSupport.simctl(["validate", path])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.output, "")
        XCTAssertTrue(result.error.hasPrefix("\(path): valid queueing_network scenario (1 stations"), result.error)
        XCTAssertEqual(result.error.split(separator: "\n").count, 1)
    }

    func testShippedScenariosValid() throws {
        for name in ["mm1.json", "mmc.json", "tandem.json", "closed_network.json"] {
            let path = CLITestSupport.scenariosFolder.appendingPathComponent(name).path
            let result = CLITestSupport.simctl(["validate", path])
            XCTAssertEqual(result.status, 0, "\(name): \(result.error)")
            XCTAssertFalse(result.error.contains("warning"), "\(name): \(result.error)")
        }
    }

    func testListShowsDescriptions() throws {
        let result = CLITestSupport.simctl(["list", "--dir", CLITestSupport.scenariosFolder.path])
        XCTAssertEqual(result.status, 0)
        let lines = result.output.split(separator: "\n").map(String.init)
        let files = try FileManager.default.contentsOfDirectory(atPath: CLITestSupport.scenariosFolder.path)
        XCTAssertEqual(lines.count, files.filter { $0.hasSuffix(".json") }.count)
        XCTAssertTrue(lines.contains { $0.hasPrefix("mm1.json") && $0.contains("M/M/1 at load 0.8") })
    }

    func testListMissingFolder() {
        let result = CLITestSupport.simctl(["list", "--dir", "/nonexistent/scenarios"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.error.hasPrefix("error: /nonexistent/scenarios: cannot list the folder"), result.error)
    }

    func testHelpForEachCommand() {
        for command in ["run", "validate", "list"] {
            let result = CLITestSupport.simctl([command, "--help"])
            XCTAssertEqual(result.status, 0, command)
            XCTAssertTrue(result.output.hasPrefix("OVERVIEW: "), command)
            XCTAssertTrue(result.output.contains("USAGE: simctl \(command) "), command)
        }
    }

    func testRunHelpListsOptions() {
        let output = CLITestSupport.simctl(["run", "--help"]).output
        XCTAssertTrue(output.contains("--format FORMAT"))
        XCTAssertTrue(output.contains("--seed N"))
        XCTAssertTrue(output.contains("--jobs N"))
    }

    func testScenarioHashIsFnv1a() {
        XCTAssertEqual(ScenarioHash.hex(of: []), "cbf29ce484222325")
        XCTAssertEqual(ScenarioHash.hex(of: Array("a".utf8)), "af63dc4c8601ec8c")
    }
}
