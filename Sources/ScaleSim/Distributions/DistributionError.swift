/// A rejected distribution parameter: which one, the value given, and what it must be.
///
/// Scenario files build distributions from user input, so a bad parameter is a typed error that
/// the command line can wrap with the field path, not a trap.
public struct DistributionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The parameter's name as the initializer spells it, such as `rate` or `weights[2]`.
    public let parameter: String
    /// The rejected value as text, such as `-1.0` or `0 elements`.
    public let value: String
    /// The condition a valid value meets, such as `a finite number > 0`.
    public let expectation: String

    public init(parameter: String, value: String, expectation: String) {
        self.parameter = parameter
        self.value = value
        self.expectation = expectation
    }

    public var description: String {
        "invalid \(parameter) \(value), expected \(expectation)"
    }
}

extension DistributionError {
    /// Throws unless `value` is finite.
    static func requireFinite(_ parameter: String, _ value: Double) throws {
        guard value.isFinite else {
            throw DistributionError(parameter: parameter, value: "\(value)", expectation: "a finite number")
        }
    }

    /// Throws unless `value` is finite and greater than zero.
    static func requirePositive(_ parameter: String, _ value: Double) throws {
        guard value.isFinite, value > 0 else {
            throw DistributionError(parameter: parameter, value: "\(value)", expectation: "a finite number > 0")
        }
    }

    /// Throws unless `value` is finite and not negative.
    static func requireNonNegative(_ parameter: String, _ value: Double) throws {
        guard value.isFinite, value >= 0 else {
            throw DistributionError(parameter: parameter, value: "\(value)", expectation: "a finite number >= 0")
        }
    }

    /// Throws unless `count` is at least one.
    static func requirePositive(_ parameter: String, _ count: Int) throws {
        guard count >= 1 else {
            throw DistributionError(parameter: parameter, value: "\(count)", expectation: "an integer >= 1")
        }
    }

    /// Throws unless `lower < upper`, naming `upperName` because the bound pair is what is wrong.
    static func requireOrdered(_ lowerName: String, _ lower: Double, _ upperName: String, _ upper: Double) throws {
        guard lower < upper else {
            throw DistributionError(
                parameter: upperName, value: "\(upper)", expectation: "a number > \(lowerName) (\(lower))")
        }
    }

    /// Throws unless `array` has at least one element.
    static func requireNonEmpty(_ parameter: String, _ array: [Double]) throws {
        guard !array.isEmpty else {
            throw DistributionError(parameter: parameter, value: "0 elements", expectation: "at least one element")
        }
    }

    /// Throws unless `weights` is non-empty, every weight is finite and >= 0, and the sum is > 0.
    static func requireWeights(_ parameter: String, _ weights: [Double]) throws {
        try requireNonEmpty(parameter, weights)
        for (index, weight) in weights.enumerated() {
            try requireNonNegative("\(parameter)[\(index)]", weight)
        }
        let total = weights.reduce(0, +)
        guard total > 0, total.isFinite else {
            throw DistributionError(
                parameter: parameter, value: "with sum \(total)", expectation: "a finite sum > 0")
        }
    }
}
