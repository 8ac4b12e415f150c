import SimCLI
import XCTest

final class JSONWriterTests: XCTestCase {
    private let report: ReportValue = [
        "seed": 42,
        "name": "baseline",
        "latency": ["p50": 0.0123456789, "p99": 1.5e-7, "max": .double(.infinity)],
        "stations": [["id": 1, "busy": true], ["id": 2, "busy": false]],
        "empty": [:],
        "none": [],
        "note": nil,
    ]

    func testWriterPrettyGolden() {
        let expected = """
        {
          "empty": {},
          "latency": {
            "max": null,
            "p50": 0.0123457,
            "p99": 1.5e-07
          },
          "name": "baseline",
          "none": [],
          "note": null,
          "seed": 42,
          "stations": [
            {
              "busy": true,
              "id": 1
            },
            {
              "busy": false,
              "id": 2
            }
          ]
        }
        """
        XCTAssertEqual(JSONWriter().string(report), expected)
    }

    func testWriterCompactGolden() {
        let expected = #"{"empty":{},"latency":{"max":null,"p50":0.0123457,"p99":1.5e-07},"name":"baseline","none":[],"note":null,"seed":42,"stations":[{"busy":true,"id":1},{"busy":false,"id":2}]}"#
        XCTAssertEqual(JSONWriter(layout: .compact).string(report), expected)
    }

    func testWriterSortsKeysByBytes() {
        let value: ReportValue = ["b": 1, "B": 2, "a": 3, "é": 4, "z": 5, "_": 6, "a1": 7]
        XCTAssertEqual(JSONWriter(layout: .compact).string(value), #"{"B":2,"_":6,"a":3,"a1":7,"b":1,"z":5,"é":4}"#)
    }

    func testWriterEscapesStrings() {
        let value: ReportValue = .string("q\" b\\ n\n t\t c\u{01} e\u{7F} é/")
        XCTAssertEqual(JSONWriter().string(value), #""q\" b\\ n\n t\t c\u0001 e\#u{7F} é/""#)
    }

    func testWriterOutputParsesBack() throws {
        let text = JSONWriter().string(report)
        let parsed = try JSONParser().parse(text)
        XCTAssertEqual(parsed["seed"]?.numberValue?.int64Value, 42)
        XCTAssertEqual(parsed["latency"]?["p99"]?.numberValue?.doubleValue, 1.5e-7)
        XCTAssertEqual(parsed["latency"]?["max"]?.isNull, true)
    }

    func testWriterScalars() {
        let writer = JSONWriter()
        XCTAssertEqual(writer.string(true), "true")
        XCTAssertEqual(writer.string(.double(2.0)), "2")
        XCTAssertEqual(writer.string(.double(-.nan)), "null")
        XCTAssertEqual(writer.string(.int(-3)), "-3")
    }
}

final class CSVWriterTests: XCTestCase {
    func testCSVDocumentGolden() {
        let writer = CSVWriter()
        let text = writer.document(header: ["station", "utilization", "note"], rows: [
            ["api", 0.8333333, "ok"],
            ["db, primary", 1.0, "said \"hi\""],
            ["queue", .double(.nan), "two\nlines"],
            ["cache", 12, nil],
        ])
        let expected = "station,utilization,note\n"
            + "api,0.833333,ok\n"
            + "\"db, primary\",1,\"said \"\"hi\"\"\"\n"
            + "queue,nan,\"two\nlines\"\n"
            + "cache,12,\n"
        XCTAssertEqual(text, expected)
    }

    func testCSVLineEnding() {
        let writer = CSVWriter(lineEnding: "\r\n")
        XCTAssertEqual(writer.record(["a", 1, true]), "a,1,true\r\n")
    }

    func testCSVQuoting() {
        XCTAssertEqual(CSVWriter.quoted("plain text"), "plain text")
        XCTAssertEqual(CSVWriter.quoted("a,b"), "\"a,b\"")
        XCTAssertEqual(CSVWriter.quoted("cr\rhere"), "\"cr\rhere\"")
        XCTAssertEqual(CSVWriter.quoted("\""), "\"\"\"\"")
    }

    func testCSVNestedValues() {
        XCTAssertEqual(CSVWriter().field(["b": 1, "a": [0.5]]), #""{""a"":[0.5],""b"":1}""#)
    }
}
