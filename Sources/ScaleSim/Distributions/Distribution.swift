/// Any continuous distribution of the kernel, as a value.
///
/// Model configuration stores an enum rather than an existential, so it stays `Equatable` and
/// `Sendable` and a sample is a switch, not a dynamic call. Samples are >= 0 for every kind
/// except `normal`, and except `constant`, `uniform`, `empirical` and `mixture` when built from
/// negative values. Callers that use a sample as a time pass it through `SimDuration.seconds`,
/// which maps negative values to zero.
public enum Distribution: Sendable, Equatable {
    case constant(Constant)
    case uniform(Uniform)
    case exponential(Exponential)
    case normal(Normal)
    case lognormal(LogNormal)
    case gamma(Gamma)
    case erlang(Erlang)
    case weibull(Weibull)
    case pareto(Pareto)
    case boundedPareto(BoundedPareto)
    case empirical(Empirical)
    case mixture(Mixture)

    /// Draws one value from the wrapped distribution.
    @inlinable
    public func sample(using rng: inout Xoshiro256StarStar) -> Double {
        switch self {
        case .constant(let distribution): return distribution.sample(using: &rng)
        case .uniform(let distribution): return distribution.sample(using: &rng)
        case .exponential(let distribution): return distribution.sample(using: &rng)
        case .normal(let distribution): return distribution.sample(using: &rng)
        case .lognormal(let distribution): return distribution.sample(using: &rng)
        case .gamma(let distribution): return distribution.sample(using: &rng)
        case .erlang(let distribution): return distribution.sample(using: &rng)
        case .weibull(let distribution): return distribution.sample(using: &rng)
        case .pareto(let distribution): return distribution.sample(using: &rng)
        case .boundedPareto(let distribution): return distribution.sample(using: &rng)
        case .empirical(let distribution): return distribution.sample(using: &rng)
        case .mixture(let distribution): return distribution.sample(using: &rng)
        }
    }

    /// The mean of the wrapped distribution, which is `.infinity` for a Pareto with shape <= 1.
    public var mean: Double {
        switch self {
        case .constant(let distribution): return distribution.mean
        case .uniform(let distribution): return distribution.mean
        case .exponential(let distribution): return distribution.mean
        case .normal(let distribution): return distribution.mean
        case .lognormal(let distribution): return distribution.mean
        case .gamma(let distribution): return distribution.mean
        case .erlang(let distribution): return distribution.mean
        case .weibull(let distribution): return distribution.mean
        case .pareto(let distribution): return distribution.mean
        case .boundedPareto(let distribution): return distribution.mean
        case .empirical(let distribution): return distribution.mean
        case .mixture(let distribution): return distribution.mean
        }
    }

    /// The variance of the wrapped distribution, which is `.infinity` for a Pareto with shape <= 2.
    public var variance: Double {
        switch self {
        case .constant(let distribution): return distribution.variance
        case .uniform(let distribution): return distribution.variance
        case .exponential(let distribution): return distribution.variance
        case .normal(let distribution): return distribution.variance
        case .lognormal(let distribution): return distribution.variance
        case .gamma(let distribution): return distribution.variance
        case .erlang(let distribution): return distribution.variance
        case .weibull(let distribution): return distribution.variance
        case .pareto(let distribution): return distribution.variance
        case .boundedPareto(let distribution): return distribution.variance
        case .empirical(let distribution): return distribution.variance
        case .mixture(let distribution): return distribution.variance
        }
    }
}
