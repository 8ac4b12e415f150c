import ScaleSim
import XCTest

/// Empirical and mixture distributions and the `Distribution` enum.
///
/// DistributionTestSupport.swift states the tolerance rule of 5 standard errors.
final class DistributionCompositeTests: XCTestCase {
    let sampleCount = 200_000

    func testEmpiricalReproducesSampleMean() throws {
        let observations = [0.8, 1.3, 0.2, 4.7, 1.3, 2.2, 0.05]
        let empirical = try Empirical(observations: observations)
        let observedMean = observations.reduce(0, +) / 7
        let populationVariance = observations.map { ($0 - observedMean) * ($0 - observedMean) }.reduce(0, +) / 7
        let values = drawSamples(count: sampleCount, seed: 51) { empirical.sample(using: &$0) }

        XCTAssertEqual(empirical.mean, observedMean, accuracy: 1e-12)
        XCTAssertEqual(empirical.variance, populationVariance, accuracy: 1e-12)
        assertMoments(values, mean: observedMean, variance: populationVariance)
    }

    func testEmpiricalReturnsOnlyObservations() throws {
        let observations = [3.0, 1.0, 2.0]
        let empirical = try Empirical(observations: observations)
        let values = drawSamples(count: 10_000, seed: 52) { empirical.sample(using: &$0) }

        XCTAssertEqual(Set(values), Set(observations))
    }

    func testEmpiricalSingleObservation() throws {
        let empirical = try Empirical(observations: [7.5])

        XCTAssertEqual(empirical.mean, 7.5)
        XCTAssertEqual(empirical.variance, 0)
    }

    func testMixtureMoments() throws {
        // Law of total variance: Var = Σ pᵢ σᵢ² + Σ pᵢ (μᵢ - μ)².
        let fast = Distribution.exponential(try Exponential(mean: 0.1))
        let slow = Distribution.lognormal(try LogNormal.fromMean(2, coefficientOfVariation: 0.5))
        let mixture = try Mixture(components: [fast, slow], weights: [9, 1])
        let expectedMean = 0.9 * 0.1 + 0.1 * 2
        let expectedVariance = 0.9 * 0.01 + 0.1 * 1.0
            + 0.9 * (0.1 - expectedMean) * (0.1 - expectedMean)
            + 0.1 * (2 - expectedMean) * (2 - expectedMean)
        let values = drawSamples(count: sampleCount, seed: 53) { mixture.sample(using: &$0) }

        XCTAssertEqual(mixture.mean, expectedMean, accuracy: 1e-12)
        XCTAssertEqual(mixture.variance, expectedVariance, accuracy: 1e-12)
        assertMoments(values, mean: expectedMean, variance: expectedVariance)
    }

    func testMixtureFromPairs() throws {
        let low = Distribution.constant(try Constant(1))
        let high = Distribution.constant(try Constant(5))
        let mixture = try Mixture([(low, weight: 3), (high, weight: 1)])

        XCTAssertEqual(mixture.probabilities, [0.75, 0.25])
        XCTAssertEqual(mixture.mean, 2)
        XCTAssertEqual(mixture.variance, 3)
    }

    func testMixtureNested() throws {
        let inner = try Mixture(
            components: [.constant(try Constant(0)), .constant(try Constant(2))], weights: [1, 1])
        let outer = try Mixture(
            components: [.mixture(inner), .uniform(try Uniform(lower: 10, upper: 12))], weights: [1, 1])
        let expectedMean = 0.5 * 1 + 0.5 * 11
        let expectedVariance = 0.5 * 1 + 0.5 * (1.0 / 3) + 0.5 * 25 + 0.5 * 25
        let values = drawSamples(count: sampleCount, seed: 54) { outer.sample(using: &$0) }

        XCTAssertEqual(outer.mean, expectedMean, accuracy: 1e-12)
        XCTAssertEqual(outer.variance, expectedVariance, accuracy: 1e-12)
        assertMoments(values, mean: expectedMean, variance: expectedVariance)
    }

    func testMixtureInfiniteMean() throws {
        let heavy = Distribution.pareto(try Pareto(shape: 0.9, scale: 1))
        let light = Distribution.constant(try Constant(1))
        let mixture = try Mixture(components: [heavy, light], weights: [1, 1])
        let ignored = try Mixture(components: [heavy, light], weights: [0, 1])

        XCTAssertEqual(mixture.mean, .infinity)
        XCTAssertEqual(mixture.variance, .infinity)
        XCTAssertEqual(ignored.mean, 1)
        XCTAssertEqual(ignored.variance, 0)
    }

