import ScaleSim
import XCTest

/// Sample moments of each continuous kind against its formulas.
///
/// DistributionTestSupport.swift states the tolerance rule of 5 standard errors.
final class DistributionContinuousTests: XCTestCase {
    let sampleCount = 200_000

    func testConstantReturnsValue() throws {
        let constant = try Constant(4.25)
        let values = drawSamples(count: 100, seed: 1) { constant.sample(using: &$0) }

        XCTAssertEqual(Set(values), [4.25])
        XCTAssertEqual(constant.mean, 4.25)
        XCTAssertEqual(constant.variance, 0)
    }

    func testUniformMoments() throws {
        let uniform = try Uniform(lower: 2, upper: 5)
        let values = drawSamples(count: sampleCount, seed: 11) { uniform.sample(using: &$0) }

        XCTAssertEqual(uniform.mean, 3.5)
        XCTAssertEqual(uniform.variance, 0.75)
        assertMoments(values, mean: 3.5, variance: 0.75)
        XCTAssertGreaterThanOrEqual(values.min() ?? -1, 2)
        XCTAssertLessThan(values.max() ?? 6, 5)
    }

    func testExponentialMoments() throws {
        let exponential = try Exponential(rate: 2)
        let values = drawSamples(count: sampleCount, seed: 12) { exponential.sample(using: &$0) }

        XCTAssertEqual(exponential.mean, 0.5)
        XCTAssertEqual(exponential.variance, 0.25)
        assertMoments(values, mean: 0.5, variance: 0.25)
        XCTAssertGreaterThan(values.min() ?? -1, 0)
    }

    func testExponentialByMean() throws {
        let exponential = try Exponential(mean: 0.25)

        XCTAssertEqual(exponential.rate, 4)
    }

    func testNormalMoments() throws {
        let normal = try Normal(mean: 3, standardDeviation: 2)
        let values = drawSamples(count: sampleCount, seed: 13) { normal.sample(using: &$0) }

        XCTAssertEqual(normal.variance, 4)
        assertMoments(values, mean: 3, variance: 4)
    }

    func testNormalSymmetry() throws {
        // The share below the mean is 1/2 for a symmetric distribution.
        let normal = try Normal(mean: 0, standardDeviation: 1)
        let values = drawSamples(count: sampleCount, seed: 14) { normal.sample(using: &$0) }
        let below = values.filter { $0 < 0 }.count

        assertFrequency(below, of: sampleCount, probability: 0.5, "share below the mean")
    }

    func testLogNormalMoments() throws {
        let logNormal = try LogNormal(mu: 0.5, sigma: 0.5)
        let values = drawSamples(count: sampleCount, seed: 15) { logNormal.sample(using: &$0) }
        let expectedMean = exp(0.5 + 0.125)
        let expectedVariance = (exp(0.25) - 1) * exp(1 + 0.25)

        XCTAssertEqual(logNormal.mean, expectedMean, accuracy: 1e-12)
        XCTAssertEqual(logNormal.variance, expectedVariance, accuracy: 1e-12)
        assertMoments(values, mean: expectedMean, variance: expectedVariance)
    }

    func testLogNormalFromMean() throws {
        let logNormal = try LogNormal.fromMean(0.2, coefficientOfVariation: 1.5)
        let values = drawSamples(count: sampleCount, seed: 16) { logNormal.sample(using: &$0) }
        let expectedVariance = 0.3 * 0.3

        XCTAssertEqual(logNormal.mean, 0.2, accuracy: 1e-12)
        XCTAssertEqual(logNormal.variance, expectedVariance, accuracy: 1e-12)
        assertMoments(values, mean: 0.2, variance: expectedVariance)
    }

    func testGammaMoments() throws {
        let gamma = try Gamma(shape: 2.5, scale: 1.5)
        let values = drawSamples(count: sampleCount, seed: 17) { gamma.sample(using: &$0) }

        XCTAssertEqual(gamma.mean, 3.75)
        XCTAssertEqual(gamma.variance, 5.625)
        assertMoments(values, mean: 3.75, variance: 5.625)
    }

    func testGammaSmallShapeMoments() throws {
        let gamma = try Gamma(shape: 0.3, scale: 2)
        let values = drawSamples(count: sampleCount, seed: 18) { gamma.sample(using: &$0) }

        assertMoments(values, mean: 0.6, variance: 1.2)
        XCTAssertGreaterThanOrEqual(values.min() ?? -1, 0)
    }

    func testGammaFromMean() throws {
        let gamma = try Gamma.fromMean(3, coefficientOfVariation: 0.5)

        XCTAssertEqual(gamma.shape, 4, accuracy: 1e-12)
        XCTAssertEqual(gamma.mean, 3, accuracy: 1e-12)
        XCTAssertEqual(gamma.variance, 2.25, accuracy: 1e-12)
    }

    func testErlangMoments() throws {
        let erlang = try Erlang(stages: 3, rate: 2)
        let values = drawSamples(count: sampleCount, seed: 19) { erlang.sample(using: &$0) }

        XCTAssertEqual(erlang.mean, 1.5)
        XCTAssertEqual(erlang.variance, 0.75)
        assertMoments(values, mean: 1.5, variance: 0.75)
    }

