/// A choice of an index in `0..<weights.count` with probability proportional to its weight.
///
/// - Complexity: O(n) to build, O(1) per sample, by an alias table.
public struct WeightedChoice: Sendable, Equatable {
    /// The weights divided by their sum.
    public let probabilities: [Double]
    @usableFromInline let table: AliasTable

    /// The mean of the drawn index.
    public let mean: Double
    /// The variance of the drawn index.
    public let variance: Double

    /// Creates a weighted choice, rejecting an empty list, a weight that is negative or not
    /// finite, and a sum that is zero or not finite.
    public init(weights: [Double]) throws {
        try DistributionError.requireWeights("weights", weights)
        self.init(uncheckedWeights: weights)
    }

    /// Creates a weighted choice without validation.
    ///
    /// - Precondition: the weights pass the checks of `init(weights:)`.
    public init(uncheckedWeights weights: [Double]) {
        let total = weights.reduce(0, +)
        probabilities = weights.map { $0 / total }
        table = AliasTable(weights: weights)

        var firstMoment = 0.0
        var secondMoment = 0.0
        for (index, probability) in probabilities.enumerated() {
            let value = Double(index)
            firstMoment += probability * value
            secondMoment += probability * value * value
        }
        mean = firstMoment
        variance = max(0, secondMoment - firstMoment * firstMoment)
    }

    /// The number of indices.
    public var count: Int { probabilities.count }

    /// Draws one index.
    @inlinable
    public func sample(using rng: inout Xoshiro256StarStar) -> Int {
        table.sample(using: &rng)
    }
}
