import Foundation

/// The Weibull distribution with `shape` k and `scale` λ, CDF `1 - exp(-(x/λ)^k)`.
public struct Weibull: Sendable, Equatable {
    public let shape: Double
    public let scale: Double

    /// Creates a Weibull distribution, rejecting a shape or scale that is not finite and > 0.
    public init(shape: Double, scale: Double) throws {
        try DistributionError.requirePositive("shape", shape)
        try DistributionError.requirePositive("scale", scale)
        self.shape = shape
        self.scale = scale
    }

    /// Creates a Weibull distribution without validation.
    ///
    /// - Precondition: `shape` and `scale` are finite and > 0.
    public init(uncheckedShape shape: Double, scale: Double) {
        self.shape = shape
        self.scale = scale
    }

    /// Draws one value by inversion, `λ (-log U)^(1/k)`, with one call to `nextOpenUnit()`.
    @inlinable
    public func sample(using rng: inout Xoshiro256StarStar) -> Double {
        scale * pow(-log(rng.nextOpenUnit()), 1 / shape)
    }

    /// `λ Γ(1 + 1/k)`.
    public var mean: Double { scale * tgamma(1 + 1 / shape) }

    /// `λ² (Γ(1 + 2/k) - Γ(1 + 1/k)²)`.
    ///
    /// NOTE: the difference cancels for large shapes, so above a shape of about 1e4 few of its
    /// digits are right.
    public var variance: Double {
        let first = tgamma(1 + 1 / shape)
        return scale * scale * (tgamma(1 + 2 / shape) - first * first)
    }
}
