import ScaleSim
import XCTest

/// Frequencies and moments of the integer- and Boolean-valued kinds against theory.
///
/// DistributionTestSupport.swift states the tolerance rule of 5 standard errors.
final class DistributionDiscreteTests: XCTestCase {
    let sampleCount = 200_000

    func testPoissonSmallMeanMoments() throws {
        let poisson = try Poisson(mean: 3.5)
        let values = drawSamples(count: sampleCount, seed: 31) { Double(poisson.sample(using: &$0)) }

        assertMoments(values, mean: 3.5, variance: 3.5)
        assertPoissonFrequencies(values, mean: 3.5, counts: 0...10)
    }

    func testPoissonLargeMeanMoments() throws {
        let poisson = try Poisson(mean: 47.3)
        let values = drawSamples(count: sampleCount, seed: 32) { Double(poisson.sample(using: &$0)) }

        assertMoments(values, mean: 47.3, variance: 47.3)
        assertPoissonFrequencies(values, mean: 47.3, counts: 30...65)
    }

    func testPoissonAtThresholdMoments() throws {
        // A mean of exactly 10 is the first to take the transformed-rejection path.
        let poisson = try Poisson(mean: 10)
        let values = drawSamples(count: sampleCount, seed: 33) { Double(poisson.sample(using: &$0)) }

        assertMoments(values, mean: 10, variance: 10)
        assertPoissonFrequencies(values, mean: 10, counts: 0...25)
    }

    func testPoissonHugeMeanMoments() throws {
        let poisson = try Poisson(mean: 2.5e6)
        let values = drawSamples(count: sampleCount, seed: 34) { Double(poisson.sample(using: &$0)) }

        assertMoments(values, mean: 2.5e6, variance: 2.5e6)
    }

    func testPoissonZeroMean() throws {
        let poisson = try Poisson(mean: 0)
        let values = drawSamples(count: 1000, seed: 35) { Double(poisson.sample(using: &$0)) }

        XCTAssertEqual(Set(values), [0])
    }

    func testBernoulliFrequency() throws {
        let bernoulli = try Bernoulli(probability: 0.3)
        var rng = Xoshiro256StarStar(seed: 36)
        var successes = 0
        for _ in 0..<sampleCount where bernoulli.sample(using: &rng) {
            successes += 1
        }

        XCTAssertEqual(bernoulli.mean, 0.3)
        XCTAssertEqual(bernoulli.variance, 0.21, accuracy: 1e-15)
        assertFrequency(successes, of: sampleCount, probability: 0.3, "successes")
    }

    func testBernoulliCertainOutcomes() throws {
        let never = try Bernoulli(probability: 0)
        let always = try Bernoulli(probability: 1)
        var rng = Xoshiro256StarStar(seed: 37)
        var neverCount = 0
        var alwaysCount = 0
        for _ in 0..<10_000 {
            if never.sample(using: &rng) { neverCount += 1 }
            if always.sample(using: &rng) { alwaysCount += 1 }
        }

        XCTAssertEqual(neverCount, 0)
        XCTAssertEqual(alwaysCount, 10_000)
    }

    func testZipfTopRankFrequencies() throws {
        // Building for a million ranks is O(1): rejection-inversion keeps no table.
        let rankCount = 1_000_000
        let zipf = try Zipf(rankCount: rankCount, exponent: 1.1)
        let normalization = directHarmonic(rankCount, exponent: 1.1)
        var rng = Xoshiro256StarStar(seed: 38)
        var topCounts = [Int](repeating: 0, count: 11)
        var outOfRange = 0
        for _ in 0..<sampleCount {
            let rank = zipf.sample(using: &rng)
            if rank < 1 || rank > rankCount {
                outOfRange += 1
            } else if rank <= 10 {
                topCounts[rank] += 1
            }
        }

        XCTAssertEqual(zipf.normalization, normalization, accuracy: 1e-12 * normalization)
        XCTAssertEqual(outOfRange, 0)
        for rank in 1...10 {
            let probability = pow(Double(rank), -1.1) / normalization
            XCTAssertEqual(zipf.probability(ofRank: rank), probability, accuracy: 1e-12 * probability)
            assertFrequency(topCounts[rank], of: sampleCount, probability: probability, "rank \(rank)")
        }
    }

