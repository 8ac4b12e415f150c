import SimCLI
import XCTest

final class JSONParserTests: XCTestCase {
    private func parse(_ text: String, maxDepth: Int = JSONParser.defaultMaxDepth) throws -> JSONValue {
        try JSONParser(maxDepth: maxDepth).parse(text)
    }

    /// Returns the parse error for `text`, failing the test when it parses.
    private func parseError(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> JSONParseError? {
        do {
            _ = try parse(text)
            XCTFail("expected a parse error for \(text.debugDescription)", file: file, line: line)
            return nil
        } catch let error as JSONParseError {
            return error
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
            return nil
        }
    }

    func testParserNestedPositions() throws {
        let text = """
        {
          "architecture": {
            "replicas": 3,
            "zones": ["a", "b"]
          },
          "seed": 7
        }
        """
        let root = try parse(text)
        XCTAssertEqual(root.position, SourcePosition(line: 1, column: 1))

        let members = try XCTUnwrap(root.objectMembers)
        XCTAssertEqual(members.map(\.key), ["architecture", "seed"])
        XCTAssertEqual(members[0].keyPosition, SourcePosition(line: 2, column: 3))
        XCTAssertEqual(members[0].value.position, SourcePosition(line: 2, column: 19))
        XCTAssertEqual(members[1].keyPosition, SourcePosition(line: 6, column: 3))

        let architecture = try XCTUnwrap(root["architecture"])
        XCTAssertEqual(architecture["replicas"]?.position, SourcePosition(line: 3, column: 17))
        let zones = try XCTUnwrap(architecture["zones"]?.arrayValue)
        XCTAssertEqual(zones[1].position, SourcePosition(line: 4, column: 20))
        XCTAssertEqual(zones[1].stringValue, "b")
    }

    func testParserColumnsCountScalars() throws {
        let root = try parse("[\"é😀\", 1]")
        let elements = try XCTUnwrap(root.arrayValue)
        XCTAssertEqual(elements[1].position, SourcePosition(line: 1, column: 8))
    }

    func testParserCRLFLineBreaks() throws {
        let root = try parse("{\r\n\"a\":\r\n1,\r\"b\": 2}")
        XCTAssertEqual(root["a"]?.position, SourcePosition(line: 3, column: 1))
        XCTAssertEqual(root["b"]?.position, SourcePosition(line: 4, column: 6))
    }

    func testParserKeepsMemberOrder() throws {
        let root = try parse(#"{"z": 1, "a": 2, "m": 3}"#)
        XCTAssertEqual(root.objectMembers?.map(\.key), ["z", "a", "m"])
    }

    func testParserScalars() throws {
        let root = try parse(#"[true, false, null, "x", -0, 12.5e-1]"#)
        let elements = try XCTUnwrap(root.arrayValue)
        XCTAssertEqual(elements[0].boolValue, true)
        XCTAssertEqual(elements[1].boolValue, false)
        XCTAssertTrue(elements[2].isNull)
        XCTAssertEqual(elements[3].stringValue, "x")
        XCTAssertEqual(elements[4].numberValue?.int64Value, 0)
        XCTAssertEqual(elements[5].numberValue?.doubleValue, 1.25)
    }

    func testNumberIntegerLiteral() throws {
        let root = try parse("[3, 3.0, 3e0, 3E2, -9223372036854775808, 9223372036854775808]")
        let numbers = try XCTUnwrap(root.arrayValue).compactMap(\.numberValue)
        XCTAssertEqual(numbers.map(\.isIntegerLiteral), [true, false, false, false, true, true])
        XCTAssertEqual(numbers[0].int64Value, 3)
        XCTAssertNil(numbers[1].int64Value)
        XCTAssertEqual(numbers[1].literal, "3.0")
        XCTAssertEqual(numbers[3].doubleValue, 300)
        XCTAssertEqual(numbers[4].int64Value, Int64.min)
        XCTAssertNil(numbers[5].int64Value)
        XCTAssertEqual(numbers[5].doubleValue, 9223372036854775808.0)
    }

    func testStringEscapes() throws {
        let root = try parse(#""q\" b\\ s\/ \b\f\n\r\t""#)
        XCTAssertEqual(root.stringValue, "q\" b\\ s/ \u{08}\u{0C}\n\r\t")
    }

    func testStringUnicodeEscapes() throws {
        XCTAssertEqual(try parse(#""\u00e9\u00C9""#).stringValue, "éÉ")
        XCTAssertEqual(try parse(#""\u0000""#).stringValue, "\u{0}")
        XCTAssertEqual(try parse(#""\ud83d\ude00""#).stringValue, "😀")
        XCTAssertEqual(try parse("\"😀 raw\"").stringValue, "😀 raw")
    }

    func testStringUnpairedSurrogates() {
        XCTAssertEqual(parseError(#""\ud83d""#)?.message,
                       #"unpaired high surrogate \uD83D; expected a \uDC00-\uDFFF escape after it"#)
        XCTAssertEqual(parseError(#""\ude00""#)?.message, #"unpaired low surrogate \uDE00"#)
        XCTAssertEqual(parseError(#""\ud83d\u0041""#)?.description,
                       #"line 1, column 8: \u0041 is not a low surrogate; expected \uDC00-\uDFFF after the high surrogate \uD83D"#)
        XCTAssertEqual(parseError(#""\u12G4""#)?.description,
                       #"line 1, column 6: expected 4 hex digits after '\u', found 'G'"#)
    }

    func testStringRejectsControlCharacters() {
        XCTAssertEqual(parseError("[\"a\nb\"]")?.description,
                       "line 1, column 4: control character U+000A must be escaped in a string")
        XCTAssertEqual(parseError("\"tab\there\"")?.description,
                       "line 1, column 5: control character U+0009 must be escaped in a string")
    }

    func testStringRejectsInvalidUTF8() {
        let bytes: [UInt8] = [0x22, 0x61, 0xC3, 0x28, 0x22]
        XCTAssertThrowsError(try JSONParser().parse(bytes)) { error in
            XCTAssertEqual((error as? JSONParseError)?.description, "line 1, column 3: invalid UTF-8 byte 0xC3 in a string")
        }
        let surrogateBytes: [UInt8] = [0x22, 0xED, 0xA0, 0x80, 0x22]
        XCTAssertThrowsError(try JSONParser().parse(surrogateBytes))
        let overlongBytes: [UInt8] = [0x22, 0xC0, 0xAF, 0x22]
        XCTAssertThrowsError(try JSONParser().parse(overlongBytes))
        let strayBytes: [UInt8] = [0x5B, 0xFF, 0x5D]
        XCTAssertThrowsError(try JSONParser().parse(strayBytes)) { error in
            XCTAssertEqual((error as? JSONParseError)?.description, "line 1, column 2: expected a JSON value, found byte 0xFF")
        }
    }

    func testStringInvalidEscape() {
        XCTAssertEqual(parseError(#""a\qb""#)?.description,
                       #"line 1, column 3: invalid escape sequence '\q'; valid escapes are \" \\ \/ \b \f \n \r \t \uXXXX"#)
    }

    func testStringUnterminated() {
        XCTAssertEqual(parseError("{\"a\": \"open")?.description,
                       "line 1, column 12: unterminated string starting at line 1, column 7, found end of input")
    }

    func testDuplicateKeyNamesBothLines() {
        let text = """
        {
          "replicas": 1,
          "seed": 2,
          "replicas": 3
        }
        """
        let error = parseError(text)
        XCTAssertEqual(error?.position, SourcePosition(line: 4, column: 3))
        XCTAssertEqual(error?.description, "line 4, column 3: duplicate key 'replicas'; first defined at line 2, column 3")
    }

    func testDuplicateKeyInNestedObject() {
        XCTAssertEqual(parseError(#"{"a": {"b": 1, "b": 2}, "b": 3}"#)?.description,
                       "line 1, column 16: duplicate key 'b'; first defined at line 1, column 8")
    }

    func testMalformedStructure() {
        let cases: [(text: String, expected: String)] = [
            ("{\n  \"a\": 1\n  \"b\": 2\n}", "line 3, column 3: expected ',' or '}' after an object member, found '\"'"),
            ("{\"a\": [1, 2}", "line 1, column 12: expected ',' or ']' after an array element, found '}'"),
            ("{\"a\": 1]", "line 1, column 8: expected ',' or '}' after an object member, found ']'"),
            ("{\"a\" 1}", "line 1, column 6: expected ':' after the object key 'a', found '1'"),
            ("{a: 1}", "line 1, column 2: expected a string key after '{', found 'a'"),
            ("{\"a\": 1, 2: 3}", "line 1, column 10: expected a string key after ',', found '2'"),
            ("[1, 2,]", "line 1, column 7: trailing comma before ']' is not allowed"),
            ("{\"a\": 1,\n}", "line 2, column 1: trailing comma before '}' is not allowed"),
            ("[,1]", "line 1, column 2: expected a JSON value, found ','"),
            ("", "line 1, column 1: expected a JSON value, found end of input"),
            ("   ", "line 1, column 4: expected a JSON value, found end of input"),
            ("[1, 2", "line 1, column 6: expected ',' or ']' after an array element, found end of input"),
            ("{\"a\":", "line 1, column 6: expected a JSON value, found end of input"),
            ("{} {}", "line 1, column 4: unexpected '{' after the top-level value; a JSON text must contain exactly one value"),
            ("1 2", "line 1, column 3: unexpected '2' after the top-level value; a JSON text must contain exactly one value"),
            ("[1]x", "line 1, column 4: unexpected 'x' after the top-level value; a JSON text must contain exactly one value"),
            ("\u{00A0}1", "line 1, column 1: expected a JSON value, found U+00A0"),
            ("[é]", "line 1, column 2: expected a JSON value, found 'é' (U+00E9)"),
            ("[\u{FF}]", "line 1, column 2: expected a JSON value, found 'ÿ' (U+00FF)"),
            ("\u{0B}1", "line 1, column 1: expected a JSON value, found U+000B"),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(parseError(text)?.description, expected, "input \(text.debugDescription)")
        }
    }

    func testMalformedLiteralsAndComments() {
        let cases: [(text: String, expected: String)] = [
            ("// note\n{}", "line 1, column 1: comments are not allowed in JSON, found '/'"),
            ("{\"a\": 1 /* x */}", "line 1, column 9: expected ',' or '}' after an object member, found '/'"),
            ("{/* x */}", "line 1, column 2: comments are not allowed in JSON, found '/'"),
            ("[NaN]", "line 1, column 2: NaN and Infinity are not valid JSON numbers, found 'N'"),
            ("[Infinity]", "line 1, column 2: NaN and Infinity are not valid JSON numbers, found 'I'"),
            ("[-Infinity]", "line 1, column 3: NaN and Infinity are not valid JSON numbers, found 'I'"),
            ("[tru]", "line 1, column 2: invalid literal; expected 'true'"),
            ("[nulls]", "line 1, column 2: invalid literal; expected 'null'"),
            ("[True]", "line 1, column 2: expected a JSON value, found 'T'"),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(parseError(text)?.description, expected, "input \(text.debugDescription)")
        }
    }

    func testMalformedNumbers() {
        let cases: [(text: String, expected: String)] = [
            ("[01]", "line 1, column 2: numbers must not have leading zeros"),
            ("[-012]", "line 1, column 2: numbers must not have leading zeros"),
            ("[-]", "line 1, column 3: expected a digit after '-', found ']'"),
            ("[1.]", "line 1, column 4: expected a digit after the decimal point, found ']'"),
            ("[.5]", "line 1, column 2: expected a JSON value, found '.'"),
            ("[1e]", "line 1, column 4: expected a digit in the exponent, found ']'"),
            ("[1e+]", "line 1, column 5: expected a digit in the exponent, found ']'"),
            ("[+1]", "line 1, column 2: expected a JSON value, found '+'"),
            ("[1e999]", "line 1, column 2: number 1e999 is out of range for a 64-bit float"),
            ("[0x10]", "line 1, column 3: expected ',' or ']' after an array element, found 'x'"),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(parseError(text)?.description, expected, "input \(text.debugDescription)")
        }
    }

    func testDepthLimitRejectsDeepNesting() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        XCTAssertEqual(parseError(deep)?.description,
                       "line 1, column 513: arrays and objects are nested more than 512 levels deep")
    }

    func testDepthLimitAcceptsLimit() throws {
        let text = String(repeating: "{\"a\":", count: 4) + "1" + String(repeating: "}", count: 4)
        XCTAssertNoThrow(try parse(text, maxDepth: 4))
        XCTAssertThrowsError(try parse(text, maxDepth: 3))
    }

    func testParserSkipsByteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("{\"a\": 1}".utf8)
        let root = try JSONParser().parse(bytes)
        XCTAssertEqual(root["a"]?.numberValue?.int64Value, 1)
    }

    func testCompactDescription() throws {
        let root = try parse(#"{"a": [1.0, "x\"y"], "b": null}"#)
        XCTAssertEqual(root.compactDescription(), #"{"a":[1.0,"x\"y"],"b":null}"#)
        XCTAssertEqual(root.compactDescription(maxLength: 10), #"{"a":[1.0…"#)
    }
}
