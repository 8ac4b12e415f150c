import ScaleSim

/// Typed accessors in two forms. The form without `default` is for required fields and returns
/// nil after recording a diagnostic. The form with `default` is for optional fields: it returns
/// the default when the field is absent or invalid, and records a diagnostic when invalid.
extension ObjectReader {
    public func int(_ key: String, range: ValueBounds<Int> = .unbounded) -> Int? {
        requiredField(key, expected: ValueReader.describeInt(range))?.int(range: range)
    }

    public func int(_ key: String, default defaultValue: Int, range: ValueBounds<Int> = .unbounded) -> Int {
        field(key).map { $0.int(range: range) ?? defaultValue } ?? defaultValue
    }

    public func double(_ key: String, range: ValueBounds<Double> = .unbounded) -> Double? {
        requiredField(key, expected: ValueReader.describeDouble(range))?.double(range: range)
    }

    public func double(_ key: String, default defaultValue: Double, range: ValueBounds<Double> = .unbounded) -> Double {
        field(key).map { $0.double(range: range) ?? defaultValue } ?? defaultValue
    }

    /// Reads a duration written as a number of seconds, as in `ValueReader.durationSeconds(range:)`.
    public func durationSeconds(_ key: String, range: ValueBounds<Double> = .atLeast(0)) -> SimDuration? {
        let expected = range.describe("a duration in seconds", render: NumberFormat.standard.string)
        return requiredField(key, expected: expected)?.durationSeconds(range: range)
    }

    public func durationSeconds(_ key: String, default defaultValue: SimDuration, range: ValueBounds<Double> = .atLeast(0)) -> SimDuration {
        field(key).map { $0.durationSeconds(range: range) ?? defaultValue } ?? defaultValue
    }

    public func string(_ key: String, oneOf allowed: [String]? = nil) -> String? {
        requiredField(key, expected: ValueReader.describeString(allowed))?.string(oneOf: allowed)
    }

    public func string(_ key: String, default defaultValue: String, oneOf allowed: [String]? = nil) -> String {
        field(key).map { $0.string(oneOf: allowed) ?? defaultValue } ?? defaultValue
    }

    public func bool(_ key: String) -> Bool? {
        requiredField(key, expected: "true or false")?.bool()
    }

    public func bool(_ key: String, default defaultValue: Bool) -> Bool {
        field(key).map { $0.bool() ?? defaultValue } ?? defaultValue
    }

    /// Returns a reader of the required object member `key`. The caller calls `finish()` on it.
    public func object(_ key: String) -> ObjectReader? {
        requiredField(key, expected: "an object")?.object()
    }

    /// Returns a reader of the object member `key`, or nil without a diagnostic when it is absent.
    public func optionalObject(_ key: String) -> ObjectReader? {
        field(key)?.object()
    }

    /// Decodes the object member `key` with `decode`, then finishes its reader.
    ///
    /// Returns nil when the member is absent and `isRequired` is false, or when it is invalid.
    public func object<T>(_ key: String, isRequired: Bool = true, decode: (ObjectReader) -> T?) -> T? {
        guard let reader = isRequired ? object(key) : optionalObject(key) else { return nil }
        defer { reader.finish() }
        return decode(reader)
    }

    /// Returns readers of the elements of the required array member `key`.
    public func array(_ key: String) -> [ValueReader]? {
        requiredField(key, expected: "an array")?.elements()
    }

    /// Returns readers of the elements of the array member `key`, or nil without a diagnostic when absent.
    public func optionalArray(_ key: String) -> [ValueReader]? {
        field(key)?.elements()
    }

    /// Decodes each element of the required array member `key` as an object with `decode`,
    /// finishing each element's reader; elements that fail are left out.
    public func objects<T>(_ key: String, decode: (ObjectReader) -> T?) -> [T]? {
        guard let elements = array(key) else { return nil }
        return elements.compactMap { element -> T? in
            guard let reader = element.object() else { return nil }
            defer { reader.finish() }
            return decode(reader)
        }
    }
}