    func testZipfAllRankFrequencies() throws {
        for exponent in [0.5, 1.0, 2.5] {
            let zipf = try Zipf(rankCount: 20, exponent: exponent)
            let normalization = directHarmonic(20, exponent: exponent)
            var rng = Xoshiro256StarStar(seed: 39)
            var counts = [Int](repeating: 0, count: 21)
            for _ in 0..<sampleCount {
                counts[zipf.sample(using: &rng)] += 1
            }

            for rank in 1...20 {
                let probability = pow(Double(rank), -exponent) / normalization
                assertFrequency(counts[rank], of: sampleCount, probability: probability, "s \(exponent) rank \(rank)")
            }
        }
    }

    func testZipfMoments() throws {
        let zipf = try Zipf(rankCount: 5000, exponent: 1.5)
        let normalization = directHarmonic(5000, exponent: 1.5)
        let expectedMean = directHarmonic(5000, exponent: 0.5) / normalization
        let expectedVariance = directHarmonic(5000, exponent: -0.5) / normalization - expectedMean * expectedMean
        let values = drawSamples(count: sampleCount, seed: 40) { Double(zipf.sample(using: &$0)) }

        XCTAssertEqual(zipf.mean, expectedMean, accuracy: 1e-10 * expectedMean)
        XCTAssertEqual(zipf.variance, expectedVariance, accuracy: 1e-9 * expectedVariance)
        assertMoments(values, mean: expectedMean, variance: expectedVariance)
    }

    func testZipfSingleRank() throws {
        let zipf = try Zipf(rankCount: 1, exponent: 2)
        let values = drawSamples(count: 1000, seed: 41) { Double(zipf.sample(using: &$0)) }

        XCTAssertEqual(Set(values), [1])
        XCTAssertEqual(zipf.mean, 1)
        XCTAssertEqual(zipf.variance, 0)
    }

    func testWeightedChoiceFrequencies() throws {
        let weights = [1.0, 0, 3, 6, 2.5]
        let choice = try WeightedChoice(weights: weights)
        var rng = Xoshiro256StarStar(seed: 42)
        var counts = [Int](repeating: 0, count: weights.count)
        for _ in 0..<sampleCount {
            counts[choice.sample(using: &rng)] += 1
        }

        XCTAssertEqual(counts[1], 0)
        for index in weights.indices {
            let probability = weights[index] / 12.5
            XCTAssertEqual(choice.probabilities[index], probability, accuracy: 1e-15)
            assertFrequency(counts[index], of: sampleCount, probability: probability, "index \(index)")
        }
    }

    func testWeightedChoiceMillionWeights() throws {
        // The alias table for a million weights is built once, and its top indices keep their share.
        let count = 1_000_000
        let weights = (1...count).map { 1 / Double($0) }
        let total = weights.reduce(0, +)
        let choice = try WeightedChoice(weights: weights)
        var rng = Xoshiro256StarStar(seed: 43)
        var topCounts = [Int](repeating: 0, count: 5)
        for _ in 0..<sampleCount {
            let index = choice.sample(using: &rng)
            if index < 5 {
                topCounts[index] += 1
            }
        }

        XCTAssertEqual(choice.count, count)
        for index in 0..<5 {
            assertFrequency(topCounts[index], of: sampleCount, probability: weights[index] / total, "index \(index)")
        }
    }

    func testWeightedChoiceMoments() throws {
        let choice = try WeightedChoice(weights: [2, 1, 1])
        let values = drawSamples(count: sampleCount, seed: 44) { Double(choice.sample(using: &$0)) }

        XCTAssertEqual(choice.mean, 0.75)
        XCTAssertEqual(choice.variance, 1.25 - 0.5625)
        assertMoments(values, mean: 0.75, variance: 0.6875)
    }

    /// Asserts the observed frequency of each count in `counts` against the Poisson mass function.
    private func assertPoissonFrequencies(
        _ values: [Double], mean: Double, counts: ClosedRange<Int>,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        for count in counts {
            let observed = values.filter { $0 == Double(count) }.count
            let probability = exp(-mean + Double(count) * log(mean) - lgamma(Double(count) + 1))
            assertFrequency(observed, of: values.count, probability: probability, "count \(count)", file: file, line: line)
        }
    }

    /// `Σ_{k=1}^{n} k^-exponent` summed term by term, smallest first.
    private func directHarmonic(_ n: Int, exponent: Double) -> Double {
        var total = 0.0
        for k in stride(from: n, through: 1, by: -1) {
            total += pow(Double(k), -exponent)
        }
        return total
    }
}
