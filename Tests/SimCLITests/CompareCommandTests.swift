import Foundation
import SimCLI
import XCTest

final class CompareCommandTests: XCTestCase {
    func file(customers: Int, seed: Int = 1) throws -> String {
        try CLITestSupport.write(#"{"kind": "saas", "customers": {"count": \#(customers)}, "run": {"seed": \#(seed)}}"#)
    }

    func testDifferentWorkloadsRejected() throws {
        let run = CLITestSupport.simctl(["compare", try file(customers: 10), try file(customers: 20)])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.error.contains("customers differ"), run.error)
    }

    func testDifferentSeedsRejected() throws {
        let run = CLITestSupport.simctl(["compare", try file(customers: 10), try file(customers: 10, seed: 2)])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.error.contains("run differ"), run.error)
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
