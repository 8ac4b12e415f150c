import Foundation

/// The Pareto (type I) distribution with tail index `shape` α and minimum `scale` xₘ:
/// `P(X > x) = (xₘ / x)^α` for `x >= xₘ`.
public struct Pareto: Sendable, Equatable {
    public let shape: Double
    public let scale: Double

    /// Creates a Pareto distribution, rejecting a shape or scale that is not finite and > 0.
    ///
    /// A shape of 1 or less is valid, but its mean is infinite. Use `BoundedPareto` when
    /// samples must stay finite in practice.
    public init(shape: Double, scale: Double) throws {
        try DistributionError.requirePositive("shape", shape)
        try DistributionError.requirePositive("scale", scale)
        self.shape = shape
        self.scale = scale
    }

    /// Creates a Pareto distribution without validation.
    ///
    /// - Precondition: `shape` and `scale` are finite and > 0.
    public init(uncheckedShape shape: Double, scale: Double) {
        self.shape = shape
        self.scale = scale
    }

    /// Draws one value by inversion, `xₘ U^(-1/α)`, with one call to `nextOpenUnit()`.
    @inlinable
    public func sample(using rng: inout Xoshiro256StarStar) -> Double {
        scale * pow(rng.nextOpenUnit(), -1 / shape)
    }

    /// `α xₘ / (α - 1)`, or `.infinity` when `shape <= 1`, where the mean does not exist.
    public var mean: Double {
        guard shape > 1 else { return .infinity }
        return shape * scale / (shape - 1)
    }

    /// `xₘ² α / ((α - 1)² (α - 2))`, or `.infinity` when `shape <= 2`.
    public var variance: Double {
        guard shape > 2 else { return .infinity }
        let shapeLessOne = shape - 1
        return scale * scale * shape / (shapeLessOne * shapeLessOne * (shape - 2))
    }
}
