/// The continuous uniform distribution on [lower, upper).
public struct Uniform: Sendable, Equatable {
    public let lower: Double
    public let upper: Double

    /// Creates a uniform distribution, rejecting non-finite bounds and `lower >= upper`.
    public init(lower: Double, upper: Double) throws {
        try DistributionError.requireFinite("lower", lower)
        try DistributionError.requireFinite("upper", upper)
        try DistributionError.requireOrdered("lower", lower, "upper", upper)
        self.lower = lower
        self.upper = upper
    }

    /// Creates a uniform distribution without validation.
    ///
    /// - Precondition: both bounds are finite and `lower < upper`.
    public init(uncheckedLower lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    /// Draws one value with one call to `nextUnit()`.
    @inlinable
    public func sample(using rng: inout Xoshiro256StarStar) -> Double {
        lower + (upper - lower) * rng.nextUnit()
    }

    public var mean: Double { (lower + upper) / 2 }

    public var variance: Double {
        let width = upper - lower
        return width * width / 12
    }
}
