import Foundation

/// The Pareto distribution with tail index `shape` α truncated to [lower, upper].
///
/// The density is proportional to `x^-(α+1)` on the interval. This is the usual model of job
/// sizes with a heavy tail and a largest possible job, and its moments are all finite.
public struct BoundedPareto: Sendable, Equatable {
    public let shape: Double
    public let lower: Double
    public let upper: Double

    /// `1 - (lower / upper)^α`, the mass an untruncated Pareto puts on [lower, upper].
    @usableFromInline let truncatedMass: Double

    /// Creates a bounded Pareto distribution, rejecting a shape or bound that is not finite and
    /// > 0, and `lower >= upper`.
    public init(shape: Double, lower: Double, upper: Double) throws {
        try DistributionError.requirePositive("shape", shape)
        try DistributionError.requirePositive("lower", lower)
        try DistributionError.requirePositive("upper", upper)
        try DistributionError.requireOrdered("lower", lower, "upper", upper)
        self.init(uncheckedShape: shape, lower: lower, upper: upper)
    }

    /// Creates a bounded Pareto distribution without validation.
    ///
    /// - Precondition: all three parameters are finite and > 0, and `lower < upper`.
    public init(uncheckedShape shape: Double, lower: Double, upper: Double) {
        self.shape = shape
        self.lower = lower
        self.upper = upper
        truncatedMass = -expm1(-shape * log(upper / lower))
    }

    /// Draws one value by inversion, `L (1 - U (1 - (L/H)^α))^(-1/α)`, with one call to `nextUnit()`.
    @inlinable
    public func sample(using rng: inout Xoshiro256StarStar) -> Double {
        let value = lower * pow(1 - rng.nextUnit() * truncatedMass, -1 / shape)
        return min(value, upper)
    }

    public var mean: Double { rawMoment(1) }

    public var variance: Double {
        let first = rawMoment(1)
        return max(0, rawMoment(2) - first * first)
    }

    /// Returns `E[X^order]`.
    ///
    /// With `t = H / L` it is `α L^r (t^(r-α) - 1) / ((r - α) (1 - t^-α))`, whose limit at `r = α`
    /// is `α L^r log t / (1 - t^-α)`. The `expm1` form keeps precision near that limit.
    func rawMoment(_ order: Double) -> Double {
        let logRatio = log(upper / lower)
        let exponent = order - shape
        let growth = exponent == 0 ? logRatio : expm1(exponent * logRatio) / exponent
        return shape * pow(lower, order) * growth / truncatedMass
    }
}
