/// The one rule for printing numbers in JSON, CSV and tables, independent of locale.
///
/// - Integers (`Int`, and `Double`s with an integral value and magnitude below 1e15) print all
///   their digits: `42`, `-7`, `3` for `3.0`.
/// - Other finite values keep `significantDigits` significant digits, except that the integer
///   part is never rounded: `0.333333`, `1234.57`, `1234567` for `1234567.25`. Trailing zeros
///   are dropped.
/// - Magnitudes in [1e-6, 1e15) print in plain decimal. Smaller and larger ones use an
///   exponent with a sign and at least two digits: `1.5e-07`, `2.5e+20`.
/// - Zero prints as `0`, negative zero included. NaN and infinities print as `nan`, `inf` and
///   `-inf`; JSON has no literal for them, so `jsonLiteral` writes `null`.
///
/// Rounding works on the shortest round-trip digits that Swift's `Double.description` yields,
/// half away from zero, so 0.1234565 prints as 0.123457 although the binary value lies just below
/// the halfway point. The rule avoids `String(format:)` and `NumberFormatter`, whose output
/// depends on the locale and the C library.
public struct NumberFormat: Hashable, Sendable {
    /// Significant digits kept for non-integral values; at least 1.
    public var significantDigits: Int

    public init(significantDigits: Int = 6) {
        precondition(significantDigits >= 1, "significantDigits must be at least 1, got \(significantDigits)")
        self.significantDigits = significantDigits
    }

    /// Six significant digits, the format of every report.
    public static let standard = NumberFormat()

    public func string(_ value: Int) -> String {
        String(value)
    }

    public func string(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == 0 { return "0" }

        let magnitude = value.magnitude
        let sign = value < 0 ? "-" : ""
        if magnitude < 1e15, magnitude == magnitude.rounded(.towardZero) {
            return sign + String(Int64(magnitude))
        }

        var decimal = DecimalDigits(magnitude)
        if magnitude < 1e-6 || magnitude >= 1e15 {
            decimal.round(toSignificantDigits: significantDigits)
            return sign + decimal.scientific()
        }
        decimal.round(toSignificantDigits: max(significantDigits, decimal.pointPosition))
        return sign + decimal.plain()
    }

    /// Returns the value as a JSON number, or `null` when it is NaN or infinite.
    public func jsonLiteral(_ value: Double) -> String {
        value.isFinite ? string(value) : "null"
    }
}

/// A positive decimal number as digits `d1 d2 ...` and a point position `p`, meaning
/// `0.d1d2... × 10^p`; `d1` is never zero and the last digit is never zero.
struct DecimalDigits {
    var digits: [UInt8]
    var pointPosition: Int

    /// Takes the shortest round-trip digits of a positive finite `value`.
    init(_ value: Double) {
        // Double.description prints forms like "12345.678", "1e-07" or "1.2345e+16".
        let text = Array(value.description.utf8)
        let exponentIndex = text.firstIndex { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
        let mantissa = text[..<(exponentIndex ?? text.count)]
        var exponent = 0
        if let exponentIndex {
            exponent = Int(String(decoding: text[(exponentIndex + 1)...], as: UTF8.self)) ?? 0
        }

        let pointIndex = mantissa.firstIndex(of: UInt8(ascii: ".")) ?? mantissa.endIndex
        var digits = mantissa.filter { $0 != UInt8(ascii: ".") }.map { $0 - UInt8(ascii: "0") }
        var pointPosition = (pointIndex - mantissa.startIndex) + exponent
        while digits.first == 0 {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.last == 0 {
            digits.removeLast()
        }
        self.digits = digits
        self.pointPosition = pointPosition
    }

    /// Rounds half away from zero to at most `count` digits and drops trailing zeros.
    mutating func round(toSignificantDigits count: Int) {
        guard digits.count > count else { return }
        let roundsUp = digits[count] >= 5
        digits.removeSubrange(count...)
        if roundsUp {
            var index = count - 1
            while index >= 0, digits[index] == 9 {
                digits[index] = 0
                index -= 1
            }
            if index >= 0 {
                digits[index] += 1
            } else {
                // Every kept digit was 9, so the value becomes the next power of ten.
                digits.insert(1, at: 0)
                pointPosition += 1
            }
        }
        while digits.last == 0 {
            digits.removeLast()
        }
    }

    /// Returns the number without an exponent: `1234.5`, `0.00012`, `1200`.
    func plain() -> String {
        let text = digits.map { Character(Unicode.Scalar($0 + UInt8(ascii: "0"))) }
        if pointPosition <= 0 {
            return "0." + String(repeating: "0", count: -pointPosition) + String(text)
        }
        if text.count <= pointPosition {
            return String(text) + String(repeating: "0", count: pointPosition - text.count)
        }
        return String(text[..<pointPosition]) + "." + String(text[pointPosition...])
    }

    /// Returns the number with one digit before the point and an exponent: `1.5e-07`, `2e+20`.
    func scientific() -> String {
        let text = digits.map { Character(Unicode.Scalar($0 + UInt8(ascii: "0"))) }
        var result = String(text.prefix(1))
        if text.count > 1 {
            result += "." + String(text.dropFirst())
        }
        let exponent = pointPosition - 1
        let exponentDigits = String(exponent.magnitude)
        result += exponent < 0 ? "e-" : "e+"
        result += exponentDigits.count < 2 ? "0" + exponentDigits : exponentDigits
        return result
    }
}
