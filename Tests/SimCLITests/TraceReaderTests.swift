import Foundation
import ScaleSim
import SimCLI
import SimModels
import XCTest

/// The trace readers: exact timestamps, every malformed-row message, the shipped traces and the
/// run-length check.
final class TraceReaderTests: XCTestCase {
    static let header = "TIMESTAMP,ContextTokens,GeneratedTokens"
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/traces")

    /// Reads CSV rows after the standard header.
    func readAzure(_ rows: [String], name: String = "t.csv") throws -> [TraceRecord] {
        let text = ([Self.header] + rows).joined(separator: "\n")
        return try TraceReader.read(bytes: Array(text.utf8), format: .azureCSV, name: name)
    }

    func readMooncake(_ lines: [String], name: String = "t.jsonl") throws -> [TraceRecord] {
        let text = lines.joined(separator: "\n") + "\n"
        return try TraceReader.read(bytes: Array(text.utf8), format: .mooncakeJSONL, name: name)
    }

    /// Returns the message of the `TraceError` that `body` throws, or a failure note.
    func message(_ body: () throws -> Any) -> String {
        do {
            _ = try body()
            return "no error"
        } catch let error as TraceError {
            return error.description
        } catch {
            return "unexpected error \(error)"
        }
    }

    // MARK: Timestamps

    func testTimestampSevenDigitsExact() throws {
        let records = try readAzure(["2023-11-16 18:15:46.0000000,1,1", "2023-11-16 18:15:46.6805900,1,1"])
        XCTAssertEqual(records[1].offset.nanoseconds, 680_590_000)
    }

    func testTimestampFirstRowIsZero() throws {
        let records = try readAzure(["2023-11-16 18:15:46.6805900,374,44"])
        XCTAssertEqual(records[0].offset, .zero)
    }

    func testTimestampAcrossDay() throws {
        let records = try readAzure(["2023-11-16 23:59:59.9999999,1,1", "2023-11-17 00:00:00.0000001,1,1"])
        XCTAssertEqual(records[1].offset.nanoseconds, 200)
    }

    func testTimestampAcrossMonth() throws {
        let records = try readAzure(["2023-11-30 23:00:00,1,1", "2023-12-01 01:00:00.5,1,1"])
        XCTAssertEqual(records[1].offset.nanoseconds, 7_200_500_000_000)
    }

    func testTimestampAcrossLeapDay() throws {
        let records = try readAzure(["2024-02-28 12:00:00,1,1", "2024-03-01 12:00:00,1,1"])
        XCTAssertEqual(records[1].offset.nanoseconds, 2 * 86_400 * 1_000_000_000)
    }

    func testTimestampZeroAndNineDigits() throws {
        let records = try readAzure(["2023-11-16 18:15:46,1,1", "2023-11-16 18:15:46.123456789,1,1"])
        XCTAssertEqual(records[1].offset.nanoseconds, 123_456_789)
    }

    func testTimestampEpochValues() throws {
        XCTAssertEqual(try WallClockTimestamp.nanosecondsSinceEpoch("1970-01-01 00:00:00"), 0)
        XCTAssertEqual(try WallClockTimestamp.nanosecondsSinceEpoch("1970-01-02 00:00:00.000000001"),
                       86_400_000_000_001)
        // 1,700,152,546 s is 2023-11-16 16:35:46 UTC.
        XCTAssertEqual(try WallClockTimestamp.nanosecondsSinceEpoch("2023-11-16 16:35:46.68059"),
                       1_700_152_546_680_590_000)
    }

    func testDaysFromCivil() {
        XCTAssertEqual(WallClockTimestamp.daysFromCivil(year: 1970, month: 1, day: 1), 0)
        XCTAssertEqual(WallClockTimestamp.daysFromCivil(year: 2000, month: 3, day: 1), 11_017)
        XCTAssertEqual(WallClockTimestamp.daysFromCivil(year: 1969, month: 12, day: 31), -1)
        XCTAssertEqual(WallClockTimestamp.daysFromCivil(year: 2023, month: 11, day: 16), 19_677)
    }

