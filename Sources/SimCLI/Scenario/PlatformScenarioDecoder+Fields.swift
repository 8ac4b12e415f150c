import ScaleSim
import SimModels

/// Field readers the SaaS sections share: distributions of non-negative values and durations
/// written in milliseconds.
extension PlatformScenarioDecoder {
    /// Reads the optional distribution `key`, whose draws must never be negative and whose mean
    /// must be finite; returns `defaultValue` when the field is absent or invalid.
    static func distribution(_ reader: ObjectReader, _ key: String, default defaultValue: Distribution) -> Distribution {
        guard let field = reader.field(key) else { return defaultValue }
        guard let distribution = DistributionDecoder.decode(field) else { return defaultValue }
        guard canOnlyDrawNonNegative(distribution) else {
            return field.reject(expected: "a distribution of values >= 0 (a normal, or a negative bound, can draw below 0)")
                ?? defaultValue
        }
        guard distribution.mean.isFinite else {
            return field.reject(expected: "a distribution with a finite mean (a Pareto needs shape > 1)") ?? defaultValue
        }
        return distribution
    }

    /// Whether every draw of `distribution` is >= 0.
    static func canOnlyDrawNonNegative(_ distribution: Distribution) -> Bool {
        switch distribution {
        case .constant(let constant): return constant.value >= 0
        case .uniform(let uniform): return uniform.lower >= 0
        case .normal: return false
        case .empirical(let empirical): return empirical.observations.allSatisfy { $0 >= 0 }
        case .mixture(let mixture): return mixture.components.allSatisfy(canOnlyDrawNonNegative)
        case .exponential, .lognormal, .gamma, .erlang, .weibull, .pareto, .boundedPareto: return true
        }
    }

    /// Reads the optional duration `key`, written in milliseconds.
    static func milliseconds(_ reader: ObjectReader, _ key: String, default defaultValue: SimDuration,
                             range: ValueBounds<Double> = .atLeast(0)) -> SimDuration {
        guard let field = reader.field(key) else { return defaultValue }
        let expected = range.describe("a duration in milliseconds", render: NumberFormat.standard.string)
        guard let number = field.value.numberValue, range.contains(number.doubleValue) else {
            return field.reject(expected: expected) ?? defaultValue
        }
        guard number.doubleValue / 1000 < SimDuration.infinity.seconds else {
            return field.reject(expected: expected, problem: "is too long for the simulation clock") ?? defaultValue
        }
        return .milliseconds(number.doubleValue)
    }

}