    func testErlangManyStagesMoments() throws {
        // Forty stages take the gamma path.
        let erlang = try Erlang(stages: 40, rate: 5)
        let values = drawSamples(count: sampleCount, seed: 20) { erlang.sample(using: &$0) }

        assertMoments(values, mean: 8, variance: 1.6)
    }

    func testWeibullMoments() throws {
        let weibull = try Weibull(shape: 1.5, scale: 2)
        let values = drawSamples(count: sampleCount, seed: 21) { weibull.sample(using: &$0) }
        let first = tgamma(1 + 1 / 1.5)
        let expectedMean = 2 * first
        let expectedVariance = 4 * (tgamma(1 + 2 / 1.5) - first * first)

        XCTAssertEqual(weibull.mean, expectedMean, accuracy: 1e-12)
        XCTAssertEqual(weibull.variance, expectedVariance, accuracy: 1e-12)
        assertMoments(values, mean: expectedMean, variance: expectedVariance)
    }

    func testWeibullShapeOneIsExponential() throws {
        let weibull = try Weibull(shape: 1, scale: 3)

        XCTAssertEqual(weibull.mean, 3, accuracy: 1e-12)
        XCTAssertEqual(weibull.variance, 9, accuracy: 1e-12)
    }

    func testParetoMoments() throws {
        // Shape 6 keeps the fourth moment, and so the variance's standard error, finite.
        let pareto = try Pareto(shape: 6, scale: 1.5)
        let values = drawSamples(count: sampleCount, seed: 22) { pareto.sample(using: &$0) }
        let expectedMean = 6 * 1.5 / 5
        let expectedVariance = 1.5 * 1.5 * 6 / (25 * 4)

        XCTAssertEqual(pareto.mean, expectedMean, accuracy: 1e-12)
        XCTAssertEqual(pareto.variance, expectedVariance, accuracy: 1e-12)
        assertMoments(values, mean: expectedMean, variance: expectedVariance)
        XCTAssertGreaterThanOrEqual(values.min() ?? 0, 1.5)
    }

    func testParetoInfiniteMoments() throws {
        let shapeOne = try Pareto(shape: 1, scale: 1)
        let shapeTwo = try Pareto(shape: 2, scale: 1)

        XCTAssertEqual(shapeOne.mean, .infinity)
        XCTAssertEqual(shapeOne.variance, .infinity)
        XCTAssertEqual(shapeTwo.mean, 2)
        XCTAssertEqual(shapeTwo.variance, .infinity)
    }

    func testParetoTailProbability() throws {
        // P(X > 2 xₘ) = 2^-α.
        let pareto = try Pareto(shape: 1.2, scale: 1)
        let values = drawSamples(count: sampleCount, seed: 23) { pareto.sample(using: &$0) }
        let above = values.filter { $0 > 2 }.count

        assertFrequency(above, of: sampleCount, probability: pow(2, -1.2), "share above 2")
    }

    func testBoundedParetoMoments() throws {
        for (index, shape) in [0.5, 1.0, 1.2, 2.0].enumerated() {
            let bounded = try BoundedPareto(shape: shape, lower: 1, upper: 100)
            let values = drawSamples(count: sampleCount, seed: 24 + UInt64(index)) { bounded.sample(using: &$0) }
            let expectedMean = boundedParetoMoment(1, shape: shape, lower: 1, upper: 100)
            let expectedSecond = boundedParetoMoment(2, shape: shape, lower: 1, upper: 100)
            let expectedVariance = expectedSecond - expectedMean * expectedMean

            XCTAssertEqual(bounded.mean, expectedMean, accuracy: 1e-9 * expectedMean, "shape \(shape)")
            XCTAssertEqual(bounded.variance, expectedVariance, accuracy: 1e-9 * expectedVariance, "shape \(shape)")
            assertMoments(values, mean: expectedMean, variance: expectedVariance)
            XCTAssertGreaterThanOrEqual(values.min() ?? 0, 1, "shape \(shape)")
            XCTAssertLessThanOrEqual(values.max() ?? 101, 100, "shape \(shape)")
        }
    }

    /// `E[X^r]` of a Pareto truncated to [lower, upper], by midpoint integration of the density
    /// `α L^α x^-(α+1) / (1 - (L/H)^α)` over a log-spaced grid, independent of the library's
    /// closed form.
    private func boundedParetoMoment(_ order: Double, shape: Double, lower: Double, upper: Double) -> Double {
        let steps = 200_000
        let logLower = log(lower)
        let logStep = (log(upper) - logLower) / Double(steps)
        let normalizer = shape * pow(lower, shape) / (1 - pow(lower / upper, shape))
        var total = 0.0
        for step in 0..<steps {
            // With x = e^y, dx = x dy.
            let x = exp(logLower + (Double(step) + 0.5) * logStep)
            total += pow(x, order - shape - 1) * x * logStep
        }
        return normalizer * total
    }
}