    // MARK: Malformed Azure rows

    func testAzureTenFractionalDigits() {
        let text = message { try self.readAzure(["2023-11-16 18:15:46.0,1,1", "2023-11-16 18:15:46.0123456789,1,1"]) }
        XCTAssertEqual(text, "t.csv:3: TIMESTAMP: '2023-11-16 18:15:46.0123456789' has 10 fractional digits; "
                       + "expected at most 9 (nanoseconds)")
    }

    func testAzureMalformedTimestamp() {
        let text = message { try self.readAzure(["2023-11-16T18:15:46,1,1"]) }
        XCTAssertEqual(text, "t.csv:2: TIMESTAMP: '2023-11-16T18:15:46' is invalid; expected \(WallClockTimestamp.expectedFormat)")
    }

    func testAzureTrailingDot() {
        let text = message { try self.readAzure(["2023-11-16 18:15:46.,1,1"]) }
        XCTAssertTrue(text.hasPrefix("t.csv:2: TIMESTAMP: '2023-11-16 18:15:46.' is invalid"), text)
    }

    func testAzureMonthOutOfRange() {
        let text = message { try self.readAzure(["2023-13-16 18:15:46,1,1"]) }
        XCTAssertEqual(text, "t.csv:2: TIMESTAMP: '2023-13-16 18:15:46' has month 13; expected 01 to 12")
    }

    func testAzureDayOutOfRange() {
        let text = message { try self.readAzure(["2023-02-29 00:00:00,1,1"]) }
        XCTAssertEqual(text, "t.csv:2: TIMESTAMP: '2023-02-29 00:00:00' has day 29, but month 2 of 2023 has 28 days")
    }

    func testAzureHourOutOfRange() {
        let text = message { try self.readAzure(["2023-11-16 24:00:00,1,1"]) }
        XCTAssertEqual(text, "t.csv:2: TIMESTAMP: '2023-11-16 24:00:00' has a time of day out of range; "
                       + "expected 00:00:00 to 23:59:59")
    }

    func testAzureInvalidTokens() {
        let text = message { try self.readAzure(Array(repeating: "2023-11-16 18:15:46,1,1", count: 15) + ["2023-11-16 18:15:47,abc,1"]) }
        XCTAssertEqual(text, "t.csv:17: ContextTokens: 'abc' is invalid; expected a non-negative integer")
    }

    func testAzureNegativeTokens() {
        let text = message { try self.readAzure(["2023-11-16 18:15:46,1,-5"]) }
        XCTAssertEqual(text, "t.csv:2: GeneratedTokens: '-5' is invalid; expected a non-negative integer")
    }

    func testAzureTooManyTokens() {
        let text = message { try self.readAzure(["2023-11-16 18:15:46,99999999999,1"]) }
        XCTAssertEqual(text, "t.csv:2: ContextTokens: '99999999999' is too large; expected at most 2147483647")
    }

    func testAzureEmptyTokenField() {
        let text = message { try self.readAzure(["2023-11-16 18:15:46,,1"]) }
        XCTAssertEqual(text, "t.csv:2: ContextTokens: '' is invalid; expected a non-negative integer")
    }

    func testAzureWrongFieldCount() {
        let text = message { try self.readAzure(["2023-11-16 18:15:46,1"]) }
        XCTAssertEqual(text, "t.csv:2: the row has 2 fields; expected 3: \(Self.header)")
    }

    func testAzureOutOfOrder() {
        let text = message {
            try self.readAzure(["2023-11-16 18:15:46.5,1,1", "2023-11-16 18:15:47,1,1", "2023-11-16 18:15:46.9,1,1"])
        }
        XCTAssertEqual(text, "t.csv:4: TIMESTAMP: '2023-11-16 18:15:46.9' is earlier than '2023-11-16 18:15:47' "
                       + "on line 3; expected rows sorted by time")
    }

