import ScaleSim
import SimCLI
import XCTest

/// Sweep parameters, grid order, field-path editing and shard selection.
final class SweepGridTests: XCTestCase {
    private func parameter(_ text: String) throws -> SweepParameter {
        try SweepParameter(parsing: text)
    }

    private func document(_ text: String) throws -> JSONValue {
        try JSONParser().parse(text)
    }

    private func compact(_ value: JSONValue) -> String {
        value.compactDescription(maxLength: 1000)
    }

    func testGridOrderLastFastest() throws {
        let grid = SweepGrid(parameters: [try parameter("a=1,2"), try parameter("b=x,y,z")])
        XCTAssertEqual(grid.pointCount, 6)
        let labels = (0..<6).map { grid.label(ofPoint: $0) }
        XCTAssertEqual(labels, ["a=1, b=x", "a=1, b=y", "a=1, b=z", "a=2, b=x", "a=2, b=y", "a=2, b=z"])
    }

    func testGridWithoutParametersHasOnePoint() {
        let grid = SweepGrid(parameters: [])
        XCTAssertEqual(grid.pointCount, 1)
        XCTAssertEqual(grid.valueIndices(ofPoint: 0), [])
    }

    func testValuesParseAsJSONLiterals() throws {
        let values = try parameter(#"x=2,0.5,true,stage2,"7",null"#).values.map(compact)
        XCTAssertEqual(values, ["2", "0.5", "true", #""stage2""#, #""7""#, "null"])
    }

    func testCommasInsideBracketsKeepValues() throws {
        let texts = try parameter(#"x=[1,2],{"a":1,"b":2},"c,d""#).texts
        XCTAssertEqual(texts, ["[1,2]", #"{"a":1,"b":2}"#, #""c,d""#])
    }

    func testEmptyValueIsUsageError() {
        XCTAssertThrowsError(try parameter("x=1,,2")) { error in
            XCTAssertTrue(error is UsageError)
        }
    }

    func testMissingEqualsIsUsageError() {
        XCTAssertThrowsError(try parameter("customers.count")) { error in
            XCTAssertTrue(error is UsageError)
        }
    }

    func testReservedPathIsUsageError() {
        XCTAssertThrowsError(try parameter("run.seed=1,2")) { error in
            XCTAssertTrue((error as? UsageError)?.message.contains("--seed") ?? false)
        }
    }

    func testPathSyntax() throws {
        let path = try JSONEditPath(parsing: "stations[1].service.rate")
        XCTAssertEqual(path.components, [.member("stations"), .element(1), .member("service"), .member("rate")])
        XCTAssertThrowsError(try JSONEditPath(parsing: "a..b"))
        XCTAssertThrowsError(try JSONEditPath(parsing: "a[x]"))
        XCTAssertThrowsError(try JSONEditPath(parsing: "a[-1]"))
    }

    func testSetNestedReplacesValue() throws {
        let base = try document(#"{"a": {"b": [{"c": 1}, {"c": 2}]}}"#)
        let edited = try base.setting(JSONValue(.number(JSONNumber(literal: "5")!), at: SourcePosition(line: 9, column: 9)),
                                      at: JSONEditPath(parsing: "a.b[1].c"))
        XCTAssertEqual(compact(edited), #"{"a":{"b":[{"c":1},{"c":5}]}}"#)
    }

    func testSetKeepsReplacedPosition() throws {
        let base = try document("{\n\"a\":\n  1}")
        let edited = try base.setting(JSONValue(.bool(true), at: SourcePosition(line: 9, column: 9)),
                                      at: JSONEditPath(parsing: "a"))
        XCTAssertEqual(edited["a"]?.position, SourcePosition(line: 3, column: 3))
    }

    func testSetMissingCreatesObjects() throws {
        let base = try document(#"{"a": 1}"#)
        let edited = try base.setting(JSONValue(.string("x"), at: SourcePosition(line: 1, column: 1)),
                                      at: JSONEditPath(parsing: "b.c.d"))
        XCTAssertEqual(compact(edited), #"{"a":1,"b":{"c":{"d":"x"}}}"#)
    }

    func testSetIndexOutOfRangeThrows() throws {
        let base = try document(#"{"a": [1]}"#)
        XCTAssertThrowsError(try base.setting(JSONValue(.null, at: base.position), at: JSONEditPath(parsing: "a[3]"))) { error in
            XCTAssertTrue((error as? JSONEditError)?.message.contains("out of range") ?? false)
        }
    }

    func testSetThroughScalarThrows() throws {
        let base = try document(#"{"a": 1}"#)
        XCTAssertThrowsError(try base.setting(JSONValue(.null, at: base.position), at: JSONEditPath(parsing: "a.b"))) { error in
            XCTAssertTrue((error as? JSONEditError)?.message.contains("a number, not an object") ?? false)
        }
    }

    func testGridDocumentAppliesEveryParameter() throws {
        let base = try document(#"{"a": 0, "b": {"c": 0}}"#)
        let grid = SweepGrid(parameters: [try parameter("a=1,2"), try parameter("b.c=3,4")])
        XCTAssertEqual(compact(try grid.document(ofPoint: 2, base: base)), #"{"a":2,"b":{"c":3}}"#)
    }

    func testShardCaseIndices() throws {
        let shard = try SweepShard(parsing: "2/3")
        XCTAssertEqual(shard.caseIndices(caseCount: 8), [1, 4, 7])
    }

    func testShardsCoverEveryCaseOnce() throws {
        let indices = try (1...3).flatMap { try SweepShard(parsing: "\($0)/3").caseIndices(caseCount: 10) }
        XCTAssertEqual(indices.sorted(), Array(0..<10))
    }

    func testBadShardValuesAreUsageErrors() {
        for text in ["0/3", "4/3", "abc", "1/0", "1/", "/3", "1/3/5", "-1/3"] {
            XCTAssertThrowsError(try SweepShard(parsing: text), text) { error in
                XCTAssertTrue(error is UsageError, text)
            }
        }
    }
}
