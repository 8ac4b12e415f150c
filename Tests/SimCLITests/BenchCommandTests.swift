import SimCLI
import XCTest

final class BenchCommandTests: XCTestCase {
    private func runBench(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let parsed = try parseArguments(arguments, options: BenchCommand.options)
        let console = Console.capturing()
        let status = try BenchCommand.run(parsed, console: console)
        return (status, console.standardOutput)
    }

    func testJSONHasEventsPerSecond() throws {
        let result = try runBench(["--customers", "2000", "--pops", "2000", "--format", "json"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.output.contains("\"events_per_second\": "))
        XCTAssertTrue(result.output.contains("\"events\": 4000"))
        XCTAssertTrue(result.output.contains("\"pending\": 1000000"))
    }

    func testJSONKeysSorted() throws {
        let result = try runBench(["--customers", "1000", "--model", "mmc", "--format", "json"])
        let keys = result.output.split(separator: "\n")
            .filter { $0.hasPrefix("    \"") }
            .map { $0.split(separator: "\"")[1] }
        XCTAssertFalse(keys.isEmpty)
        XCTAssertEqual(keys, keys.sorted())
        XCTAssertFalse(result.output.contains("\"hold\""))
    }

    func testJSONParses() throws {
        let result = try runBench(["--customers", "1000", "--model", "mmc", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        let mmc = object?["mmc"] as? [String: Any]
        XCTAssertEqual(mmc?["events"] as? Int, 2000)
        XCTAssertEqual(mmc?["servers"] as? Int, 8)
    }

    func testTextReportsRate() throws {
        let result = try runBench(["--customers", "1000", "--model", "mmc"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.output.contains("events per second"))
        XCTAssertTrue(result.output.contains("Erlang C"))
    }

    func testZeroCustomersRejected() {
        XCTAssertThrowsError(try runBench(["--customers", "0"])) { error in
            XCTAssertTrue(error is UsageError)
        }
    }

    func testNonNumericCustomersRejected() {
        XCTAssertThrowsError(try runBench(["--customers", "abc"])) { error in
            XCTAssertTrue(error is UsageError)
        }
    }

    func testUnknownModelRejected() {
        XCTAssertThrowsError(try runBench(["--model", "mm1"])) { error in
            XCTAssertTrue(error is UsageError)
        }
    }

    func testUnknownFormatRejected() {
        XCTAssertThrowsError(try runBench(["--format", "yaml"])) { error in
            XCTAssertTrue(error is UsageError)
        }
    }
}