    func testAzureEqualTimestampsAccepted() throws {
        let records = try readAzure(["2023-11-16 18:15:46,1,1", "2023-11-16 18:15:46,2,2"])
        XCTAssertEqual(records.count, 2)
    }

    func testAzureEmptyLine() {
        let text = message { try self.readAzure(["2023-11-16 18:15:46,1,1", "", "2023-11-16 18:15:47,1,1"]) }
        XCTAssertEqual(text, "t.csv:3: the line is empty; expected a row \(Self.header), or remove the line")
    }

    func testAzureWrongHeader() {
        let text = message {
            try TraceReader.read(bytes: Array("time,in,out\n2023-11-16 18:15:46,1,1".utf8), format: .azureCSV, name: "t.csv")
        }
        XCTAssertEqual(text, "t.csv:1: header 'time,in,out' is invalid; expected \(Self.header)")
    }

    func testAzureMissingHeader() {
        let text = message {
            try TraceReader.read(bytes: Array("2023-11-16 18:15:46,1,1\n".utf8), format: .azureCSV, name: "t.csv")
        }
        XCTAssertEqual(text, "t.csv:1: the header is missing; expected the first line to be \(Self.header)")
    }

    func testAzureEmptyFile() {
        let text = message { try TraceReader.read(bytes: [], format: .azureCSV, name: "t.csv") }
        XCTAssertEqual(text, "t.csv: the file is empty; expected the header \(Self.header) and one row per request")
    }

    func testAzureHeaderOnly() {
        let text = message { try self.readAzure([]) }
        XCTAssertEqual(text, "t.csv: the trace has no requests; expected at least two rows")
    }

    func testAzureCRLFAndByteOrderMark() throws {
        let text = "\u{FEFF}\(Self.header)\r\n2023-11-16 18:15:46,10,20\r\n2023-11-16 18:15:47,30,40\r\n"
        let records = try TraceReader.read(bytes: Array(text.utf8), format: .azureCSV, name: "t.csv")
        XCTAssertEqual(records, [TraceRecord(offset: .zero, inputTokens: 10, outputTokens: 20),
                                 TraceRecord(offset: .seconds(1), inputTokens: 30, outputTokens: 40)])
    }

    // MARK: Mooncake lines

    static let mooncakeLine = #"{"timestamp": 0, "input_length": 600, "output_length": 20, "hash_ids": [0, 1]}"#

    func testMooncakeRecord() throws {
        let records = try readMooncake([
            Self.mooncakeLine,
            #"{"timestamp": 1500, "input_length": 7, "output_length": 3, "hash_ids": [4294967295]}"#,
        ])
        XCTAssertEqual(records[1], TraceRecord(offset: .milliseconds(1500), inputTokens: 7, outputTokens: 3,
                                               prefixHashes: [4_294_967_295]))
    }

    func testMooncakeFractionalMilliseconds() throws {
        let records = try readMooncake([
            Self.mooncakeLine,
            #"{"timestamp": 2.000001, "input_length": 1, "output_length": 1, "hash_ids": []}"#,
        ])
        XCTAssertEqual(records[1].offset.nanoseconds, 2_000_001)
    }

    func testMooncakeOffsetsFromFirstLine() throws {
        let records = try readMooncake([
            #"{"timestamp": 1000, "input_length": 1, "output_length": 1, "hash_ids": []}"#,
            #"{"timestamp": 1250, "input_length": 1, "output_length": 1, "hash_ids": []}"#,
        ])
        XCTAssertEqual(records.map(\.offset.nanoseconds), [0, 250_000_000])
    }

