import Foundation
import ScaleSim

/// Shorthands for the named defaults, whose parameters are known to be valid.
///
/// Scenario files go through the checking initializers instead.
extension Distribution {
    /// An exponential with the given mean.
    static func exponential(mean: Double) -> Distribution {
        .exponential(Exponential(uncheckedRate: 1 / mean))
    }

    /// A lognormal with the given mean and coefficient of variation.
    static func lognormal(mean: Double, coefficientOfVariation cv: Double) -> Distribution {
        let logVariance = log(1 + cv * cv)
        return .lognormal(LogNormal(uncheckedMu: log(mean) - logVariance / 2, sigma: logVariance.squareRoot()))
    }

    /// The same value every time.
    static func fixed(_ value: Double) -> Distribution {
        .constant(Constant(unchecked: value))
    }
}
