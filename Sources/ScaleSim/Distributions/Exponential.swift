import Foundation

/// The exponential distribution with `rate` events per unit, mean `1 / rate`.
public struct Exponential: Sendable, Equatable {
    public let rate: Double

    /// Creates an exponential distribution, rejecting a rate that is not finite and > 0.
    public init(rate: Double) throws {
        try DistributionError.requirePositive("rate", rate)
        self.rate = rate
    }

    /// Creates an exponential distribution from its mean, rejecting a mean that is not finite and > 0.
    public init(mean: Double) throws {
        try DistributionError.requirePositive("mean", mean)
        self.rate = 1 / mean
    }

    /// Creates an exponential distribution without validation.
    ///
    /// - Precondition: `rate` is finite and > 0.
    public init(uncheckedRate rate: Double) {
        self.rate = rate
    }

    /// Draws one value by inversion, `-log(U) / rate`, with one call to `nextOpenUnit()`.
    @inlinable
    public func sample(using rng: inout Xoshiro256StarStar) -> Double {
        -log(rng.nextOpenUnit()) / rate
    }

    public var mean: Double { 1 / rate }
    public var variance: Double { 1 / (rate * rate) }
}
