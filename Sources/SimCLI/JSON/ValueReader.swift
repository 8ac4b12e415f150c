import ScaleSim

/// A JSON value at a field path, with typed accessors that record a diagnostic and return nil
/// when the value has the wrong type or lies out of range.
public struct ValueReader {
    public let value: JSONValue
    public let path: FieldPath
    public let diagnostics: ScenarioDiagnostics

    public init(_ value: JSONValue, path: FieldPath, diagnostics: ScenarioDiagnostics) {
        self.value = value
        self.path = path
        self.diagnostics = diagnostics
    }

    /// Records that the value is invalid and returns nil, for custom checks.
    public func reject<T>(expected: String, problem: String = "is invalid") -> T? {
        diagnostics.record(.invalid(value, at: path, expected: expected, problem: problem))
        return nil
    }

    /// Reads the value as an integer. A literal with a fraction or exponent, such as `1.0`, is rejected.
    public func int(range: ValueBounds<Int> = .unbounded) -> Int? {
        let expected = Self.describeInt(range)
        guard let number = value.numberValue else {
            return reject(expected: expected)
        }
        guard number.isIntegerLiteral else {
            return reject(expected: expected, problem: "is not an integer")
        }
        guard let wide = number.int64Value, let integer = Int(exactly: wide) else {
            return reject(expected: expected, problem: "is out of the 64-bit integer range")
        }
        guard range.contains(integer) else {
            return reject(expected: expected)
        }
        return integer
    }

    /// Reads the value as a `Double`, accepting integer literals too.
    public func double(range: ValueBounds<Double> = .unbounded) -> Double? {
        let expected = Self.describeDouble(range)
        guard let number = value.numberValue, range.contains(number.doubleValue) else {
            return reject(expected: expected)
        }
        return number.doubleValue
    }

    /// Reads the value, a number of seconds, as a duration rounded to the nearest nanosecond.
    ///
    /// `range` is in seconds and should exclude negative values. Spans of
    /// `SimDuration.infinity` or more are rejected rather than clamped.
    public func durationSeconds(range: ValueBounds<Double> = .atLeast(0)) -> SimDuration? {
        let expected = range.describe("a duration in seconds", render: NumberFormat.standard.string)
        guard let number = value.numberValue, range.contains(number.doubleValue) else {
            return reject(expected: expected)
        }
        guard number.doubleValue < SimDuration.infinity.seconds else {
            return reject(expected: expected, problem: "is too long for the simulation clock")
        }
        return .seconds(number.doubleValue)
    }

    /// Reads the value as a string, which must be one of `allowed` unless that is nil.
    public func string(oneOf allowed: [String]? = nil) -> String? {
        let expected = Self.describeString(allowed)
        guard let string = value.stringValue else {
            return reject(expected: expected)
        }
        guard let allowed, !allowed.contains(string) else {
            return string
        }
        if let suggestion = EditDistance.nearest(to: string, in: allowed) {
            return reject(expected: "\(expected); did you mean '\(suggestion)'?")
        }
        return reject(expected: expected)
    }

    public func bool() -> Bool? {
        guard let bool = value.boolValue else {
            return reject(expected: "true or false")
        }
        return bool
    }

    /// Returns a reader of the value's members, or nil (with a diagnostic) when it is not an object.
    public func object() -> ObjectReader? {
        ObjectReader(value, path: path, diagnostics: diagnostics)
    }

    /// Returns readers of the array's elements, or nil (with a diagnostic) when it is not an array.
    public func elements() -> [ValueReader]? {
        guard let elements = value.arrayValue else {
            return reject(expected: "an array")
        }
        return elements.enumerated().map { index, element in
            ValueReader(element, path: path.appending(element: index), diagnostics: diagnostics)
        }
    }

    static func describeInt(_ range: ValueBounds<Int>) -> String {
        range.describe("an integer") { String($0) }
    }

    static func describeDouble(_ range: ValueBounds<Double>) -> String {
        range.describe("a number", render: NumberFormat.standard.string)
    }

    static func describeString(_ allowed: [String]?) -> String {
        guard let allowed else { return "a string" }
        return "one of " + allowed.map { "'\($0)'" }.joined(separator: ", ")
    }
}
