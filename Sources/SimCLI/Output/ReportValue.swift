/// A value in a report written as JSON or CSV.
///
/// Objects are dictionaries because writers sort their keys, so the order in which a
/// dictionary yields them never reaches the output.
public enum ReportValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([ReportValue])
    case object([String: ReportValue])
}

extension ReportValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral {
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: ReportValue...) { self = .array(elements) }

    /// Builds an object; a key given twice keeps its last value.
    public init(dictionaryLiteral elements: (String, ReportValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
