/// The Bernoulli distribution: `true` with `probability`, otherwise `false`.
public struct Bernoulli: Sendable, Equatable {
    public let probability: Double

    /// Creates a Bernoulli distribution, rejecting a probability outside [0, 1].
    public init(probability: Double) throws {
        guard probability >= 0, probability <= 1 else {
            throw DistributionError(parameter: "probability", value: "\(probability)", expectation: "a number in [0, 1]")
        }
        self.probability = probability
    }

    /// Creates a Bernoulli distribution without validation.
    ///
    /// - Precondition: `probability` is in [0, 1].
    public init(uncheckedProbability probability: Double) {
        self.probability = probability
    }

    /// Draws one outcome with one call to `nextUnit()`, so a probability of 1 always yields `true`.
    @inlinable
    public func sample(using rng: inout Xoshiro256StarStar) -> Bool {
        rng.nextUnit() < probability
    }

    /// The mean of the outcome counted as 1 for `true` and 0 for `false`.
    public var mean: Double { probability }
    public var variance: Double { probability * (1 - probability) }
}