    func testEnumForwardsToEachKind() throws {
        // The enum's sample, mean and variance equal those of the struct it wraps.
        for (name, distribution) in try allKinds() {
            var direct = Xoshiro256StarStar(seed: 55)
            var wrapped = Xoshiro256StarStar(seed: 55)
            let directValue = directSample(distribution, using: &direct)

            XCTAssertEqual(distribution.sample(using: &wrapped), directValue, name)
            XCTAssertEqual(distribution.mean, directMean(distribution), name)
            XCTAssertEqual(distribution.variance, directVariance(distribution), name)
        }
    }

    func testEnumMomentsMatchSamples() throws {
        // Every kind here has a finite variance, so the mean's standard error exists.
        for (index, (name, distribution)) in try allKinds().enumerated() {
            let values = drawSamples(count: 50_000, seed: 60 + UInt64(index)) { distribution.sample(using: &$0) }
            let summary = SampleSummary(values)
            let tolerance = summary.meanTolerance(theoreticalVariance: distribution.variance)

            XCTAssertEqual(summary.mean, distribution.mean, accuracy: max(tolerance, 1e-12), name)
        }
    }

    /// Returns one distribution of each enum case, named for failure messages.
    private func allKinds() throws -> [(String, Distribution)] {
        [
            ("constant", .constant(try Constant(2))),
            ("uniform", .uniform(try Uniform(lower: -1, upper: 3))),
            ("exponential", .exponential(try Exponential(rate: 3))),
            ("normal", .normal(try Normal(mean: -2, standardDeviation: 0.5))),
            ("lognormal", .lognormal(try LogNormal(mu: 0, sigma: 0.4))),
            ("gamma", .gamma(try Gamma(shape: 0.7, scale: 2))),
            ("erlang", .erlang(try Erlang(stages: 4, rate: 8))),
            ("weibull", .weibull(try Weibull(shape: 0.8, scale: 1))),
            ("pareto", .pareto(try Pareto(shape: 6, scale: 2))),
            ("boundedPareto", .boundedPareto(try BoundedPareto(shape: 1.1, lower: 0.01, upper: 10))),
            ("empirical", .empirical(try Empirical(observations: [1, 2, 2, 9]))),
            ("mixture", .mixture(try Mixture(components: [.constant(try Constant(1))], weights: [1]))),
        ]
    }

    private func directSample(_ distribution: Distribution, using rng: inout Xoshiro256StarStar) -> Double {
        switch distribution {
        case .constant(let wrapped): return wrapped.sample(using: &rng)
        case .uniform(let wrapped): return wrapped.sample(using: &rng)
        case .exponential(let wrapped): return wrapped.sample(using: &rng)
        case .normal(let wrapped): return wrapped.sample(using: &rng)
        case .lognormal(let wrapped): return wrapped.sample(using: &rng)
        case .gamma(let wrapped): return wrapped.sample(using: &rng)
        case .erlang(let wrapped): return wrapped.sample(using: &rng)
        case .weibull(let wrapped): return wrapped.sample(using: &rng)
        case .pareto(let wrapped): return wrapped.sample(using: &rng)
        case .boundedPareto(let wrapped): return wrapped.sample(using: &rng)
        case .empirical(let wrapped): return wrapped.sample(using: &rng)
        case .mixture(let wrapped): return wrapped.sample(using: &rng)
        }
    }

    private func directMean(_ distribution: Distribution) -> Double {
        switch distribution {
        case .constant(let wrapped): return wrapped.mean
        case .uniform(let wrapped): return wrapped.mean
        case .exponential(let wrapped): return wrapped.mean
        case .normal(let wrapped): return wrapped.mean
        case .lognormal(let wrapped): return wrapped.mean
        case .gamma(let wrapped): return wrapped.mean
        case .erlang(let wrapped): return wrapped.mean
        case .weibull(let wrapped): return wrapped.mean
        case .pareto(let wrapped): return wrapped.mean
        case .boundedPareto(let wrapped): return wrapped.mean
        case .empirical(let wrapped): return wrapped.mean
        case .mixture(let wrapped): return wrapped.mean
        }
    }

    private func directVariance(_ distribution: Distribution) -> Double {
        switch distribution {
        case .constant(let wrapped): return wrapped.variance
        case .uniform(let wrapped): return wrapped.variance
        case .exponential(let wrapped): return wrapped.variance
        case .normal(let wrapped): return wrapped.variance
        case .lognormal(let wrapped): return wrapped.variance
        case .gamma(let wrapped): return wrapped.variance
        case .erlang(let wrapped): return wrapped.variance
        case .weibull(let wrapped): return wrapped.variance
        case .pareto(let wrapped): return wrapped.variance
        case .boundedPareto(let wrapped): return wrapped.variance
        case .empirical(let wrapped): return wrapped.variance
        case .mixture(let wrapped): return wrapped.variance
        }
    }
}
