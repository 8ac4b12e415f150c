/// Named figures of one run in a fixed order, each named by its path in the JSON output
/// (`chat.p95_ms`, `costs.total_dollars_per_month`).
///
/// The order is the order of recording, which the measuring code fixes; it never comes from a
/// Dictionary. Assertions and comparisons refer to figures by these paths.
public struct MetricSet: Sendable, Equatable {
    public private(set) var names: [String] = []
    public private(set) var values: [Double] = []

    public init() {}

    public mutating func set(_ name: String, _ value: Double) {
        names.append(name)
        values.append(value)
    }

    /// The value recorded under `name`, or nil.
    public func value(_ name: String) -> Double? {
        guard let index = names.firstIndex(of: name) else { return nil }
        return values[index]
    }

    public var count: Int { names.count }
}
