import Foundation
import SimCLI
import XCTest

final class JourneyCommandTests: XCTestCase {
    func scenario(journey: String, customers: Int = 10) -> String {
        """
        {"kind": "saas", "customers": {"count": \(customers)}, "run": {"seed": 1}, "journey": \(journey)}
        """
    }

    let tinyJourney = #"{"checkpoints": [10, 20], "architectures": ["stage2"], "replications": 1}"#

    func testJourneyPrintsWallsSection() throws {
        let path = try CLITestSupport.write(scenario(journey: tinyJourney))
        let run = CLITestSupport.simctl(["journey", path, "--jobs", "1"])
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertTrue(run.output.contains("Walls"))
        XCTAssertTrue(run.output.contains("stage2"))
    }

    /// The team section names each stage's deploy pipeline and incident mitigation.
    func testJourneyReportsTeam() throws {
        let path = try CLITestSupport.write(scenario(journey: tinyJourney))
        let table = CLITestSupport.simctl(["journey", path, "--jobs", "1"])
        XCTAssertTrue(table.output.contains("stage 2: 6 engineers, 12 deploys/week over 1 pipeline"), table.output)
        XCTAssertTrue(table.output.contains("incident mitigation: 30 min with an SRE on call, 180 min without"), table.output)

        let json = CLITestSupport.simctl(["journey", path, "--jobs", "1", "--format", "json"])
        XCTAssertEqual(json.status, 0, json.error)
        XCTAssertTrue(json.output.contains("\"pipeline_utilization\": 0.125"), json.output)
        XCTAssertTrue(json.output.contains("\"mitigation_minutes_without_sre\": 180"), json.output)
    }

    /// Stage 1's N+1 listing breaks at 100 customers; the report shows the indexes checked by a run.
    func testJourneyReportsCheckedRemedy() throws {
        let journey = #"{"checkpoints": [10, 100], "architectures": ["stage1"]}"#
        let path = try CLITestSupport.write(scenario(journey: journey))
        let table = CLITestSupport.simctl(["journey", path, "--jobs", "1"])
        XCTAssertEqual(table.status, 0, table.error)
        XCTAssertTrue(table.output.contains("checked: with indexes on, listing.p95_ms = "), table.output)
        XCTAssertTrue(table.output.contains("remedy: indexes migration: add indexes to cut database time (verified)"), table.output)

        let json = CLITestSupport.simctl(["journey", path, "--jobs", "1", "--format", "json"])
        XCTAssertTrue(json.output.contains("\"remedy_verified\": true"), json.output)
        XCTAssertTrue(json.output.contains("\"remedy_checks\": ["), json.output)

        let csv = CLITestSupport.simctl(["journey", path, "--jobs", "1", "--format", "csv"])
        XCTAssertTrue(csv.output.contains("remedy_migration,remedy,remedy_verified"), csv.output)
        XCTAssertTrue(csv.output.contains("indexes,add indexes to cut database time,true"), csv.output)
    }

    func testRepeatedArchitectureRejected() throws {
        let path = try CLITestSupport.write(scenario(journey: tinyJourney))
        let run = CLITestSupport.simctl(["journey", path, "--architectures", "stage1,stage1"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.error.contains("'stage1' is listed twice"), run.error)
    }

    func testUnknownMetricListsKnownOnes() throws {
        let journey = #"{"objectives": [{"metric": "chat.p96_ms", "below": 100}]}"#
        let path = try CLITestSupport.write(scenario(journey: journey))
        let run = CLITestSupport.simctl(["journey", path])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.error.contains("journey.objectives[0].metric"), run.error)
        XCTAssertTrue(run.error.contains(#""chat.p96_ms" is not a known metric; did you mean "chat.p95_ms"? "#
            + "A * matches one path segment. Run 'simctl check --metrics' for the list."), run.error)
        XCTAssertFalse(run.error.contains("listing.p95_ms"), run.error)
    }

    func testJourneyErrorsAllReported() throws {
        let journey = #"{"checkpoints": [100, 10], "architectures": ["stage9", {"preset": "stage2"}], "objectives": [{"metric": "chat.p95_ms"}], "replication": 2}"#
        let path = try CLITestSupport.write(scenario(journey: journey))
        let run = CLITestSupport.simctl(["journey", path])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.error.contains("journey.checkpoints[1]"), run.error)
        XCTAssertTrue(run.error.contains("journey.architectures[0]"), run.error)
        XCTAssertTrue(run.error.contains("journey.architectures[1].name"), run.error)
        XCTAssertTrue(run.error.contains("journey.objectives[0].below"), run.error)
        XCTAssertTrue(run.error.contains("replication"), run.error)
    }

    func testBadCheckpointsFlagIsUsageError() throws {
        let path = try CLITestSupport.write(scenario(journey: tinyJourney))
        let run = CLITestSupport.simctl(["journey", path, "--checkpoints", "100,10"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.error.contains("--checkpoints"), run.error)
    }

    func testOutWritesWholeFiles() throws {
        let path = try CLITestSupport.write(scenario(journey: tinyJourney))
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("out").path
        let run = CLITestSupport.simctl(["journey", path, "--jobs", "1", "--out", folder])
        XCTAssertEqual(run.status, 0, run.error)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        XCTAssertEqual(names, ["journey.csv", "journey.json", "report.html"])
        let html = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        XCTAssertTrue(html.hasSuffix("</html>\n"))
        XCTAssertFalse(html.contains("<script"))
        let json = try String(contentsOfFile: folder + "/journey.json", encoding: .utf8)
        XCTAssertTrue(json.hasSuffix("}\n"))
    }

    /// The utilization chart runs 0 to 1 in quarters, and coinciding lines keep their own dashes.
    func testReportChartsReadable() throws {
        let journey = #"{"checkpoints": [10, 20], "architectures": ["stage3", "stage4"]}"#
        let path = try CLITestSupport.write(scenario(journey: journey))
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("out").path
        let run = CLITestSupport.simctl(["journey", path, "--jobs", "1", "--out", folder])
        XCTAssertEqual(run.status, 0, run.error)
        let html = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        for tick in [">0.25</text>", ">0.5</text>", ">0.75</text>"] {
            XCTAssertTrue(html.contains(tick), tick)
        }
        XCTAssertFalse(html.contains(">1.05</text>"))
        XCTAssertTrue(html.contains("stroke-dasharray=\"10 5\""))
    }

    func testOutIntoFileFailsAndWritesNothing() throws {
        let path = try CLITestSupport.write(scenario(journey: tinyJourney))
        let run = CLITestSupport.simctl(["journey", path, "--jobs", "1", "--out", path + "/inside"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.error.contains("--out"), run.error)
    }

    func testHelpNamesEveryOption() {
        let run = CLITestSupport.simctl(["journey", "--help"])
        XCTAssertEqual(run.status, 0)
        for option in ["--checkpoints", "--architectures", "--jobs", "--format", "--out", "--dir"] {
            XCTAssertTrue(run.output.contains(option), option)
        }
    }
}