    func testMooncakeMissingField() {
        let text = message {
            try self.readMooncake([Self.mooncakeLine, #"{"timestamp": 1, "input_length": 1, "output_length": 1}"#])
        }
        XCTAssertEqual(text, "t.jsonl:2: missing field 'hash_ids'; expected an object with the fields "
                       + "timestamp, input_length, output_length, hash_ids")
    }

    func testMooncakeUnknownField() {
        let text = message {
            try self.readMooncake([#"{"timestamp": 1, "input_length": 1, "output_length": 1, "hash_ids": [], "tenant": 3}"#])
        }
        XCTAssertEqual(text, "t.jsonl:1: unknown field 'tenant'; expected only timestamp, input_length, output_length, hash_ids")
    }

    func testMooncakeMisspelledField() {
        let text = message {
            try self.readMooncake([#"{"timestamp": 1, "input_lenght": 1, "output_length": 1, "hash_ids": []}"#])
        }
        XCTAssertEqual(text, "t.jsonl:1: unknown field 'input_lenght'; did you mean 'input_length'?")
    }

    func testMooncakeSyntaxError() {
        let text = message {
            try self.readMooncake([Self.mooncakeLine, Self.mooncakeLine, #"{"timestamp": 1,}"#])
        }
        XCTAssertTrue(text.hasPrefix("t.jsonl:3: column 17: "), text)
    }

    func testMooncakeNotAnObject() {
        let text = message { try self.readMooncake(["[1, 2]"]) }
        XCTAssertEqual(text, "t.jsonl:1: found an array; expected an object with the fields "
                       + "timestamp, input_length, output_length, hash_ids")
    }

    func testMooncakeNegativeLength() {
        let text = message {
            try self.readMooncake([#"{"timestamp": 1, "input_length": -3, "output_length": 1, "hash_ids": []}"#])
        }
        XCTAssertEqual(text, "t.jsonl:1: input_length: -3 is invalid; expected a non-negative integer")
    }

    func testMooncakeFractionalLength() {
        let text = message {
            try self.readMooncake([#"{"timestamp": 1, "input_length": 3, "output_length": 1.5, "hash_ids": []}"#])
        }
        XCTAssertEqual(text, "t.jsonl:1: output_length: 1.5 is invalid; expected a non-negative integer")
    }

    func testMooncakeTimestampExponent() {
        let text = message {
            try self.readMooncake([#"{"timestamp": 1e3, "input_length": 3, "output_length": 1, "hash_ids": []}"#])
        }
        XCTAssertEqual(text, "t.jsonl:1: timestamp: 1e3 is invalid; expected milliseconds as a non-negative "
                       + "integer or a decimal with at most 6 fractional digits")
    }

    func testMooncakeNegativeTimestamp() {
        let text = message {
            try self.readMooncake([#"{"timestamp": -1, "input_length": 3, "output_length": 1, "hash_ids": []}"#])
        }
        XCTAssertTrue(text.hasPrefix("t.jsonl:1: timestamp: -1 is invalid"), text)
    }

    func testMooncakeOutOfOrder() {
        let text = message {
            try self.readMooncake([
                #"{"timestamp": 5, "input_length": 1, "output_length": 1, "hash_ids": []}"#,
                #"{"timestamp": 4, "input_length": 1, "output_length": 1, "hash_ids": []}"#,
            ])
        }
        XCTAssertEqual(text, "t.jsonl:2: timestamp: 4 is earlier than 5 on line 1; expected lines sorted by time")
    }

    func testMooncakeInvalidHash() {
        let text = message {
            try self.readMooncake([#"{"timestamp": 1, "input_length": 1, "output_length": 1, "hash_ids": [1, 4294967296]}"#])
        }
        XCTAssertEqual(text, "t.jsonl:1: hash_ids[1]: 4294967296 is invalid; expected an integer from 0 to 4294967295")
    }

    func testMooncakeHashesNotArray() {
        let text = message {
            try self.readMooncake([#"{"timestamp": 1, "input_length": 1, "output_length": 1, "hash_ids": 7}"#])
        }
        XCTAssertEqual(text, "t.jsonl:1: hash_ids: found a number; expected an array of integers from 0 to 4294967295")
    }

    func testMooncakeEmptyLine() {
        let text = message { try self.readMooncake([Self.mooncakeLine, "", Self.mooncakeLine]) }
        XCTAssertEqual(text, "t.jsonl:2: the line is empty; expected one JSON object per line, or remove the line")
    }

    func testMooncakeEmptyFile() {
        let text = message { try TraceReader.read(bytes: [], format: .mooncakeJSONL, name: "t.jsonl") }
        XCTAssertEqual(text, "t.jsonl: the trace has no requests; expected at least two rows")
    }

    // MARK: Span

    func testSpanAddsMeanGap() throws {
        let records = [0, 10, 40].map { TraceRecord(offset: .seconds(Double($0)), inputTokens: 1, outputTokens: 1) }
        XCTAssertEqual(try TraceReader.span(of: records, name: "t"), .seconds(60))
    }

    func testSpanRejectsOneInstant() {
        let records = [TraceRecord(offset: .zero, inputTokens: 1, outputTokens: 1),
                       TraceRecord(offset: .zero, inputTokens: 1, outputTokens: 1)]
        let text = message { try TraceReader.span(of: records, name: "t") }
        XCTAssertEqual(text, "t: all 2 requests have the same timestamp, so the trace has no span; "
                       + "expected requests at two or more times")
    }

    // MARK: Shipped traces

    func readShipped(_ file: String, format: TraceFormat) throws -> [TraceRecord] {
        let url = Self.repositoryRoot.appendingPathComponent("traces/\(file)")
        return try TraceReader.read(bytes: Array(try Data(contentsOf: url)), format: format, name: file)
    }

    func testAzureFullTrace() throws {
        let records = try readShipped("azure_llm_2023_conv.csv", format: .azureCSV)
        let inputMean = Double(records.map(\.inputTokens).reduce(0, +)) / Double(records.count)
        let outputMean = Double(records.map(\.outputTokens).reduce(0, +)) / Double(records.count)
        XCTAssertEqual(records.count, 19_366)
        XCTAssertEqual(inputMean, 1_155, accuracy: 0.5)
        XCTAssertEqual(outputMean, 211, accuracy: 0.5)
        // 18:15:46.6805900 to 19:14:08.4025270.
        XCTAssertEqual(records.last?.offset.nanoseconds, 3_501_721_937_000)
        XCTAssertTrue(records.allSatisfy { $0.prefixHashes.isEmpty })
    }

    func testMooncakeFullTrace() throws {
        let records = try readShipped("mooncake_fast25_conversation.jsonl", format: .mooncakeJSONL)
        let inputMean = Double(records.map(\.inputTokens).reduce(0, +)) / Double(records.count)
        let outputMean = Double(records.map(\.outputTokens).reduce(0, +)) / Double(records.count)
        XCTAssertEqual(records.count, 12_031)
        XCTAssertEqual(inputMean, 12_035, accuracy: 0.5)
        XCTAssertEqual(outputMean, 343, accuracy: 0.5)
        XCTAssertEqual(records.last?.offset.nanoseconds, 3_536_999_000_000)
        XCTAssertEqual(records.map(\.prefixHashes.count).reduce(0, +), 288_500)
    }

    func testFixtureSlices() throws {
        let azure = try Data(contentsOf: Self.fixtures.appendingPathComponent("azure_conv_head40.csv"))
        let mooncake = try Data(contentsOf: Self.fixtures.appendingPathComponent("mooncake_conv_head40.jsonl"))
        XCTAssertEqual(try TraceReader.read(bytes: Array(azure), format: .azureCSV, name: "a").count, 40)
        XCTAssertEqual(try TraceReader.read(bytes: Array(mooncake), format: .mooncakeJSONL, name: "m").count, 40)
    }

    // MARK: Loading and coverage

    func testLoadResolvesAgainstScenarioFolder() throws {
        let scenario = Self.repositoryRoot.appendingPathComponent("scenarios/azure_trace_replay.json").path
        let trace = try TraceLoader.load(path: "../traces/azure_llm_2023_conv.csv", format: "azure_csv",
                                         customersPerCopy: 1_455, loop: false, relativeTo: scenario, scenarioLine: 5)
        XCTAssertEqual(trace.name, "azure_llm_2023_conv")
        XCTAssertEqual(trace.span.nanoseconds, 3_501_721_937_000 + 3_501_721_937_000 / 19_365)
    }

    func testResolveNormalizesPath() {
        XCTAssertEqual(TraceLoader.resolve("../traces/x.csv", relativeTo: "scenarios/s.json"), "traces/x.csv")
        XCTAssertEqual(TraceLoader.resolve("x.csv", relativeTo: "s.json"), "x.csv")
        XCTAssertEqual(TraceLoader.resolve("/data/x.csv", relativeTo: "scenarios/s.json"), "/data/x.csv")
        XCTAssertEqual(TraceLoader.resolve("./t/x.csv", relativeTo: "/a/b/s.json"), "/a/b/t/x.csv")
    }

    func testLoadMissingFile() {
        let text = message {
            try TraceLoader.load(path: "nowhere.csv", format: "azure_csv", customersPerCopy: 1, loop: false,
                                 relativeTo: "scenarios/s.json", scenarioLine: 9)
        }
        XCTAssertEqual(text, "scenarios/s.json:9: workload.trace.path: scenarios/nowhere.csv: file not found; a relative "
                       + "path is resolved against the scenario file's folder, so check the path or give an absolute one")
    }

    func testLoadUnknownFormat() {
        let text = message {
            try TraceLoader.load(path: "x.csv", format: "csv", customersPerCopy: 1, loop: false,
                                 relativeTo: "s.json", scenarioLine: 4)
        }
        XCTAssertEqual(text, "s.json:4: workload.trace.format: 'csv' is invalid; expected 'azure_csv' or 'mooncake_jsonl'")
    }

    func testLoadReportsTraceLine() throws {
        let path = try CLITestSupport.write("\(Self.header)\n2023-11-16 18:15:46,1,x\n", name: "bad.csv")
        let scenario = (path as NSString).deletingLastPathComponent + "/s.json"
        let text = message {
            try TraceLoader.load(path: "bad.csv", format: "azure_csv", customersPerCopy: 1, loop: false,
                                 relativeTo: scenario, scenarioLine: 4)
        }
        XCTAssertEqual(text, "\(path):2: GeneratedTokens: 'x' is invalid; expected a non-negative integer")
    }

    func coverageTrace(loop: Bool) -> TraceSpec {
        TraceSpec(name: "t", records: [TraceRecord(offset: .zero, inputTokens: 1, outputTokens: 1)],
                  span: .seconds(3_501.9), customersPerCopy: 1, loop: loop)
    }

    func testCoverageShortRunPasses() {
        XCTAssertNil(checkTraceCoversRun(coverageTrace(loop: false), runLength: .seconds(3_300)))
    }

    func testCoverageEqualRunPasses() {
        XCTAssertNil(checkTraceCoversRun(coverageTrace(loop: false), runLength: .seconds(3_501.9)))
    }

    func testCoverageLongRunFails() {
        XCTAssertEqual(checkTraceCoversRun(coverageTrace(loop: false), runLength: .seconds(4_200)),
                       "workload.trace: the run lasts 4200 s (warm-up plus duration), but the trace 't' spans only "
                       + "3501.9 s and each copy replays it at most once; set run.warmup_s plus run.duration_s to "
                       + "at most 3501, or set workload.trace.loop to true to repeat the trace")
    }

    func testCoverageLoopPasses() {
        XCTAssertNil(checkTraceCoversRun(coverageTrace(loop: true), runLength: .seconds(10_000)))
    }
}
