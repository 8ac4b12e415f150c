import Foundation

/// The log-normal distribution: `exp(mu + sigma * Z)` with `Z` standard normal.
///
/// `mu` and `sigma` are the mean and standard deviation of the logarithm, not of the samples.
/// Use `fromMean(_:coefficientOfVariation:)` to set the moments of the samples themselves.
public struct LogNormal: Sendable, Equatable {
    public let mu: Double
    public let sigma: Double

    /// Creates a log-normal distribution, rejecting a non-finite `mu` and a `sigma` that is not
    /// finite and > 0.
    public init(mu: Double, sigma: Double) throws {
        try DistributionError.requireFinite("mu", mu)
        try DistributionError.requirePositive("sigma", sigma)
        self.mu = mu
        self.sigma = sigma
    }

    /// Creates a log-normal distribution without validation.
    ///
    /// - Precondition: `mu` is finite and `sigma` is finite and > 0.
    public init(uncheckedMu mu: Double, sigma: Double) {
        self.mu = mu
        self.sigma = sigma
    }

    /// Creates the log-normal distribution whose samples have the given mean and coefficient of
    /// variation (standard deviation divided by mean).
    ///
    /// Solves `sigma^2 = log(1 + cv^2)` and `mu = log(mean) - sigma^2 / 2`.
    public static func fromMean(_ mean: Double, coefficientOfVariation: Double) throws -> LogNormal {
        try DistributionError.requirePositive("mean", mean)
        try DistributionError.requirePositive("coefficientOfVariation", coefficientOfVariation)
        let logVariance = log1p(coefficientOfVariation * coefficientOfVariation)
        return LogNormal(uncheckedMu: log(mean) - logVariance / 2, sigma: logVariance.squareRoot())
    }

    /// Draws one value with two calls to the generator.
    @inlinable
    public func sample(using rng: inout Xoshiro256StarStar) -> Double {
        exp(mu + sigma * Normal.standardSample(using: &rng))
    }

    public var mean: Double { exp(mu + sigma * sigma / 2) }

    public var variance: Double {
        let logVariance = sigma * sigma
        return expm1(logVariance) * exp(2 * mu + logVariance)
    }
}
