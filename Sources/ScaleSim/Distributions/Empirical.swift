/// The distribution that resamples a list of observed values, each with equal probability.
///
/// Sampling picks a uniform index into the observations (the bootstrap), so it returns only
/// values that were observed. It never interpolates between them or extrapolates beyond them.
/// Its mean is the observations' mean, and its variance is their population variance
/// (divided by n, not n - 1), because that is the variance of what it samples.
public struct Empirical: Sendable, Equatable {
    public let observations: [Double]
    public let mean: Double
    public let variance: Double

    /// Creates an empirical distribution, rejecting an empty list and non-finite values.
    public init(observations: [Double]) throws {
        try DistributionError.requireNonEmpty("observations", observations)
        for (index, value) in observations.enumerated() {
            try DistributionError.requireFinite("observations[\(index)]", value)
        }
        self.init(uncheckedObservations: observations)
    }

    /// Creates an empirical distribution without validation.
    ///
    /// - Precondition: `observations` is non-empty and every value is finite.
    public init(uncheckedObservations observations: [Double]) {
        self.observations = observations
        var moments = RunningMoments()
        for value in observations {
            moments.record(value)
        }
        mean = moments.mean
        let count = Double(moments.count)
        variance = moments.variance * (count - 1) / count
    }

    /// Draws one of the observations, usually with one generator output.
    @inlinable
    public func sample(using rng: inout Xoshiro256StarStar) -> Double {
        observations[rng.nextIndex(below: observations.count)]
    }
}
