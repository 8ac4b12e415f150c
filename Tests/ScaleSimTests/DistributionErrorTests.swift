import ScaleSim
import XCTest

/// Each validating initializer rejects bad parameters with a message naming the parameter and value.
final class DistributionErrorTests: XCTestCase {
    func testMessageFormat() {
        let error = DistributionError(parameter: "rate", value: "-1.0", expectation: "a finite number > 0")

        XCTAssertEqual(error.description, "invalid rate -1.0, expected a finite number > 0")
    }

    func testConstantRejects() {
        assertRejects(try Constant(.nan), parameter: "value", value: "nan")
        assertRejects(try Constant(.infinity), parameter: "value", value: "inf")
    }

    func testUniformRejects() {
        assertRejects(try Uniform(lower: 2, upper: 2), parameter: "upper", value: "2.0")
        assertRejects(try Uniform(lower: 3, upper: 1), parameter: "upper", value: "1.0")
        assertRejects(try Uniform(lower: -.infinity, upper: 1), parameter: "lower", value: "-inf")
    }

    func testExponentialRejects() {
        assertRejects(try Exponential(rate: -1), parameter: "rate", value: "-1.0")
        assertRejects(try Exponential(rate: 0), parameter: "rate", value: "0.0")
        assertRejects(try Exponential(rate: .nan), parameter: "rate", value: "nan")
        assertRejects(try Exponential(mean: 0), parameter: "mean", value: "0.0")
    }

    func testNormalRejects() {
        assertRejects(try Normal(mean: 0, standardDeviation: 0), parameter: "standardDeviation", value: "0.0")
        assertRejects(try Normal(mean: 0, standardDeviation: -2), parameter: "standardDeviation", value: "-2.0")
        assertRejects(try Normal(mean: .infinity, standardDeviation: 1), parameter: "mean", value: "inf")
    }

    func testLogNormalRejects() {
        assertRejects(try LogNormal(mu: 0, sigma: 0), parameter: "sigma", value: "0.0")
        assertRejects(try LogNormal(mu: 0, sigma: -0.5), parameter: "sigma", value: "-0.5")
        assertRejects(try LogNormal(mu: .nan, sigma: 1), parameter: "mu", value: "nan")
        assertRejects(try LogNormal.fromMean(-1, coefficientOfVariation: 1), parameter: "mean", value: "-1.0")
        assertRejects(
            try LogNormal.fromMean(1, coefficientOfVariation: 0), parameter: "coefficientOfVariation", value: "0.0")
    }

    func testGammaRejects() {
        assertRejects(try Gamma(shape: 0, scale: 1), parameter: "shape", value: "0.0")
        assertRejects(try Gamma(shape: 1, scale: -1), parameter: "scale", value: "-1.0")
        assertRejects(try Gamma.fromMean(1, coefficientOfVariation: -1), parameter: "coefficientOfVariation", value: "-1.0")
    }

    func testErlangRejects() {
        assertRejects(try Erlang(stages: 0, rate: 1), parameter: "stages", value: "0")
        assertRejects(try Erlang(stages: 2, rate: .nan), parameter: "rate", value: "nan")
    }

    func testWeibullRejects() {
        assertRejects(try Weibull(shape: -1, scale: 1), parameter: "shape", value: "-1.0")
        assertRejects(try Weibull(shape: 1, scale: 0), parameter: "scale", value: "0.0")
    }

    func testParetoRejects() {
        assertRejects(try Pareto(shape: 0, scale: 1), parameter: "shape", value: "0.0")
        assertRejects(try Pareto(shape: 2, scale: 0), parameter: "scale", value: "0.0")
    }

    func testBoundedParetoRejects() {
        assertRejects(try BoundedPareto(shape: 1, lower: 5, upper: 5), parameter: "upper", value: "5.0")
        assertRejects(try BoundedPareto(shape: 1, lower: 0, upper: 5), parameter: "lower", value: "0.0")
        assertRejects(try BoundedPareto(shape: -1, lower: 1, upper: 5), parameter: "shape", value: "-1.0")
    }

    func testPoissonRejects() {
        assertRejects(try Poisson(mean: -1), parameter: "mean", value: "-1.0")
        assertRejects(try Poisson(mean: .infinity), parameter: "mean", value: "inf")
        assertRejects(try Poisson(mean: 1e11), parameter: "mean", value: "100000000000.0")
    }

    func testBernoulliRejects() {
        assertRejects(try Bernoulli(probability: -0.1), parameter: "probability", value: "-0.1")
        assertRejects(try Bernoulli(probability: 1.5), parameter: "probability", value: "1.5")
        assertRejects(try Bernoulli(probability: .nan), parameter: "probability", value: "nan")
    }

    func testZipfRejects() {
        assertRejects(try Zipf(rankCount: 0, exponent: 1), parameter: "rankCount", value: "0")
        assertRejects(try Zipf(rankCount: -5, exponent: 1), parameter: "rankCount", value: "-5")
        assertRejects(try Zipf(rankCount: 10, exponent: 0), parameter: "exponent", value: "0.0")
        assertRejects(try Zipf(rankCount: 10, exponent: -1), parameter: "exponent", value: "-1.0")
    }

    func testWeightedChoiceRejects() {
        assertRejects(try WeightedChoice(weights: []), parameter: "weights", value: "0 elements")
        assertRejects(try WeightedChoice(weights: [1, -1]), parameter: "weights[1]", value: "-1.0")
        assertRejects(try WeightedChoice(weights: [1, .infinity]), parameter: "weights[1]", value: "inf")
        assertRejects(try WeightedChoice(weights: [0, 0]), parameter: "weights", value: "with sum 0.0")
    }

    func testEmpiricalRejects() {
        assertRejects(try Empirical(observations: []), parameter: "observations", value: "0 elements")
        assertRejects(try Empirical(observations: [1, .nan]), parameter: "observations[1]", value: "nan")
    }

    func testMixtureRejects() throws {
        let component = Distribution.constant(try Constant(1))

        assertRejects(try Mixture(components: [], weights: []), parameter: "weights", value: "0 elements")
        assertRejects(
            try Mixture(components: [component], weights: [1, 2]), parameter: "weights", value: "with 2 elements")
        assertRejects(
            try Mixture(components: [component, component], weights: [1, -2]), parameter: "weights[1]", value: "-2.0")
    }
}
