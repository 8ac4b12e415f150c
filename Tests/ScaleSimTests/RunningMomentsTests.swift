import ScaleSim
import XCTest

final class RunningMomentsTests: XCTestCase {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, sum of squared deviations 32, sample variance 32 / 7.
    func testMeanAndVariance() {
        var moments = RunningMoments()
        for value in [2.0, 4, 4, 4, 5, 5, 7, 9] {
            moments.record(value)
        }
        XCTAssertEqual(moments.count, 8)
        XCTAssertEqual(moments.mean, 5)
        XCTAssertEqual(moments.variance, 32.0 / 7, accuracy: 1e-12)
        XCTAssertEqual(moments.minimum, 2)
        XCTAssertEqual(moments.maximum, 9)
        XCTAssertEqual(moments.sum, 40)
    }

    func testEmptyAndSingle() {
        var moments = RunningMoments()
        XCTAssertEqual(moments.count, 0)
        XCTAssertEqual(moments.variance, 0)
        XCTAssertEqual(moments.minimum, .infinity)
        moments.record(3)
        XCTAssertEqual(moments.variance, 0)
        XCTAssertEqual(moments.mean, 3)
    }

    // Welford's update keeps the variance of values near 1e9 whose spread is 1.
    func testLargeOffsetKeepsPrecision() {
        var moments = RunningMoments()
        for value in [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16] {
            moments.record(value)
        }
        XCTAssertEqual(moments.variance, 30, accuracy: 1e-6)
    }

    func testMergeMatchesRecordingAll() {
        var random = Xoshiro256StarStar(seed: 21)
        var first = RunningMoments()
        var second = RunningMoments()
        var all = RunningMoments()
        for index in 0..<1_000 {
            let value = random.nextUnit() * 100
            if index < 300 { first.record(value) } else { second.record(value) }
            all.record(value)
        }
        first.merge(second)
        XCTAssertEqual(first.count, all.count)
        XCTAssertEqual(first.mean, all.mean, accuracy: 1e-12)
        XCTAssertEqual(first.variance, all.variance, accuracy: 1e-9)
        XCTAssertEqual(first.minimum, all.minimum)
        XCTAssertEqual(first.maximum, all.maximum)
    }

    func testMergeWithEmpty() {
        var filled = RunningMoments()
        filled.record(1)
        filled.record(2)
        var empty = RunningMoments()
        empty.merge(filled)
        XCTAssertEqual(empty, filled)
        filled.merge(RunningMoments())
        XCTAssertEqual(empty, filled)
    }
}
