/// A distribution that always returns the same value.
public struct Constant: Sendable, Equatable {
    public let value: Double

    /// Creates a constant, rejecting NaN and infinities.
    public init(_ value: Double) throws {
        try DistributionError.requireFinite("value", value)
        self.value = value
    }

    /// Creates a constant without validation, for values known to be finite.
    public init(unchecked value: Double) {
        self.value = value
    }

    /// Returns `value`, drawing nothing from `rng`.
    @inlinable
    public func sample(using rng: inout Xoshiro256StarStar) -> Double {
        value
    }

    public var mean: Double { value }
    public var variance: Double { 0 }
}
