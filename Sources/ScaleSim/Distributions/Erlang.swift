import Foundation

/// The Erlang distribution: the sum of `stages` independent exponentials of the same `rate`.
public struct Erlang: Sendable, Equatable {
    public let stages: Int
    public let rate: Double

    /// Above this many stages a sample comes from `Gamma`, in constant time, instead of a
    /// product of `stages` uniforms.
    @usableFromInline static var maximumStagesByProduct: Int { 16 }

    /// Creates an Erlang distribution, rejecting `stages < 1` and a rate that is not finite and > 0.
    public init(stages: Int, rate: Double) throws {
        try DistributionError.requirePositive("stages", stages)
        try DistributionError.requirePositive("rate", rate)
        self.stages = stages
        self.rate = rate
    }

    /// Creates an Erlang distribution without validation.
    ///
    /// - Precondition: `stages >= 1` and `rate` is finite and > 0.
    public init(uncheckedStages stages: Int, rate: Double) {
        self.stages = stages
        self.rate = rate
    }

    /// Draws one value.
    ///
    /// Up to `maximumStagesByProduct` stages, the sample is `-log(U1 ... Uk) / rate`, one log for
    /// k uniforms. Each open uniform is at least 2^-54, so a product of 16 is at least 2^-864,
    /// clear of underflow. More stages use Marsaglia–Tsang through
    /// `Gamma(shape: stages, scale: 1 / rate)`.
    @inlinable
    public func sample(using rng: inout Xoshiro256StarStar) -> Double {
        guard stages <= Erlang.maximumStagesByProduct else {
            return Gamma(uncheckedShape: Double(stages), scale: 1 / rate).sample(using: &rng)
        }
        var product = 1.0
        for _ in 0..<stages {
            product *= rng.nextOpenUnit()
        }
        return -log(product) / rate
    }

    public var mean: Double { Double(stages) / rate }
    public var variance: Double { Double(stages) / (rate * rate) }
}
