/// A finite mixture: each sample picks a component by weight, then draws from it.
public struct Mixture: Sendable, Equatable {
    public let components: [Distribution]
    /// The component weights divided by their sum.
    public let probabilities: [Double]
    @usableFromInline let table: AliasTable

    /// Creates a mixture from components and their weights, rejecting unequal counts, an empty
    /// list, a weight that is negative or not finite, and a zero sum.
    public init(components: [Distribution], weights: [Double]) throws {
        try DistributionError.requireWeights("weights", weights)
        guard components.count == weights.count else {
            throw DistributionError(
                parameter: "weights", value: "with \(weights.count) elements",
                expectation: "one weight per component (\(components.count))")
        }
        self.components = components
        let total = weights.reduce(0, +)
        probabilities = weights.map { $0 / total }
        table = AliasTable(weights: weights)
    }

    /// Creates a mixture from (component, weight) pairs, with the checks of `init(components:weights:)`.
    public init(_ pairs: [(Distribution, weight: Double)]) throws {
        try self.init(components: pairs.map(\.0), weights: pairs.map(\.weight))
    }

    /// Draws one value: one index from the alias table, then one sample of that component.
    @inlinable
    public func sample(using rng: inout Xoshiro256StarStar) -> Double {
        components[table.sample(using: &rng)].sample(using: &rng)
    }

    /// `Σ pᵢ μᵢ`, or infinite when a component with positive weight has an infinite mean.
    public var mean: Double {
        var total = 0.0
        for (component, probability) in zip(components, probabilities) where probability > 0 {
            total += probability * component.mean
        }
        return total
    }

    /// `Σ pᵢ (σᵢ² + (μᵢ - μ)²)`, the law of total variance, or infinite when the mean is.
    public var variance: Double {
        let overallMean = mean
        guard overallMean.isFinite else { return .infinity }
        var total = 0.0
        for (component, probability) in zip(components, probabilities) where probability > 0 {
            let deviation = component.mean - overallMean
            total += probability * (component.variance + deviation * deviation)
        }
        return total
    }
}
