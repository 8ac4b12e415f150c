import ScaleSim

/// One assertion of a scenario's `assert` list: a metric, named by its MetricSet path, must lie
/// strictly below and/or strictly above bounds.
public struct MetricAssertion: Sendable, Equatable, CustomStringConvertible {
    /// One side of an assertion.
    public enum Bound: String, Sendable, Hashable {
        case below, above
    }

    public var metric: String
    public var below: Double?
    public var above: Double?

    /// Returns the bounds that `value` breaks, `below` first.
    ///
    /// NaN, a figure with no observation (a p95 with no request), is not measurable and breaks
    /// no bound: a case without the traffic cannot show the failure either way.
    public func brokenBounds(_ value: Double) -> [Bound] {
        guard !value.isNaN else { return [] }
        var broken: [Bound] = []
        if let below, !(value < below) { broken.append(.below) }
        if let above, !(value > above) { broken.append(.above) }
        return broken
    }

    /// Returns whether `value` meets the bounds; NaN does, being not measurable.
    public func holds(_ value: Double) -> Bool {
        brokenBounds(value).isEmpty
    }

    public var description: String {
        var bounds: [String] = []
        if let above { bounds.append("above \(NumberFormat.standard.string(above))") }
        if let below { bounds.append("below \(NumberFormat.standard.string(below))") }
        return "\(metric) \(bounds.joined(separator: " and "))"
    }
}

/// How one scenario field varies across generated cases, keyed by its JSON path.
public struct FieldRange: Sendable, Equatable {
    public enum Values: Sendable, Equatable {
        /// Integers in min...max, shrinking toward min.
        case integer(ClosedRange<Int>)
        /// Numbers in min...max, shrinking toward min in steps of `resolution`.
        case number(ClosedRange<Double>, resolution: Double)
        /// One of these values, shrinking toward the first.
        case oneOf([JSONValue])
        /// An array of some of these values, in their order, shrinking toward fewer.
        case subsetOf([JSONValue])
    }

    /// The dotted JSON path of the field, such as `customers.count`.
    public var path: String
    public var values: Values
}

/// The `assert` and `ranges` of a scenario file.
public struct CheckSpec: Sendable, Equatable {
    public var assertions: [MetricAssertion]
    /// In file order, which fixes the order of draws.
    public var ranges: [FieldRange]

    /// Decodes `assert` and `ranges` from `file`, checking metric names against `knownMetrics`.
    ///
    /// - Throws: `ScenarioError.invalid` with every diagnostic in field-path order.
    public static func decode(_ file: ScenarioFile, knownMetrics: [String]) throws -> CheckSpec {
        let diagnostics = ScenarioDiagnostics()
        var spec = CheckSpec(assertions: [], ranges: [])
        if let root = ObjectReader(file.document, diagnostics: diagnostics) {
            spec.assertions = decodeAssertions(root, knownMetrics: knownMetrics)
            spec.ranges = decodeRanges(root)
        }
        try diagnostics.throwIfAny(file: file.path)
        return spec
    }

    static func decodeAssertions(_ root: ObjectReader, knownMetrics: [String]) -> [MetricAssertion] {
        guard let elements = root.optionalArray("assert") else { return [] }
        return elements.compactMap { element -> MetricAssertion? in
            guard let reader = element.object() else { return nil }
            defer { reader.finish() }
            let metric = reader.field("metric").flatMap { metricField -> String? in
                guard let name = metricField.string() else { return nil }
                guard knownMetrics.contains(name) else {
                    let nearest = EditDistance.nearest(to: name, in: knownMetrics) ?? knownMetrics.first { $0.hasPrefix(name) }
                    metricField.diagnostics.record(.unknownMetric(metricField.value, at: metricField.path, suggestion: nearest))
                    return nil
                }
                return name
            }
            if reader.value("metric") == nil {
                _ = reader.requiredField("metric", expected: "a metric path such as \"chat.p95_ms\"")
            }
            let below = reader.field("below")?.double()
            let above = reader.field("above")?.double()
            if reader.value("below") == nil && reader.value("above") == nil {
                _ = ValueReader(element.value, path: element.path, diagnostics: reader.diagnostics)
                    .reject(expected: "\"below\" or \"above\" (or both)", problem: "has no bound") as Int?
            }
            if let below, let above, above >= below {
                _ = ValueReader(element.value, path: element.path, diagnostics: reader.diagnostics)
                    .reject(expected: "\"above\" less than \"below\"", problem: "is empty") as Int?
            }
            guard let metric else { return nil }
            return MetricAssertion(metric: metric, below: below, above: above)
        }
    }

    static func decodeRanges(_ root: ObjectReader) -> [FieldRange] {
        guard let ranges = root.optionalObject("ranges") else { return [] }
        var decoded: [FieldRange] = []
        for member in ranges.members {
            guard let field = ranges.field(member.key) else { continue }
            if isReserved(member.key) {
                _ = field.reject(expected: "a path outside assert, ranges and kind", problem: "cannot vary") as Int?
                continue
            }
            if let values = decodeValues(field) {
                decoded.append(FieldRange(path: member.key, values: values))
            }
        }
        return decoded
    }

    static func isReserved(_ path: String) -> Bool {
        let head = path.split(separator: ".").first.map(String.init) ?? path
        return ["assert", "ranges", "kind"].contains(head) || path.isEmpty
    }

    static func decodeValues(_ field: ValueReader) -> FieldRange.Values? {
        let expected = "{\"min\": N, \"max\": N}, {\"one_of\": [...]} or {\"subset_of\": [...]}"
        guard let reader = field.object() else { return nil }
        defer { reader.finish() }
        if let choices = reader.value("one_of") {
            guard let elements = choices.arrayValue, !elements.isEmpty else {
                return reader.field("one_of")?.reject(expected: "a non-empty array of values")
            }
            return .oneOf(elements)
        }
        if let choices = reader.value("subset_of") {
            guard let elements = choices.arrayValue, !elements.isEmpty else {
                return reader.field("subset_of")?.reject(expected: "a non-empty array of values")
            }
            return .subsetOf(elements)
        }
        guard let minimum = reader.value("min"), let maximum = reader.value("max") else {
            return field.reject(expected: expected, problem: "has no values")
        }
        let isInteger = minimum.numberValue?.isIntegerLiteral == true && maximum.numberValue?.isIntegerLiteral == true
            && reader.value("resolution") == nil
        if isInteger {
            guard let low = reader.int("min"), let high = reader.int("max", range: .atLeast(low)) else { return nil }
            return .integer(low...high)
        }
        guard let low = reader.double("min"), let high = reader.double("max", range: .atLeast(low)) else { return nil }
        let resolution = reader.double("resolution", default: max((high - low) / 1_000, 1e-9), range: .greaterThan(0))
        return .number(low...high, resolution: resolution)
    }
}
