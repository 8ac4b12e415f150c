import Foundation
import ScaleSim

/// Shorthands for the named defaults, whose parameters are known to be valid.
///
/// Scenario files go through the checking initializers instead.
extension Distribution {
    /// Returns an exponential distribution with the given mean.
    static func exponential(mean: Double) -> Distribution {
        .exponential(Exponential(uncheckedRate: 1 / mean))
    }

    /// Returns a lognormal distribution with the given mean and coefficient of variation.
    static func lognormal(mean: Double, coefficientOfVariation cv: Double) -> Distribution {
        let logVariance = log(1 + cv * cv)
        return .lognormal(LogNormal(uncheckedMu: log(mean) - logVariance / 2, sigma: logVariance.squareRoot()))
    }

    /// Returns a constant distribution, which draws `value` every time.
    static func fixed(_ value: Double) -> Distribution {
        .constant(Constant(unchecked: value))
    }
}
