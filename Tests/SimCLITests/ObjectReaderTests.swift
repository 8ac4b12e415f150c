import ScaleSim
import SimCLI
import XCTest

final class ObjectReaderTests: XCTestCase {
    private func reader(_ text: String, _ diagnostics: ScenarioDiagnostics) throws -> ObjectReader {
        let value = try JSONParser().parse(text)
        return try XCTUnwrap(ObjectReader(value, diagnostics: diagnostics))
    }

    private func lines(_ diagnostics: ScenarioDiagnostics, file: String = "s.json") -> [String] {
        diagnostics.sorted.map { $0.rendered(file: file) }
    }

    func testReaderValidFields() throws {
        let diagnostics = ScenarioDiagnostics()
        let root = try reader(#"{"replicas": 3, "rate": 2, "mode": "fifo", "warm": true, "timeout": 0.25}"#, diagnostics)
        XCTAssertEqual(root.int("replicas", range: .atLeast(0)), 3)
        XCTAssertEqual(root.double("rate", range: .greaterThan(0)), 2.0)
        XCTAssertEqual(root.string("mode", oneOf: ["fifo", "lifo"]), "fifo")
        XCTAssertEqual(root.bool("warm"), true)
        XCTAssertEqual(root.durationSeconds("timeout"), SimDuration(nanoseconds: 250_000_000))
        root.finish()
        XCTAssertTrue(diagnostics.isEmpty, "\(diagnostics.recorded)")
    }

    func testReaderDefaultsForAbsentFields() throws {
        let diagnostics = ScenarioDiagnostics()
        let root = try reader("{}", diagnostics)
        XCTAssertEqual(root.int("replicas", default: 1), 1)
        XCTAssertEqual(root.double("rate", default: 0.5), 0.5)
        XCTAssertEqual(root.string("mode", default: "fifo"), "fifo")
        XCTAssertEqual(root.bool("warm", default: false), false)
        XCTAssertEqual(root.durationSeconds("timeout", default: .zero), .zero)
        XCTAssertNil(root.optionalObject("limits"))
        root.finish()
        XCTAssertTrue(diagnostics.isEmpty)
    }

    func testReaderOutOfRange() throws {
        let diagnostics = ScenarioDiagnostics()
        let text = """
        {
          "architecture": {
            "replicas": -1
          }
        }
        """
        let root = try reader(text, diagnostics)
        let architecture = try XCTUnwrap(root.object("architecture"))
        XCTAssertEqual(architecture.int("replicas", default: 1, range: .atLeast(0)), 1)
        XCTAssertEqual(lines(diagnostics), ["s.json:3: architecture.replicas: -1 is invalid; expected an integer >= 0"])
    }

    func testReaderFloatForInt() throws {
        let diagnostics = ScenarioDiagnostics()
        let root = try reader(#"{"replicas": 2.0, "workers": 1e1}"#, diagnostics)
        XCTAssertNil(root.int("replicas", range: .within(1...64)))
        XCTAssertNil(root.int("workers"))
        XCTAssertEqual(lines(diagnostics), [
            "s.json:1: replicas: 2.0 is not an integer; expected an integer from 1 to 64",
            "s.json:1: workers: 1e1 is not an integer; expected an integer",
        ])
    }

    func testReaderIntBeyond64Bits() throws {
        let diagnostics = ScenarioDiagnostics()
        let root = try reader(#"{"n": 99999999999999999999}"#, diagnostics)
        XCTAssertNil(root.int("n"))
        XCTAssertEqual(diagnostics.recorded.first?.message, "99999999999999999999 is out of the 64-bit integer range")
    }

    func testReaderDoubleAcceptsInteger() throws {
        let diagnostics = ScenarioDiagnostics()
        let root = try reader(#"{"rate": 4, "share": 1.5}"#, diagnostics)
        XCTAssertEqual(root.double("rate"), 4.0)
        XCTAssertNil(root.double("share", range: .within(0...1)))
        XCTAssertEqual(lines(diagnostics), ["s.json:1: share: 1.5 is invalid; expected a number from 0 to 1"])
    }

    func testReaderWrongTypes() throws {
        let diagnostics = ScenarioDiagnostics()
        let root = try reader(#"{"a": "3", "b": 1, "c": [1], "d": null, "e": {"x": 1}}"#, diagnostics)
        XCTAssertNil(root.int("a"))
        XCTAssertNil(root.string("b"))
        XCTAssertNil(root.object("c"))
        XCTAssertNil(root.bool("d"))
        XCTAssertNil(root.array("e"))
        XCTAssertEqual(lines(diagnostics), [
            #"s.json:1: a: "3" is invalid; expected an integer"#,
            "s.json:1: b: 1 is invalid; expected a string",
            "s.json:1: c: [1] is invalid; expected an object",
            "s.json:1: d: null is invalid; expected true or false",
            #"s.json:1: e: {"x":1} is invalid; expected an array"#,
        ])
    }

    func testReaderMissingField() throws {
        let diagnostics = ScenarioDiagnostics()
        let root = try reader("{\n  \"service\": {}\n}", diagnostics)
        let service = try XCTUnwrap(root.object("service"))
        XCTAssertNil(service.double("rate", range: .greaterThan(0)))
        XCTAssertEqual(lines(diagnostics), ["s.json:2: service.rate: missing field; expected a number > 0"])
    }

    func testReaderStringOneOfSuggests() throws {
        let diagnostics = ScenarioDiagnostics()
        let root = try reader(#"{"discipline": "fifi"}"#, diagnostics)
        XCTAssertEqual(root.string("discipline", default: "fifo", oneOf: ["fifo", "lifo", "priority"]), "fifo")
        XCTAssertEqual(lines(diagnostics), [
            #"s.json:1: discipline: "fifi" is invalid; expected one of 'fifo', 'lifo', 'priority'; did you mean 'fifo'?"#,
        ])
    }

    func testFinishUnknownFieldSuggestion() throws {
        let diagnostics = ScenarioDiagnostics()
        let text = """
        {
          "architecture": {
            "replics": 2
          }
        }
        """
        let root = try reader(text, diagnostics)
        let architecture = try XCTUnwrap(root.object("architecture"))
        _ = architecture.int("replicas", default: 1)
        _ = architecture.string("region", default: "eu")
        architecture.finish()
        root.finish()
        XCTAssertEqual(lines(diagnostics), ["s.json:3: architecture.replics: unknown field 'replics'; did you mean 'replicas'?"])
    }

    func testFinishUnknownFieldWithoutMatch() throws {
        let diagnostics = ScenarioDiagnostics()
        let root = try reader(#"{"seed": 1, "colour": "red"}"#, diagnostics)
        _ = root.int("seed")
        _ = root.int("horizon", default: 10)
        root.finish()
        root.finish()
        XCTAssertEqual(lines(diagnostics), ["s.json:1: colour: unknown field 'colour'; known fields are 'seed', 'horizon'"])
    }

    func testFinishMarkKnown() throws {
        let diagnostics = ScenarioDiagnostics()
        let root = try reader(#"{"comment": "x"}"#, diagnostics)
        root.markKnown("comment")
        root.finish()
        XCTAssertTrue(diagnostics.isEmpty)
    }

    func testReaderArrayOfObjectsPaths() throws {
        let diagnostics = ScenarioDiagnostics()
        let text = """
        {"stations": [
          {"service": {"rate": 1}},
          {"service": {"rate": 2}},
          {"service": {"rate": 0}}
        ]}
        """
        let root = try reader(text, diagnostics)
        let rates = root.objects("stations") { station in
            station.object("service") { service in service.double("rate", range: .greaterThan(0)) }
        }
        XCTAssertEqual(rates, [1, 2])
        XCTAssertEqual(lines(diagnostics), ["s.json:4: stations[2].service.rate: 0 is invalid; expected a number > 0"])
    }

    func testReaderArrayElements() throws {
        let diagnostics = ScenarioDiagnostics()
        let root = try reader(#"{"weights": [1, 2.5, "x"]}"#, diagnostics)
        let weights = root.array("weights")?.map { $0.double() }
        XCTAssertEqual(weights, [1, 2.5, nil])
        XCTAssertEqual(lines(diagnostics), [#"s.json:1: weights[2]: "x" is invalid; expected a number"#])
    }

    func testReaderRootNotObject() throws {
        let diagnostics = ScenarioDiagnostics()
        let value = try JSONParser().parse("[1]")
        XCTAssertNil(ObjectReader(value, diagnostics: diagnostics))
        XCTAssertEqual(lines(diagnostics), ["s.json:1: (top level): [1] is invalid; expected an object"])
    }

    func testDurationRejectsNegative() throws {
        let diagnostics = ScenarioDiagnostics()
        let root = try reader(#"{"timeout": -0.5, "horizon": 1e12}"#, diagnostics)
        XCTAssertNil(root.durationSeconds("timeout"))
        XCTAssertNil(root.durationSeconds("horizon"))
        XCTAssertEqual(lines(diagnostics), [
            "s.json:1: timeout: -0.5 is invalid; expected a duration in seconds >= 0",
            "s.json:1: horizon: 1e12 is too long for the simulation clock; expected a duration in seconds >= 0",
        ])
    }

    func testDiagnosticsFollowSourceOrder() throws {
        let diagnostics = ScenarioDiagnostics()
        let text = """
        {
          "seed": "x",
          "stations": [
            {"rate": -1, "name": 5},
            {"rate": -2}
          ],
          "architecture": {"replicas": -1}
        }
        """
        let root = try reader(text, diagnostics)

        // Decode in an order unlike the file's, so that sorting has work to do.
        let architecture = try XCTUnwrap(root.object("architecture"))
        _ = architecture.int("replicas", range: .atLeast(0))
        _ = architecture.int("zones", range: .atLeast(1))
        _ = root.objects("stations") { station in
            _ = station.string("name")
            return station.double("rate", range: .greaterThan(0))
        }
        _ = root.int("seed")
        _ = root.int("horizon")

        XCTAssertEqual(lines(diagnostics), [
            #"s.json:2: seed: "x" is invalid; expected an integer"#,
            "s.json:4: stations[0].rate: -1 is invalid; expected a number > 0",
            "s.json:4: stations[0].name: 5 is invalid; expected a string",
            "s.json:5: stations[1].rate: -2 is invalid; expected a number > 0",
            "s.json:5: stations[1].name: missing field; expected a string",
            "s.json:7: architecture.replicas: -1 is invalid; expected an integer >= 0",
            "s.json:7: architecture.zones: missing field; expected an integer >= 1",
            "s.json:1: horizon: missing field; expected an integer",
        ])
    }

    func testFieldPathDescription() {
        let path = FieldPath.root
            .appending(member: "stations", ordinal: 0)
            .appending(element: 2)
            .appending(member: "service", ordinal: 1)
            .appending(member: "a b", ordinal: 0)
        XCTAssertEqual(path.description, #"stations[2].service["a b"]"#)
        XCTAssertEqual(FieldPath.root.description, "(top level)")
    }

    func testFieldPathParentPrecedesChild() {
        let parent = FieldPath.root.appending(member: "b", ordinal: 1)
        let child = parent.appending(member: "z", ordinal: 0)
        let laterSibling = FieldPath.root.appending(member: "a", ordinal: 2)
        XCTAssertLessThan(parent, child)
        XCTAssertLessThan(child, laterSibling)
        XCTAssertFalse(laterSibling < parent)
    }

    func testScenarioErrorLines() throws {
        let diagnostics = ScenarioDiagnostics()
        let root = try reader(#"{"replicas": -1}"#, diagnostics)
        _ = root.int("replicas", range: .atLeast(0))
        XCTAssertThrowsError(try diagnostics.throwIfAny(file: "s.json")) { error in
            XCTAssertEqual("\(error)", "s.json:1: replicas: -1 is invalid; expected an integer >= 0")
        }

        let syntax = ScenarioError.syntax(file: "s.json", JSONParseError(position: SourcePosition(line: 4, column: 12), message: "expected ',' or '}' after an object member, found ']'"))
        XCTAssertEqual(syntax.description, "s.json:4:12: expected ',' or '}' after an object member, found ']'")
    }
}
