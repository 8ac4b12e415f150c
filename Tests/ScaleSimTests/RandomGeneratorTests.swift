import XCTest
import ScaleSim

final class RandomGeneratorTests: XCTestCase {
    /// Vigna's splitmix64.c seeded with 1234567.
    func testSplitMix64MatchesReferenceOutputs() {
        var generator = SplitMix64(seed: 1_234_567)
        let expected: [UInt64] = [
            6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
            4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
        ]
        for value in expected {
            XCTAssertEqual(generator.next(), value)
        }
    }

    /// Blackman and Vigna's xoshiro256starstar.c from the state (1, 2, 3, 4).
    func testXoshiroMatchesReferenceOutputs() {
        var generator = Xoshiro256StarStar(state: (1, 2, 3, 4))
        let expected: [UInt64] = [
            11520, 0, 1_509_978_240, 1_215_971_899_390_074_240, 1_216_172_134_540_287_360,
            607_988_272_756_665_600,
        ]
        for value in expected {
            XCTAssertEqual(generator.next(), value)
        }
    }

    func testUnitIntervalBounds() {
        var generator = Xoshiro256StarStar(seed: 7)
        for _ in 0..<100_000 {
            let closedOpen = generator.nextUnit()
            XCTAssertGreaterThanOrEqual(closedOpen, 0)
            XCTAssertLessThan(closedOpen, 1)
            let open = generator.nextOpenUnit()
            XCTAssertGreaterThan(open, 0)
            XCTAssertLessThan(open, 1)
        }
    }

    func testUnitMeanIsOneHalf() {
        var generator = Xoshiro256StarStar(seed: 11)
        var moments = RunningMoments()
        for _ in 0..<200_000 {
            moments.record(generator.nextUnit())
        }
        // The standard error of the mean of 200,000 uniforms is 0.000645; allow 5 of them.
        XCTAssertEqual(moments.mean, 0.5, accuracy: 0.0033)
        XCTAssertEqual(moments.variance, 1.0 / 12, accuracy: 0.001)
    }
}
