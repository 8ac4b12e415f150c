import Foundation

/// The normal (Gaussian) distribution.
///
/// Unlike the other continuous kinds, a normal sample can be negative. Callers that use it as a
/// time pass it through `SimDuration.seconds`, which maps negative values to zero.
public struct Normal: Sendable, Equatable {
    public let mean: Double
    public let standardDeviation: Double

    /// Creates a normal distribution, rejecting a non-finite mean and a standard deviation that
    /// is not finite and > 0.
    public init(mean: Double, standardDeviation: Double) throws {
        try DistributionError.requireFinite("mean", mean)
        try DistributionError.requirePositive("standardDeviation", standardDeviation)
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    /// Creates a normal distribution without validation.
    ///
    /// - Precondition: `mean` is finite and `standardDeviation` is finite and > 0.
    public init(uncheckedMean mean: Double, standardDeviation: Double) {
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    /// Draws one value with two calls to the generator.
    @inlinable
    public func sample(using rng: inout Xoshiro256StarStar) -> Double {
        mean + standardDeviation * Normal.standardSample(using: &rng)
    }

    public var variance: Double { standardDeviation * standardDeviation }

    /// Draws one standard normal value by the Box–Muller transform.
    ///
    /// Box–Muller yields a pair, and this keeps only the cosine half: a `sample` that does not
    /// mutate the distribution has nowhere to keep the spare. It always consumes exactly two
    /// generator outputs, so the position in a stream never depends on the values drawn.
    @inlinable
    public static func standardSample(using rng: inout Xoshiro256StarStar) -> Double {
        let radius = (-2 * log(rng.nextOpenUnit())).squareRoot()
        let angle = 2 * Double.pi * rng.nextUnit()
        return radius * cos(angle)
    }
}
