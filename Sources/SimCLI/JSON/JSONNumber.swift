/// A JSON number as written in the source, with its parsed values.
///
/// The literal text is kept so that a diagnostic shows `1.0` rather than `1`, and so that a
/// float written where an integer belongs can be distinguished from an integer.
public struct JSONNumber: Hashable, Sendable, CustomStringConvertible {
    /// The number exactly as written, for example `-12`, `1.0` or `2.5e-3`.
    public let literal: String

    /// Whether the literal has no fraction and no exponent (no `.`, `e` or `E`).
    public let isIntegerLiteral: Bool

    /// The nearest `Double`; finite, because the parser rejects literals beyond its range.
    public let doubleValue: Double

    /// The value as an `Int64`, or nil unless the literal is an integer literal within
    /// `Int64.min...Int64.max`.
    public let int64Value: Int64?

    public init?(literal: String) {
        guard let double = Double(literal), double.isFinite else { return nil }
        let isInteger = !literal.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
        self.literal = literal
        self.isIntegerLiteral = isInteger
        self.doubleValue = double
        self.int64Value = isInteger ? Int64(literal) : nil
    }

    public var description: String { literal }
}
