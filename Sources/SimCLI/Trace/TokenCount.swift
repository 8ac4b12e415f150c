/// Reads token counts, which must be non-negative integers that fit the engine's 32-bit counters.
enum TokenCount {
    /// The largest count accepted; the engine stores token counts as `Int32`.
    static let maximum = Int(Int32.max)

    static let invalid = TraceValueError(reason: "is invalid; expected a non-negative integer")
    static let tooLarge = TraceValueError(reason: "is too large; expected at most \(maximum)")

    /// Returns the count written as ASCII digits in `text`.
    ///
    /// - Throws: `TraceValueError` when `text` is not a non-negative integer up to `maximum`.
    static func parse(_ text: ArraySlice<UInt8>) throws -> Int {
        guard !text.isEmpty, text.allSatisfy(WallClockTimestamp.isDigit) else { throw invalid }
        var value = 0
        for byte in text {
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            guard value <= maximum else { throw tooLarge }
        }
        return value
    }

    /// Returns the count in a JSON number.
    ///
    /// - Throws: `TraceValueError` when `number` is not a non-negative integer up to `maximum`.
    static func parse(_ number: JSONNumber) throws -> Int {
        guard number.isIntegerLiteral, let value = number.int64Value, value >= 0 else { throw invalid }
        guard value <= Int64(maximum) else { throw tooLarge }
        return Int(value)
    }
}
