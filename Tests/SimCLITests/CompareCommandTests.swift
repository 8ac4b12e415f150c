import Foundation
import SimCLI
import XCTest

final class CompareCommandTests: XCTestCase {
    func file(customers: Int, seed: Int = 1) throws -> String {
        try CLITestSupport.write(#"{"kind": "saas", "customers": {"count": \#(customers)}, "run": {"seed": \#(seed)}}"#)
    }

    func testDifferentWorkloadsRejected() throws {
        let first = try file(customers: 10)
        let second = try file(customers: 20)
        let run = CLITestSupport.simctl(["compare", first, second])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.error.contains("customers.count is 10 in \(first):1 but 20 in \(second):1"), run.error)
    }

    func testDifferentSeedsRejected() throws {
        let first = try file(customers: 10)
        let second = try file(customers: 10, seed: 2)
        let run = CLITestSupport.simctl(["compare", first, second])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.error.contains("run.seed is 1 in \(first):1 but 2 in \(second):1"), run.error)
    }

    func testDefaultedFieldNamedAsDefault() throws {
        let first = try file(customers: 10)
        let second = try CLITestSupport.write("""
            {"kind": "saas",
             "customers": {"count": 10},
             "workload": {"activity_skew": 1.5},
             "run": {"seed": 1}}
            """)
        let run = CLITestSupport.simctl(["compare", first, second])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.error.contains("workload.activity_skew is 1 in \(first) (default) but 1.5 in \(second):3"), run.error)
    }

    func testHeaderPairsNamesWithHashes() throws {
        let run = CLITestSupport.simctl(["compare", try file(customers: 10), "--architectures", "stage1,stage2",
                                         "--replications", "1", "--jobs", "1"])
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertTrue(run.output.contains("\nscenarios stage1=fnv1a64:"), run.output)
        XCTAssertTrue(run.output.contains(" stage2=fnv1a64:"), run.output)
    }

    func testCSVNamesIdentity() throws {
        let run = CLITestSupport.simctl(["compare", try file(customers: 10), "--architectures", "stage1,stage2",
                                         "--replications", "1", "--jobs", "1", "--format", "csv"])
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertTrue(run.output.contains("\n,scalesim_version,"), run.output)
        XCTAssertTrue(run.output.contains("\n,seed,1,,"), run.output)
        XCTAssertTrue(run.output.contains("\n,replications,1,,"), run.output)
        XCTAssertTrue(run.output.contains("\nstage2,scenario_hash,fnv1a64:"), run.output)
    }

    /// A preset from --architectures keeps the file's add list, as `run --architecture` does.
    func testArchitecturesKeepFileParts() throws {
        let path = try CLITestSupport.write(
            #"{"kind": "saas", "customers": {"count": 10}, "architecture": {"preset": "stage3", "add": ["response_cache"]}, "run": {"seed": 1}}"#)
        let run = CLITestSupport.simctl(["compare", path, "--architectures", "stage2,stage3", "--replications", "1",
                                         "--jobs", "1", "--format", "json"])
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertTrue(run.output.contains("\"name\": \"stage2+response_cache\""), run.output)
        XCTAssertTrue(run.output.contains("\"baseline\": \"stage2+response_cache\""), run.output)
    }

    func testRepeatedArchitectureRejected() throws {
        let run = CLITestSupport.simctl(["compare", try file(customers: 10), "--architectures", "stage2,stage2"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.error.contains("'stage2' is listed twice"), run.error)
    }

    func testArchitecturesWithSeveralFilesRejected() throws {
        let run = CLITestSupport.simctl(["compare", try file(customers: 10), try file(customers: 10),
                                         "--architectures", "stage1"])
        XCTAssertEqual(run.status, 2)
    }

    func testOneReplicationSaysNoInterval() throws {
        let run = CLITestSupport.simctl(["compare", try file(customers: 10), "--architectures", "stage1,stage2",
                                         "--replications", "1", "--jobs", "1"])
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertTrue(run.output.contains("no confidence interval"), run.output)
        XCTAssertFalse(run.output.contains("±"), run.output)
    }

    func testTwoReplicationsShowHalfWidths() throws {
        let run = CLITestSupport.simctl(["compare", try file(customers: 10), "--architectures", "stage1,stage2",
                                         "--replications", "2", "--jobs", "2"])
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertTrue(run.output.contains("±"), run.output)
        XCTAssertTrue(run.output.contains("stage2 - stage1"), run.output)
    }

    func testHelpNamesEveryOption() {
        let run = CLITestSupport.simctl(["compare", "--help"])
        XCTAssertEqual(run.status, 0)
        for option in ["--architectures", "--replications", "--seed", "--jobs", "--format"] {
            XCTAssertTrue(run.output.contains(option), option)
        }
    }
}
