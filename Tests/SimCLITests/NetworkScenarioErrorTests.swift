import SimCLI
import XCTest

/// Every invalid network field is reported as FILE:LINE: path: message, all of them, in file order.
final class NetworkScenarioErrorTests: XCTestCase {
    /// Validates a scenario whose `stations` array is `stations` and whose other members are `rest`,
    /// and returns the error lines without the `error: ` prefix of the first one.
    private func errors(stations: String, rest: String = #""sources": [{"name": "s", "arrival_rate": 0.5, "to": "a"}], "run": {"duration_s": 10}"#) throws -> (status: Int32, lines: [String]) {
        let text = "{\n\"kind\": \"queueing_network\",\n\"stations\": [\n\(stations)\n],\n\(rest)\n}\n"
        return try CLITestSupport.validationErrors(text)
    }

    private let station = #"{"name": "a", "servers": 1, "service": {"type": "exponential", "rate": 1}}"#

    func testZeroServersRejected() throws {
        let result = try errors(stations: #"{"name": "a", "servers": 0, "service": {"type": "exponential", "rate": 1}}"#)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.lines, ["bad.json:4: stations[0].servers: 0 is invalid; expected an integer >= 1"])
    }

    func testNegativeServersRejected() throws {
        let result = try errors(stations: #"{"name": "a", "servers": -2, "service": {"type": "exponential", "rate": 1}}"#)
        XCTAssertEqual(result.lines, ["bad.json:4: stations[0].servers: -2 is invalid; expected an integer >= 1"])
    }

    func testFloatServersRejected() throws {
        let result = try errors(stations: #"{"name": "a", "servers": 2.0, "service": {"type": "exponential", "rate": 1}}"#)
        XCTAssertEqual(result.lines, ["bad.json:4: stations[0].servers: 2.0 is not an integer; expected an integer >= 1"])
    }

    func testUnknownFieldSuggestsNearest() throws {
        let result = try errors(stations: #"{"name": "a", "servers": 1, "sevrice": {"type": "exponential", "rate": 1}}"#)
        XCTAssertEqual(result.lines, [
            "bad.json:4: stations[0].sevrice: unknown field 'sevrice'; did you mean 'service'?",
            "bad.json:4: stations[0].service: missing field; expected a distribution object",
        ])
    }

    func testDuplicateFieldRejected() throws {
        let result = try errors(stations: #"{"name": "a", "name": "b", "servers": 1, "service": {"type": "exponential", "rate": 1}}"#)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.lines, ["bad.json:4:15: duplicate key 'name'; first defined at line 4, column 2"])
    }

    func testDuplicateStationRejected() throws {
        let result = try errors(stations: station + ",\n" + station)
        XCTAssertEqual(result.lines, [
            "bad.json:5: stations[1].name: \"a\" is a duplicate name; expected a station name not used before (stations[0] has it)",
        ])
    }

    func testRoutingProbabilityOutOfRange() throws {
        let result = try errors(stations: #"{"name": "a", "servers": 1, "service": {"type": "exponential", "rate": 1}, "routing": [{"to": "a", "probability": -0.1}]}"#)
        XCTAssertEqual(result.lines, [
            "bad.json:4: stations[0].routing[0].probability: -0.1 is invalid; expected a number from 0 to 1",
        ])
    }

    func testRoutingSumAboveOne() throws {
        let result = try errors(stations: #"{"name": "a", "servers": 1, "service": {"type": "exponential", "rate": 1}, "routing": [{"to": "a", "probability": 0.6}, {"to": "a", "probability": 0.5}]}"#)
        XCTAssertEqual(result.lines, [
            #"bad.json:4: stations[0].routing: [{"to":"a","probability":0.6},{"to":"a"… is invalid; expected probabilities that sum to at most 1 (they sum to 1.1)"#,
        ])
    }

    func testRoutingSumOfDecimalsAccepted() throws {
        let result = try errors(stations: station + ",\n" + #"{"name": "b", "servers": 1, "service": {"type": "exponential", "rate": 1}, "routing": [{"to": "a", "probability": 0.1}, {"to": "a", "probability": 0.2}, {"to": "a", "probability": 0.7}]}"#)
        XCTAssertEqual(result.status, 0)
    }

    func testRoutingToUnknownStation() throws {
        let result = try errors(stations: #"{"name": "alpha", "servers": 1, "service": {"type": "exponential", "rate": 1}, "routing": [{"to": "alpah", "probability": 0.5}]}"#,
                                rest: #""sources": [{"name": "s", "arrival_rate": 0.5, "to": "omega"}], "run": {"duration_s": 10}"#)
        XCTAssertEqual(result.lines, [
            "bad.json:4: stations[0].routing[0].to: \"alpah\" is not a station; expected the name of a station; did you mean 'alpha'?",
            "bad.json:6: sources[0].to: \"omega\" is not a station; expected the name of a station ('alpha')",
        ])
    }

    func testWarmupNotBeforeDuration() throws {
        let result = try errors(stations: station, rest: #""sources": [{"name": "s", "arrival_rate": 0.5, "to": "a"}], "run": {"duration_s": 10, "warmup_s": 10}"#)
        XCTAssertEqual(result.lines, [
            "bad.json:6: run.warmup_s: 10 is invalid; expected a duration in seconds < duration_s (10)",
        ])
    }

    func testReplicationsBelowOne() throws {
        let result = try errors(stations: station, rest: #""sources": [{"name": "s", "arrival_rate": 0.5, "to": "a"}], "run": {"duration_s": 10, "replications": 0}"#)
        XCTAssertEqual(result.lines, ["bad.json:6: run.replications: 0 is invalid; expected an integer >= 1"])
    }

    func testSeedNegative() throws {
        let result = try errors(stations: station, rest: #""sources": [{"name": "s", "arrival_rate": 0.5, "to": "a"}], "run": {"duration_s": 10, "seed": -1}"#)
        XCTAssertEqual(result.lines, ["bad.json:6: run.seed: -1 is invalid; expected an integer from 0 to 9223372036854775807"])
    }

    func testSeedFloat() throws {
        let result = try errors(stations: station, rest: #""sources": [{"name": "s", "arrival_rate": 0.5, "to": "a"}], "run": {"duration_s": 10, "seed": 1.5}"#)
        XCTAssertEqual(result.lines, ["bad.json:6: run.seed: 1.5 is not an integer; expected an integer from 0 to 9223372036854775807"])
    }

    func testSeedBeyondInt64() throws {
        let result = try errors(stations: station, rest: #""sources": [{"name": "s", "arrival_rate": 0.5, "to": "a"}], "run": {"duration_s": 10, "seed": 9223372036854775808}"#)
        XCTAssertEqual(result.lines, [
            "bad.json:6: run.seed: 9223372036854775808 is out of the 64-bit integer range; expected an integer from 0 to 9223372036854775807",
        ])
    }

    func testSeedLargestAcceptedExactly() throws {
        let path = try CLITestSupport.write(CLITestSupport.mm1(run: #"{"duration_s": 100, "seed": 9223372036854775807}"#))
        let result = CLITestSupport.simctl(["run", path, "--format", "json"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.output.contains("\"seed\": 9223372036854775807"))
    }

    func testDistributionErrorAtParameter() throws {
        let result = try errors(stations: #"{"name": "a", "servers": 1, "service": {"type": "uniform", "lower": 2, "upper": 1}}"#)
        XCTAssertEqual(result.lines, ["bad.json:4: stations[0].service.upper: 1 is invalid; expected a number > lower (2.0)"])
    }

    func testDistributionMissingParameters() throws {
        let result = try errors(stations: #"{"name": "a", "servers": 1, "service": {"type": "gamma"}}"#)
        XCTAssertEqual(result.lines, [
            "bad.json:4: stations[0].service.shape: missing field; expected a number",
            "bad.json:4: stations[0].service.scale: missing field; expected a number",
        ])
    }

    func testDistributionUnknownType() throws {
        let result = try errors(stations: #"{"name": "a", "servers": 1, "service": {"type": "exponentail", "rate": 1}}"#)
        XCTAssertEqual(result.lines.count, 1)
        XCTAssertTrue(result.lines[0].hasSuffix("did you mean 'exponential'?"), result.lines[0])
    }

    func testMixtureWeightPath() throws {
        let result = try errors(stations: #"{"name": "a", "servers": 1, "service": {"type": "mixture", "components": [{"weight": 1, "distribution": {"type": "constant", "value": 1}}, {"weight": -1, "distribution": {"type": "constant", "value": 2}}]}}"#)
        XCTAssertEqual(result.lines, [
            "bad.json:4: stations[0].service.components[1].weight: -1 is invalid; expected a finite number >= 0",
        ])
    }

    func testEmpiricalEmptySamples() throws {
        let result = try errors(stations: #"{"name": "a", "servers": 1, "service": {"type": "empirical", "samples": []}}"#)
        XCTAssertEqual(result.lines, ["bad.json:4: stations[0].service.samples: [] is invalid; expected at least one element"])
    }

    func testNoSourceOrClass() throws {
        let result = try errors(stations: station, rest: #""run": {"duration_s": 10}"#)
        XCTAssertEqual(result.lines, ["bad.json:1: sources: missing field; expected at least one source or closed class"])
    }

    func testErrorsInFieldPathOrder() throws {
        let result = try errors(
            stations: #"{"name": "a", "servers": 0, "service": {"type": "exponential", "rate": -1}}"#,
            rest: #""sources": [{"name": "s", "arrival_rate": 0, "to": "a"}], "run": {"duration_s": 10, "replications": 0}"#)
        XCTAssertEqual(result.lines, [
            "bad.json:4: stations[0].servers: 0 is invalid; expected an integer >= 1",
            "bad.json:4: stations[0].service.rate: -1 is invalid; expected a finite number > 0",
            "bad.json:6: sources[0].arrival_rate: 0 is invalid; expected a number > 0",
            "bad.json:6: run.replications: 0 is invalid; expected an integer >= 1",
        ])
    }

    func testUnstableLoadWarnsOnly() throws {
        let result = try errors(stations: station, rest: #""sources": [{"name": "s", "arrival_rate": 2, "to": "a"}], "run": {"duration_s": 10}"#)
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.lines.first,
                       "bad.json:4: stations[0]: warning: station 'a' has offered load 2 >= 1 with an unbounded queue, so the run is unstable and its means grow with duration_s")
    }

    func testUnreachableStationWarnsOnly() throws {
        let result = try errors(stations: station + ",\n" + #"{"name": "b", "servers": 1, "service": {"type": "exponential", "rate": 1}}"#)
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.lines.first,
                       "bad.json:5: stations[1]: warning: station 'b' is unreachable from every source and closed class, so it stays idle")
    }
}
