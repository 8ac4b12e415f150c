import ScaleSim
import XCTest

// Tolerance rule for the moment tests.
//
// A sample mean of n draws has standard error sqrt(σ² / n), with σ² the theoretical variance. A
// sample variance has standard error sqrt((μ₄ - s⁴) / n), with μ₄ the fourth central moment and
// s² the variance, both estimated from the same draws. Each check allows 5 standard errors. For
// a normal estimate the chance of a miss is 6e-7 per check. The seeds are fixed, so a failure
// is reproducible and points to a wrong sampler or a wrong formula, never to bad luck that a new
// seed would hide.

/// The sample mean, unbiased variance and fourth central moment of `values`, by two passes.
struct SampleSummary {
    let count: Int
    let mean: Double
    let variance: Double
    let fourthCentralMoment: Double

    init(_ values: [Double]) {
        count = values.count
        let n = Double(values.count)
        mean = values.reduce(0, +) / n
        var squares = 0.0
        var fourths = 0.0
        for value in values {
            let deviation = value - mean
            let squared = deviation * deviation
            squares += squared
            fourths += squared * squared
        }
        variance = squares / (n - 1)
        fourthCentralMoment = fourths / n
    }

    /// Five standard errors of the sample mean, for a distribution with `theoreticalVariance`.
    func meanTolerance(theoreticalVariance: Double) -> Double {
        5 * (theoreticalVariance / Double(count)).squareRoot()
    }

    /// Five standard errors of the sample variance, estimated from the fourth moment.
    var varianceTolerance: Double {
        5 * ((fourthCentralMoment - variance * variance) / Double(count)).squareRoot()
    }
}

/// Draws `count` values from `draw` with a generator seeded by `seed`.
func drawSamples(
    count: Int, seed: UInt64, _ draw: (inout Xoshiro256StarStar) -> Double
) -> [Double] {
    var rng = Xoshiro256StarStar(seed: seed)
    var values: [Double] = []
    values.reserveCapacity(count)
    for _ in 0..<count {
        values.append(draw(&rng))
    }
    return values
}

/// Asserts that the mean and the variance of `values` match the theory within 5 standard errors.
func assertMoments(
    _ values: [Double], mean: Double, variance: Double,
    file: StaticString = #filePath, line: UInt = #line
) {
    let summary = SampleSummary(values)
    let meanTolerance = summary.meanTolerance(theoreticalVariance: variance)
    XCTAssertEqual(summary.mean, mean, accuracy: meanTolerance, "sample mean", file: file, line: line)
    XCTAssertEqual(
        summary.variance, variance, accuracy: summary.varianceTolerance, "sample variance", file: file, line: line)
}

/// Asserts that `observed` of `total` draws matches `probability` within 5 standard errors.
func assertFrequency(
    _ observed: Int, of total: Int, probability: Double, _ label: String,
    file: StaticString = #filePath, line: UInt = #line
) {
    let n = Double(total)
    let tolerance = 5 * (probability * (1 - probability) / n).squareRoot()
    XCTAssertEqual(Double(observed) / n, probability, accuracy: tolerance, label, file: file, line: line)
}

/// Asserts that `expression` throws a `DistributionError` for `parameter` and `value`, and that
/// its message names both.
func assertRejects<T>(
    _ expression: @autoclosure () throws -> T, parameter: String, value: String,
    file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertThrowsError(try expression(), file: file, line: line) { error in
        guard let distributionError = error as? DistributionError else {
            XCTFail("expected DistributionError, got \(error)", file: file, line: line)
            return
        }
        XCTAssertEqual(distributionError.parameter, parameter, file: file, line: line)
        XCTAssertEqual(distributionError.value, value, file: file, line: line)
        XCTAssertTrue(
            distributionError.description.contains(parameter), distributionError.description, file: file, line: line)
        XCTAssertTrue(
            distributionError.description.contains(value), distributionError.description, file: file, line: line)
    }
}
