import Foundation
import SimCLI
import XCTest

/// Every invalid SaaS field is reported as FILE:LINE: path: message, all of them, in field-path order.
final class PlatformScenarioErrorTests: XCTestCase {
    /// Validates a SaaS file made of `members` (top-level JSON members, one per line after the
    /// kind) and returns the status and the error lines without `error: ` and the folder.
    private func errors(_ members: String...) throws -> (status: Int32, lines: [String]) {
        let text = "{\n\"kind\": \"saas\",\n" + members.joined(separator: ",\n") + "\n}\n"
        return try CLITestSupport.validationErrors(text)
    }

    private let customers = #""customers": {"count": 10}"#

    func testValidFileOneLine() throws {
        let path = try CLITestSupport.write(
            #"{"kind": "saas", "customers": {"count": 10}, "architecture": {"preset": "stage2", "add": ["queue"], "remove": ["cdn"]}}"#,
            name: "ok.json")
        let result = CLITestSupport.simctl(["validate", path])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.output, "")
        XCTAssertEqual(result.error, "\(path): valid (saas, preset stage2 + queue - cdn)\n")
    }

    func testMissingCustomers() throws {
        let result = try errors(#""run": {"seed": 1}"#)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.lines, ["bad.json:1: customers: missing field; expected an object"])
    }

    func testWrongType() throws {
        let result = try errors(#""customers": {"count": "ten"}"#)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.lines, [#"bad.json:3: customers.count: "ten" is invalid; expected an integer >= 1"#])
    }

    func testFloatForInteger() throws {
        let result = try errors(#""customers": {"count": 10.0}"#)
        XCTAssertEqual(result.lines, ["bad.json:3: customers.count: 10.0 is not an integer; expected an integer >= 1"])
    }

    func testOutOfRange() throws {
        let result = try errors(customers, #""workload": {"free_text_share": 1.5}"#)
        XCTAssertEqual(result.lines, ["bad.json:4: workload.free_text_share: 1.5 is invalid; expected a number from 0 to 1"])
    }

    func testUnknownFieldHint() throws {
        let result = try errors(customers, #""run": {"duraton_s": 60}"#)
        XCTAssertEqual(result.lines, ["bad.json:4: run.duraton_s: unknown field 'duraton_s'; did you mean 'duration_s'?"])
    }

    func testDuplicateField() throws {
        let result = try errors(#""customers": {"count": 10, "count": 20}"#)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.lines, ["bad.json:3:28: duplicate key 'count'; first defined at line 3, column 15"])
    }

    func testReservedKeysIgnored() throws {
        let result = try errors(customers, #""journey": {"anything": 1}"#, #""assert": []"#, #""ranges": {}"#)
        XCTAssertEqual(result.status, 0)
    }

    func testUnknownPartHint() throws {
        let result = try errors(customers, #""architecture": {"add": ["poolr"]}"#)
        XCTAssertEqual(result.lines, [#"bad.json:4: architecture.add[0]: "poolr" is not a part; expected the name of a part; did you mean 'pooler'?"#])
    }

    func testPartInAddAndRemove() throws {
        let result = try errors(customers, #""architecture": {"add": ["cdn"], "remove": ["cdn"]}"#)
        XCTAssertEqual(result.lines, [
            #"bad.json:4: architecture.remove[0]: "cdn" is also in architecture.add; expected a part in either architecture.add or architecture.remove, not both"#,
        ])
    }

    func testSizeOfPartThatIsOff() throws {
        let result = try errors(customers, #""architecture": {"preset": "stage1", "queue": {"runtime_workers": 8}}"#)
        XCTAssertEqual(result.lines, [
            #"bad.json:4: architecture.queue: {"runtime_workers":8} sizes the part 'queue', which is off; expected sizes of a part that is on, but preset stage1 has no queue; add "queue" to architecture.add"#,
        ])
    }

    func testUnknownPreset() throws {
        let result = try errors(customers, #""architecture": {"preset": "stage5"}"#)
        XCTAssertEqual(result.lines, [
            #"bad.json:4: architecture.preset: "stage5" is invalid; expected one of 'stage1', 'stage2', 'stage3', 'stage4'; did you mean 'stage1'?"#,
        ])
    }

    func testUnknownPresetHidesSizeChecks() throws {
        // Which parts an unknown preset switches on is unknown, so sizing one is not an error.
        let result = try errors(customers, #""architecture": {"preset": "stage5", "replicas": {"count": 2}}"#)
        XCTAssertEqual(result.lines, [
            #"bad.json:4: architecture.preset: "stage5" is invalid; expected one of 'stage1', 'stage2', 'stage3', 'stage4'; did you mean 'stage1'?"#,
        ])
    }

    func testRemovedPartSizedWithUnknownPreset() throws {
        let result = try errors(customers,
                                #""architecture": {"preset": "stage5", "remove": ["replica"], "replicas": {"count": 2}}"#)
        XCTAssertEqual(result.lines.count, 2, "\(result.lines)")
        XCTAssertTrue(result.lines.last?.contains("architecture.remove switches it off") == true, "\(result.lines)")
    }

    func testBackoffCapBelowBase() throws {
        let result = try errors(customers,
                                #""architecture": {"preset": "stage3", "queue": {"backoff": {"exponential": {"base_s": 2, "cap_s": 1}}}}"#)
        XCTAssertEqual(result.lines, ["bad.json:4: architecture.queue.backoff.exponential.cap_s: 1 is invalid; expected a cap >= base_s (2)"])
    }

    func testPlanMixNotSummingToOne() throws {
        let result = try errors(#""customers": {"count": 10, "plan_mix": {"free": 0.5, "pro": 0.25, "enterprise": 0.05}}"#)
        XCTAssertEqual(result.lines, [
            #"bad.json:3: customers.plan_mix: {"free":0.5,"pro":0.25,"enterprise":0.0… is invalid; expected free, pro and enterprise shares that sum to 1 (they sum to 0.8)"#,
        ])
    }

    func testGrowthMonthsNotIncreasing() throws {
        let result = try errors(#""customers": {"count": 10, "growth": [{"month": 0, "customers": 1}, {"month": 0, "customers": 2}]}"#)
        XCTAssertEqual(result.lines, [
            "bad.json:3: customers.growth[1].month: 0 is invalid; expected a month greater than the previous point's 0",
        ])
    }

    func testGrowthCustomersFalling() throws {
        let result = try errors(#""customers": {"count": 10, "growth": [{"month": 0, "customers": 5}, {"month": 1, "customers": 2}]}"#)
        XCTAssertEqual(result.lines, [
            "bad.json:3: customers.growth[1].customers: 2 is invalid; expected customers >= the previous point's 5; the curve never falls",
        ])
    }

    func testDailyProfileWrongLength() throws {
        let result = try errors(customers, #""workload": {"daily_profile": [1, 2, 3]}"#)
        XCTAssertEqual(result.lines, [
            "bad.json:4: workload.daily_profile: [1,2,3] is invalid; expected 24 hourly weights (one per hour, 00:00 first); found 3",
        ])
    }

    func testDailyProfileAllZero() throws {
        let zeros = Array(repeating: "0", count: 24).joined(separator: ", ")
        let result = try errors(customers, #""workload": {"daily_profile": ["# + zeros + "]}")
        XCTAssertEqual(result.lines.count, 1)
        XCTAssertTrue(result.lines[0].hasSuffix("is invalid; expected 24 hourly weights with at least one > 0"), result.lines[0])
    }

    func testDailyProfileNegativeWeight() throws {
        let weights = (["-1"] + Array(repeating: "1", count: 23)).joined(separator: ", ")
        let result = try errors(customers, #""workload": {"daily_profile": ["# + weights + "]}")
        XCTAssertEqual(result.lines, ["bad.json:4: workload.daily_profile[0]: -1 is invalid; expected a number >= 0"])
    }

    func testNegativeDistributionRejected() throws {
        let result = try errors(customers,
                                #""workload": {"think_time_s": {"type": "normal", "mean": 5, "standard_deviation": 1}}"#)
        XCTAssertEqual(result.lines.count, 1)
        XCTAssertTrue(result.lines[0].hasPrefix("bad.json:4: workload.think_time_s: "), result.lines[0])
        XCTAssertTrue(result.lines[0].hasSuffix("expected a distribution of values >= 0 (a normal, or a negative bound, can draw below 0)"),
                      result.lines[0])
    }

    func testIncidentEndBeforeStart() throws {
        let result = try errors(customers, #""parameters": {"incidents": [{"start_s": 10, "end_s": 5, "kind": "outage"}]}"#)
        XCTAssertEqual(result.lines, ["bad.json:4: parameters.incidents[0].end_s: 5 is invalid; expected an end after start_s (10)"])
    }

    func testIncidentUnknownKind() throws {
        let result = try errors(customers, #""parameters": {"incidents": [{"start_s": 1, "end_s": 5, "kind": "blackout"}]}"#)
        XCTAssertEqual(result.lines, [
            #"bad.json:4: parameters.incidents[0].kind: "blackout" is invalid; expected one of 'outage', 'brownout'"#,
        ])
    }

    func testBrownoutNeedsFactorAndRate() throws {
        let result = try errors(customers, #""parameters": {"incidents": [{"start_s": 1, "end_s": 5, "kind": "brownout"}]}"#)
        XCTAssertEqual(result.lines, [
            "bad.json:4: parameters.incidents[0].latency_factor: missing field; expected a number >= 1",
            "bad.json:4: parameters.incidents[0].error_rate: missing field; expected a number from 0 to 1",
        ])
    }

    func testOutageRejectsErrorRate() throws {
        let result = try errors(customers,
                                #""parameters": {"incidents": [{"start_s": 1, "end_s": 5, "kind": "outage", "error_rate": 0.5}]}"#)
        XCTAssertEqual(result.lines, [
            "bad.json:4: parameters.incidents[0].error_rate: 0.5 is not allowed; expected no error_rate for an outage, which fails every request",
        ])
    }

    func testErrorsInFieldPathOrder() throws {
        let result = try errors(
            #""run": {"replications": 0}"#,
            #""customers": {"count": 0, "plan_mix": {"free": 2}}"#,
            #""architecture": {"app_servers": 0}"#)
        XCTAssertEqual(result.lines, [
            "bad.json:3: run.replications: 0 is invalid; expected an integer from 1 to 1000",
            "bad.json:4: customers.count: 0 is invalid; expected an integer >= 1",
            "bad.json:4: customers.plan_mix.free: 2 is invalid; expected a number from 0 to 1",
            "bad.json:5: architecture.app_servers: 0 is invalid; expected an integer >= 1",
        ])
    }

    func testTraceNotSupportedYet() throws {
        let result = try errors(customers, #""workload": {"trace": {"path": "t.csv", "format": "azure_csv", "customers_per_copy": 100}}"#)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.lines.count, 1)
    }
}
