import ScaleSim
import SimModels

/// Reads the Azure LLM inference trace CSV: a header, then one request per row.
///
/// Rows are `TIMESTAMP,ContextTokens,GeneratedTokens`, for example
/// `2023-11-16 18:15:46.6805900,374,44`. Offsets count from the first row's timestamp, exactly to
/// the nanosecond. Lines end with LF or CR LF; a UTF-8 byte order mark before the header is
/// skipped. Fields are not quoted, and empty lines are rejected.
enum AzureCSVReader {
    static let header = "TIMESTAMP,ContextTokens,GeneratedTokens"

    /// Returns the file's requests in file order.
    ///
    /// - Throws: `TraceError` at the first malformed line, or when rows are out of time order.
    static func read(bytes: [UInt8], name: String) throws -> [TraceRecord] {
        var content = bytes[...]
        if content.starts(with: [0xEF, 0xBB, 0xBF]) {
            content = content.dropFirst(3)
        }

        var records: [TraceRecord] = []
        var hasHeader = false
        var firstNanoseconds: Int64 = 0
        var previous: (nanoseconds: Int64, text: String, line: Int)?
        for (number, text) in TextLines(bytes: Array(content)) {
            func failure(_ message: String) -> TraceError {
                TraceError(file: name, line: number, message: message)
            }

            guard hasHeader else {
                try checkHeader(text, failure: failure)
                hasHeader = true
                continue
            }
            guard !text.isEmpty else {
                throw failure("the line is empty; expected a row \(header), or remove the line")
            }
            let fields = text.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
            guard fields.count == 3 else {
                throw failure("the row has \(fields.count) fields; expected 3: \(header)")
            }

            let timestampText = String(decoding: fields[0], as: UTF8.self)
            let nanoseconds: Int64
            do {
                nanoseconds = try WallClockTimestamp.nanosecondsSinceEpoch(utf8: fields[0])
            } catch let error as TraceValueError {
                throw failure("TIMESTAMP: '\(timestampText)' \(error.reason)")
            }
            if let previous, nanoseconds < previous.nanoseconds {
                throw failure("TIMESTAMP: '\(timestampText)' is earlier than '\(previous.text)' on line "
                              + "\(previous.line); expected rows sorted by time")
            }
            let inputTokens = try readCount(fields[1], column: "ContextTokens", failure: failure)
            let outputTokens = try readCount(fields[2], column: "GeneratedTokens", failure: failure)

            if previous == nil {
                firstNanoseconds = nanoseconds
            }
            previous = (nanoseconds, timestampText, number)
            records.append(TraceRecord(offset: SimDuration(nanoseconds: nanoseconds - firstNanoseconds),
                                       inputTokens: inputTokens, outputTokens: outputTokens))
        }

        guard hasHeader else {
            throw TraceError(file: name, line: nil, message: "the file is empty; expected the header \(header) and one row per request")
        }
        return records
    }

    /// Checks the first line; a first line that parses as a row means the header is missing.
    private static func checkHeader(_ text: ArraySlice<UInt8>, failure: (String) -> TraceError) throws {
        let line = String(decoding: text, as: UTF8.self)
        guard line != header else { return }
        let firstField = text.prefix { $0 != UInt8(ascii: ",") }
        if (try? WallClockTimestamp.nanosecondsSinceEpoch(utf8: firstField)) != nil {
            throw failure("the header is missing; expected the first line to be \(header)")
        }
        throw failure("header '\(line)' is invalid; expected \(header)")
    }

    private static func readCount(_ text: ArraySlice<UInt8>, column: String, failure: (String) -> TraceError) throws -> Int {
        do {
            return try TokenCount.parse(text)
        } catch let error as TraceValueError {
            throw failure("\(column): '\(String(decoding: text, as: UTF8.self))' \(error.reason)")
        }
    }
}
