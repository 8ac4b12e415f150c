import Foundation
import SimCLI
import XCTest

/// A scenario's `kind` is "saas", "queueing_network" or absent (SaaS). Commands that need a SaaS
/// scenario reject a network file in one line that names both kinds.
final class ScenarioKindTests: XCTestCase {
    func testMisspeltKindRejected() throws {
        let path = try CLITestSupport.write(#"{"kind": "sass", "customers": {"count": 5}}"#)
        let result = CLITestSupport.simctl(["run", path])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.error, #"error: \#(path):1: kind: "sass" is invalid; expected "saas" or "queueing_network" "#
                       + #"(a file without kind is a SaaS scenario); did you mean "saas"?"# + "\n")
    }

    func testNonStringKindRejected() throws {
        let path = try CLITestSupport.write(#"{"kind": 5, "customers": {"count": 5}}"#)
        let result = CLITestSupport.simctl(["validate", path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.error.contains("kind: 5 is invalid; expected \"saas\" or \"queueing_network\""), result.error)
    }

    func testMissingKindIsSaaS() throws {
        let path = try CLITestSupport.write(#"{"customers": {"count": 5}}"#)
        let result = CLITestSupport.simctl(["validate", path])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertEqual(result.error, "\(path): valid (saas, preset stage1)\n")
    }

    func testNetworkFileRejectedBySaaSCommands() throws {
        let path = try CLITestSupport.write(CLITestSupport.mm1())
        let expected = "error: \(path): %@ needs a SaaS scenario, but the file is a queueing_network scenario; "
            + "run it with 'simctl run' or 'simctl validate'\n"
        let check = CLITestSupport.simctl(["check", path])
        XCTAssertEqual(check.status, 2)
        XCTAssertEqual(check.error, expected.replacingOccurrences(of: "%@", with: "simctl check"))
        for arguments in [["journey", path], ["compare", path, path]] {
            let result = CLITestSupport.simctl(arguments)
            XCTAssertEqual(result.status, 2, arguments[0])
            XCTAssertEqual(result.error, expected.replacingOccurrences(of: "%@", with: "simctl \(arguments[0])"), arguments[0])
        }
    }
}
