import ScaleSim
import SimModels

/// Reads the Mooncake FAST'25 trace: JSON Lines, one request per line.
///
/// Each line is exactly one object such as
/// `{"timestamp": 0, "input_length": 6758, "output_length": 500, "hash_ids": [0, 1, 2]}`:
/// `timestamp` in milliseconds since the trace start, token counts, and the prefix-block hashes
/// (one per 512-token block). Each line goes through the strict `JSONParser`, so a duplicate key
/// or a trailing comma is an error, as are missing and unknown fields. Offsets count from the
/// first line's timestamp.
enum MooncakeJSONLReader {
    static let fields = ["timestamp", "input_length", "output_length", "hash_ids"]

    /// Returns the file's requests in file order.
    ///
    /// - Throws: `TraceError` at the first malformed line, or when lines are out of time order.
    static func read(bytes: [UInt8], name: String) throws -> [TraceRecord] {
        var content = bytes[...]
        if content.starts(with: [0xEF, 0xBB, 0xBF]) {
            content = content.dropFirst(3)
        }

        let parser = JSONParser()
        var records: [TraceRecord] = []
        var firstNanoseconds: Int64 = 0
        var previous: (nanoseconds: Int64, literal: String, line: Int)?
        for (number, text) in TextLines(bytes: Array(content)) {
            func failure(_ message: String) -> TraceError {
                TraceError(file: name, line: number, message: message)
            }

            guard !text.isEmpty else {
                throw failure("the line is empty; expected one JSON object per line, or remove the line")
            }
            let document: JSONValue
            do {
                document = try parser.parse(Array(text))
            } catch let error as JSONParseError {
                throw failure("column \(error.position.column): \(error.message)")
            }
            guard let members = document.objectMembers else {
                throw failure("found \(document.typeDescription); expected an object with the fields "
                              + fields.joined(separator: ", "))
            }
            try checkFields(members, failure: failure)

            let timestamp = try member("timestamp", in: document)
            let nanoseconds: Int64
            do {
                nanoseconds = try millisecondsToNanoseconds(timestamp)
            } catch let error as TraceValueError {
                throw failure("timestamp: \(timestamp.compactDescription()) \(error.reason)")
            }
            let literal = timestamp.compactDescription()
            if let previous, nanoseconds < previous.nanoseconds {
                throw failure("timestamp: \(literal) is earlier than \(previous.literal) on line \(previous.line); "
                              + "expected lines sorted by time")
            }
            let inputTokens = try readCount("input_length", in: document, failure: failure)
            let outputTokens = try readCount("output_length", in: document, failure: failure)
            let hashes = try readHashes(try member("hash_ids", in: document), failure: failure)

            if previous == nil {
                firstNanoseconds = nanoseconds
            }
            previous = (nanoseconds, literal, number)
            records.append(TraceRecord(offset: SimDuration(nanoseconds: nanoseconds - firstNanoseconds),
                                       inputTokens: inputTokens, outputTokens: outputTokens, prefixHashes: hashes))
        }
        return records
    }

    /// Checks that the object has exactly the four fields, naming the first missing or unknown one.
    private static func checkFields(_ members: [JSONMember], failure: (String) -> TraceError) throws {
        for member in members where !fields.contains(member.key) {
            var message = "unknown field '\(member.key)'"
            if let suggestion = EditDistance.nearest(to: member.key, in: fields) {
                message += "; did you mean '\(suggestion)'?"
            } else {
                message += "; expected only " + fields.joined(separator: ", ")
            }
            throw failure(message)
        }
        for field in fields where !members.contains(where: { $0.key == field }) {
            throw failure("missing field '\(field)'; expected an object with the fields " + fields.joined(separator: ", "))
        }
    }

    /// Returns a field that `checkFields` has shown to be present.
    private static func member(_ field: String, in document: JSONValue) throws -> JSONValue {
        guard let value = document[field] else {
            preconditionFailure("field '\(field)' was checked to be present")
        }
        return value
    }

    /// Converts a timestamp in milliseconds to nanoseconds exactly.
    ///
    /// Accepts a non-negative integer, or a decimal with at most 6 fractional digits (whole
    /// nanoseconds); exponents are rejected because they would need rounding rules.
    static func millisecondsToNanoseconds(_ value: JSONValue) throws -> Int64 {
        let expected = "expected milliseconds as a non-negative integer or a decimal with at most 6 fractional digits"
        guard let number = value.numberValue else {
            throw TraceValueError(reason: "is invalid; \(expected)")
        }
        let parts = number.literal.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = Array(parts[0].utf8)[...]
        let fraction = parts.count > 1 ? Array(parts[1].utf8)[...] : []
        guard !whole.isEmpty, whole.allSatisfy(WallClockTimestamp.isDigit),
              fraction.allSatisfy(WallClockTimestamp.isDigit), fraction.count <= 6
        else {
            throw TraceValueError(reason: "is invalid; \(expected)")
        }
        // A year of milliseconds is 3.2e10, so 12 digits are far beyond any trace yet stay exact.
        guard whole.count <= 12, let milliseconds = WallClockTimestamp.digitsValue(whole) else {
            throw TraceValueError(reason: "is too large; expected at most 12 digits of milliseconds")
        }
        var fractionNanoseconds = WallClockTimestamp.digitsValue(fraction) ?? 0
        for _ in fraction.count..<6 {
            fractionNanoseconds *= 10
        }
        return milliseconds * 1_000_000 + fractionNanoseconds
    }

    private static func readCount(_ field: String, in document: JSONValue, failure: (String) -> TraceError) throws -> Int {
        let value = try member(field, in: document)
        let problem: TraceValueError
        if let number = value.numberValue {
            do {
                return try TokenCount.parse(number)
            } catch let error as TraceValueError {
                problem = error
            }
        } else {
            problem = TokenCount.invalid
        }
        throw failure("\(field): \(value.compactDescription()) \(problem.reason)")
    }

    private static func readHashes(_ value: JSONValue, failure: (String) -> TraceError) throws -> [UInt32] {
        guard let elements = value.arrayValue else {
            throw failure("hash_ids: found \(value.typeDescription); expected an array of integers from 0 to \(UInt32.max)")
        }
        var hashes: [UInt32] = []
        hashes.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            guard let number = element.numberValue, number.isIntegerLiteral,
                  let hash = number.int64Value, hash >= 0, hash <= Int64(UInt32.max)
            else {
                throw failure("hash_ids[\(index)]: \(element.compactDescription()) is invalid; "
                              + "expected an integer from 0 to \(UInt32.max)")
            }
            hashes.append(UInt32(hash))
        }
        return hashes
    }
}
