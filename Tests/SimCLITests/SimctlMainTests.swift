import SimCLI
import XCTest

/// The dispatcher's own cases: no command, `help COMMAND` and options given twice.
final class SimctlMainTests: XCTestCase {
    func testNoCommandIsUsageError() {
        let run = CLITestSupport.simctl([])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.error.hasPrefix("error: missing command; run 'simctl --help'\n"), run.error)
        XCTAssertTrue(run.error.contains("COMMANDS:"), run.error)
        XCTAssertEqual(run.output, "")
    }

    func testHelpFlagPrintsToStandardOutput() {
        let run = CLITestSupport.simctl(["--help"])
        XCTAssertEqual(run.status, 0)
        XCTAssertTrue(run.output.contains("COMMANDS:"), run.output)
        XCTAssertEqual(run.error, "")
    }

    func testHelpCommandPrintsCommandHelp() {
        let run = CLITestSupport.simctl(["help", "run"])
        XCTAssertEqual(run.status, 0)
        XCTAssertTrue(run.output.hasPrefix("OVERVIEW: Run a scenario file"), run.output)
    }

    func testHelpUnknownCommandIsUsageError() {
        let run = CLITestSupport.simctl(["help", "rnu"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.error.contains("unknown command 'rnu'. Did you mean 'run'?"), run.error)
    }

    func testValueOptionTwiceIsUsageError() {
        let run = CLITestSupport.simctl(["run", "x.json", "--format", "json", "--format", "csv"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.error.contains("--format is given twice ('json' and 'csv')"), run.error)
    }
}
