/// The grid of a sweep: the cartesian product of its parameters' values.
///
/// Points are numbered in the order of the parameters as given, the last varying fastest: with
/// `a=1,2` then `b=x,y`, point 0 is (1, x), 1 is (1, y), 2 is (2, x) and 3 is (2, y). With no
/// parameter the grid has one point, the scenario as written.
public struct SweepGrid: Equatable, Sendable {
    public var parameters: [SweepParameter]

    public init(parameters: [SweepParameter]) {
        self.parameters = parameters
    }

    /// The number of points: the product of the value counts.
    public var pointCount: Int {
        parameters.reduce(1) { $0 * $1.values.count }
    }

    /// Returns the index of each parameter's value at `point`.
    ///
    /// - Precondition: `point` is in `0..<pointCount`.
    public func valueIndices(ofPoint point: Int) -> [Int] {
        precondition(point >= 0 && point < pointCount, "point \(point) is outside 0..<\(pointCount)")
        return Self.valueIndices(ofPoint: point, valueCounts: parameters.map(\.values.count))
    }

    /// Returns the index of each parameter's value at `point` of a grid whose parameters have
    /// `valueCounts` values: the digits of `point` in a mixed radix, the last parameter lowest.
    static func valueIndices(ofPoint point: Int, valueCounts: [Int]) -> [Int] {
        var indices = [Int](repeating: 0, count: valueCounts.count)
        var rest = point
        for position in valueCounts.indices.reversed() {
            indices[position] = rest % valueCounts[position]
            rest /= valueCounts[position]
        }
        return indices
    }

    /// Returns `base` with every parameter's value at `point` set, in parameter order.
    public func document(ofPoint point: Int, base: JSONValue) throws -> JSONValue {
        var document = base
        for (parameter, index) in zip(parameters, valueIndices(ofPoint: point)) {
            document = try document.setting(parameter.values[index], at: parameter.path)
        }
        return document
    }

    /// Returns the point as `path=value` pairs for messages: `customers.count=100, architecture.preset=stage2`.
    public func label(ofPoint point: Int) -> String {
        guard !parameters.isEmpty else { return "the scenario as written" }
        return zip(parameters, valueIndices(ofPoint: point))
            .map { parameter, index in "\(parameter.path)=\(parameter.texts[index])" }
            .joined(separator: ", ")
    }
}
